// Before the core routes, so that `/mine` is not taken for a documentId.
export default {
  routes: [{ method: 'GET', path: '/stocktaking-entries/mine', handler: 'api::stocktaking-entry.stocktaking-entry.mine' }],
};
