import contentTypes from './content-types';
import guard from './guard';
import locales from './locales';
import roles from './roles';
import translator from './translator';

export default { 'content-types': contentTypes, guard, locales, roles, translator };
