import bootstrap from './server/bootstrap';
import config from './server/config';
import contentTypes from './server/content-types';
import review from './server/controllers/review';
import register from './server/register';
import routes from './server/routes';
import services from './server/services';

export default { register, bootstrap, config, contentTypes, controllers: { review }, routes, services };
