// Before the core routes, so that `/mine` is not taken for a documentId.
export default {
  routes: [
    { method: 'GET', path: '/stocktaking-entries/mine', handler: 'api::stocktaking-entry.stocktaking-entry.mine' },
    // Submitting the answers, and the call for updates (questionnaires plugin).
    { method: 'POST', path: '/stocktaking-entries/:documentId/submit', handler: 'api::stocktaking-entry.stocktaking-entry.submit' },
    {
      method: 'POST',
      path: '/stocktaking-entries/:documentId/carry-forward',
      handler: 'api::stocktaking-entry.stocktaking-entry.carryForward',
    },
  ],
};
