import type { PopulateCaps } from '../domain/populate-caps';

export interface ApiGuardConfig {
  /** Authentication strategies whose callers may read drafts (`status=draft`). */
  draftReaders: string[];
  /** Caps on populated to-many relations in responses of the REST find and findOne routes. */
  populateCaps: PopulateCaps;
}

export default {
  default: {
    // Strapi 5.54 names the content API's token strategy 'content-api-token' (earlier 5.x: 'api-token').
    draftReaders: ['content-api-token', 'api-token'],
    populateCaps: { perDocument: 250, perResponse: 2500 },
  } satisfies ApiGuardConfig,
  validator(config: ApiGuardConfig) {
    const { perDocument, perResponse } = config.populateCaps ?? {};
    if (!(perDocument >= 1 && perResponse >= perDocument)) throw new Error('api-guard: populateCaps needs 1 <= perDocument <= perResponse');
  },
};
