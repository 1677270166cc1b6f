// Before the core routes, so that `/mine` is not taken for a documentId.
export default {
  routes: [
    { method: 'GET', path: '/consultation-contributions/mine', handler: 'api::consultation-contribution.consultation-contribution.mine' },
  ],
};
