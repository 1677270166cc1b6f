import type { Core, UID } from '@strapi/strapi';
import { currentActor } from '../../../shared/actor';
import { notFound, refused } from '../../../shared/errors';
import { defaultLocale } from '../../../shared/i18n';
import { publicBaseUrl } from '../../../shared/request';
import { questionnaireSchema } from '../../domain';
import type { AnswerConfig } from '../config';
import { getService } from '../get-service';
import { loadedAnswers } from '../services/visibility';

interface CoreController {
  sanitizeOutput(data: unknown, ctx: unknown): Promise<unknown>;
  transformResponse(data: unknown, meta?: unknown): unknown;
}
type Ctx = {
  origin: string;
  params: { documentId?: string };
  query: { locale?: unknown };
  request: { body?: unknown; href?: string };
  state: { user?: { id: number } };
  status: number;
  type: string;
  body: unknown;
};

const localeOf = (ctx: Ctx) => (typeof ctx.query.locale === 'string' && ctx.query.locale !== '' ? ctx.query.locale : undefined);

/** `GET /api/<forms>/:documentId/questionnaire?locale=`: the published form's questionnaire as a JSON Schema 2020-12 document. */
export const questionnaireAction = (strapi: Core.Strapi, uid: string) =>
  async function questionnaire(ctx: Ctx) {
    const forms = getService(strapi, 'forms');
    const locale = localeOf(ctx) ?? (await defaultLocale(strapi));
    const form = await forms.load(uid, ctx.params.documentId ?? '', locale, 'published');
    if (!form) throw notFound('NOT_FOUND', 'No such published document');
    // Its address, canonical: nothing of the request's query is echoed.
    const { pluralName } = strapi.getModel(uid as UID.ContentType).info;
    const prefix = String(strapi.config.get('api.rest.prefix', '/api'));
    const id = `${publicBaseUrl(strapi, ctx)}${prefix}/${pluralName}/${encodeURIComponent(form.documentId)}/questionnaire?locale=${encodeURIComponent(locale)}`;
    const schema = questionnaireSchema(form.questions, {
      catalogs: await forms.catalogs(),
      mode: 'submit',
      title: form.title ?? undefined,
      id,
      locale,
    });
    // Serialised here: a JSON object body would be sent as application/json.
    ctx.body = JSON.stringify(schema);
    ctx.type = 'application/schema+json; charset=utf-8';
  };

/** The entry routes answer the answers their caller may read (they are private to Strapi's sanitizer). */
async function respond(this: CoreController, strapi: Core.Strapi, uid: string, rule: AnswerConfig, entry: unknown, ctx: Ctx) {
  const sanitized = await this.sanitizeOutput(entry, ctx);
  await getService(strapi, 'visibility').attach(uid, rule, sanitized, currentActor(strapi), loadedAnswers(rule, entry));
  return this.transformResponse(sanitized);
}

/** `POST /api/<entries>/:documentId/submit?locale=`: complete answers, the window open; records when. */
export const submitAction = (strapi: Core.Strapi, uid: string, rule: AnswerConfig) =>
  async function submit(this: CoreController, ctx: Ctx) {
    const entry = await getService(strapi, 'submission').submit(uid, rule, ctx.params.documentId ?? '', localeOf(ctx));
    return respond.call(this, strapi, uid, rule, entry, ctx);
  };

/** `POST /api/<entries>/:documentId/carry-forward` with `{ data: { <form>: documentId } }`: a new draft in the open form. */
export const carryForwardAction = (strapi: Core.Strapi, uid: string, rule: AnswerConfig) =>
  async function carryForward(this: CoreController, ctx: Ctx) {
    const actor = currentActor(strapi);
    if (actor.kind !== 'stakeholder') throw refused('CARRY_FORWARD_NOT_ALLOWED', 'Sign in as a stakeholder to carry an entry forward');
    const body = ctx.request.body as { data?: Record<string, unknown> } | undefined;
    const entry = await getService(strapi, 'carry').carryForward(
      uid,
      rule,
      ctx.params.documentId ?? '',
      body?.data?.[rule.form],
      localeOf(ctx),
      actor.userId,
    );
    const response = await respond.call(this, strapi, uid, rule, entry, ctx);
    ctx.status = 201;
    return response;
  };

/** A REST create whose JSON data names no answers wrote a new document without any: nothing to read back. */
const createdWithoutAnswers = (name: string, ctx: Ctx, rule: AnswerConfig) => {
  const data = (ctx.request.body as { data?: unknown } | undefined)?.data;
  return name === 'create' && typeof data === 'object' && data !== null && !Array.isArray(data) && !(rule.answers in data);
};

/** The core action `name` of an entry type, its answers put back (whole or public, by caller). */
export const withAnswers = (strapi: Core.Strapi, uid: string, rule: AnswerConfig, name: string, action: (ctx: Ctx) => Promise<unknown>) =>
  async function (this: CoreController, ctx: Ctx) {
    // The core action sanitises what it loaded through `this.sanitizeOutput`: the answers are taken
    // from there on their way out, not read again.
    const loaded = new Map<number, unknown>();
    const sanitizeOutput = (data: unknown, context: unknown) => {
      for (const [id, answers] of loadedAnswers(rule, data)) loaded.set(id, answers);
      return this.sanitizeOutput(data, context);
    };
    const response = (await action.call(Object.create(this, { sanitizeOutput: { value: sanitizeOutput } }), ctx)) as
      { data?: unknown } | undefined;
    const fields = (ctx.query as { fields?: unknown }).fields;
    const asked = fields === undefined || (Array.isArray(fields) ? fields.includes(rule.answers) : fields === rule.answers);
    if (!response?.data || !asked) return response;
    if (createdWithoutAnswers(name, ctx, rule)) (response.data as Record<string, unknown>)[rule.answers] = null;
    else await getService(strapi, 'visibility').attach(uid, rule, response.data, currentActor(strapi), loaded);
    return response;
  };
