export default {
  // GET /deadlines/windows: any signed-in admin user (the homepage widget, the deadlines page).
  admin: {
    type: 'admin',
    routes: [{ method: 'GET', path: '/windows', handler: 'overview.list', config: { policies: ['admin::isAuthenticatedAdmin'] } }],
  },
};
