import { nestsDeeperThan, pathOfInheritedName, pathOfNulCharacter } from '../text';

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

// Found by the hostile-input suite (tests/hostile): `fields=hasOwnProperty` answered 500.
describe('pathOfInheritedName', () => {
  it('finds names every object inherits, as keys at any depth and in the values of fields, sort and populate', () => {
    expect(pathOfInheritedName({ fields: 'hasOwnProperty' })).toBe('fields');
    expect(pathOfInheritedName({ fields: ['title', '__proto__'] })).toBe('fields.1');
    expect(pathOfInheritedName({ sort: 'title:asc,constructor:desc' })).toBe('sort');
    expect(pathOfInheritedName({ populate: 'call.toString' })).toBe('populate');
    expect(pathOfInheritedName({ populate: { call: { fields: ['valueOf'] } } })).toBe('populate.call.fields.0');
    expect(pathOfInheritedName({ filters: { constructor: { $eq: 1 } } })).toBe('filters.constructor');
    const polluted = JSON.parse('{"__proto__": {"x": 1}}');
    expect(pathOfInheritedName({ filters: polluted })).toBe('filters.__proto__');
    expect(pathOfInheritedName({ prototype: '1' })).toBe('prototype');
  });

  it('finds them as keys only in a payload, where `data.hasOwnProperty` fails the same way', () => {
    expect(pathOfInheritedName({ data: { title: 'x', hasOwnProperty: { polluted: true } } }, { keysOnly: true })).toBe(
      'data.hasOwnProperty',
    );
    expect(pathOfInheritedName({ data: { call: { connect: [{ __defineGetter__: 1 }] } } }, { keysOnly: true })).toBe(
      'data.call.connect.0.__defineGetter__',
    );
    expect(pathOfInheritedName({ data: { sort: 'constructor', title: 'toString' } }, { keysOnly: true })).toBeNull();
  });

  it('leaves the same words alone where they are text: filter values', () => {
    expect(pathOfInheritedName({ filters: { title: { $eq: 'constructor' } } })).toBeNull();
    expect(pathOfInheritedName({ populate: { call: { filters: { title: 'toString' } } } })).toBeNull();
    expect(pathOfInheritedName({ fields: ['title', 'slug'], sort: 'title:asc', populate: '*', q: 'hasOwnProperty' })).toBeNull();
  });
});

// Found by the hostile-input suite (tests/hostile): 5,000 nested brackets overflowed the stack (500).
describe('nestsDeeperThan', () => {
  const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('measures nesting without recursion, however deep', () => {
    expect(nestsDeeperThan(nested(100_000))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(`{"data":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}`))).toBe(true);
  });

  it('accepts what a request carries: 64 levels and less, and scalars', () => {
    expect(nestsDeeperThan(nested(64))).toBe(false);
    expect(nestsDeeperThan(nested(65))).toBe(true);
    expect(nestsDeeperThan({ data: { call: { connect: [{ documentId: 'x', position: { before: 'y' } }] } } })).toBe(false);
    expect(nestsDeeperThan('text')).toBe(false);
    expect(nestsDeeperThan(undefined)).toBe(false);
  });
});
