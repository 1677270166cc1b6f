import { GuardError } from '../models';
import { assertPublishedOnlySort, publishedOnlyFilters, publishedOnlyPopulate, sortPaths } from '../published-reads';
import { models } from './fixtures';

const PUBLISHED = { publishedAt: { $notNull: true } };

describe('publishedOnlyFilters', () => {
  it('limits a hop from a type without draft and publish into drafts to published rows', () => {
    expect(publishedOnlyFilters({ contributions: { body: { $startsWith: 'x' } } }, 'phase', models)).toEqual({
      contributions: { $and: [{ body: { $startsWith: 'x' } }, PUBLISHED] },
    });
  });

  it('leaves hops between published versions alone, and limits the deeper hop', () => {
    expect(publishedOnlyFilters({ phases: { contributions: { title: 'x' }, position: 1 } }, 'consultation', models)).toEqual({
      phases: { contributions: { $and: [{ title: 'x' }, PUBLISHED] }, position: 1 },
    });
    expect(publishedOnlyFilters({ consultation: { title: 'x' } }, 'contribution', models)).toEqual({ consultation: { title: 'x' } });
  });

  it('reaches into $and, $or and $not at any level, and reads a bare id as a condition on id', () => {
    expect(publishedOnlyFilters({ $or: [{ contributions: 5 }, { $not: { contributions: { $in: [1, 2] } } }] }, 'phase', models)).toEqual({
      $or: [
        { contributions: { $and: [{ id: 5 }, PUBLISHED] } },
        { $not: { contributions: { $and: [{ id: { $in: [1, 2] } }, PUBLISHED] } } },
      ],
    });
  });

  it('refuses testing whether such a relation is empty', () => {
    for (const filters of [{ contributions: { $null: true } }, { contributions: { id: { $notNull: true } } }]) {
      expect(() => publishedOnlyFilters(filters, 'phase', models)).toThrow(expect.objectContaining({ code: 'INVALID_FILTER' }));
    }
    expect(() => publishedOnlyFilters({ organizer: { $null: true } }, 'consultation', models)).not.toThrow();
  });

  it('passes scalars and unknown keys through unchanged', () => {
    expect(publishedOnlyFilters({ name: { $eq: 'x' }, unknown: 1 }, 'phase', models)).toEqual({ name: { $eq: 'x' }, unknown: 1 });
    expect(publishedOnlyFilters('x', 'phase', models)).toBe('x');
  });
});

describe('sorts', () => {
  it('reads every shape Strapi takes', () => {
    expect(sortPaths('a:asc, b.c:desc')).toEqual([['a'], ['b', 'c']]);
    expect(sortPaths(['a', { b: { c: 'asc' } }])).toEqual([['a'], ['b', 'c']]);
  });

  it('refuses ordering by values read through a hop into drafts', () => {
    expect(() => assertPublishedOnlySort('contributions.body:asc', 'phase', models)).toThrow(GuardError);
    expect(() => assertPublishedOnlySort([{ phases: { contributions: { title: 'asc' } } }], 'consultation', models)).toThrow(
      expect.objectContaining({ code: 'INVALID_SORT' }),
    );
    expect(() => assertPublishedOnlySort('consultation.title', 'contribution', models)).not.toThrow();
  });
});

describe('publishedOnlyPopulate', () => {
  it('makes the filters of populated relations safe, at every level', () => {
    expect(
      publishedOnlyPopulate(
        { phases: { filters: { contributions: { title: 'x' } }, populate: { contributions: { filters: { title: 'y' } } } } },
        'consultation',
        models,
      ),
    ).toEqual({
      phases: {
        filters: { contributions: { $and: [{ title: 'x' }, PUBLISHED] } },
        populate: { contributions: { filters: { title: 'y' } } },
      },
    });
  });
});
