import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import windowSummaries from './server/middlewares/window-summaries';
import register from './server/register';
import actor from './server/services/actor';
import clock from './server/services/clock';
import enforcement from './server/services/enforcement';
import lateSubmitters from './server/services/late-submitters';
import sources from './server/services/sources';
import submissionReads from './server/services/submission-reads';
import uploads from './server/services/uploads';
import windows from './server/services/windows';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  middlewares: { 'window-summaries': windowSummaries },
  services: { actor, clock, enforcement, 'late-submitters': lateSubmitters, sources, 'submission-reads': submissionReads, uploads, windows },
};
