import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // The admin in the UN languages besides English, so that translators work in their own.
    locales: ['ar', 'zh', 'fr', 'ru', 'es'],
  },
  bootstrap(_app: StrapiApp) {},
};
