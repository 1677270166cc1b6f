import { Earth } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { translationsOf } from '../../../shared/admin/translations';
import { RightToLeftFields } from './components/RightToLeftFields';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: { id: getTranslation('page.title'), defaultMessage: 'Translation queue' },
      Component: () => import('./pages/TranslationQueuePage'),
      permissions: [],
    });
    app.widgets.register({
      id: 'translation-queue',
      pluginId: PLUGIN_ID,
      icon: Earth,
      title: { id: getTranslation('widget.title'), defaultMessage: 'Translation queue' },
      link: { label: { id: getTranslation('widget.link'), defaultMessage: 'Open the queue' }, href: `/plugins/${PLUGIN_ID}` },
      component: async () => (await import('./widgets/QueueCountWidget')).default,
    });
  },

  bootstrap(app: StrapiApp) {
    app
      .getPlugin('content-manager')
      .injectComponent('editView', 'right-links', { name: 'translations-right-to-left', Component: RightToLeftFields });
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
