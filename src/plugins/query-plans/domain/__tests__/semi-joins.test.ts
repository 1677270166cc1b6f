import { rejectsNull, relationFiltersAsSemiJoins, type SemiJoinSchema } from '../semi-joins';

const schema: SemiJoinSchema = {
  linkedTarget: (uid, attribute) =>
    uid === 'entry' ? ({ actionLines: 'line', call: 'call' } as Record<string, string>)[attribute] : undefined,
  isColumn: (uid, attribute) => (uid === 'line' ? ['code', 'name', 'id', 'publishedAt'] : ['title', 'locale', 'id']).includes(attribute),
};
const linked = (attribute: string, where: Record<string, unknown>) => ({ subquery: attribute, where });
const rewrite = (where: unknown) => relationFiltersAsSemiJoins(where, 'entry', schema, linked);

describe('relation filters as semi-joins', () => {
  it('makes an ANDed relation condition on target columns an id IN subquery', () => {
    expect(rewrite({ locale: 'fr', actionLines: { code: { $eq: 'C3' } } })).toEqual({
      locale: 'fr',
      $and: [{ id: { $in: { subquery: 'actionLines', where: { code: { $eq: 'C3' } } } } }],
    });
  });

  it('reaches conditions inside $and, and keeps the others', () => {
    const where = { $and: [{ locale: 'fr' }, { actionLines: { $and: [{ code: 'C3' }, { publishedAt: { $notNull: true } }] } }] };
    expect(rewrite(where)).toEqual({
      $and: [{ locale: 'fr' }, { $and: [{ id: { $in: { subquery: 'actionLines', where: where.$and[1].actionLines } } }] }],
    });
  });

  it.each([
    ['under $or', { $or: [{ title: 'x' }, { actionLines: { code: 'C3' } }] }],
    ['under $not', { $not: { actionLines: { code: 'C3' } } }],
    ['a test NULL passes', { actionLines: { code: { $null: true } } }],
    ['$ne', { actionLines: { code: { $ne: 'C3' } } }],
    ['$notIn', { actionLines: { code: { $notIn: ['C3'] } } }],
    ['$eq null', { actionLines: { code: { $eq: null } } }],
    ['a null in a list', { actionLines: { code: { $in: ['C3', null] } } }],
    ['an empty list', { actionLines: { code: { $in: [] } } }],
    ['$or inside the relation', { actionLines: { $or: [{ code: 'C3' }, { name: 'x' }] } }],
    ['a relation of the target', { actionLines: { entries: { title: 'x' } } }],
    ['an id shorthand', { actionLines: 3 }],
    ['an operator on the relation', { actionLines: { $in: [1, 2] } }],
    ['a relation without a link table', { country: { code: 'CH' } }],
  ])('keeps Strapi join when %s', (_name, where) => {
    expect(rewrite(where)).toEqual(where);
  });

  it('tells which column tests NULL cannot pass', () => {
    expect(rejectsNull('C3')).toBe(true);
    expect(rejectsNull({ $containsi: 'x', $startsWith: 'a' })).toBe(true);
    expect(rejectsNull({ $notNull: true })).toBe(true);
    expect(rejectsNull({ $notNull: false })).toBe(false);
    expect(rejectsNull({ $between: [1, 5] })).toBe(true);
    expect(rejectsNull({})).toBe(false);
    expect(rejectsNull(null)).toBe(false);
  });
});
