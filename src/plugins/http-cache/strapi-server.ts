import bootstrap from './server/bootstrap';
import config from './server/config';
import conditionalGet from './server/middlewares/conditional-get';
import responseCache from './server/middlewares/response-cache';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  middlewares: { 'conditional-get': conditionalGet, 'response-cache': responseCache },
  services,
};
