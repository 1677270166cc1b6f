import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The parts of `Core.Strapi` that the plugins' server services use, over rows in memory, so that a
 * service runs for real in the `unit` project (no boot, no database). Real service factories are
 * wired to `plugin(name).service(name)`; the database answers like Strapi's query engine does for
 * the queries they make: relations, media and components come back only when populated, `select`
 * keeps only the named columns, and anything the stub does not understand throws instead of
 * answering something plausible.
 *
 * Not part of the compiled app (tsconfig.json excludes `__tests__`).
 */

export interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  mappedBy?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  [option: string]: unknown;
}

/** A content type or a component, as its schema.json describes it. */
export interface Schema {
  uid?: string;
  collectionName?: string;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: Record<string, unknown>;
  attributes: Record<string, Attribute>;
}

/**
 * A stored row. Relations hold the ids of the target rows (one, a list, or null), media the ids of
 * files, components their values inline. A to-one relation may hold a list: that is what a join
 * table holds when a write gave it several targets.
 */
export type Row = Record<string, unknown> & { id: number };

type Factory = (deps: { strapi: Core.Strapi }) => unknown;

/** A plugin as its strapi-server.ts exports it (its services and config module) and the app's configuration of it. */
export interface PluginSetup {
  server: { services: Record<string, Factory>; config?: { default?: object; validator?: (config: never) => void } };
  config?: Record<string, unknown>;
}

export interface StubOptions {
  /** Content types and components by uid (see `appSchemas`). */
  models?: Record<string, Schema>;
  plugins?: Record<string, PluginSetup>;
  /** Other configuration, by key (`api`, `server`, ...). */
  config?: Record<string, unknown>;
}

/** What `strapi.requestContext.get()` answers: a koa context, as far as the plugins read it. */
export interface RequestContext {
  state: Record<string, unknown>;
  params?: Record<string, unknown>;
  request?: { body?: unknown };
}

export interface Query {
  uid: string;
  method: string;
  params: Record<string, unknown>;
  /** For reads of a join table: whether it ran inside `db.transaction`. */
  inTransaction?: boolean;
}

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay', 'morphMany', 'morphToMany']);
const POPULATED_ONLY = new Set(['relation', 'media', 'component', 'dynamiczone']);
const FILES = 'plugin::upload.file';

/** The requests the plugins tell apart (see src/plugins/shared/actor.ts). */
export const requests = {
  /** A users-permissions account on the content API. */
  stakeholder: (userId: number): RequestContext => ({
    state: { route: { info: { type: 'content-api' } }, auth: { strategy: { name: 'users-permissions' } }, user: { id: userId } },
  }),
  /**
   * An admin user on the admin API, with the codes of their roles and the actions their abilities
   * allow; `model` and `body` are the content manager's route parameter and request body.
   */
  admin: ({
    id,
    email = `admin${id}@wsis.test`,
    roles,
    abilities = [],
    model,
    body,
  }: {
    id: number;
    email?: string;
    roles: string[];
    abilities?: string[];
    model?: string;
    body?: unknown;
  }): RequestContext => ({
    state: {
      route: { info: { type: 'admin' } },
      user: { id, email, roles: roles.map((code) => ({ code })) },
      userAbility: { can: (action: string) => abilities.includes(action) },
    },
    params: model ? { model } : {},
    request: { body },
  }),
  /** A content-API token (Strapi 5.54's strategy name). */
  apiToken: ({ handler }: { handler?: string } = {}): RequestContext => ({
    state: { route: { info: { type: 'content-api' }, handler }, auth: { strategy: { name: 'content-api-token' } } },
  }),
  /** The public role: a content-API route without authentication. */
  public: ({ handler }: { handler?: string } = {}): RequestContext => ({
    state: { route: { info: { type: 'content-api' }, handler } },
  }),
};

/** i18n's services, as far as the plugins use them: its locales, and its own content-types service. */
export function i18nPlugin({ locales, defaultLocale }: { locales: string[]; defaultLocale: string }): PluginSetup {
  return {
    server: {
      services: {
        locales: () => ({
          find: async () => locales.map((code) => ({ code, name: code })),
          getDefaultLocale: async () => defaultLocale,
        }),
        // Strapi's own (which attributes are localized: relations and uids always are); the package
        // exports only its server entry, which would load the whole plugin.
        'content-types': require(
          path.join(path.dirname(require.resolve('@strapi/i18n/package.json')), 'dist/server/services/content-types.js'),
        ),
      },
    },
  };
}

const APP = path.resolve(__dirname, '../../../..');

