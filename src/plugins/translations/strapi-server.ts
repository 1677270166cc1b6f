import bootstrap from './server/bootstrap';
import config from './server/config';
import translationStatus from './server/controllers/translation-status';
import register from './server/register';
import routes from './server/routes';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  routes,
  controllers: { 'translation-status': translationStatus },
  services,
};
