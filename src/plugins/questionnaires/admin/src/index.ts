import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { translationsOf } from '../../../shared/admin/translations';
import { SubmitAction } from './components/SubmitAction';

const PLUGIN_ID = 'questionnaires';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addDocumentAction([SubmitAction]);
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
