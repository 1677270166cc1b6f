import {
  ByteBoundedLru,
  MAX_KEY_LENGTH,
  bodyWeight,
  canonicalQuery,
  entryWeight,
  matchingVersionEtag,
  versionEtag,
} from '../response-cache';

const entry = (bytes: number) => ({ bytes });

describe('the key of a request', () => {
  it('does not depend on the order of parameters, at any depth, but keeps the order of lists', () => {
    expect(canonicalQuery({ b: '1', a: { d: '2', c: '3' } })).toBe(canonicalQuery({ a: { c: '3', d: '2' }, b: '1' }));
    expect(canonicalQuery({ sort: ['title', 'date'] })).not.toBe(canonicalQuery({ sort: ['date', 'title'] }));
    expect(canonicalQuery(undefined)).toBe('{}');
  });
});

describe('version ETags', () => {
  const now = Date.parse('2031-01-10T12:00:00Z');
  const expiry = Date.parse('2031-02-01T00:00:00Z');

  it('match the same version and key until their expiry, and nothing else', () => {
    const etag = versionEtag('v1', '/api/events?{}', expiry);
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}-[0-9a-z]+"$/);
    expect(matchingVersionEtag(etag, 'v1', '/api/events?{}', now)).toBe(etag);
    expect(matchingVersionEtag(`"other", ${etag}`, 'v1', '/api/events?{}', expiry - 1)).toBe(etag);
    expect(matchingVersionEtag(etag, 'v1', '/api/events?{}', expiry)).toBeNull();
    expect(matchingVersionEtag(etag, 'v2', '/api/events?{}', now)).toBeNull();
    expect(matchingVersionEtag(etag, 'v1', '/api/events?{"locale":"fr"}', now)).toBeNull();
    expect(matchingVersionEtag('*', 'v1', '/api/events?{}', now)).toBeNull();
    expect(matchingVersionEtag(undefined, 'v1', '/api/events?{}', now)).toBeNull();
  });

  it('without an expiry, match for as long as the version holds', () => {
    const etag = versionEtag('v1', 'key');
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(matchingVersionEtag(etag.replace(/^W\//, ''), 'v1', 'key', Number.MAX_SAFE_INTEGER)).toBe(etag);
  });
});

describe('a version ETag whose expiry was changed', () => {
  it('is not ours: an expiry moved later, or dropped, gets no 304', () => {
    const now = Date.parse('2031-01-10T12:00:00Z');
    const etag = versionEtag('v1', 'key', Date.parse('2031-01-10T12:00:01Z'));
    const [hash] = etag.slice(3, -1).split('-');
    expect(matchingVersionEtag(`W/"${hash}-zzzzzzzz"`, 'v1', 'key', now)).toBeNull();
    expect(matchingVersionEtag(`W/"${hash}"`, 'v1', 'key', now)).toBeNull();
    expect(matchingVersionEtag(etag, 'v1', 'key', now)).toBe(etag);
  });
});

describe('what an entry weighs', () => {
  it('counts its key as well as its body, so many long keys with small answers cannot fill memory', () => {
    const key = 'k'.repeat(MAX_KEY_LENGTH);
    expect(entryWeight(key, 85)).toBeGreaterThan(2 * MAX_KEY_LENGTH + 85);
    const cache = new ByteBoundedLru<{ bytes: number }>(10 * entryWeight(key, 85));
    for (let index = 0; index < 1000; index += 1) cache.set(`${index}`.padEnd(MAX_KEY_LENGTH, 'k'), { bytes: entryWeight(key, 85) });
    expect(cache.size).toBe(10);
  });

  it('counts a body at the larger of its two forms: text in the heap until served again, then UTF-8 bytes', () => {
    const weigh = (text: string) => bodyWeight(text, Buffer.byteLength(text));
    expect(weigh('{"title":"WSIS"}')).toBe(16);
    // Beyond ASCII the heap may hold two bytes a character (any beyond Latin-1): counted so.
    expect(weigh('Genève'.repeat(100))).toBe(1200);
    // One character beyond Latin-1 makes the whole text two bytes a character in the heap.
    expect(weigh(`${'a'.repeat(1000)}€`)).toBe(2002);
    // Three UTF-8 bytes a character weigh more than the heap's two.
    expect(weigh('信息社会'.repeat(100))).toBe(1200);
    expect(weigh('القمة'.repeat(100))).toBe(1000);
  });
});

describe('version ETags of many keys', () => {
  it('each match their own key, with and without an expiry (a hash is never cut at a separator)', () => {
    for (let index = 0; index < 500; index += 1) {
      const key = `/api/events?{"pagination":{"page":"${index}"}}`;
      expect(matchingVersionEtag(versionEtag('v1', key), 'v1', key, 0)).toBe(versionEtag('v1', key));
      expect(matchingVersionEtag(versionEtag('v1', key, 5000), 'v1', key, 4999)).toBe(versionEtag('v1', key, 5000));
    }
  });
});

describe('the memory bound', () => {
  it('evicts the least recently used entries once the bodies kept exceed the bound', () => {
    const lru = new ByteBoundedLru(100);
    lru.set('a', entry(40));
    lru.set('b', entry(40));
    lru.get('a');
    lru.set('c', entry(40));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toEqual(entry(40));
    expect(lru.get('c')).toEqual(entry(40));
    expect(lru.bytes).toBe(80);
  });

  it('keeps nothing larger than the bound, and counts a replaced entry once', () => {
    const lru = new ByteBoundedLru(100);
    lru.set('big', entry(101));
    expect(lru.size).toBe(0);
    lru.set('a', entry(30));
    lru.set('a', entry(50));
    expect(lru.bytes).toBe(50);
    lru.clear();
    expect(lru.bytes).toBe(0);
  });
});
