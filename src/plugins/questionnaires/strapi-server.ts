import bootstrap from './server/bootstrap';
import config from './server/config';
import adminSubmit from './server/controllers/admin-submit';
import membership from './server/controllers/membership';
import register from './server/register';
import routes from './server/routes';
import services from './server/services';

export default { register, bootstrap, config, controllers: { 'admin-submit': adminSubmit, membership }, routes, services };
