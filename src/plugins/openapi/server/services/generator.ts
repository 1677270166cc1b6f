import { execFile, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generate } from '@strapi/openapi';
import type { Core } from '@strapi/strapi';
import { fingerprintOf, type GeneratorInputs } from '../../domain/fingerprint';
import type { OpenApiDocument } from '../../domain/openapi';

type DeclaredRoute = {
  method?: string;
  path?: string;
  handler?: unknown;
  info?: { type?: string };
  request?: { query?: object; params?: object };
};

/**
 * The document Strapi's generator (@strapi/openapi) makes of the APIs' and plugins' routes.
 *
 * The generator is slow (20-60 s of CPU for this app on 2 cores, nearly all of it in zod's JSON
 * Schema conversion) and synchronous: it runs in a child process (openapi-process.ts) so that the
 * server keeps answering, and its output is kept on disk under `.strapi/openapi/`, keyed by a
 * fingerprint of the content types and routes: it runs again only when they change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let child: ChildProcess | null = null;
  let stopped = false;
  const cacheFile = () => path.join(strapi.dirs.app.root, '.strapi', 'openapi', 'content-api.json');

  /** The routes the APIs and plugins declare, as the generator reads them. */
  function declaredRoutes(): unknown[][] {
    const routers = [
      ...Object.values(strapi.apis).flatMap((api) => Object.values(api.routes ?? {})),
      ...Object.values(strapi.plugins).flatMap((plugin) =>
        Array.isArray(plugin.routes) ? [{ routes: plugin.routes }] : Object.values(plugin.routes ?? {}),
      ),
    ] as { routes?: DeclaredRoute[] }[];
    return routers
      .flatMap((router) => router.routes ?? [])
      .map((route) => [
        route.method,
        route.path,
        typeof route.handler === 'string' ? route.handler : typeof route.handler,
        route.info?.type,
        Object.keys(route.request?.query ?? {}),
        Object.keys(route.request?.params ?? {}),
      ]);
  }

  /** What the generator reads (see `fingerprintOf`). */
  function fingerprint(): string {
    const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)].map(
      (model): GeneratorInputs['models'][number] => [
        model.uid,
        model.attributes,
        (model as { options?: unknown }).options,
        (model as { pluginOptions?: unknown }).pluginOptions,
      ],
    );
    const version = (strapi.config.get('info.strapi') as string | undefined) ?? '';
    return fingerprintOf({ version, models, routes: declaredRoutes() });
  }

  async function readCache(key: string): Promise<OpenApiDocument | null> {
    try {
      const cached = JSON.parse(await fs.promises.readFile(cacheFile(), 'utf8')) as { fingerprint: string; document: OpenApiDocument };
      return cached.fingerprint === key ? cached.document : null;
    } catch {
      return null;
    }
  }

  function generateInChildProcess(key: string): Promise<void> {
    const script = path.join(__dirname, '..', 'openapi-process.js');
    const args = [script, strapi.dirs.app.root, strapi.dirs.dist.root, cacheFile(), key];
    return new Promise<void>((resolve, reject) => {
      child = execFile(process.execPath, args, { cwd: strapi.dirs.app.root, timeout: 10 * 60_000 }, (error, _stdout, stderr) => {
        child = null;
        if (error) reject(new Error(`${error.message}${stderr ? `: ${String(stderr).trim().split('\n').pop()}` : ''}`));
        else resolve();
      });
      // Background work: the server's requests come first on the machine's cores.
      try {
        if (child.pid !== undefined) os.setPriority(child.pid, os.constants.priority.PRIORITY_LOW);
      } catch {
        // Gone already, or the system refuses: it runs at the server's priority.
      }
    });
  }

  return {
    /** Strapi's document, from the disk cache when nothing it reads has changed, else from a child process. */
    async generated(): Promise<OpenApiDocument> {
      const key = fingerprint();
      const cached = await readCache(key);
      if (cached) return cached;
      try {
        await generateInChildProcess(key);
        const document = await readCache(key);
        if (document) return document;
        throw new Error('the child process wrote no document');
      } catch (error) {
        if (stopped) throw error;
        strapi.log.warn(`[openapi] generation in a child process failed (${(error as Error).message}); generating in this process`);
        // @strapi/openapi types its document as openapi-types' OpenAPIV3_1.Document, which the plain records here do not extend.
        return generate(strapi, { type: 'content-api' }).document as unknown as OpenApiDocument;
      }
    },

    /** Stops a generation under way (the server is shutting down). Synchronous code ignores SIGTERM. */
    stop(): void {
      stopped = true;
      child?.kill('SIGKILL');
    },
  };
};
