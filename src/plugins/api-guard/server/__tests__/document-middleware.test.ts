import { appSchemas, requests, stubStrapi, type RequestContext, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import apiGuard from '../../strapi-server';
import { cappedReads } from '../register';

// The api-guard's Document Service middleware, registered on a stubbed strapi with the app's
// schemas: a consultation (draft and publish) has phases (no draft and publish), which have
// contributions (draft and publish). Readers who may not read drafts get published content only.

const CONSULTATIONS = 'api::consultation.consultation';
const PHASES = 'api::consultation-phase.consultation-phase';
const CONTRIBUTIONS = 'api::consultation-contribution.consultation-contribution';
const PUBLISHED = { publishedAt: { $notNull: true } };

let stub: StrapiStub;

beforeEach(() => {
  stub = stubStrapi({
    models: appSchemas(CONSULTATIONS, PHASES, CONTRIBUTIONS, 'api::organization.organization', 'scheduling.extension'),
    plugins: { 'api-guard': { server: apiGuard, config: { populateCaps: { perDocument: 250, perResponse: 2500 } } } },
  });
  apiGuard.register({ strapi: stub.strapi });
  stub.request(requests.public());
});

/** One Document Service call through the middleware; `next` answers `result` and records the params it was given. */
async function call(action: string, uid: string, params: Record<string, unknown>, result: unknown = []) {
  const reached: Record<string, unknown>[] = [];
  const answer = await stub.runDocuments({ uid, action, params }, async () => {
    reached.push(structuredClone(params));
    return result;
  });
  return { answer, reached };
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { name: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('drafts are for draft readers only', () => {
  it.each([
    ['status=draft', { status: 'draft' }, 'status'],
    ['hasPublishedVersion', { hasPublishedVersion: false }, 'hasPublishedVersion'],
    ['publicationFilter', { publicationFilter: 'never-published' }, 'publicationFilter'],
  ])('refuses the public %s with DRAFTS_NOT_VISIBLE, before anything is read', async (_what, params, parameter) => {
    const reached: unknown[] = [];
    const error = await refusal(stub.runDocuments({ uid: CONSULTATIONS, action: 'findMany', params }, async () => reached.push(params)));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'DRAFTS_NOT_VISIBLE', parameter });
    expect(reached).toEqual([]);
  });

  it('lets the public read published content', async () => {
    expect((await call('findMany', CONSULTATIONS, { status: 'published' })).reached).toEqual([{ status: 'published' }]);
  });

  it.each<[string, () => RequestContext | undefined]>([
    ['an API token', () => requests.apiToken()],
    ['the admin', () => requests.admin({ id: 1, roles: ['strapi-editor'] })],
    ['code outside a request', () => undefined],
  ])('lets %s read drafts, with its query untouched', async (_who, request) => {
    stub.request(request());
    const params = { status: 'draft', filters: { phases: { name: 'Launch' } } };
    expect((await call('findMany', CONSULTATIONS, params)).reached).toEqual([{ status: 'draft', filters: { phases: { name: 'Launch' } } }]);
  });

  it('lets a stakeholder read drafts only in a query scoped to their own documents (their /mine)', async () => {
    stub.request(requests.stakeholder(101));
    expect((await refusal(call('findMany', CONTRIBUTIONS, { status: 'draft' }))).details.code).toBe('DRAFTS_NOT_VISIBLE');
    const mine = requests.stakeholder(101);
    mine.state.ownDocumentsOnly = true;
    stub.request(mine);
    expect((await call('findMany', CONTRIBUTIONS, { status: 'draft' })).reached).toHaveLength(1);
  });
});

describe('filters, sorts and populate through a hop into drafts', () => {
  it('limits a filter from a phase (no draft and publish) through its consultation to published consultations', async () => {
    const { reached } = await call('findMany', PHASES, { filters: { consultation: { title: { $eq: 'WSIS+10 Review' } } } });
    expect(reached[0].filters).toEqual({ consultation: { $and: [{ title: { $eq: 'WSIS+10 Review' } }, PUBLISHED] } });
  });

  it('leaves a filter between published versions alone, and limits the hop after a phase', async () => {
    const filters = { title: 'WSIS+10 Review', phases: { name: 'Formal contributions', contributions: { title: 'Statement' } } };
    const { reached } = await call('findMany', CONSULTATIONS, { filters });
    expect(reached[0].filters).toEqual({
      title: 'WSIS+10 Review',
      phases: { name: 'Formal contributions', contributions: { $and: [{ title: 'Statement' }, PUBLISHED] } },
    });
  });

  it('refuses a filter on whether a phase has a consultation with INVALID_FILTER (it would count drafts)', async () => {
    const error = await refusal(call('findMany', PHASES, { filters: { consultation: { $null: true } } }));
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'INVALID_FILTER', field: 'consultation' });
  });

  it("refuses sorting phases by their consultation's title with INVALID_SORT", async () => {
    expect((await refusal(call('findMany', PHASES, { sort: 'position:asc,consultation.title:desc' }))).details).toEqual({
      code: 'INVALID_SORT',
      field: 'consultation.title',
    });
  });

  it('makes filters inside a populate safe the same way, at every level', async () => {
    const populate = {
      phases: {
        filters: { contributions: { title: 'Statement' } },
        populate: { contributions: { filters: { title: 'Statement', phase: { consultation: { title: 'WSIS+10 Review' } } } } },
      },
    };
    const { reached } = await call('findOne', CONSULTATIONS, { documentId: 'wsis-10', populate });
    expect(reached[0].populate).toEqual({
      phases: {
        filters: { contributions: { $and: [{ title: 'Statement' }, PUBLISHED] } },
        // Populated contributions are published versions (Strapi applies the status): their own fields need nothing.
        populate: {
          contributions: { filters: { title: 'Statement', phase: { consultation: { $and: [{ title: 'WSIS+10 Review' }, PUBLISHED] } } } },
        },
      },
    });
  });
});

