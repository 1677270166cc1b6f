import bootstrap from './server/bootstrap';
import config from './server/config';
import services from './server/services';

export default { bootstrap, config, services };
