import fs from 'fs';
import path from 'path';
import { DateTime } from 'luxon';
import type { Core, UID } from '@strapi/strapi';
import { defaultLocale as defaultLocaleOf } from '../plugins/shared/i18n';
import { runTrusted } from '../plugins/shared/trusted';
import { documentsOf } from '../plugins/shared/documents';
import { TEXT_TYPES } from '../plugins/translations/domain/field-status';
import { getService as getTranslations } from '../plugins/translations/server/get-service';

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

type Attribute = {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  repeatable?: boolean;
  required?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Schema = {
  attributes: Record<string, Attribute>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
};

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
  await runCorrections(strapi, files, applied, defaultLocale);
  return { created };
}

/**
 * One-time corrections of databases seeded by an earlier version of this loader, each recorded
 * in the store once done (as the seeded documents are).
 */
async function runCorrections(strapi: Core.Strapi, files: SeedFile[], applied: Record<string, string[]>, defaultLocale: string) {
  const store = strapi.store(STORE);
  const done = new Set(((await store.get({ key: 'corrections' })) ?? []) as string[]);
  if (!done.has(COPIED_TRANSLATIONS)) {
    const cleared = await clearCopiedTranslations(strapi, files, applied, defaultLocale);
    if (cleared > 0) strapi.log.info(`[wsis] Cleared ${cleared} English texts that an earlier seed had copied into translations`);
    await store.set({ key: 'corrections', value: [...done, COPIED_TRANSLATIONS] });
  }
}

const COPIED_TRANSLATIONS = 'copied-translations';

/**
 * Earlier seeds copied every English field into each translation. In the seeded documents, a
 * localized text field that the seed file does not translate for a locale and that still holds
 * the English text is cleared (an editor's own text differs from the English and stays).
 */
async function clearCopiedTranslations(strapi: Core.Strapi, files: SeedFile[], applied: Record<string, string[]>, defaultLocale: string) {
  let cleared = 0;
  for (const file of files) {
    const schema = strapi.getModel(file.contentType) as Schema;
    const candidates = Object.keys(schema.attributes).filter((name) => isLocalizedText(schema, name) && !schema.attributes[name].required);
    if (!schema.pluginOptions?.i18n?.localized || candidates.length === 0) continue;
    const seeded = new Set(applied[file.contentType] ?? []);
    const query = strapi.db.query(file.contentType);
    for (const document of file.documents.filter((entry) => seeded.has(String(entry[file.key])))) {
      const english = await query.findOne({ where: { [file.key]: document[file.key], locale: defaultLocale }, select: ['documentId'] });
      if (!english) continue;
      const rows = await query.findMany({
        where: { documentId: english.documentId },
        select: ['id', 'locale', 'publishedAt', ...candidates],
      });
      const source = (published: boolean) => rows.find((row) => row.locale === defaultLocale && Boolean(row.publishedAt) === published);
      const touched = new Set<string>();
      for (const row of rows.filter((candidate) => candidate.locale !== defaultLocale)) {
        const translated = document.localizations?.[row.locale] ?? {};
        const original = source(Boolean(row.publishedAt)) ?? source(false);
        const copied = candidates.filter(
          (field) => !(field in translated) && row[field] != null && row[field] !== '' && row[field] === original?.[field],
        );
        if (copied.length === 0) continue;
        await query.update({ where: { id: row.id }, data: Object.fromEntries(copied.map((field) => [field, null])) });
        cleared += copied.length;
        touched.add(row.locale);
      }
      for (const locale of touched) await getTranslations(strapi, 'derived-fields').refresh(file.contentType, english.documentId, locale);
    }
  }
  return cleared;
}

/**
 * `$now+90d`, `$now-7d`: a date relative to the seeding (the first boot), for demo fixtures that
 * must be open when someone tries them (a call, a consultation phase).
 */
function relativeToNow(value: unknown): unknown {
  const match = typeof value === 'string' ? /^\$now([+-]\d{1,4})d$/.exec(value) : null;
  return match
    ? DateTime.now()
        .plus({ days: Number(match[1]) })
        .startOf('minute')
        .toUTC()
        .toISO()
    : value;
}

const isLocalizedText = (schema: Schema, name: string) =>
  Boolean(schema.attributes[name]?.pluginOptions?.i18n?.localized) && TEXT_TYPES.has(schema.attributes[name].type);

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
    const schema = this.strapi.getModel(uid) as Schema;
    const status = schema.options?.draftAndPublish && !draft ? 'published' : undefined;
    const documents = documentsOf(this.strapi, uid);

    const data = await this.resolve(schema, fields, this.defaultLocale);
    const created = await documents.create({ data, locale: this.defaultLocale });

    const localized = Boolean(schema.pluginOptions?.i18n?.localized);
    for (const [locale, translated] of Object.entries(localized ? localizations : {})) {
      // Shared fields and relations go with each locale; the slug is made from the translated title.
      // Localized text the seed does not translate stays empty in that locale: readers get the
      // English through fallbackLocale, said so, and the translation status counts it missing.
      const shared = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'slug' && !isLocalizedText(schema, name)));
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
      // `_note`: what a seed document is (a demo fixture), for whoever reads the file.
      if (name.startsWith('_')) continue;
      const attribute = schema.attributes[name];
      if (!attribute) throw new Error(`Seed field "${name}" is not an attribute`);
      if (attribute.type === 'relation') data[name] = await this.connect(attribute.target!, value, locale);
      else if (attribute.type === 'component') data[name] = await this.component(attribute, value, locale);
      else data[name] = relativeToNow(value);
    }
    return data;
  }

  private async component(attribute: Attribute, value: unknown, locale: string) {
    const schema = this.strapi.components[attribute.component as UID.Component] as Schema;
    if (attribute.repeatable) return Promise.all((value as Record<string, unknown>[]).map((item) => this.resolve(schema, item, locale)));
    return value === null ? null : this.resolve(schema, value as Record<string, unknown>, locale);
  }

  private async connect(target: string, value: unknown, locale: string) {
    const keys = (Array.isArray(value) ? value : [value]).filter((key) => key !== null && key !== undefined);
    const keyField = this.keyFields.get(target) ?? 'slug';
    const targetSchema = this.strapi.getModel(target as UID.ContentType) as Schema;
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
