import type { Core } from '@strapi/strapi';
import { etagMatches } from '../../domain/conditional';
import type { FeedsConfig } from '../config';
import { publicBaseUrl } from '../request';

/**
 * One action per configured export (`plugin::feeds.exports.<name>`). Everything that can fail
 * with a message (the query, the caller's right to drafts, the first batch) runs before the
 * first byte; a database failure later in the stream closes the connection, so the client sees
 * a broken transfer rather than a file that looks complete.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = Object.keys((strapi.config.get('plugin::feeds') as FeedsConfig).exports ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx) => {
        const prepared = await strapi.plugin('feeds').service('exports').prepare(name, { query: ctx.query, auth: ctx.state.auth, baseUrl: publicBaseUrl(strapi, ctx) });
        ctx.set('ETag', prepared.etag);
        if (prepared.lastModified) ctx.set('Last-Modified', prepared.lastModified.toUTCString());
        if (etagMatches(ctx.get('If-None-Match'), prepared.etag)) {
          ctx.status = 304;
          return;
        }
        ctx.type = 'text/csv; charset=utf-8';
        ctx.attachment(prepared.filename);
        ctx.set('X-Total-Count', String(prepared.total));
        if (ctx.method === 'HEAD') {
          ctx.status = 200;
          return;
        }
        ctx.body = await prepared.open((error: Error & { code?: string }) => {
          // A client that goes away mid-download is no failure of ours.
          if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') strapi.log.debug(`[feeds] export ${name}: client left`);
          else strapi.log.error(`[feeds] export ${name} failed while streaming: ${error.message}`);
          ctx.res.destroy();
        });
      },
    ]),
  );
};
