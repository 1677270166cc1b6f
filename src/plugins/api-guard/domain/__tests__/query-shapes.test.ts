import { assertFilterShapes, assertPopulateShapes, withoutEmptyFieldNames } from '../query-shapes';
import { GuardError } from '../models';
import { models } from './fixtures';

// Shapes found by the hostile-input suite (tests/hostile), each a 500 from the database layer before.
const refused = (filters: unknown, uid = 'consultation') =>
  expect(() => assertFilterShapes(filters, uid, models)).toThrow(expect.objectContaining({ code: 'INVALID_FILTER' }));
const accepted = (filters: unknown, uid = 'consultation') => expect(() => assertFilterShapes(filters, uid, models)).not.toThrow();

describe('assertFilterShapes', () => {
  it('accepts what Strapi documents: values, lists, operators, groups, relations, components', () => {
    accepted({ title: 'x' });
    accepted({ title: ['x', 'y'] });
    accepted({ title: { $eq: 'x', $ne: 'y' }, createdAt: { $between: ['2011-01-01', '2012-01-01'] } });
    accepted({ $or: [{ title: { $containsi: 'x' } }, { $not: { title: { $null: true } } }], $and: [] });
    accepted({ title: { $in: ['a', 'b'] }, slug: { $notIn: 'c' }, description: { $not: { $startsWith: 'x' } } });
    accepted({ phases: { position: { $lte: 2 }, contributions: { title: 'x' } } });
    accepted({ phases: 5, organizer: [1, 2], contributions: { $in: [1, 2] } });
    accepted({ phases: { $or: [{ position: 1 }, { position: 2 }] } });
    accepted({ venue: { country: { $null: true } } }, 'phase');
    accepted({ cover: { name: { $endsWith: '.png' } } });
    accepted(undefined);
  });

  it('refuses $and and $or that are not lists, and $not that is not a condition', () => {
    refused({ $and: '[object Object]' });
    refused({ $and: { title: 'x' } });
    refused({ $or: [{ title: 'x' }, 'y'] });
    refused({ $not: 'x' });
    refused({ phases: { $and: { position: 1 } } });
  });

  it('refuses $between without exactly two values, and operators holding objects', () => {
    refused({ title: { $between: 'A,B' } });
    refused({ title: { $between: ['A'] } });
    refused({ title: { $between: ['A', 'B', 'C'] } });
    refused({ title: { $eq: { $foo: 'x' } } });
    refused({ title: { $in: [{ a: 1 }] } });
    refused({ title: [{ $eq: 'x' }] });
    refused({ title: [['x']] });
    refused({ title: { $foo: 'x' } });
    refused({ title: { $jsonSupersetOf: 'x' } });
  });

  it('refuses operators other than the groups at the level of fields', () => {
    refused({ $eq: 'x' });
    refused({ $in: ['x'] });
  });

  it('refuses relation conditions that mix operators and fields or name two operators', () => {
    refused({ phases: { $eq: 1, position: 1 } });
    refused({ phases: { $eq: 1, $ne: 2 } });
    refused({ phases: { $not: { position: 1 } } });
    refused({ phases: [{ id: 1 }] });
  });

  // Found on PostgreSQL by the hostile-input suite: each a 500 there (some on SQLite too).
  it('refuses values the database cannot compare with the column: text for integers and ids, numbers out of range', () => {
    refused({ position: { $eq: 'abc' } }, 'phase');
    refused({ position: 'abc' }, 'phase');
    refused({ position: { $eq: '99999999999' } }, 'phase');
    refused({ position: { $in: ['1', 'x'] } }, 'phase');
    refused({ position: { $between: ['1', '2.5'] } }, 'phase');
    refused({ id: { $eq: 'abc' } });
    refused({ id: '1.5' });
    refused({ organizer: 'abc' });
    refused({ organizer: { $in: ['abc'] } });
    refused({ organizer: { id: { $eq: 'abc' } } });
    refused({ views: { $gt: '99999999999999999999' } });
    refused({ rating: { $lt: 'Infinity' } });
    accepted({ position: { $eq: '3', $in: ['1', '-2'], $between: ['1', '2147483647'] }, id: '12' }, 'phase');
    accepted({ organizer: ['1', 2], views: { $gt: '9223372036854775807' }, rating: '1e308', featured: 'maybe' });
  });

  it('refuses dates before 4713 BC (PostgreSQL has none) and case-sensitive text matching on numbers and dates', () => {
    refused({ publishAt: { $gt: '-271821-04-20T00:00:00.000Z' } });
    refused({ publishAt: '-8640000000000000' });
    refused({ publishAt: { $contains: '2011' } });
    refused({ position: { $startsWith: '1' } }, 'phase');
    refused({ featured: { $contains: 't' } });
    refused({ organizer: { $contains: '1' } });
    accepted({ publishAt: { $gt: '+275760-09-13T00:00:00.000Z', $lt: '2011-12-01' }, title: { $contains: 'x' } });
    accepted({ publishAt: { $containsi: '2011' }, id: { $startsWithi: '1' } });
    accepted({ position: { $null: 'maybe' }, opensAt: { $notNull: 'x' } }, 'phase');
  });

  it('refuses a field the model does not have, such as the documentId of a component (its table has none)', () => {
    refused({ venue: { documentId: { $null: true } } }, 'phase');
    refused({ venue: { createdAt: '2011-01-01' } }, 'phase');
    refused({ nope: 'x' });
    accepted({ venue: { id: 1, city: 'Geneva' } }, 'phase');
    accepted({ documentId: 'abc' });
  });

  it('tests a JSON field for emptiness only (PostgreSQL compares json with json)', () => {
    refused({ settings: 'x' });
    refused({ settings: { $eq: '' } });
    refused({ settings: { $in: ['a'] } });
    refused({ settings: { $containsi: 'a' } });
    refused({ settings: { $null: true, $eq: 'x' } });
    accepted({ settings: { $null: true } });
    accepted({ settings: { $notNull: 'true' } });
  });

  it('reports where the shape is wrong', () => {
    try {
      assertFilterShapes({ $or: [{ phases: { position: { $between: 'x' } } }] }, 'consultation', models);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(GuardError);
      expect((error as GuardError).details).toEqual({ field: '$or.0.phases.position.$between' });
    }
  });
});

