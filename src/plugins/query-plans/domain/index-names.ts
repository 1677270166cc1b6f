import { createHash } from 'crypto';

/** PostgreSQL's limit on an identifier (longer ones are cut); SQLite has none. */
const MAX_IDENTIFIER = 63;

/**
 * `<join table>_<order column>_idx`, shortened with a hash of both where that would be too long
 * (a join table may keep two orders: each side's of a many-to-many).
 */
export function orderIndexName(joinTable: string, orderColumn: string): string {
  const name = `${joinTable}_${orderColumn}_idx`;
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - '__idx'.length)}_${hash}_idx`;
}
