import bootstrap from './server/bootstrap';
import config from './server/config';
import register from './server/register';
import contentTypes from './server/services/content-types';
import guard from './server/services/guard';
import locales from './server/services/locales';
import roles from './server/services/roles';
import translator from './server/services/translator';

export default {
  register,
  bootstrap,
  config,
  services: { 'content-types': contentTypes, guard, locales, roles, translator },
};
