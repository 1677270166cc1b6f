export default {
  // /api/questionnaires/membership: the signed-in stakeholder's organization.
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/membership', handler: 'membership.find' },
      { method: 'PUT', path: '/membership', handler: 'membership.update' },
    ],
  },
};