describe('populate caps on the REST find and findOne', () => {
  const phases = (count: number) => Array.from({ length: count }, (_, index) => ({ id: index + 1, name: `Phase ${index + 1}` }));

  it('runs the read with the caps in reach of the database lifecycle, and accepts 250 phases per consultation', async () => {
    stub.request(requests.public({ handler: `${CONSULTATIONS}.find` }));
    let during: unknown;
    await stub.runDocuments({ uid: CONSULTATIONS, action: 'findMany', params: { populate: { phases: true } } }, async () => {
      during = cappedReads.getStore();
      return [{ documentId: 'wsis-10', phases: phases(250) }];
    });
    expect(during).toEqual({ uid: CONSULTATIONS, caps: { perDocument: 250, perResponse: 2500 } });
  });

  it('refuses 251 phases in one consultation with POPULATE_TOO_LARGE', async () => {
    stub.request(requests.public({ handler: `${CONSULTATIONS}.find` }));
    const error = await refusal(call('findMany', CONSULTATIONS, { populate: 'phases' }, [{ documentId: 'wsis-10', phases: phases(251) }]));
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'POPULATE_TOO_LARGE', field: 'phases', perDocument: 250, perResponse: 2500 });
  });

  it("does not cap other reads (another type's route, a controller's own query)", async () => {
    stub.request(requests.public({ handler: `${PHASES}.find` }));
    const { answer } = await call('findMany', CONSULTATIONS, { populate: 'phases' }, [{ documentId: 'wsis-10', phases: phases(251) }]);
    expect((answer as { phases: unknown[] }[])[0].phases).toHaveLength(251);
  });
});

describe('writes, from any caller', () => {
  beforeEach(() => stub.request(undefined));

  it('refuses two phases for a contribution (a relation that holds one) with INVALID_RELATION', async () => {
    const error = await refusal(
      call('create', CONTRIBUTIONS, {
        data: { title: 'Statement', phase: { connect: [{ documentId: 'phase-3' }, { documentId: 'phase-5' }] } },
      }),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'INVALID_RELATION', field: 'phase' });
  });

  it('refuses a NUL character in a text with INVALID_INPUT and its path', async () => {
    const error = await refusal(call('update', CONTRIBUTIONS, { documentId: 'c', data: { title: 'State\u0000ment' } }));
    expect(error.details).toEqual({ code: 'INVALID_INPUT', path: 'title' });
  });

  it('lets a well-formed write through', async () => {
    expect((await call('create', CONTRIBUTIONS, { data: { title: 'Statement', phase: 'phase-3' } })).reached).toHaveLength(1);
  });
});
