// The floor: a minimal node:http server, no framework, over the database the project was seeded into,
// answering the simplest reads of requests.js with the JSON Strapi's REST API gives for them (the
// entry's public attributes, `meta.pagination`): findOne by slug (filter) in a locale, the 100-row page,
// and the conditional GET (an ETag of the body, 304 when it matches). Anything else is 404: n/a.
// Started by the harness like the apps (server.js), with the project's database settings:
//   DATABASE_CLIENT=sqlite DATABASE_FILENAME=… BENCH_APP_DIR=… PORT=… node scripts/bench/floor.js
// GET /_health answers 204; GET /_floor answers what it found about indexes and the query plans.
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const TABLE = 'stocktaking_entries';
const DEFAULT_LOCALE = 'en';
const MAX_PAGE_SIZE = 100; // config/api.ts: maxLimit

const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The attributes Strapi's REST answer carries without populate: scalars that are neither private nor hidden. */
function publicFields(appDir) {
  const schema = JSON.parse(
    fs.readFileSync(path.join(appDir, 'src/api/stocktaking-entry/content-types/stocktaking-entry/schema.json'), 'utf8'),
  );
  const skipped = new Set(['relation', 'media', 'component', 'dynamiczone']);
  const fields = [
    { name: 'id', type: 'integer' },
    { name: 'documentId', type: 'string' },
    ...Object.entries(schema.attributes)
      // `answers` is private to Strapi's sanitizer, but the project's questionnaires plugin puts it back on
      // the entry routes (without the answers to private questions: the bench's call has no questions).
      .filter(([name, attribute]) => !skipped.has(attribute.type) && (!attribute.private || name === 'answers'))
      .map(([name, attribute]) => ({ name, type: attribute.type })),
    { name: 'createdAt', type: 'datetime' },
    { name: 'updatedAt', type: 'datetime' },
    { name: 'publishedAt', type: 'datetime' },
    { name: 'locale', type: 'string' },
  ];
  return fields.map((field) => ({ ...field, column: snake(field.name) }));
}

/** Row values as Strapi outputs them: datetimes in ISO (SQLite stores milliseconds), booleans from 0/1, JSON parsed. */
function converter(fields) {
  const convert = {
    datetime: (value) =>
      value === null ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString(),
    boolean: (value) => (value === null ? null : Boolean(value)),
    // SQLite keeps JSON as text; pg parses it.
    json: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  };
  convert.timestamp = convert.datetime;
  return (row) => {
    const item = {};
    for (const field of fields) item[field.name] = convert[field.type] ? convert[field.type](row[field.column]) : row[field.column];
    return item;
  };
}

// The best index for each query: its leading columns. Created (bench_floor_*) only where none exists.
const WANTED = [
  { name: 'bench_floor_slug_idx', columns: ['slug', 'locale', 'published_at'] },
  { name: 'bench_floor_locale_idx', columns: ['locale', 'published_at'] },
];
const covers = (columns, wanted) => wanted.every((column, index) => columns[index] === column);

