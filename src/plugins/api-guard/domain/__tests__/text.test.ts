import { pathOfNulCharacter } from '../text';

describe('pathOfNulCharacter', () => {
  it('finds a NUL character in any string or key, at any depth', () => {
    expect(pathOfNulCharacter({ data: { title: 'a\u0000b' } })).toBe('data.title');
    expect(pathOfNulCharacter({ filters: { $or: [{ title: 'x' }, { slug: { $eq: '\u0000' } }] } })).toBe('filters.$or.1.slug.$eq');
    expect(pathOfNulCharacter({ 'ti\u0000tle': 'x' })).toBe('ti\u0000tle');
    expect(pathOfNulCharacter('\u0000')).toBe('(value)');
  });

  it('passes text without one, and other values', () => {
    expect(pathOfNulCharacter({ title: 'WSIS Forum 2012', count: 3, list: [null, true, 'é'] })).toBeNull();
    expect(pathOfNulCharacter(undefined)).toBeNull();
  });
});
