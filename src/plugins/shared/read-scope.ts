import { contextSlot } from './async-context';

/**
 * A value that belongs to one Document Service read under way (its findMany, or its count), for a
 * query-engine lifecycle to take once: the Document Service's own query takes it, not a plugin's
 * lookup of the same type inside that read.
 */
export function documentReadScope<T extends { uid: string }>() {
  const current = contextSlot<{ value: T; used: boolean }>('document read');
  return {
    run: <R>(value: T, read: () => R): R => current.run({ value, used: false }, read),
    take(uid: string): T | undefined {
      const scope = current.getStore();
      if (!scope || scope.used || scope.value.uid !== uid) return undefined;
      scope.used = true;
      return scope.value;
    },
  };
}