async function sqliteDatabase(filename) {
  const Database = require('better-sqlite3');
  const db = new Database(filename, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  const indexes = db
    .prepare(`SELECT name FROM pragma_index_list('${TABLE}')`)
    .all()
    .map(({ name }) => ({
      name,
      columns: db
        .prepare(`SELECT name FROM pragma_index_info('${name}') ORDER BY seqno`)
        .all()
        .map((column) => column.name),
    }));
  const statements = new Map();
  const prepared = (sql) => {
    if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
    return statements.get(sql);
  };
  return {
    indexes,
    create: (index) => db.exec(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${TABLE} (${index.columns.join(', ')})`),
    all: async (sql, values) => prepared(sql).all(...values),
    plan: async (sql, values) =>
      prepared(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...values)
        .map((row) => row.detail)
        .join('; '),
    close: async () => db.close(),
  };
}

async function postgresDatabase(env) {
  const { Pool, types } = require('pg');
  const pool = new Pool({
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    database: env.DATABASE_NAME,
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
    max: 10, // the project's pool size (config/database.ts)
    // `date` columns as Strapi outputs them: the text, not a Date at midnight.
    types: { getTypeParser: (oid, format) => (oid === 1082 ? (value) => value : types.getTypeParser(oid, format)) },
  });
  const { rows } = await pool.query(
    `SELECT i.relname AS name, array_agg(a.attname::text ORDER BY k.n) AS columns
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = $1 GROUP BY i.relname`,
    [TABLE],
  );
  // Positional parameters: `?` in the shared SQL becomes $1, $2…
  const numbered = (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${(n += 1)}`);
  };
  return {
    indexes: rows,
    create: (index) => pool.query(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${TABLE} (${index.columns.join(', ')})`),
    all: async (sql, values) => {
      const name = crypto.createHash('sha1').update(sql).digest('hex').slice(0, 16);
      return (await pool.query({ name, text: numbered(sql), values })).rows;
    },
    plan: async (sql, values) =>
      (await pool.query(`EXPLAIN ${numbered(sql)}`, values)).rows.map((row) => row['QUERY PLAN'].trim()).join('; '),
    close: () => pool.end(),
  };
}

async function main() {
  const env = process.env;
  const fields = publicFields(env.BENCH_APP_DIR);
  const toItem = converter(fields);
  const db = env.DATABASE_CLIENT === 'postgres' ? await postgresDatabase(env) : await sqliteDatabase(path.resolve(env.DATABASE_FILENAME));
  const created = [];
  for (const index of WANTED) {
    if (db.indexes.some((existing) => covers(existing.columns, index.columns))) continue;
    await db.create(index);
    created.push(index);
  }

  const columns = fields.map((field) => `${field.column}`).join(', ');
  // The rows Strapi's REST API reads by default: published ones, in a locale (the default one if none asked).
  const where = (bySlug) => `published_at IS NOT NULL AND locale = ?${bySlug ? ' AND slug = ?' : ''}`;
  const queries = (bySlug) => ({
    rows: `SELECT ${columns} FROM ${TABLE} WHERE ${where(bySlug)} LIMIT ? OFFSET ?`,
    count: `SELECT COUNT(*) AS count FROM ${TABLE} WHERE ${where(bySlug)}`,
  });
  const bySlug = queries(true);
  const page = queries(false);
  const probe = ['en', 'community-telecentre-0', 25, 0];
  const report = {
    client: env.DATABASE_CLIENT,
    used: db.indexes.filter((existing) => WANTED.some((index) => covers(existing.columns, index.columns))).map((index) => index.name),
    created: created.map((index) => index.name),
    plans: {
      bySlug: await db.plan(bySlug.rows, probe),
      bySlugCount: await db.plan(bySlug.count, probe.slice(0, 2)),
      page: await db.plan(page.rows, ['en', 100, 0]),
      pageCount: await db.plan(page.count, ['en']),
    },
  };

  async function answer(url) {
    const params = url.searchParams;
    const known = new Set(['locale', 'filters[slug][$eq]', 'pagination[page]', 'pagination[pageSize]']);
    if (url.pathname !== '/api/stocktaking-entries' || [...params.keys()].some((key) => !known.has(key))) return null;
    const locale = params.get('locale') ?? DEFAULT_LOCALE;
    const slug = params.get('filters[slug][$eq]');
    const pageNumber = Math.max(1, Number(params.get('pagination[page]') ?? 1) || 1);
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(params.get('pagination[pageSize]') ?? 25) || 25));
    const query = slug === null ? page : bySlug;
    const head = slug === null ? [locale] : [locale, slug];
    const [rows, [{ count }]] = await Promise.all([
      db.all(query.rows, [...head, pageSize, (pageNumber - 1) * pageSize]),
      db.all(query.count, head),
    ]);
    const total = Number(count);
    return { data: rows.map(toItem), meta: { pagination: { page: pageNumber, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://floor');
    if (url.pathname === '/_health') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/_floor') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(report));
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    answer(url).then(
      (body) => {
        if (!body) {
          response.writeHead(404).end();
          return;
        }
        const text = JSON.stringify(body);
        const etag = `W/"${crypto.createHash('sha1').update(text).digest('base64url')}"`;
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag }).end(text);
      },
      (error) => {
        process.stderr.write(`${error.stack}\n`);
        response.writeHead(500).end();
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(env.PORT), env.HOST || '127.0.0.1');
  const stop = () => {
    server.close(() => db.close().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
