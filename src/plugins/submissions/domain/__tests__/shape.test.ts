import { fileIds } from '../media';
import { withoutServerFields } from '../server-fields';
import { shapeProblem, targetCount } from '../shape';

const rule = { wordLimits: { shortDescription: 3 }, requiredRelations: ['actionLines'] };
const options = { creating: true, locale: 'en', maxLengths: { shortDescription: 40 } };

describe('shapeProblem', () => {
  it('accepts a submission within its limits, with its required relation', () => {
    expect(shapeProblem({ shortDescription: 'Rural post offices.', actionLines: ['a'] }, rule, options)).toBeNull();
  });

  it('refuses too many words, a text over its length before counting, and a missing relation on create only', () => {
    expect(shapeProblem({ shortDescription: 'one two three four', actionLines: ['a'] }, rule, options)?.code).toBe('TOO_MANY_WORDS');
    expect(shapeProblem({ shortDescription: 'x'.repeat(41), actionLines: ['a'] }, rule, options)?.code).toBe('TOO_LONG');
    expect(shapeProblem({ shortDescription: 'ok' }, rule, options)?.code).toBe('FIELD_REQUIRED');
    expect(shapeProblem({ shortDescription: 'ok' }, rule, { ...options, creating: false })).toBeNull();
  });

  it('counts relation targets in every shape', () => {
    expect([
      targetCount(['a', 'b']),
      targetCount({ connect: [{ id: 1 }] }),
      targetCount({ set: [] }),
      targetCount('a'),
      targetCount(null),
    ]).toEqual([2, 1, 0, 1, 0]);
  });
});

describe('withoutServerFields', () => {
  it('drops what only the server and editors write', () => {
    expect(
      withoutServerFields({ title: 't', publishedAt: 'x', status: 'published', submittedBy: 3, moderatorNote: 'ok' }, [
        'submittedBy',
        'moderatorNote',
      ]),
    ).toEqual({ title: 't' });
  });
});

describe('fileIds', () => {
  it('reads ids, numeric strings and { id }, and marks anything else', () => {
    expect(fileIds([1, '2', { id: 3 }])).toEqual([1, 2, 3]);
    expect(fileIds(['abc', { documentId: 'x' }])).toEqual([null, null]);
    expect(fileIds(undefined)).toEqual([]);
  });

  it('marks ids no file can have: an integer column holds 1 to 2^31 - 1 (PostgreSQL failed on more)', () => {
    expect(fileIds([2 ** 31 - 1, '2147483647'])).toEqual([2 ** 31 - 1, 2 ** 31 - 1]);
    expect(fileIds([9007199254740992, 2 ** 31, '2147483648', 0, -1, 1.5, { id: 2 ** 40 }])).toEqual(Array(7).fill(null));
  });
});
