import type { Core, UID } from '@strapi/strapi';
import { writtenEditorOnlyFields } from '../../domain/editor-only';
import { localesOfCall, scopeRefusal, type ScopeRefusal } from '../../domain/scope';
import {
  changedSharedFields,
  comparable,
  comparedSharedAttributes,
  strippedSharedAttributes,
  type AttributeFacts,
} from '../../domain/shared-fields';
import { refused } from '../errors';
import type { Translator } from './translator';
import { getService } from '../get-service';

interface Call {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
}

type Row = Record<string, unknown> & { id: number; locale: string; publishedAt: unknown };

const listed = (fields: string[]) => fields.join(', ');
const VERBS: Record<string, string> = {
  create: 'create',
  update: 'edit',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard the draft of',
};

/**
 * What a translator may write, checked before the write reaches the database (a refusal leaves
 * nothing behind). Strapi's role permissions already refuse much of this; its locale checks have
 * holes (strapi/strapi#21239, #21297, #24886), so the rule is enforced here for every path.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** One row of a document, with its shared media populated for comparison. */
  const findRow = async (uid: string, where: Record<string, unknown>, attributes: Record<string, AttributeFacts>): Promise<Row | null> => {
    const media = comparedSharedAttributes(attributes).filter((name) => attributes[name].type === 'media');
    return strapi.db.query(uid as UID.ContentType).findOne({ where, populate: media, orderBy: { id: 'asc' } }) as Promise<Row | null>;
  };

  return {
    async check(call: Call, translator: Translator): Promise<void> {
      const { uid, action, params } = call;
      const locales = localesOfCall(
        params.locale,
        await getService(strapi, 'locales').byDefault(),
        await getService(strapi, 'locales').all(),
      );
      const createsDocument = action === 'clone' || (action === 'create' && !(await this.exists(uid, params.data?.documentId)));
      const refusal = scopeRefusal({ action, locales, createsDocument }, translator.locales);
      if (refusal) throw await this.scopeError(refusal, action, translator);

      const documentId = (params.documentId ?? params.data?.documentId) as string | undefined;
      if (!documentId) return;
      await this.checkReviewed(uid, documentId, action);
      if (action === 'create' || action === 'update') await this.checkWrite(call, documentId, locales[0]);
      if (action === 'publish') for (const locale of locales) await this.checkPublish(uid, documentId, locale);
      if (action === 'discardDraft') for (const locale of locales) await this.checkDiscard(uid, documentId, locale);
    },

    async exists(uid: string, documentId: unknown): Promise<boolean> {
      if (typeof documentId !== 'string' || documentId === '') return false;
      return (await strapi.db.query(uid as UID.ContentType).count({ where: { documentId } })) > 0;
    },

    async scopeError(refusal: ScopeRefusal, action: string, translator: Translator) {
      switch (refusal.code) {
        case 'DELETE_NOT_ALLOWED':
          return refused('DELETE_NOT_ALLOWED', 'Translators cannot delete content: ask an editor.');
        case 'TRANSLATION_NEEDS_SOURCE': {
          const sourceLocale = await getService(strapi, 'locales').source();
          return refused(
            'TRANSLATION_NEEDS_SOURCE',
            `A new document starts in the source language (${sourceLocale}), written by an editor; translators add their language to an existing document.`,
            { sourceLocale },
          );
        }
        case 'LOCALE_NOT_ALLOWED':
          return refused(
            'LOCALE_NOT_ALLOWED',
            `A translator of ${listed(translator.locales)} cannot ${VERBS[action] ?? action} the ${listed(refusal.locales)} version.`,
            { locales: refusal.locales, allowed: translator.locales },
          );
      }
    },

    /** A submission from outside is translated once an editor has published it, never before. */
    async checkReviewed(uid: string, documentId: string, action: string) {
      const reviewed = (strapi.plugin('translator-roles').config('reviewedTypes') as string[]).includes(uid);
      if (!reviewed || !['create', 'update', 'publish'].includes(action)) return;
      if ((await strapi.db.query(uid as UID.ContentType).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0) return;
      throw refused('NOT_REVIEWED', 'This submission has not been published by an editor yet: it is translated once it is.');
    },

    /**
     * A create or update of the translator's locale (a new locale of an existing document included):
     * shared scalars and media must keep their stored value; shared components and dynamic zones are
     * not the translator's to write and are dropped.
     */
    async checkWrite(call: Call, documentId: string, locale: string) {
      const { uid, params } = call;
      const attributes: Record<string, AttributeFacts> = getService(strapi, 'content-types').attributes(uid);
      const data = params.data ?? {};
      for (const name of strippedSharedAttributes(attributes)) delete data[name];
      const editorOnly = writtenEditorOnlyFields(
        (strapi.plugin('translator-roles').config('editorOnlyFields') as Record<string, string[]>)[uid] ?? [],
        data,
      );
      if (editorOnly.length > 0) {
        throw refused(
          'FIELD_NOT_TRANSLATABLE',
          `${listed(editorOnly)}: only an editor can change ${editorOnly.length > 1 ? 'them' : 'it'}.`,
          { fields: editorOnly },
        );
      }

      const drafts = getService(strapi, 'content-types').hasDraftAndPublish(uid) ? { publishedAt: null } : {};
      const version = await findRow(uid, { documentId, locale, ...drafts }, attributes);
      const baseline = version ?? (await this.sourceVersion(uid, documentId, drafts, attributes));
      const sent = { ...getService(strapi, 'translator').sentFor(uid), ...data };
      const changed = changedSharedFields(attributes, sent, baseline, { emptyInherits: !version });
      if (changed.length > 0) {
        throw refused(
          'FIELD_NOT_TRANSLATABLE',
          `${listed(changed)} ${changed.length > 1 ? 'are' : 'is'} shared by every language: only an editor can change ${changed.length > 1 ? 'them' : 'it'}.`,
          { fields: changed },
        );
      }
      if (!version && baseline) {
        // A new locale takes the shared values of the drafts. Strapi would copy them from the
        // published version where it sorts first (SQLite), then copy those back over every draft,
        // undoing an editor's unpublished change to a shared field.
        for (const name of comparedSharedAttributes(attributes)) {
          if (comparable(attributes[name], data[name]) === null) data[name] = writable(attributes[name], baseline[name]);
        }
        params.data = data;
      }
    },

    /**
     * Publishing the translator's locale must not publish shared values the source has not
     * published: its draft's shared fields must equal those of the published versions.
     */
    async checkPublish(uid: string, documentId: string, locale: string) {
      const attributes: Record<string, AttributeFacts> = getService(strapi, 'content-types').attributes(uid);
      const draft = await findRow(uid, { documentId, locale, publishedAt: null }, attributes);
      const published = await this.sourceVersion(uid, documentId, { publishedAt: { $notNull: true } }, attributes, locale);
      if (!draft || !published) return;
      const changed = changedSharedFields(attributes, draft, published);
      if (changed.length > 0) {
        throw refused(
          'FIELD_NOT_TRANSLATABLE',
          `Publishing the ${locale} version would publish ${listed(changed)}, shared by every language and not published by an editor yet.`,
          { fields: changed },
        );
      }
    },

    /**
     * Discarding the translator's draft copies its published version over it, and Strapi then copies
     * that version's shared fields over every other draft: only allowed when they are the same.
     */
    async checkDiscard(uid: string, documentId: string, locale: string) {
      const attributes: Record<string, AttributeFacts> = getService(strapi, 'content-types').attributes(uid);
      const published = await findRow(uid, { documentId, locale, publishedAt: { $notNull: true } }, attributes);
      const draft = await this.sourceVersion(uid, documentId, { publishedAt: null }, attributes, locale);
      if (!draft || !published) return;
      const changed = changedSharedFields(attributes, published, draft);
      if (changed.length > 0) {
        throw refused(
          'FIELD_NOT_TRANSLATABLE',
          `Discarding the ${locale} draft would bring back ${listed(changed)}, shared by every language and since changed by an editor.`,
          { fields: changed },
        );
      }
    },

    /** The version whose shared values stand for the document's: the source locale's, else the first other one. */
    async sourceVersion(
      uid: string,
      documentId: string,
      status: Record<string, unknown>,
      attributes: Record<string, AttributeFacts>,
      exceptLocale?: string,
    ) {
      const sourceLocale = await getService(strapi, 'locales').source();
      const source = sourceLocale !== exceptLocale ? await findRow(uid, { documentId, locale: sourceLocale, ...status }, attributes) : null;
      return source ?? findRow(uid, { documentId, ...status, ...(exceptLocale ? { locale: { $ne: exceptLocale } } : {}) }, attributes);
    },
  };
};

/** A stored value in the shape a write takes (media as file ids). */
function writable(attribute: AttributeFacts, value: unknown): unknown {
  if (attribute.type !== 'media' || value === null || value === undefined) return value;
  const ids = (Array.isArray(value) ? value : [value]).map((file) => (file as { id: number }).id);
  return attribute.multiple ? ids : (ids[0] ?? null);
}
