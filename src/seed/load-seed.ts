import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { defaultLocale as defaultLocaleOf } from '../plugins/shared/i18n';
import { runTrusted } from '../plugins/shared/trusted';
import { documentsOf } from '../plugins/shared/documents';

/**
 * Loads the seed files of database/seed/ (one per content type, in file-name order).
 *
 * Idempotent and editor-safe: every seeded document is recorded by its natural key in the core
 * store, and a recorded key is never written again, so a second boot adds nothing and an
 * editor's change (or deletion) stays as the editor left it.
 */

export interface SeedFile {
  contentType: UID.ContentType;
  /** The natural key: a field whose value identifies the document across boots. */
  key: string;
  documents: SeedDocument[];
}

export interface SeedDocument {
  [field: string]: unknown;
  /** Localized fields per non-default locale. */
  localizations?: Record<string, Record<string, unknown>>;
  /** Leave unpublished (draft & publish types only). */
  draft?: boolean;
}

type Attribute = { type: string; target?: string; relation?: string; component?: string; repeatable?: boolean };
type Schema = { attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } } };

const STORE = { type: 'app', name: 'seed' } as const;

export function readSeedFiles(directory: string): SeedFile[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as SeedFile);
}

export async function loadSeed(strapi: Core.Strapi) {
  const { enabled, directory } = strapi.config.get('seed') as { enabled: boolean; directory: string };
  if (!enabled) return { created: 0 };

  const files = readSeedFiles(path.resolve(strapi.dirs.app.root, directory));
  const keyFields = new Map(files.map((file) => [file.contentType, file.key]));
  const defaultLocale = await defaultLocaleOf(strapi);
  const store = strapi.store(STORE);
  const applied = ((await store.get({ key: 'applied' })) ?? {}) as Record<string, string[]>;

  const seeder = new Seeder(strapi, keyFields, defaultLocale);
  // The demo content is history (its windows closed in 2011-2012): it is loaded without window checks.
  const withoutDeadlines = <T>(work: () => Promise<T>): Promise<T> => runTrusted(work);
  let created = 0;
  for (const file of files) {
    const done = new Set(applied[file.contentType] ?? []);
    // No transaction around the file: on PostgreSQL, Strapi's i18n sync after a publish runs on
    // another connection than an enclosing transaction and waits for it. A document found by its
    // natural key is recorded, not created again, so an interrupted seed resumes cleanly.
    await withoutDeadlines(async () => {
      for (const document of file.documents) {
        const key = String(document[file.key]);
        if (done.has(key)) continue;
        if (!(await seeder.findDocumentId(file.contentType, file.key, key))) {
          await seeder.create(file.contentType, document);
          created += 1;
        }
        done.add(key);
      }
    });
    applied[file.contentType] = [...done];
    await store.set({ key: 'applied', value: applied });
  }
  if (created > 0) strapi.log.info(`[wsis] Seeded ${created} documents from ${directory}`);
  return { created };
}

class Seeder {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly keyFields: Map<string, string>,
    private readonly defaultLocale: string,
  ) {}

  async findDocumentId(uid: string, field: string, value: unknown, locale?: string): Promise<string | undefined> {
    const where: Record<string, unknown> = { [field]: value };
    if (locale) where.locale = locale;
    const row = await this.strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['documentId'] });
    return row?.documentId;
  }

  async create(uid: UID.ContentType, document: SeedDocument) {
    const { localizations = {}, draft = false, ...fields } = document;
    const schema = this.strapi.getModel(uid) as unknown as Schema;
    const status = schema.options?.draftAndPublish && !draft ? 'published' : undefined;
    const documents = documentsOf(this.strapi, uid);

    const data = await this.resolve(schema, fields, this.defaultLocale);
    const created = await documents.create({ data, locale: this.defaultLocale });

    const localized = Boolean(schema.pluginOptions?.i18n?.localized);
    for (const [locale, translated] of Object.entries(localized ? localizations : {})) {
      // Shared fields and relations go with each locale; the slug is made from the translated title.
      const { slug: _slug, ...shared } = fields;
      const localeData = await this.resolve(schema, { ...shared, ...translated }, locale);
      await documents.update({ documentId: created.documentId, locale, data: localeData });
    }
    // Drafts first, published once complete: publication rules (e.g. required translations) see every locale.
    if (status === 'published') {
      await documents.publish({ documentId: created.documentId, locale: localized ? '*' : undefined });
    }
  }

  /** Natural keys of relations become `{ connect: [{ documentId, locale }] }`, in components too. */
  private async resolve(schema: Schema, fields: Record<string, unknown>, locale: string) {
    const data: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      const attribute = schema.attributes[name];
      if (!attribute) throw new Error(`Seed field "${name}" is not an attribute`);
      if (attribute.type === 'relation') data[name] = await this.connect(attribute.target!, value, locale);
      else if (attribute.type === 'component') data[name] = await this.component(attribute, value, locale);
      else data[name] = value;
    }
    return data;
  }

  private async component(attribute: Attribute, value: unknown, locale: string) {
    const schema = this.strapi.components[attribute.component as UID.Component] as unknown as Schema;
    if (attribute.repeatable) return Promise.all((value as Record<string, unknown>[]).map((item) => this.resolve(schema, item, locale)));
    return value === null ? null : this.resolve(schema, value as Record<string, unknown>, locale);
  }

  private async connect(target: string, value: unknown, locale: string) {
    const keys = (Array.isArray(value) ? value : [value]).filter((key) => key !== null && key !== undefined);
    const keyField = this.keyFields.get(target) ?? 'slug';
    const targetSchema = this.strapi.getModel(target as UID.ContentType) as unknown as Schema;
    const targetLocale = targetSchema.pluginOptions?.i18n?.localized ? locale : undefined;
    const connect: { documentId: string; locale?: string }[] = [];
    for (const key of keys) {
      // Natural keys are those of the default locale (a translation gets a slug of its own).
      const documentId = await this.findDocumentId(target, keyField, key, targetLocale && this.defaultLocale);
      if (!documentId) throw new Error(`Seed relation to ${target} "${key}" not found`);
      if (!targetLocale) connect.push({ documentId });
      else if (await this.strapi.db.query(target as UID.ContentType).count({ where: { documentId, locale: targetLocale } })) {
        connect.push({ documentId, locale: targetLocale });
      }
      // A target not translated into this locale yet is linked by the translator later.
    }
    return { connect };
  }
}
