import bootstrap from './server/bootstrap';
import config from './server/config';
import membership from './server/controllers/membership';
import register from './server/register';
import routes from './server/routes';
import services from './server/services';

export default { register, bootstrap, config, controllers: { membership }, routes, services };
