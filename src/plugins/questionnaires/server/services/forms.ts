import type { Core, UID } from '@strapi/strapi';
import { defaultLocale } from '../../../shared/i18n';
import { normalizeQuestions, withFallbackLabels, type Catalogs, type Question } from '../../domain';
import type { AnswerConfig, FormConfig, QuestionnairesConfig } from '../config';

type Status = 'draft' | 'published';
const CATALOG_TTL_MS = 60_000;

export interface LoadedForm {
  documentId: string;
  /** Structure of the source locale, labels of the locale asked (the source's where missing). */
  questions: Question[];
  title: string | null;
}

/** Questionnaires as the form documents (calls) hold them, and the codes their questions offer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
  let catalogCache: { at: number; value: Catalogs } | null = null;

  const codes = async ({ contentType, field }: { contentType: string; field: string }) => {
    if (!contentType) return [];
    const rows = await strapi.db.query(contentType as UID.ContentType).findMany({ select: [field] });
    return [...new Set(rows.map((row) => row[field]).filter((code): code is string => typeof code === 'string' && code !== ''))].sort();
  };

  return {
    formRule(uid: string): FormConfig | undefined {
      return config().forms[uid];
    },

    answerRule(uid: string): AnswerConfig | undefined {
      return config().answering[uid];
    },

    formUidOf(uid: string, rule: AnswerConfig): string {
      const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { target?: string }>;
      const attribute = attributes[rule.form];
      return attribute?.target ?? '';
    },

    /** Country and action line codes, re-read at most once a minute (they change once in years). */
    async catalogs(): Promise<Catalogs> {
      if (catalogCache && Date.now() - catalogCache.at < CATALOG_TTL_MS) return catalogCache.value;
      const { catalogs } = config();
      const value = { countries: await codes(catalogs.countries), actionLines: await codes(catalogs.actionLines) };
      catalogCache = { at: Date.now(), value };
      return value;
    },

    /** The stored questions of some versions (locales, one status) of form documents, read together. */
    async readQuestions(uid: string, where: Record<string, unknown>, status: Status, select: string[] = []) {
      const rule = this.formRule(uid)!;
      const rows = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { ...where, publishedAt: status === 'published' ? { $notNull: true } : null },
        select: ['documentId', 'locale', ...select],
        populate: { [rule.questions]: { populate: { options: true } } },
      });
      return rows.map((row) => ({ row, questions: normalizeQuestions(row[rule.questions] as unknown[]) }));
    },

    /** The stored questions of a form document in each of these locales that it has (in one status). */
    async storedQuestionsIn(uid: string, documentId: string, locales: string[], status: Status): Promise<Map<string, Question[]>> {
      const versions = await this.readQuestions(uid, { documentId, locale: { $in: locales } }, status);
      return new Map(versions.map(({ row, questions }) => [row.locale as string, questions]));
    },

    /** The stored questions of one version (locale, status) of a form document; null when it does not exist. */
    async storedQuestions(uid: string, documentId: string, locale: string, status: Status): Promise<Question[] | null> {
      return (await this.storedQuestionsIn(uid, documentId, [locale], status)).get(locale) ?? null;
    },

    /** The published structure (source locale) of several forms, read together. */
    async structures(uid: string, documentIds: string[]): Promise<Map<string, Question[]>> {
      if (documentIds.length === 0) return new Map();
      const versions = await this.readQuestions(
        uid,
        { documentId: { $in: documentIds }, locale: await defaultLocale(strapi) },
        'published',
      );
      return new Map(versions.map(({ row, questions }) => [row.documentId as string, questions]));
    },

    /** A form's questionnaire in `locale`; null when the form has no version in that status. */
    async load(uid: string, documentId: string, locale: string | undefined, status: Status): Promise<LoadedForm | null> {
      const rule = this.formRule(uid)!;
      const source = await defaultLocale(strapi);
      const asked = locale ?? source;
      const versions = await this.readQuestions(
        uid,
        { documentId, locale: { $in: [...new Set([source, asked])] } },
        status,
        rule.title ? [rule.title] : [],
      );
      const original = versions.find(({ row }) => row.locale === source) ?? versions.find(({ row }) => row.locale === asked);
      if (!original) return null;
      const localized = versions.find(({ row }) => row.locale === asked) ?? original;
      return {
        documentId,
        questions: withFallbackLabels(localized.questions, original.questions),
        title: rule.title ? ((localized.row[rule.title] ?? original.row[rule.title] ?? null) as string | null) : null,
      };
    },

    /** Whether any answering document of a form was submitted or published: its questionnaire is in use. */
    async inUse(formUid: string, documentId: string): Promise<boolean> {
      for (const [uid, rule] of Object.entries(config().answering)) {
        if (this.formUidOf(uid, rule) !== formUid) continue;
        const count = await strapi.db.query(uid as UID.ContentType).count({
          where: { [rule.form]: { documentId }, $or: [{ [rule.submittedAt]: { $notNull: true } }, { publishedAt: { $notNull: true } }] },
        });
        if (count > 0) return true;
      }
      return false;
    },
  };
};
