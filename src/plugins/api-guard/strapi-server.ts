import bootstrap from './server/bootstrap';
import config from './server/config';
import errorCodes from './server/middlewares/error-codes';
import queryGuard from './server/middlewares/query-guard';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  middlewares: { 'error-codes': errorCodes, 'query-guard': queryGuard },
  services,
};
