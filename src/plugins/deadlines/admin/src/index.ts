import { Clock, Earth } from '@strapi/icons';
import type { ComponentType } from 'react';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { translationsOf } from '../../../shared/admin/translations';
import { WindowPanel } from './components/WindowPanel';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: getTranslation('page.title'), defaultMessage: 'Deadlines' },
      Component: () => import('./pages/DeadlinesPage'),
      permissions: [],
    });
    app.widgets.register({
      id: 'deadlines',
      pluginId: PLUGIN_ID,
      icon: Clock,
      title: { id: getTranslation('widget.title'), defaultMessage: 'Deadlines' },
      link: { label: { id: getTranslation('widget.link'), defaultMessage: 'All deadlines' }, href: `/plugins/${PLUGIN_ID}` },
      component: async () => (await import('./widgets/DeadlinesWidget')).default,
    });
    app.customFields.register({
      name: 'timezone',
      pluginId: PLUGIN_ID,
      type: 'string',
      icon: Earth,
      intlLabel: { id: getTranslation('timezone.label'), defaultMessage: 'Timezone' },
      intlDescription: { id: getTranslation('timezone.description'), defaultMessage: 'An IANA timezone, e.g. Europe/Zurich' },
      // Strapi gives the input its field's props (name, label, hint...), which its type leaves out.
      components: { Input: async () => ({ default: (await import('./components/TimezoneInput')).default as unknown as ComponentType }) },
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([WindowPanel]);
  },

  registerTrads: translationsOf(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
