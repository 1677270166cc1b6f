import { GuardError, isPlainObject, type ModelLookup } from './models';

export type PopulateTree = Record<string, true | PopulateNode>;
export interface PopulateNode {
  populate?: unknown;
  count?: unknown;
  limit?: number;
  [key: string]: unknown;
}

export interface PopulateCaps {
  /** Related documents one document may carry in one to-many relation. */
  perDocument: number;
  /** Related documents one to-many relation may bring into one response, all documents together. */
  perResponse: number;
}

/**
 * Any of Strapi's populate shapes (`*`, `a,b.c`, `['a', 'b.c']`, objects with nested populate)
 * as one object tree, so that limits can be set on it. Returns undefined when nothing is populated.
 */
export function normalizePopulate(populate: unknown, uid: string, models: ModelLookup): PopulateTree | undefined {
  const model = models(uid);
  if (populate === undefined || populate === null || populate === false || populate === 'false' || !model) return undefined;
  if (populate === '*' || populate === true || populate === 'true') {
    return Object.fromEntries(model.populatable.map((name) => [name, true as const]));
  }
  if (typeof populate === 'string')
    return normalizePopulate(
      populate
        .split(',')
        .map((path) => path.trim())
        .filter(Boolean),
      uid,
      models,
    );
  if (Array.isArray(populate)) {
    const tree: PopulateTree = {};
    for (const path of populate) {
      if (typeof path !== 'string') return undefined;
      if (path === '*') Object.assign(tree, normalizePopulate('*', uid, models));
      else mergePath(tree, path.split('.'));
    }
    return tree;
  }
  if (!isPlainObject(populate)) return undefined;
  const tree: PopulateTree = {};
  for (const [name, value] of Object.entries(populate)) {
    if (value === false || value === 'false') continue;
    tree[name] = isPlainObject(value) ? (value as PopulateNode) : true;
  }
  return tree;
}

function mergePath(tree: PopulateTree, [head, ...rest]: string[]) {
  if (!rest.length) {
    tree[head] ??= true;
    return;
  }
  const node: PopulateNode = tree[head] === true || tree[head] === undefined ? {} : (tree[head] as PopulateNode);
  const nested = isPlainObject(node.populate) ? (node.populate as PopulateTree) : {};
  mergePath(nested, rest);
  tree[head] = { ...node, populate: nested };
}

/**
 * The tree with a `limit` on every populated to-many relation, at every level: no relation brings
 * more than `perResponse + 1` rows into memory (one more than allowed, so that going over shows).
 */
export function withToManyLimits(tree: PopulateTree, uid: string, models: ModelLookup, caps: PopulateCaps): PopulateTree {
  const model = models(uid);
  if (!model) return tree;
  const limited: PopulateTree = {};
  for (const [name, value] of Object.entries(tree)) {
    const relation = model.relations[name];
    const target = relation?.target ?? model.components[name];
    const node: PopulateNode = value === true ? {} : { ...value };
    if (node.count) {
      limited[name] = value;
      continue;
    }
    if (target && node.populate !== undefined) {
      const nested = normalizePopulate(node.populate, target, models);
      if (nested) node.populate = withToManyLimits(nested, target, models, caps);
    }
    if (relation?.toMany) node.limit = caps.perResponse + 1;
    limited[name] = value === true && !relation?.toMany ? true : node;
  }
  return limited;
}

/** Refuses a response in which a populated to-many relation holds more than the caps allow. */
export function assertWithinCaps(
  documents: unknown,
  tree: PopulateTree,
  uid: string,
  models: ModelLookup,
  caps: PopulateCaps,
  path: string[] = [],
) {
  const model = models(uid);
  const list = (Array.isArray(documents) ? documents : [documents]).filter(isPlainObject);
  if (!model || list.length === 0) return;
  for (const [name, value] of Object.entries(tree)) {
    const relation = model.relations[name];
    const target = relation?.target ?? model.components[name];
    if (!target || (value !== true && value.count)) continue;
    const children = list.flatMap((document) => {
      const child = document[name];
      return Array.isArray(child) ? child : child ? [child] : [];
    });
    if (relation?.toMany) {
      const largest = Math.max(0, ...list.map((document) => (Array.isArray(document[name]) ? (document[name] as unknown[]).length : 0)));
      if (largest > caps.perDocument || children.length > caps.perResponse) {
        const field = [...path, name].join('.');
        throw new GuardError(
          'POPULATE_TOO_LARGE',
          `Too many ${field} to populate (at most ${caps.perDocument} per document and ${caps.perResponse} per response): list them from their own endpoint, filtered and paginated`,
          { field, perDocument: caps.perDocument, perResponse: caps.perResponse },
        );
      }
    }
    if (value !== true && value.populate !== undefined) {
      const nested = normalizePopulate(value.populate, target, models);
      if (nested) assertWithinCaps(children, nested, target, models, caps, [...path, name]);
    }
  }
}
