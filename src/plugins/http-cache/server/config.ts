export interface HttpCacheConfig {
  /** Cache-Control of content-API GET responses: without credentials, and with them. */
  cacheControl: { public: string; authenticated: string };
}

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export default {
  default: { cacheControl: { public: 'public, max-age=60', authenticated: 'private, no-store' } } satisfies HttpCacheConfig,
  validator(config: HttpCacheConfig) {
    if (!isText(config.cacheControl?.public) || !isText(config.cacheControl?.authenticated)) {
      throw new Error('http-cache: cacheControl needs a `public` and an `authenticated` value');
    }
  },
};
