export interface SlugsConfig {
  /**
   * Content types whose uid fields are filled server-side. `null` means every `api::` content
   * type with a uid attribute that names a `targetField`.
   */
  contentTypes: string[] | null;
}

export default {
  default: { contentTypes: null } satisfies SlugsConfig,
  validator(config: SlugsConfig) {
    if (config.contentTypes !== null && !Array.isArray(config.contentTypes)) {
      throw new Error('slugs: `contentTypes` must be null or a list of content-type uids');
    }
  },
};
