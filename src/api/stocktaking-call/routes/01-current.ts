// Before the core routes, so that `/current` is not taken for a documentId.
export default {
  routes: [
    { method: 'GET', path: '/stocktaking-calls/current', handler: 'api::stocktaking-call.stocktaking-call.current' },
    // The call's questionnaire as a JSON Schema document (questionnaires plugin).
    {
      method: 'GET',
      path: '/stocktaking-calls/:documentId/questionnaire',
      handler: 'api::stocktaking-call.stocktaking-call.questionnaire',
    },
  ],
};
