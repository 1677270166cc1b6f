import { readCorsOrigins } from '../cors';

describe('readCorsOrigins', () => {
  it("defaults to this server's local origins in development and test, to none in production mode", () => {
    expect(readCorsOrigins({ NODE_ENV: 'development' })).toEqual(['http://localhost:1337', 'http://127.0.0.1:1337']);
    expect(readCorsOrigins({ NODE_ENV: 'test', PORT: '4000' })).toEqual(['http://localhost:4000', 'http://127.0.0.1:4000']);
    expect(readCorsOrigins({ NODE_ENV: 'production' })).toEqual([]);
    expect(readCorsOrigins({ NODE_ENV: 'staging' })).toEqual([]);
  });

  it('reads CORS_ORIGINS as a comma-separated list that replaces the defaults', () => {
    expect(readCorsOrigins({ NODE_ENV: 'production', CORS_ORIGINS: 'https://www.wsis.example, https://admin.wsis.example:8443' })).toEqual([
      'https://www.wsis.example',
      'https://admin.wsis.example:8443',
    ]);
    expect(readCorsOrigins({ NODE_ENV: 'development', CORS_ORIGINS: 'https://www.wsis.example' })).toEqual(['https://www.wsis.example']);
  });

  it.each(['*', 'www.wsis.example', 'https://www.wsis.example/', 'https://www.wsis.example/api', 'null'])(
    'refuses %s, which is not an origin',
    (value) => {
      expect(() => readCorsOrigins({ NODE_ENV: 'production', CORS_ORIGINS: value })).toThrow(/is not an origin/);
    },
  );
});
