import { GuardError, isOperator, isPlainObject, type ModelLookup } from './models';

const GROUPS = new Set(['$and', '$or', '$not']);
const PUBLISHED = { publishedAt: { $notNull: true } };
const EXISTENCE = new Set(['$null', '$notNull']);

/*
 * Strapi links the published version of a draft-and-publish document to the published versions of
 * its draft-and-publish relations, and drafts to drafts. A document without draft and publish (a
 * consultation phase, an action line) has one row, linked to the drafts and to the published
 * versions of its related documents alike: a filter or a sort through that hop is a plain join
 * that reads drafts. For a reader of published content, such hops are limited to published rows
 * (filters) or refused (sorts, existence tests).
 *
 * `publishedLinks` says whether the rows at the current level are published versions, whose links
 * reach published rows only.
 */

/** `filters` as a reader of published content may apply them. */
export function publishedOnlyFilters(
  filters: unknown,
  uid: string,
  models: ModelLookup,
  publishedLinks = models(uid)?.draftAndPublish ?? false,
): unknown {
  if (Array.isArray(filters)) return filters.map((item) => publishedOnlyFilters(item, uid, models, publishedLinks));
  const model = models(uid);
  if (!isPlainObject(filters) || !model) return filters;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const relation = model.relations[key];
    const component = model.components[key];
    if (GROUPS.has(key)) {
      result[key] = publishedOnlyFilters(value, uid, models, publishedLinks);
    } else if (component) {
      result[key] = publishedOnlyFilters(value, component, models, publishedLinks);
    } else if (relation) {
      const target = models(relation.target);
      const where = relationWhere(value);
      if (target?.draftAndPublish && !publishedLinks) {
        if (testsExistence(where)) {
          throw new GuardError(
            'INVALID_FILTER',
            `Filtering on whether "${key}" is empty is not available here; filter on one of its fields instead`,
            { field: key },
          );
        }
        result[key] = { $and: [publishedOnlyFilters(where, relation.target, models, true), PUBLISHED] };
      } else {
        result[key] = publishedOnlyFilters(where, relation.target, models, Boolean(target?.draftAndPublish));
      }
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** Refuses a sort that orders published documents by values read through a hop into drafts. */
export function assertPublishedOnlySort(sort: unknown, uid: string, models: ModelLookup) {
  for (const path of sortPaths(sort)) {
    let current = uid;
    let publishedLinks = models(uid)?.draftAndPublish ?? false;
    for (const segment of path) {
      const model = models(current);
      if (!model) break;
      const relation = model.relations[segment];
      const component = model.components[segment];
      if (component) {
        current = component;
      } else if (relation) {
        const target = models(relation.target);
        if (target?.draftAndPublish && !publishedLinks) {
          throw new GuardError('INVALID_SORT', `Sorting by "${path.join('.')}" is not available here`, { field: path.join('.') });
        }
        publishedLinks = Boolean(target?.draftAndPublish);
        current = relation.target;
      } else {
        break;
      }
    }
  }
}

/** Filters and sorts inside an object-form `populate`, made safe the same way, at every level. */
export function publishedOnlyPopulate(populate: unknown, uid: string, models: ModelLookup): unknown {
  const model = models(uid);
  if (!isPlainObject(populate) || !model) return populate;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(populate)) {
    const target = model.relations[key]?.target ?? model.components[key];
    if (!target || !isPlainObject(value)) {
      result[key] = value;
      continue;
    }
    const nested: Record<string, unknown> = { ...value };
    if (nested.filters !== undefined) nested.filters = publishedOnlyFilters(nested.filters, target, models);
    if (nested.sort !== undefined) assertPublishedOnlySort(nested.sort, target, models);
    if (nested.populate !== undefined) nested.populate = publishedOnlyPopulate(nested.populate, target, models);
    result[key] = nested;
  }
  return result;
}

/** A relation's condition as the database reads it: a bare id or an id operator is a condition on `id`. */
function relationWhere(value: unknown): unknown {
  if (!isPlainObject(value)) return { id: value };
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => isOperator(key) && !GROUPS.has(key))) return { id: value };
  return value;
}

function testsExistence(where: unknown): boolean {
  if (!isPlainObject(where)) return false;
  const id = where.id;
  return isPlainObject(id) && Object.keys(id).some((operator) => EXISTENCE.has(operator));
}

/** Attribute paths of a sort in any of the shapes Strapi accepts ('a.b:desc,c', arrays, objects). */
export function sortPaths(sort: unknown): string[][] {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0])
      .filter(Boolean)
      .map((path) => path.split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (isPlainObject(sort)) {
    return Object.entries(sort).flatMap(([key, value]) =>
      isPlainObject(value) ? sortPaths(value).map((path) => [key, ...path]) : [[key]],
    );
  }
  return [];
}
