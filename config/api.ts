export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters answer 400 instead of being ignored (plugins declare the ones they add).
    strictParams: true,
  },
  documents: {
    // The Document Service refuses unknown parameters and any status but draft or published.
    strictParams: true,
  },
};
