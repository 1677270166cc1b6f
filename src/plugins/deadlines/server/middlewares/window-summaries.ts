import type { Core, UID } from '@strapi/strapi';
import { getService } from '../get-service';
import { stateChangesAt, type Window } from '../../domain/window';
import type { Context, Next } from 'koa';

type Entity = Record<string, unknown> & { documentId?: string };
/**
 * Set for the HTTP cache: the first instant (epoch ms) at which a window state in this response
 * changes, and whether a window could not be read for a reason other than its own content.
 */
type ResponseState = { contentChangesAt?: number; contentIncomplete?: boolean };

const MAX_DEPTH = 3;

/**
 * Content API responses carry each window source's computed window (state, effective deadline,
 * original deadline when extended, timezone), wherever the source appears: listed, found, or
 * populated inside another document (a consultation's phases, each entry's call). The sources of
 * one response are loaded in one query per source type, however many times they appear.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  /**
   * The relations of a model, `depth` relations below the response's documents, that lead to a
   * window source within the depth populated (3): only those are walked, so a page of calls with
   * their entries populated does not visit each entry's action lines and countries.
   */
  const routes = new Map<string, { name: string; target: string }[]>();
  const relationsToSources = (modelUid: string, depth: number): { name: string; target: string }[] => {
    const key = `${modelUid}@${depth}`;
    if (!routes.has(key)) {
      const windows = getService(strapi, 'windows');
      const attributes = (strapi.getModel(modelUid as UID.ContentType)?.attributes ?? {}) as Record<
        string,
        { type: string; target?: string }
      >;
      routes.set(
        key,
        depth >= MAX_DEPTH
          ? []
          : Object.entries(attributes).flatMap(([name, attribute]) =>
              attribute.type === 'relation' &&
              attribute.target &&
              (windows.sourceConfig(attribute.target) || relationsToSources(attribute.target, depth + 1).length > 0)
                ? [{ name, target: attribute.target }]
                : [],
            ),
      );
    }
    return routes.get(key)!;
  };

  return async (ctx: Context, next: Next) => {
    await next();
    const route = ctx.state?.route as { info?: { type?: string }; handler?: string } | undefined;
    if (
      ctx.method !== 'GET' ||
      route?.info?.type !== 'content-api' ||
      ctx.status !== 200 ||
      !(ctx.body as { data?: unknown } | undefined)?.data
    )
      return;
    const uid = typeof route.handler === 'string' ? route.handler.split('.').slice(0, 2).join('.') : undefined;
    if (!uid || !strapi.contentTypes[uid as UID.ContentType]) return;

    const windows = getService(strapi, 'windows');
    const found = new Map<string, Entity[]>();
    const visit = (modelUid: string, entity: Entity | null | undefined, depth: number) => {
      if (!entity || typeof entity !== 'object') return;
      if (windows.sourceConfig(modelUid) && typeof entity.documentId === 'string') {
        const listed = found.get(modelUid);
        if (listed) listed.push(entity);
        else found.set(modelUid, [entity]);
      }
      for (const { name, target } of relationsToSources(modelUid, depth)) {
        if (!(name in entity)) continue;
        const value = entity[name];
        for (const child of Array.isArray(value) ? value : [value]) visit(target, child as Entity, depth + 1);
      }
    };
    const data = (ctx.body as { data: Entity | Entity[] }).data;
    for (const entity of Array.isArray(data) ? data : [data]) visit(uid, entity, 0);
    if (found.size === 0) return;

    const now = getService(strapi, 'clock').now();
    const state = ctx.state as ResponseState;
    for (const [sourceUid, entities] of found) {
      // A stored window that no longer validates shows no summary; the others still do. Any other
      // failure (the database) leaves the body incomplete: the HTTP cache must not keep it.
      const sources = await windows
        .loadWindows(
          sourceUid,
          entities.map((entity) => entity.documentId as string),
        )
        .catch(() => {
          state.contentIncomplete = true;
          return new Map<string, Window>();
        });
      for (const entity of entities) {
        const window = sources.get(entity.documentId as string);
        if (!window) continue;
        entity.window = windows.summarize(window, now);
        const changesAt = stateChangesAt(window, now)?.toMillis();
        if (changesAt !== undefined && changesAt < (state.contentChangesAt ?? Infinity)) state.contentChangesAt = changesAt;
      }
    }
  };
};
