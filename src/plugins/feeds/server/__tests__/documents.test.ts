import { appSchemas, stubStrapi } from '../../../shared/__tests__/stub-strapi';
import config from '../config';
import { getService } from '../get-service';
import services from '../services';

// What a calendar, feed or export reads of its related documents: the attributes its paths name,
// not the whole target (an export populated every call's rich texts on each of its rows).

const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const EDITIONS = 'api::forum-edition.forum-edition';

const populateFor = (uid: string, paths: string[]) => {
  const stub = stubStrapi({
    models: appSchemas(
      ENTRIES,
      EDITIONS,
      'api::stocktaking-call.stocktaking-call',
      'api::organization.organization',
      'api::action-line.action-line',
      'api::country.country',
      'shared.venue',
    ),
    plugins: { feeds: { server: { services, config }, config: {} } },
  });
  return getService(stub.strapi, 'documents').populateFor(uid, paths);
};

describe('populateFor', () => {
  it('reads only the named attributes of related documents and components, media whole', () => {
    expect(
      populateFor(ENTRIES, [
        'documentId',
        'title',
        'actionLines.code',
        'organization.name',
        'countries.code',
        'documents.url',
        'call.edition',
      ]),
    ).toEqual({
      actionLines: { fields: ['code'] },
      organization: { fields: ['name'] },
      countries: { fields: ['code'] },
      documents: true,
      call: { fields: ['edition'] },
    });
    expect(populateFor(EDITIONS, ['title', 'venue.timezone', 'venue.name', 'venue.city'])).toEqual({
      venue: { fields: ['timezone', 'name', 'city'] },
    });
  });

  it('reads every attribute of a target named without a path, by its documentId, or also read further down', () => {
    expect(populateFor(ENTRIES, ['call.edition', 'call'])).toEqual({ call: true });
    expect(populateFor(ENTRIES, ['call', 'call.edition'])).toEqual({ call: true });
    expect(populateFor(ENTRIES, ['call.documentId'])).toEqual({ call: true });
    expect(populateFor(ENTRIES, ['organization.name', 'organization.country.code'])).toEqual({
      organization: { fields: ['name'], populate: { country: { fields: ['code'] } } },
    });
    expect(populateFor(ENTRIES, ['organization', 'organization.country.code'])).toEqual({
      organization: { populate: { country: { fields: ['code'] } } },
    });
  });
});
