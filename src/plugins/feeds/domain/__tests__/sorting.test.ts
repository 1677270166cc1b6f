import { compareBy } from '../sorting';

describe('merged lists keep their order', () => {
  it('sorts by several keys, dates as instants, missing values last', () => {
    const items = [
      { title: 'b', publishedOn: '2011-06-01', publishedAt: new Date('2011-06-02T00:00:00Z') },
      { title: 'a', publishedOn: null, publishedAt: '2011-09-01T00:00:00.000Z' },
      { title: 'c', publishedOn: '2011-06-01', publishedAt: '2011-06-03T00:00:00.000Z' },
      { title: 'd', publishedOn: '2011-09-15', publishedAt: '2011-01-01T00:00:00.000Z' },
    ];
    expect([...items].sort(compareBy(['publishedOn:desc', 'publishedAt:desc'])).map((item) => item.title)).toEqual(['d', 'c', 'b', 'a']);
    expect([...items].sort(compareBy(['title'])).map((item) => item.title)).toEqual(['a', 'b', 'c', 'd']);
  });
});
