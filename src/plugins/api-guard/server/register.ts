import type { Core } from '@strapi/strapi';
import { assertFilterShapes, assertPopulateShapes, withoutEmptyFieldNames } from '../domain/query-shapes';
import { assertWithinCaps, normalizePopulate, type PopulateCaps } from '../domain/populate-caps';
import { assertPublishedOnlySort, publishedOnlyFilters, publishedOnlyPopulate } from '../domain/published-reads';
import { assertSingleTargets, rowIdTargets, validRowId, type NamedRow } from '../domain/relation-shapes';
import { pathOfNulCharacter } from '../domain/text';
import { GuardError, isPlainObject } from '../domain/models';
import { contextSlot } from '../../shared/async-context';
import { inWriteTransaction } from '../../shared/write-transaction';
import { asStrapiError, draftsNotVisible } from './errors';
import { getService } from './get-service';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const WRITES = new Set(['create', 'update', 'clone']);
// Every action that writes: each runs in one transaction with what the other plugins do around it.
const ALL_WRITES = new Set(['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft']);
// Parameters that select drafts, or documents by the state of their drafts (editorial cohorts).
const DRAFT_PARAMETERS = ['publicationFilter', 'hasPublishedVersion'];

/** The content type whose REST read is running with capped to-many populates (see bootstrap). */
export const cappedReads = contextSlot<{ uid: string; caps: PopulateCaps }>('capped reads');

type Params = { status?: unknown; filters?: unknown; sort?: unknown; populate?: unknown; data?: unknown; [key: string]: unknown };

/**
 * One Document Service middleware for every content-API read and every write: filters come in a
 * shape the database can read; readers who may not read drafts get published content only, however
 * they ask (status values, editorial cohorts, filters and sorts through relations, nested
 * populate); populated to-many relations are capped on the REST reads; relations that hold one
 * document take one target, and a payload's `data` is one object.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const caller = () => getService(strapi, 'caller');
  const models = (uid: string) => getService(strapi, 'models').lookup(uid);

  /** Targets named by row id must be rows of their type: Strapi writes them to the join table unchecked. */
  const assertRowsExist = async (targets: NamedRow[]) => {
    const idsByType = new Map<string, Map<number, NamedRow>>();
    for (const named of targets) {
      const id = validRowId(named.id);
      if (id === null)
        throw new GuardError('INVALID_RELATION', `${named.field}: ${JSON.stringify(named.id)} is not the id of a document`, {
          field: named.field,
        });
      const ids = idsByType.get(named.target) ?? new Map<number, NamedRow>();
      if (!ids.has(id)) ids.set(id, named); // the first field that names it is the one reported
      idsByType.set(named.target, ids);
    }
    for (const [target, ids] of idsByType) {
      const rows = (await strapi.db.query(target as never).findMany({ where: { id: { $in: [...ids.keys()] } }, select: ['id'] })) as {
        id: number;
      }[];
      for (const row of rows) ids.delete(Number(row.id));
      const [missing] = ids.values();
      if (missing)
        throw new GuardError('INVALID_RELATION', `${missing.field}: the document with id ${JSON.stringify(missing.id)} does not exist`, {
          field: missing.field,
        });
    }
  };

  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    const params = (context.params ?? {}) as Params;
    try {
      if (WRITES.has(context.action)) {
        // A list (`{ "data": [{}] }`) reached Strapi as the attributes of one document: on update
        // with a new locale it stored a row without its owner, then failed after the commit.
        if (params.data !== undefined && params.data !== null && !isPlainObject(params.data)) {
          throw new GuardError('INVALID_INPUT', 'data holds the attributes of one document, as an object', { path: 'data' });
        }
        assertSingleTargets(params.data, uid, models);
        await assertRowsExist(rowIdTargets(params.data, uid, models));
        const nul = pathOfNulCharacter(params.data);
        if (nul) throw new GuardError('INVALID_INPUT', `${nul} holds a NUL character (U+0000), which text cannot contain`, { path: nul });
      }
      // Whole or not at all: the document service's own transaction covers the row, not what the
      // plugins write after it (search index, review state). This middleware is the first one
      // registered (api-guard comes first in config/plugins.ts), so the others' reads and writes,
      // before and after, join this transaction (Strapi's nested ones reuse it); what they leave
      // for after the commit (the content version) runs before the write returns.
      if (ALL_WRITES.has(context.action)) return await inWriteTransaction(strapi, () => next());
      if (!READS.has(context.action) || !caller().isContentApi()) return await next();
      // Whoever reads: filters and populated sorts the database layer would fail on (a 500) are refused.
      assertFilterShapes(params.filters, uid, models);
      assertPopulateShapes(params.populate, uid, models);
      const named = withoutEmptyFieldNames(params);
      if (named.fields === undefined) delete params.fields;
      else params.fields = named.fields;
      if (params.populate !== undefined) params.populate = named.populate;
      if (caller().mayReadDrafts()) return await next();

      if (!caller().readsOwnDocumentsOnly()) {
        if (params.status !== undefined && params.status !== 'published') throw draftsNotVisible('status');
        for (const parameter of DRAFT_PARAMETERS) if (params[parameter] !== undefined) throw draftsNotVisible(parameter);
      }
      if (params.filters !== undefined) params.filters = publishedOnlyFilters(params.filters, uid, models);
      if (params.sort !== undefined) assertPublishedOnlySort(params.sort, uid, models);
      if (params.populate !== undefined) params.populate = publishedOnlyPopulate(params.populate, uid, models);

      const tree = caller().isCoreRead(uid) ? normalizePopulate(params.populate, uid, models) : undefined;
      if (!tree) return await next();
      const caps = strapi.plugin('api-guard').config('populateCaps') as PopulateCaps;
      const result = await cappedReads.run({ uid, caps }, () => next());
      if (context.action !== 'count') assertWithinCaps(result, tree, uid, models, caps);
      return result;
    } catch (error) {
      throw asStrapiError(error);
    }
  });
};
