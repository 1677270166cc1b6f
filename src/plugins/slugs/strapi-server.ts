import config from './server/config';
import register from './server/register';
import slugs from './server/services/slugs';

export default {
  config,
  register,
  services: { slugs },
};
