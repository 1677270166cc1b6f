import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Check } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { translationsOf } from '../../../shared/admin/translations';
import { REVIEW_ACTIONS } from './components/ReviewActions';
import { PLUGIN_ID } from './pluginId';
import { REVIEW_PERMISSION } from './utils/api';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Check,
      intlLabel: { id: getTranslation('page.title'), defaultMessage: 'Moderation' },
      Component: () => import('./pages/ModerationPage'),
      permissions: [{ action: REVIEW_PERMISSION, subject: null }],
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addDocumentAction(REVIEW_ACTIONS);
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
