import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { OpenApiConfig } from './config';

/** The Swagger UI files the page loads, served from the installed swagger-ui-dist package (no CDN). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The API reference page for developers (`referencePath`, default `/api-reference`): Swagger UI
 * rendering this plugin's document, every route with its parameters, schemas and error answers.
 * Everything is served by the app from the same origin, so the default Content-Security-Policy
 * (scripts and styles from 'self') holds: no inline script, no CDN.
 */
export function registerReference(strapi: Core.Strapi): void {
  const config = strapi.config.get('plugin::openapi') as OpenApiConfig;
  const base = config.referencePath;
  if (!base || !config.path) return;
  const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
  const documentUrl = `${prefix}${config.path}`;
  const title = config.title ?? 'API reference';
  const directory = path.dirname(require.resolve('swagger-ui-dist/package.json'));

  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/png" href="${base}/assets/favicon-32x32.png">
<link rel="stylesheet" href="${base}/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-url="${escapeHtml(documentUrl)}"></div>
<script src="${base}/assets/swagger-ui-bundle.js"></script>
<script src="${base}/init.js"></script>
</body>
</html>
`;
  // Every response is shown with its status, description and schema: the error envelope and its `details.code`.
  const init = `window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.url,
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

  const send = (ctx: Context, type: string, body: string | Buffer) => {
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = body;
  };
  strapi.server.router.get(base, (ctx: Context) => send(ctx, 'text/html; charset=utf-8', page));
  strapi.server.router.get(`${base}/init.js`, (ctx: Context) => send(ctx, 'application/javascript; charset=utf-8', init));
  strapi.server.router.get(`${base}/assets/:file`, async (ctx: Context) => {
    const type = ASSETS[ctx.params.file];
    if (!type) return;
    send(ctx, type, await fs.promises.readFile(path.join(directory, ctx.params.file)));
  });
}
