import config from './server/config';
import bootstrap from './server/bootstrap';

export default {
  config,
  bootstrap,
};