/** The app's own schemas (src/api/<api>/content-types/<type>/schema.json, src/components/<category>/<name>.json), by uid. */
export function appSchemas(...uids: string[]): Record<string, Schema> {
  return Object.fromEntries(
    uids.map((uid) => {
      const contentType = /^api::([^.]+)\.(.+)$/.exec(uid);
      const file = contentType
        ? path.join(APP, 'src/api', contentType[1], 'content-types', contentType[2], 'schema.json')
        : path.join(APP, 'src/components', ...uid.split('.')) + '.json';
      return [uid, JSON.parse(fs.readFileSync(file, 'utf8')) as Schema];
    }),
  );
}

export function stubStrapi({ models = {}, plugins = {}, config = {} }: StubOptions = {}) {
  const store = new Map<string, Row[]>();
  const queries: Query[] = [];
  const logs: { level: string; message: string }[] = [];
  let context: RequestContext | undefined;
  let lastId = 0;
  let transactionDepth = 0;
  const TRANSACTION = { name: 'stub transaction' };

  const rowsOf = (uid: string) => {
    if (!store.has(uid)) store.set(uid, []);
    return store.get(uid)!;
  };
  const modelOf = (uid: string): Schema | undefined => (models[uid] ? { uid, ...models[uid] } : undefined);
  const isComponent = (uid: string) => !uid.includes('::');

  // --- where, select, populate -------------------------------------------------------------------

  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  const isNull = (value: unknown) => value === null || value === undefined;

  function matches(uid: string, row: Row, where: Record<string, unknown> = {}): boolean {
    return Object.entries(where).every(([key, condition]) => {
      const model = modelOf(uid);
      if (model && !model.attributes[key] && !['id', 'documentId', 'locale', 'publishedAt', 'createdAt', 'updatedAt'].includes(key)) {
        throw new Error(`stub-strapi: ${uid} has no attribute ${key} to filter on`);
      }
      const value = row[key];
      if (condition === null || typeof condition !== 'object' || condition instanceof Date) return same(value, condition);
      return Object.entries(condition).every(([operator, operand]) => {
        switch (operator) {
          case '$eq':
            return same(value, operand);
          case '$in':
            return (operand as unknown[]).some((candidate) => same(value, candidate));
          case '$ne':
            // SQL: `column <> x` is not true for NULL; `$ne: null` is IS NOT NULL.
            return operand === null ? !isNull(value) : !isNull(value) && value !== operand;
          case '$null':
            return operand ? isNull(value) : !isNull(value);
          case '$notNull':
            return operand ? !isNull(value) : isNull(value);
          default:
            throw new Error(`stub-strapi: where ${key}.${operator} is not supported (add it if a service needs it)`);
        }
      });
    });
  }

  const idsIn = (value: unknown): number[] => (isNull(value) ? [] : Array.isArray(value) ? (value as number[]) : [value as number]);

  function populateEntries(uid: string, populate: unknown): [string, unknown][] {
    if (populate === undefined) return [];
    if (Array.isArray(populate)) return populate.map((name) => [name as string, true]);
    if (typeof populate === 'object' && populate !== null) return Object.entries(populate).filter(([, value]) => value !== false);
    throw new Error(`stub-strapi: populate ${JSON.stringify(populate)} of ${uid} is not supported`);
  }

  function populated(uid: string, row: Row, name: string, options: unknown): unknown {
    const attribute = modelOf(uid)?.attributes[name];
    if (!attribute) throw new Error(`stub-strapi: invalid populate field ${name} of ${uid}`);
    const nested = (options === true ? {} : options) as { select?: string[]; populate?: unknown };
    const ids = idsIn(row[name]);
    switch (attribute.type) {
      case 'relation': {
        if (attribute.mappedBy)
          throw new Error(`stub-strapi: ${uid}.${name} is the inverse side of a relation; the stub stores the owning side only`);
        const targets = ids.map((id) => rowsOf(attribute.target!).find((target) => target.id === id)).filter(Boolean) as Row[];
        const shown = targets.map((target) => project(attribute.target!, target, nested));
        // A to-one relation shows one target, even when its join table holds several.
        return TO_MANY.has(attribute.relation ?? '') ? shown : (shown[0] ?? null);
      }
      case 'media': {
        const files = ids.map((id) => rowsOf(FILES).find((file) => file.id === id) ?? { id });
        const shown = files.map((file) => (nested.select ? pick(file, nested.select) : { ...file }));
        return attribute.multiple ? shown : (shown[0] ?? null);
      }
      case 'component':
        return structuredClone(row[name] ?? (attribute.repeatable ? [] : null));
      default:
        throw new Error(`stub-strapi: ${uid}.${name} (${attribute.type}) cannot be populated`);
    }
  }

  const pick = (row: Record<string, unknown>, select: string[]) =>
    Object.fromEntries(select.filter((key) => key in row).map((key) => [key, row[key]]));

  /** A row as the query engine returns it: selected columns, populated attributes only when asked. */
  function project(uid: string, row: Row, { select, populate }: { select?: string[]; populate?: unknown }): Record<string, unknown> {
    const model = modelOf(uid);
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (select && !select.includes(key)) continue;
      if (POPULATED_ONLY.has(model?.attributes[key]?.type ?? '')) continue;
      result[key] = structuredClone(value);
    }
    for (const [name, options] of populateEntries(uid, populate)) result[name] = populated(uid, row, name, options);
    return result;
  }

  function ordered(rows: Row[], orderBy: unknown): Row[] {
    if (!orderBy) return rows;
    const keys = (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((entry) => Object.entries(entry as Record<string, string>));
    return [...rows].sort((a, b) => {
      for (const [key, direction] of keys) {
        const order = (a[key] as number) < (b[key] as number) ? -1 : (a[key] as number) > (b[key] as number) ? 1 : 0;
        if (order !== 0) return direction === 'desc' ? -order : order;
      }
      return 0;
    });
  }

  type Params = {
    where?: Record<string, unknown>;
    select?: string[];
    populate?: unknown;
    orderBy?: unknown;
    limit?: number;
    data?: Record<string, unknown>;
  };

  const query = (uid: string) => {
    const record = (method: string, params: Params) =>
      queries.push({ uid, method, params: structuredClone(params) as Record<string, unknown> });
    const found = (params: Params) =>
      ordered(
        rowsOf(uid).filter((row) => matches(uid, row, params.where)),
        params.orderBy,
      );
    return {
      async findMany(params: Params = {}) {
        record('findMany', params);
        const rows = found(params);
        return (params.limit === undefined ? rows : rows.slice(0, params.limit)).map((row) => project(uid, row, params));
      },
      async findOne(params: Params = {}) {
        record('findOne', params);
        const row = found(params)[0];
        return row ? project(uid, row, params) : null;
      },
      async count(params: Params = {}) {
        record('count', params);
        return found(params).length;
      },
      async create(params: Params) {
        record('create', params);
        const row = insert(uid, params.data ?? {});
        return project(uid, row, params);
      },
    };
  };

  // --- join tables ---------------------------------------------------------------------------------

  const snake = (uid: string) => uid.split('.').pop()!.replace(/-/g, '_');

  /** Join tables named the way Strapi 5 names them (`<collection>_<attribute>_lnk`). */
  function joinTableOf(uid: string, name: string, attribute: Attribute) {
    if (attribute.type !== 'relation' || attribute.mappedBy) return undefined;
    const inverse = snake(attribute.target!) === snake(uid) ? `inv_${snake(attribute.target!)}_id` : `${snake(attribute.target!)}_id`;
    return {
      name: `${modelOf(uid)?.collectionName ?? snake(uid)}_${name}_lnk`,
      joinColumn: { name: `${snake(uid)}_id`, referencedColumn: 'id' },
      inverseJoinColumn: { name: inverse, referencedColumn: 'id' },
    };
  }

  const metadata = {
    get(uid: string) {
      const model = modelOf(uid);
      if (!model) throw new Error(`stub-strapi: no metadata for ${uid}`);
      const attributes = Object.fromEntries(
        Object.entries(model.attributes).map(([name, attribute]) => [name, { ...attribute, joinTable: joinTableOf(uid, name, attribute) }]),
      );
      return { uid, attributes };
    },
  };

  /** A knex builder over a join table, as far as `select(...).whereIn(...)` inside a transaction goes. */
  function connection(table: string) {
    const owner = Object.keys(models)
      .flatMap((uid) =>
        Object.entries(models[uid].attributes).map(([name, attribute]) => ({ uid, name, joinTable: joinTableOf(uid, name, attribute) })),
      )
      .find((candidate) => candidate.joinTable?.name === table);
    if (!owner) throw new Error(`stub-strapi: no join table ${table}`);
    const { joinColumn, inverseJoinColumn } = owner.joinTable!;
    const links = () =>
      rowsOf(owner.uid).flatMap((row) =>
        idsIn(row[owner.name]).map((target) => ({ [joinColumn.name]: row.id, [inverseJoinColumn.name]: target })),
      );
    let columns: string[] = [];
    let filter: [string, unknown[]] | undefined;
    let transaction: unknown;
    const builder = {
      transacting(trx: unknown) {
        transaction = trx;
        return builder;
      },
      select(...names: string[]) {
        columns = names.flat();
        return builder;
      },
      whereIn(column: string, values: unknown[]) {
        filter = [column, values];
        return builder;
      },
      then<T>(resolve: (rows: Record<string, unknown>[]) => T, reject?: (error: unknown) => T) {
        queries.push({
          uid: table,
          method: 'select',
          params: { columns, whereIn: filter },
          inTransaction: transaction === TRANSACTION && transactionDepth > 0,
        });
        const rows = links()
          .filter((link) => !filter || filter[1].includes(link[filter[0]]))
          .map((link) => (columns.length ? pick(link, columns) : link));
        return Promise.resolve(rows).then(resolve, reject);
      },
    };
    return builder;
  }

  /** Runs `work` as Strapi's db.transaction does (nested calls reuse the transaction); nothing is rolled back. */
  async function transaction<T>(work: (trx: { trx: unknown }) => Promise<T>): Promise<T> {
    transactionDepth += 1;
    try {
      return await work({ trx: TRANSACTION });
    } finally {
      transactionDepth -= 1;
    }
  }

  // --- configuration and plugins -----------------------------------------------------------------

  const configs: Record<string, unknown> = { ...config };
  for (const [name, plugin] of Object.entries(plugins)) {
    // Strapi merges the app's configuration over the plugin's defaults, then runs its validator.
    const merged = { ...(plugin.server.config?.default ?? {}), ...(plugin.config ?? {}) };
    plugin.server.config?.validator?.(merged as never);
    configs[`plugin::${name}`] = merged;
  }
  const readConfig = (key: string, fallback?: unknown) => {
    const [, root = key, rest] = /^(plugin::[^.]+|[^.]+)\.?(.*)$/.exec(key) ?? [];
    const value = (rest ? rest.split('.') : []).reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      configs[root],
    );
    return value === undefined ? fallback : value;
  };

  const services = new Map<string, Map<string, unknown>>();
  const plugin = (name: string) => {
    const setup = plugins[name];
    if (!setup) return undefined;
    return {
      service(serviceName: string) {
        if (!services.has(name)) services.set(name, new Map());
        const instances = services.get(name)!;
        if (!instances.has(serviceName)) {
          const factory = setup.server.services[serviceName];
          if (!factory) throw new Error(`stub-strapi: plugin ${name} has no service ${serviceName}`);
          instances.set(serviceName, factory({ strapi: strapi as unknown as Core.Strapi }));
        }
        return instances.get(serviceName);
      },
      config: (key: string, fallback?: unknown) => readConfig(`plugin::${name}.${key}`, fallback),
    };
  };

  const middlewares: ((context: unknown, next: () => Promise<unknown>) => Promise<unknown>)[] = [];

  const strapi = {
    getModel: (uid: string) => modelOf(uid),
    contentTypes: Object.fromEntries(
      Object.keys(models)
        .filter((uid) => !isComponent(uid))
        .map((uid) => [uid, modelOf(uid)]),
    ),
    components: Object.fromEntries(
      Object.keys(models)
        .filter(isComponent)
        .map((uid) => [uid, modelOf(uid)]),
    ),
    db: { query, transaction, metadata, connection },
    config: { get: readConfig },
    plugin,
    requestContext: { get: () => context },
    documents: { use: (middleware: (typeof middlewares)[number]) => middlewares.push(middleware) },
    log: Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string) => logs.push({ level, message })])),
  };

  function insert(uid: string, data: Record<string, unknown>): Row {
    lastId += 1;
    const row = { ...structuredClone(data), id: (data.id as number | undefined) ?? lastId } as Row;
    lastId = Math.max(lastId, row.id);
    rowsOf(uid).push(row);
    return row;
  }

  return {
    strapi: strapi as unknown as Core.Strapi,
    /** Adds a row (an id is given unless `data` has one); returns it as stored. */
    insert,
    /** The stored rows of a type (the store itself: change them to change what queries answer). */
    rows: rowsOf,
    /** Every query made, in order (`db.query(uid).<method>`, and `select` on join tables). */
    queries,
    logs,
    /** What `strapi.requestContext.get()` answers from now on: a request, or none (code outside a request). */
    request(next: RequestContext | undefined) {
      context = next;
    },
    /** Runs the Document Service middlewares registered with `strapi.documents.use`, then `action`. */
    runDocuments(documentContext: { uid: string; action: string; params: Record<string, unknown> }, action: () => Promise<unknown>) {
      const run = (index: number): Promise<unknown> =>
        index < middlewares.length ? middlewares[index](documentContext, () => run(index + 1)) : action();
      return run(0);
    },
  };
}

export type StrapiStub = ReturnType<typeof stubStrapi>;