describe('assertPopulateShapes', () => {
  it('checks the filters of populated relations at every level', () => {
    expect(() => assertPopulateShapes({ phases: { filters: { position: { $between: 'x' } } } }, 'consultation', models)).toThrow(
      GuardError,
    );
    expect(() =>
      assertPopulateShapes({ phases: { populate: { contributions: { filters: { $or: 'x' } } } } }, 'consultation', models),
    ).toThrow(/populate\.phases\.populate\.contributions/);
    expect(() => assertPopulateShapes({ phases: { filters: { position: 1 } }, organizer: true }, 'consultation', models)).not.toThrow();
    expect(() => assertPopulateShapes('*', 'consultation', models)).not.toThrow();
  });

  it('refuses sorting a populated relation through its own relations, in every sort shape', () => {
    for (const sort of ['consultation.title', ['position', 'consultation.title:desc'], { consultation: { title: 'asc' } }]) {
      expect(() => assertPopulateShapes({ phases: { sort } }, 'consultation', models)).toThrow(
        expect.objectContaining({ code: 'INVALID_SORT' }),
      );
    }
    expect(() => assertPopulateShapes({ phases: { populate: { venue: { sort: 'country.name' } } } }, 'consultation', models)).toThrow(
      expect.objectContaining({ code: 'INVALID_SORT' }),
    );
    expect(() => assertPopulateShapes({ phases: { sort: ['position:asc', 'name'] } }, 'consultation', models)).not.toThrow();
  });
});

describe('withoutEmptyFieldNames', () => {
  it('drops empty field names, at every level of populate, and leaves the rest as it is', () => {
    expect(withoutEmptyFieldNames({ fields: '' })).toEqual({});
    expect(withoutEmptyFieldNames({ fields: ['', 'title'] })).toEqual({ fields: ['title'] });
    expect(withoutEmptyFieldNames({ populate: { phases: { fields: [''], populate: { contributions: { fields: '' } } } } })).toEqual({
      populate: { phases: { populate: { contributions: {} } } },
    });
    expect(withoutEmptyFieldNames({ fields: ['title'], populate: '*' })).toEqual({ fields: ['title'], populate: '*' });
  });
});
