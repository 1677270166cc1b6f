import config from './server/config';
import register from './server/register';
import services from './server/services';

export default {
  config,
  register,
  services,
};
