import { etagMatches, lastModifiedOf, newest, strongEtag, weakEtag } from '../conditional';

describe('validators', () => {
  it('gives the same strong ETag to the same bytes and another to other bytes', () => {
    expect(strongEtag('{"data":[]}')).toBe(strongEtag(Buffer.from('{"data":[]}')));
    expect(strongEtag('{"data":[]}')).not.toBe(strongEtag('{"data":[1]}'));
    expect(strongEtag('x')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(weakEtag('v1', 'query')).toMatch(/^W\/"/);
  });

  it('matches If-None-Match by weak comparison, in lists and with *', () => {
    const etag = strongEtag('body');
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`W/${etag}`, etag)).toBe(true);
    expect(etagMatches(`"other", ${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches(etag, undefined)).toBe(false);
  });

  it('finds the newest date among strings, dates and gaps', () => {
    expect(newest(['2011-09-01T00:00:00Z', new Date('2011-10-01T00:00:00Z'), null, undefined, 'not a date'])!.toISOString()).toBe(
      '2011-10-01T00:00:00.000Z',
    );
    expect(newest([])).toBeNull();
  });
});

describe('lastModifiedOf', () => {
  it('reads the newest updatedAt of a list or of one document, and nothing of other bodies', () => {
    expect(
      lastModifiedOf({ data: [{ updatedAt: '2011-09-01T00:00:00Z' }, { updatedAt: '2011-10-01T00:00:00Z' }, null] })!.toISOString(),
    ).toBe('2011-10-01T00:00:00.000Z');
    expect(lastModifiedOf({ data: { updatedAt: new Date('2011-09-01T00:00:00Z') } })!.toISOString()).toBe('2011-09-01T00:00:00.000Z');
    expect(lastModifiedOf({ data: [] })).toBeNull();
    expect(lastModifiedOf({ meta: {} })).toBeNull();
    expect(lastModifiedOf(null)).toBeNull();
  });
});
