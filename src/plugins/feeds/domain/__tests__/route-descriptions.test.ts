import { describeFeedRoute } from '../route-descriptions';

const model = { pluralName: 'forum-sessions', singularName: 'forum-session' };

describe('the routes as the OpenAPI document describes them', () => {
  it('describes a calendar per parent with its path parameter, date range and list parameters', () => {
    const route = describeFeedRoute({
      kind: 'calendars',
      name: 'agenda',
      path: '/forum-editions/:slug/agenda.ics',
      contentType: 'api::forum-session.forum-session',
      model,
      parent: { key: 'slug', singularName: 'forum-edition' },
      range: true,
    });
    expect(route).toEqual(
      expect.objectContaining({
        method: 'get',
        operationId: 'feeds/calendars/agenda',
        summary: 'iCalendar (RFC 5545) of forum-sessions',
        tag: 'forum-session',
        response: { mediaType: 'text/calendar', schema: { type: 'string' } },
        listParameters: { contentType: 'api::forum-session.forum-session', names: ['locale', 'filters'] },
      }),
    );
    expect(route.parameters.map((parameter) => `${parameter.in} ${parameter.name}`)).toEqual([
      'path slug',
      'query from',
      'query to',
      'query locale',
    ]);
    expect(route.parameters[0].description).toBe('The slug of the forum-edition, in any locale.');
  });

  it("gives an export the list's sort and status too", () => {
    const route = describeFeedRoute({
      kind: 'exports',
      name: 'entries',
      path: '/entries/export.csv',
      contentType: 'api::entry.entry',
      model: { pluralName: 'entries', singularName: 'entry' },
    });
    expect(route.listParameters!.names).toEqual(['locale', 'filters', 'sort', 'status']);
    expect(route.response.mediaType).toBe('text/csv');
    expect(route.parameters.map((parameter) => parameter.name)).toEqual(['locale']);
  });
});
