import bootstrap from './server/bootstrap';
import config from './server/config';
import translationStatus from './server/controllers/translation-status';
import register from './server/register';
import routes from './server/routes';
import derivedFields from './server/services/derived-fields';
import fallback from './server/services/fallback';
import model from './server/services/model';
import status from './server/services/status';

export default {
  register,
  bootstrap,
  config,
  routes,
  controllers: { 'translation-status': translationStatus },
  services: { model, 'derived-fields': derivedFields, fallback, status },
};
