import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import windowSummaries from './server/middlewares/window-summaries';
import register from './server/register';
import actor from './server/services/actor';
import clock from './server/services/clock';
import enforcement from './server/services/enforcement';
import sources from './server/services/sources';
import windows from './server/services/windows';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  middlewares: { 'window-summaries': windowSummaries },
  services: { actor, clock, enforcement, sources, windows },
};
