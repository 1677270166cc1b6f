import { orderIndexName } from '../index-names';

describe('orderIndexName', () => {
  it('names the index after its join table and order column', () => {
    expect(orderIndexName('stocktaking_entries_call_lnk', 'stocktaking_entry_ord')).toBe(
      'stocktaking_entries_call_lnk_stocktaking_entry_ord_idx',
    );
  });

  it('keeps a long name within PostgreSQL’s 63 characters, distinct for names that share a prefix', () => {
    const names = [
      orderIndexName(`${'x'.repeat(50)}_lnk`, 'a_ord'),
      orderIndexName(`${'x'.repeat(50)}_lnk`, 'b_ord'),
      orderIndexName(`${'x'.repeat(50)}_lnk2`, 'a_ord'),
    ];
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(/^x+_[0-9a-f]{8}_idx$/);
    }
    expect(new Set(names).size).toBe(3);
  });
});
