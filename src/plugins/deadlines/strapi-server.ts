import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import overview from './server/controllers/overview';
import windowSummaries from './server/middlewares/window-summaries';
import register from './server/register';
import routes from './server/routes';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers: { overview },
  routes,
  middlewares: { 'window-summaries': windowSummaries },
  services,
};
