import type { Core, UID } from '@strapi/strapi';
import type { Actor } from '../../../shared/actor';
import { provider } from '../../../shared/contracts';
import { invalid, refused } from '../../../shared/errors';
import { defaultLocale } from '../../../shared/i18n';
import {
  breakingChanges,
  normalizeQuestions,
  structureProblems,
  validateAnswers,
  type AnswerMode,
  type Problem,
  type Question,
} from '../../domain';
import type { AnswerConfig, FormConfig, QuestionnairesConfig } from '../config';
import { currentIntent } from '../flags';
import { getService } from '../get-service';

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

const listed = (problems: { key: string; message: string }[]) =>
  problems
    .slice(0, 10)
    .map(({ key, message }) => (key ? `${key}: ${message}` : message))
    .join('; ');

/** A question as the component stores it: the source's structure with this locale's labels (none where it has none). */
const inLocale = (structure: Question, own: Question | undefined) => ({
  key: structure.key,
  type: structure.type,
  required: structure.required,
  public: structure.public,
  minimum: structure.minimum ?? null,
  maximum: structure.maximum ?? null,
  shownWhenQuestion: structure.shownWhenQuestion ?? null,
  shownWhenOption: structure.shownWhenOption ?? null,
  label: own?.label ?? null,
  help: own?.help ?? null,
  options: (structure.options ?? []).map((option) => ({
    key: option.key,
    label: own?.options?.find((candidate) => candidate.key === option.key)?.label ?? null,
  })),
});

const missingLabels = (questions: Question[]): Problem[] =>
  questions.flatMap((question) => [
    ...(question.label?.trim() ? [] : [{ key: question.key, code: 'LABEL_REQUIRED', message: 'needs a label' }]),
    ...(question.options ?? [])
      .filter((option) => !option.label?.trim())
      .map((option) => ({ key: question.key, code: 'LABEL_REQUIRED', message: `option "${option.key}" needs a label` })),
  ]);

