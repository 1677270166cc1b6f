const REVIEW = 'plugin::submissions.review';
const reviewer = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [REVIEW] } }] };

export default {
  // /submissions/...: admin users holding the "Review submissions" permission (editors, moderators).
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/reviews', handler: 'review.queue', config: reviewer },
      { method: 'GET', path: '/reviews/:contentType/:documentId', handler: 'review.history', config: reviewer },
      { method: 'POST', path: '/reviews/:contentType/:documentId', handler: 'review.act', config: reviewer },
    ],
  },
};
