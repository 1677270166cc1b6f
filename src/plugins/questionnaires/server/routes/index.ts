const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  // /api/questionnaires/membership: the signed-in stakeholder's organization.
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/membership', handler: 'membership.find' },
      { method: 'PUT', path: '/membership', handler: 'membership.update' },
    ],
  },
  // /questionnaires/...: the admin's Submit action (the handler checks the update permission on the type).
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/answering-types', handler: 'admin-submit.types', config: signedIn },
      { method: 'POST', path: '/submit/:contentType/:documentId', handler: 'admin-submit.submit', config: signedIn },
    ],
  },
};
