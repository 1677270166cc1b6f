import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import windowSummaries from './server/middlewares/window-summaries';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  middlewares: { 'window-summaries': windowSummaries },
  services,
};
