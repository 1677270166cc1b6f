export interface HttpCacheConfig {
  /** Cache-Control of content-API GET responses: without credentials, and with them. */
  cacheControl: { public: string; authenticated: string };
  /** Anonymous reads of published content kept in memory, per instance, for the current content version. */
  responseCache: { enabled: boolean; maxBytes: number };
  /**
   * The plugin whose `clock` service (`now()`, a Date or anything whose value is epoch ms) measures
   * `ctx.state.contentChangesAt`, the instant a response's computed fields change; the system
   * time when absent.
   */
  clockFrom?: string;
}

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export default {
  default: {
    cacheControl: { public: 'public, max-age=60', authenticated: 'private, no-store' },
    responseCache: { enabled: true, maxBytes: 32 * 1024 * 1024 },
  } satisfies HttpCacheConfig,
  validator(config: HttpCacheConfig) {
    if (!isText(config.cacheControl?.public) || !isText(config.cacheControl?.authenticated)) {
      throw new Error('http-cache: cacheControl needs a `public` and an `authenticated` value');
    }
    const { enabled, maxBytes } = config.responseCache ?? {};
    if (typeof enabled !== 'boolean' || !Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new Error('http-cache: responseCache needs `enabled` (a boolean) and `maxBytes` (a whole number of bytes, 0 or more)');
    }
    if (config.clockFrom !== undefined && !isText(config.clockFrom)) {
      throw new Error('http-cache: clockFrom names the plugin whose `clock` service gives the time');
    }
  },
};
