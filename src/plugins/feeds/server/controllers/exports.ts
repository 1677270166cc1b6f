import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FeedsConfig } from '../config';
import { getService } from '../get-service';
import { publicBaseUrl } from '../../../shared/request';

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
      async (ctx: Context) => {
        const request = {
          query: ctx.query,
          auth: ctx.state.auth,
          baseUrl: publicBaseUrl(strapi, ctx),
          ifNoneMatch: ctx.get('If-None-Match'),
        };
        const prepared = await getService(strapi, 'exports').prepare(name, request);
        if (prepared.validators) {
          ctx.set('ETag', prepared.validators.etag);
          if (prepared.validators.lastModified) ctx.set('Last-Modified', prepared.validators.lastModified.toUTCString());
          if (prepared.validators.notModified) {
            ctx.status = 304;
            return;
          }
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
