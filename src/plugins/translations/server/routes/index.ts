export default {
  // GET /api/translation-status: no role is granted it, so only API tokens (editors) reach it.
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/translation-status', handler: 'translation-status.report', config: { prefix: '' } }],
  },
  // GET /translations/translation-status: any signed-in admin user (editors, translators' queue).
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/translation-status',
        handler: 'translation-status.report',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      // GET /translations/queue?locale=fr: a translator's to-do in their language, every type.
      { method: 'GET', path: '/queue', handler: 'translation-status.queue', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  },
};
