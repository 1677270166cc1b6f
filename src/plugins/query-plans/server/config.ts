export interface QueryPlansConfig {
  /** Content types whose reads take relation filters as semi-joins and whose join tables get order indexes; `null` means every `api::` content type. */
  contentTypes: string[] | null;
}

export default {
  default: { contentTypes: null } satisfies QueryPlansConfig,
  validator(config: QueryPlansConfig) {
    if (config.contentTypes !== null && !Array.isArray(config.contentTypes)) {
      throw new Error('query-plans: `contentTypes` must be null or a list of content-type uids');
    }
  },
};
