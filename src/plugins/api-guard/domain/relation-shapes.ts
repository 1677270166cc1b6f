import { GuardError, isPlainObject, type ModelLookup } from './models';

const RELATION_KEYS = ['connect', 'disconnect', 'set', 'options'];

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
    if (!relation || relation.toMany || value === undefined || value === null) continue;
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
