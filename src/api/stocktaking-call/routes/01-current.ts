// Before the core routes, so that `/current` is not taken for a documentId.
export default {
  routes: [{ method: 'GET', path: '/stocktaking-calls/current', handler: 'api::stocktaking-call.stocktaking-call.current' }],
};
