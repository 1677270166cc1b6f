export interface ScheduledPublishingConfig {
  /** Draft & publish content types to act on, e.g. `['api::article.article']`. */
  contentTypes: string[];
  /** Datetime attribute holding the instant a document's draft gets published. */
  publishAtField: string;
  /** Datetime attribute holding the instant a document gets unpublished. */
  unpublishAtField: string;
  /** Cron rule of the task that runs what is due (croner syntax, seconds optional). */
  rule: string;
}

const isName = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export default {
  default: {
    contentTypes: [],
    publishAtField: 'publishAt',
    unpublishAtField: 'unpublishAt',
    rule: '* * * * *',
  } satisfies ScheduledPublishingConfig,
  validator(config: ScheduledPublishingConfig) {
    if (!Array.isArray(config.contentTypes) || !config.contentTypes.every(isName)) {
      throw new Error('scheduled-publishing: `contentTypes` must be a list of content-type uids');
    }
    for (const key of ['publishAtField', 'unpublishAtField', 'rule'] as const) {
      if (!isName(config[key])) throw new Error(`scheduled-publishing: \`${key}\` must be a non-empty string`);
    }
    if (config.publishAtField === config.unpublishAtField) {
      throw new Error('scheduled-publishing: `publishAtField` and `unpublishAtField` must differ');
    }
  },
};
