import { GuardError, isPlainObject, type ModelLookup } from './models';

const RELATION_KEYS = ['connect', 'disconnect', 'set', 'options'];
const TARGET_LISTS = ['connect', 'disconnect', 'set'] as const;
/** The targets of one `connect`, `disconnect` or `set`: a list, or one target without a list. */
const listed = (list: unknown): unknown[] => (list === undefined || list === null ? [] : Array.isArray(list) ? list : [list]);

/**
 * Refuses a payload that names several targets for a relation that holds one (a call, a phase):
 * on update Strapi keeps the first `connect` target, on create it stores them all, while anything
 * checking the payload reads one of them. Components are checked with their own relations.
 */
export function assertSingleTargets(data: unknown, uid: string, models: ModelLookup, path: string[] = []) {
  const model = models(uid);
  if (!isPlainObject(data) || !model) return;
  for (const [name, value] of Object.entries(data)) {
    const component = model.components[name];
    if (component) {
      for (const item of Array.isArray(value) ? value : [value]) assertSingleTargets(item, component, models, [...path, name]);
      continue;
    }
    const relation = model.relations[name];
    if (!relation || value === undefined || value === null) continue;
    assertTargetShapes(value, [...path, name].join('.'));
    if (relation.toMany) continue;
    const count = targetCount(value);
    if (count === 'invalid' || count > 1) {
      const field = [...path, name].join('.');
      throw new GuardError(
        'INVALID_RELATION',
        count === 'invalid'
          ? `${field} takes one document: a documentId, { "connect": [one] }, { "set": [one] } or null`
          : `${field} takes one document; ${count} were given`,
        { field },
      );
    }
  }
}

const POSITION_KEYS = new Set(['before', 'after', 'start', 'end']);
const isKey = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));

/**
 * Why one target of `connect`, `disconnect` or `set` is not in a shape the relation layer reads, or
 * null. Other keys are left to Strapi (the content manager sends more than these).
 */
function targetProblem(target: unknown): string | null {
  if (isKey(target)) return null;
  if (!isPlainObject(target)) return 'a target is a documentId, an id or an object';
  for (const key of ['id', 'documentId'] as const) {
    if (target[key] !== undefined && !isKey(target[key])) return `${key} is text or an integer`;
  }
  if (target.position === undefined) return null;
  if (!isPlainObject(target.position)) return 'position is an object: { before }, { after }, { start } or { end }';
  for (const [place, anchor] of Object.entries(target.position)) {
    if (!POSITION_KEYS.has(place)) return `position has no "${place}"`;
    if ((place === 'start' || place === 'end') && typeof anchor !== 'boolean') return `position.${place} is true or false`;
    if ((place === 'before' || place === 'after') && !isKey(anchor)) return `position.${place} is a documentId or an id`;
  }
  return null;
}

/**
 * Refuses targets of `connect`, `disconnect` and `set` the relation layer cannot read (an operator
 * object as `position.after`, a list as an id): the database layer failed on them with a 500.
 */
function assertTargetShapes(value: unknown, field: string) {
  if (!isPlainObject(value)) return;
  for (const key of TARGET_LISTS) {
    for (const target of listed(value[key])) {
      const problem = targetProblem(target);
      if (problem) throw new GuardError('INVALID_RELATION', `${field}.${key}: ${problem}`, { field });
    }
  }
}

/** How many targets a to-one relation value names; `invalid` for shapes that mix or misuse keys. */
function targetCount(value: unknown): number | 'invalid' {
  if (typeof value === 'string' || typeof value === 'number') return 1;
  if (Array.isArray(value)) return value.length;
  if (!isPlainObject(value)) return 'invalid';
  const keys = Object.keys(value);
  if (keys.some((key) => RELATION_KEYS.includes(key))) {
    if (keys.some((key) => !RELATION_KEYS.includes(key))) return 'invalid';
    if ('set' in value && 'connect' in value) return 'invalid';
    const list = value.set ?? value.connect;
    if (list === undefined) return 0;
    return Array.isArray(list) ? list.length : isPlainObject(list) || typeof list === 'string' || typeof list === 'number' ? 1 : 'invalid';
  }
  // A single target written as an object: { documentId, locale, status } or { id }.
  return 1;
}

/** A relation target Strapi takes as a row id, with the field that names it. */
export type NamedRow = { target: string; field: string; id: unknown };

const LARGEST_ID = 2 ** 31 - 1;

/**
 * The row id Strapi reads this target as, not a documentId: a number, a text that starts with
 * digits (Strapi reads those with parseInt), or `{ id }` without a documentId; else undefined.
 */
function rowIdOf(target: unknown): unknown {
  if (typeof target === 'number') return target;
  if (typeof target === 'string') return Number.isNaN(parseInt(target, 10)) ? undefined : target;
  if (isPlainObject(target) && target.documentId === undefined) return target.id;
  return undefined;
}

/**
 * Every relation target of a payload that Strapi writes as a row id without looking it up (the
 * Document Service checks documentIds, not ids): the database then failed on an unknown one with
 * a 500 (a foreign key, or an integer out of range on PostgreSQL).
 */
export function rowIdTargets(data: unknown, uid: string, models: ModelLookup, path: string[] = []): NamedRow[] {
  const model = models(uid);
  if (!isPlainObject(data) || !model) return [];
  const found: NamedRow[] = [];
  for (const [name, value] of Object.entries(data)) {
    const component = model.components[name];
    if (component) {
      for (const item of Array.isArray(value) ? value : [value]) found.push(...rowIdTargets(item, component, models, [...path, name]));
      continue;
    }
    const relation = model.relations[name];
    if (!relation || value === undefined || value === null) continue;
    const field = [...path, name].join('.');
    const targets =
      isPlainObject(value) && Object.keys(value).some((key) => RELATION_KEYS.includes(key))
        ? TARGET_LISTS.flatMap((key) => listed(value[key]))
        : listed(value);
    for (const target of targets) {
      const id = rowIdOf(target);
      if (id !== undefined) found.push({ target: relation.target, field, id });
    }
  }
  return found;
}

/** The row id as a positive 32-bit integer, or null if it cannot name a row. */
export function validRowId(id: unknown): number | null {
  const number = typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(number) && number > 0 && number <= LARGEST_ID ? number : null;
}