/** The rules of writes to forms (their questionnaire) and to the documents answering them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const forms = () => getService(strapi, 'forms');

  return {
    /**
     * A questionnaire has one structure, the source locale's: another locale's payload gives its
     * labels (matched by question and option key) and nothing else. The source's structure must
     * be sound, labelled, and must not invalidate answers already submitted.
     */
    async beforeFormWrite(uid: string, rule: FormConfig, action: string, params: Params) {
      const data = params.data;
      if (action === 'publish' || !data || !(rule.questions in data)) return;
      const source = await defaultLocale(strapi);
      const locale = params.locale ?? source;
      const incoming = normalizeQuestions(data[rule.questions] as unknown[]);
      if (locale !== source && params.documentId) {
        const structure = await forms().storedQuestions(uid, params.documentId, source, 'draft');
        if (structure) {
          data[rule.questions] = structure.map((question) =>
            inLocale(
              question,
              incoming.find((own) => own.key === question.key),
            ),
          );
          return;
        }
      }
      const problems = [...structureProblems(incoming), ...missingLabels(incoming)];
      if (problems.length > 0) {
        throw invalid('INVALID_QUESTIONNAIRE', `The questionnaire is not valid: ${listed(problems)}`, { errors: problems });
      }
      if (action !== 'update' || !params.documentId) return;
      const before = await forms().storedQuestions(uid, params.documentId, locale, 'draft');
      if (!before || !(await forms().inUse(uid, params.documentId))) return;
      const changes = breakingChanges(before, incoming);
      if (changes.length > 0) {
        throw invalid(
          'QUESTIONNAIRE_IN_USE',
          `Entries already answer this questionnaire; this change would invalidate their answers: ${listed(changes)}`,
          { question: changes[0].key, errors: changes },
        );
      }
    },

    /** Publishing waits until every question and option has a label in every required locale. */
    async assertLabelsTranslated(uid: string, rule: FormConfig, params: Params) {
      if (!rule.labelsRequiredIn?.length) return;
      const source = await defaultLocale(strapi);
      const writing = params.locale ?? source;
      const payload = params.data && rule.questions in params.data ? normalizeQuestions(params.data[rule.questions] as unknown[]) : null;
      // Every locale's stored labels in one read; the payload stands for the locale it writes.
      const stored = params.documentId
        ? await forms().storedQuestionsIn(uid, params.documentId, [...new Set([source, ...rule.labelsRequiredIn])], 'draft')
        : new Map<string, Question[]>();
      const questionsIn = (locale: string) => (locale === writing && payload ? payload : (stored.get(locale) ?? []));
      const structure = questionsIn(source);
      if (structure.length === 0) return;
      const missing = rule.labelsRequiredIn.filter((locale) => {
        const own = questionsIn(locale);
        return (
          missingLabels(
            structure.map((question) =>
              inLocale(
                question,
                own.find((candidate) => candidate.key === question.key),
              ),
            ),
          ).length > 0
        );
      });
      if (missing.length > 0) {
        throw invalid(
          'TRANSLATIONS_INCOMPLETE',
          `Cannot publish before the questionnaire is translated: missing in ${missing.join(', ')}`,
          {
            missing,
            untranslated: [],
            fields: [rule.questions],
          },
        );
      }
    },

    /** The submission time and the link to a previous entry are the server's (editors may link by hand). */
    stripServerFields(rule: AnswerConfig, params: Params, actor: Actor) {
      const data = params.data;
      if (!data) return;
      const intent = currentIntent();
      if (!intent.submitting) delete data[rule.submittedAt];
      if (!intent.carrying && actor.kind !== 'admin') delete data[rule.previous];
    },

    /** Answers are an object by question key, checked before the write: PostgreSQL's jsonb refuses a bare string outright (a 500). */
    assertAnswersObject(rule: AnswerConfig, params: Params) {
      const value = params.data?.[rule.answers];
      if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))) return;
      throw invalid('INVALID_ANSWERS', 'answers must be an object of answers by question key', {
        errors: [{ key: '', code: 'INVALID', message: 'must be an object' }],
      });
    },

    /**
     * Whether a write can change the answers or what they are checked against. A new document
     * (`create`; a new locale is an `update`) stores no answers unless given some: its form alone
     * changes nothing to check, since a draft without answers fits every questionnaire.
     */
    touchesAnswers(rule: AnswerConfig, action: string, params: Params): boolean {
      const data = params.data ?? {};
      if (rule.answers in data || currentIntent().submitting === true) return true;
      return rule.form in data && action !== 'create';
    },

    /**
     * The answers as stored by this write (inside its transaction), against the questionnaire of
     * the form it is stored with: drafts may be partial, a submission must be complete.
     */
    /** The file answers a stakeholder's payload gives, less those already stored: they must be their uploads. */
    async newFileAnswers(uid: string, rule: AnswerConfig, params: Params): Promise<Map<string, unknown>> {
      const given = params.data?.[rule.answers];
      if (!given || typeof given !== 'object' || Array.isArray(given) || currentIntent().carrying) return new Map();
      const stored = params.documentId
        ? await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId: params.documentId }, select: [rule.answers] })
        : null;
      const before = (stored?.[rule.answers] ?? {}) as Record<string, unknown>;
      return new Map(Object.entries(given).filter(([key, value]) => Number.isInteger(value) && before[key] !== value));
    },

    async assertOwnFiles(questions: Question[], answers: Map<string, unknown>, userId: number) {
      const { uploadsFrom } = strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
      if (!uploadsFrom || answers.size === 0) return;
      const uploads = provider(strapi, uploadsFrom, 'uploads');
      for (const question of questions.filter((candidate) => candidate.type === 'file' && answers.has(candidate.key))) {
        if (!(await uploads.isOwn(userId, answers.get(question.key) as number))) {
          throw refused('MEDIA_NOT_OWNED', `${question.key} takes a file you uploaded yourself (POST /api/upload)`, {
            question: question.key,
          });
        }
      }
    },

    async assertStoredAnswers(
      uid: string,
      rule: AnswerConfig,
      documentId: string,
      locale: string | undefined,
      { messageLocale, newFiles, userId }: { messageLocale?: string; newFiles?: Map<string, unknown>; userId?: number } = {},
    ) {
      const mode: AnswerMode = currentIntent().submitting ? 'submit' : 'draft';
      const row = await strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, ...(locale && { locale }), publishedAt: null },
        select: [rule.answers],
        populate: { [rule.form]: { select: ['documentId'] } },
      });
      if (!row) return;
      const answers = row[rule.answers] ?? {};
      const formId = (row[rule.form] as { documentId?: string } | null)?.documentId;
      const hasAnswers = typeof answers !== 'object' || Array.isArray(answers) || Object.keys(answers).length > 0;
      if (!formId) {
        if (hasAnswers || mode === 'submit') {
          throw invalid('INVALID_ANSWERS', `There is no questionnaire to answer without a ${rule.form}`, {
            errors: [{ key: '', code: 'INVALID', message: `needs a ${rule.form}` }],
          });
        }
        return;
      }
      // A draft without answers fits every questionnaire (nothing is required before submitting):
      // the questionnaire is not read.
      if (!hasAnswers && mode === 'draft') return;
      const formUid = forms().formUidOf(uid, rule);
      const form =
        (await forms().load(formUid, formId, messageLocale, 'published')) ?? (await forms().load(formUid, formId, messageLocale, 'draft'));
      const problems = validateAnswers(form?.questions ?? [], answers, {
        catalogs: await forms().catalogs(),
        mode,
        locale: messageLocale,
      });
      if (problems.length > 0) {
        throw invalid('INVALID_ANSWERS', `The answers do not fit the questionnaire: ${listed(problems)}`, { errors: problems });
      }
      if (userId !== undefined && newFiles) await this.assertOwnFiles(form?.questions ?? [], newFiles, userId);
    },
  };
};
