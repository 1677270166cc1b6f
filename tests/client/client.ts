/**
 * A small client of the content API, typed from the OpenAPI document the app serves
 * (`npm run check:client` generates `.tmp/openapi-client/schema.d.ts` with openapi-typescript, then compiles
 * this file): it fails to compile when the document and what the public site needs disagree.
 * Never run; only compiled.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../.tmp/openapi-client/schema';

type Schemas = components['schemas'];
type Session = Schemas['ApiForumSessionForumSessionDocument'];
type Publication = Schemas['ApiPublicationPublicationDocument'];

export const api = (baseUrl: string) => createClient<paths>({ baseUrl });

/** The sessions of a Forum edition, in time order, with their panellists (README: REST API). */
export async function sessionsOf(client: ReturnType<typeof api>, year: number, locale = 'en') {
  const { data, error } = await client.GET('/forum-sessions', {
    params: {
      query: {
        locale,
        filters: { edition: { year: { $eq: year } } },
        populate: 'panellists',
        sort: 'startsAt:asc',
        'pagination[pageSize]': 100,
      },
    },
  });
  if (error) throw new Error(`${error.error.status} ${error.error.details?.code ?? error.error.name}: ${error.error.message}`);
  const sessions: Session[] = data.data;
  return {
    total: data.meta.pagination,
    sessions: sessions.map((session) => ({
      documentId: session.documentId,
      title: session.title,
      startsAt: session.startsAt,
      // Nullable attributes are typed as such: the compiler makes the client handle null.
      room: session.room ?? 'to be announced',
      panellists: (session.panellists ?? []).map((panellist) => ({ id: panellist.id, name: panellist.name })),
    })),
  };
}

/** A publication in a language, English filling what is not translated (README: Languages). */
export async function publicationIn(client: ReturnType<typeof api>, documentId: string, locale: string) {
  const { data, error, response } = await client.GET('/publications/{id}', {
    params: { path: { id: documentId }, query: { locale, fallbackLocale: 'en' } },
  });
  if (error) return { found: false as const, status: response.status, code: error.error.details?.code };
  const publication: Publication = data.data;
  return {
    found: true as const,
    title: publication.title,
    abstract: publication.abstract ?? null,
    servedLocale: publication.localization?.servedLocale ?? locale,
    fromEnglish: publication.localization?.fallbackFields ?? [],
  };
}

/** A stakeholder submits a stocktaking entry to the open call (README: Submissions and deadlines). */
export async function submitEntry(
  client: ReturnType<typeof api>,
  jwt: string,
  entry: { title: string; shortDescription: string; call: string; actionLines: string[] },
) {
  const { data, error } = await client.POST('/stocktaking-entries', {
    headers: { Authorization: `Bearer ${jwt}` },
    body: { data: entry },
  });
  if (error) {
    // WINDOW_CLOSED and friends come with the deadline in Geneva time.
    return { accepted: false as const, status: error.error.status, code: error.error.details?.code, message: error.error.message };
  }
  const window = data.data.call?.window;
  return {
    accepted: true as const,
    documentId: data.data.documentId,
    reviewState: data.data.reviewState,
    closesAt: window?.closesAt ?? null,
  };
}

/** The calls open now, with their effective deadline. */
export async function openCalls(client: ReturnType<typeof api>) {
  const { data, error } = await client.GET('/stocktaking-calls/current', { params: { query: { locale: 'en' } } });
  if (error) throw new Error(error.error.message);
  return data.data.map((call) => ({ documentId: call.documentId, edition: call.edition, deadline: call.window?.closesAt ?? null }));
}
