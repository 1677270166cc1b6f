import { parsePagination } from '../pagination';

const limits = { defaultLimit: 25, maxLimit: 100 };

describe('parsePagination', () => {
  it('reads pages and offsets', () => {
    expect(parsePagination(undefined, limits)).toEqual({ start: 0, limit: 25, page: 1, pageSize: 25 });
    expect(parsePagination({ page: '3', pageSize: '10' }, limits)).toEqual({ start: 20, limit: 10, page: 3, pageSize: 10 });
    expect(parsePagination({ start: '50', limit: '25' }, limits)).toEqual({ start: 50, limit: 25, page: 3, pageSize: 25 });
    expect(parsePagination({ withCount: 'false' }, limits).limit).toBe(25);
  });

  it('lowers sizes over the maximum', () => {
    expect(parsePagination({ pageSize: '1000' }, limits).pageSize).toBe(100);
    expect(parsePagination({ limit: '1000' }, limits).limit).toBe(100);
  });

  it.each([
    [{ limit: '-1' }],
    [{ pageSize: '0' }],
    [{ page: '0' }],
    [{ start: '-1' }],
    [{ page: '1.5' }],
    [{ page: 'two' }],
    [{ page: '1', start: '0' }],
    [{ page: ['1', '2'] }],
    [{ page: '9999999999' }],
    [{ other: '1' }],
    ['10'],
    [{ withCount: 'yes' }],
  ])('refuses %j', (raw) => {
    expect(() => parsePagination(raw, limits)).toThrow(expect.objectContaining({ code: 'INVALID_PAGINATION' }));
  });
});
