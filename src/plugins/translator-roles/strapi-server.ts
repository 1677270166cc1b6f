import bootstrap from './server/bootstrap';
import config from './server/config';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  services,
};
