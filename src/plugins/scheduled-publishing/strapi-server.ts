import bootstrap from './server/bootstrap';
import config from './server/config';
import scheduler from './server/services/scheduler';

export default {
  config,
  bootstrap,
  services: { scheduler },
};
