import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import register from './server/register';
import services from './server/services';

export default { register, bootstrap, config, contentTypes, services };
