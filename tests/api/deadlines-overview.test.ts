import { superAdminToken } from '../helpers/auth';
import { bootApp, TestApp } from '../helpers/strapi';

// The admin's deadlines at a glance: open and upcoming windows with their state, effective and
// original deadline in Geneva time, extensions and the submissions received so far.

let app: TestApp;
let admin: string;
const clock = () => app.strapi.plugin('deadlines').service('clock');

beforeAll(async () => {
  app = await bootApp();
  admin = await superAdminToken(app.strapi, app.request);
});
afterAll(async () => {
  clock().set(null);
  await app?.destroy();
});

const overview = async (query = '') =>
  (await app.request().get(`/deadlines/windows${query}`).set('Authorization', `Bearer ${admin}`).expect(200)).body.data;

describe('the deadlines overview', () => {
  it('lists, on 20 August 2011, the open and upcoming windows, soonest deadline first', async () => {
    clock().set('2011-08-20T10:00:00Z');
    const windows = await overview();
    const formal = windows.find((window) => window.title === 'Phase Three: Submission of Formal Contributions');
    expect(formal).toEqual(
      expect.objectContaining({
        contentType: 'api::consultation-phase.consultation-phase',
        state: 'open',
        timezone: 'Europe/Zurich',
        closesAt: '2011-09-05T23:59:59.000+02:00',
        originalClosesAt: '2011-09-01T23:59:59.000+02:00',
        extended: true,
        extensions: [
          expect.objectContaining({ closesAt: '2011-09-05T23:59:59.000+02:00', reason: 'Extended at the request of several stakeholders' }),
        ],
        submissions: [{ contentType: 'api::consultation-contribution.consultation-contribution', total: expect.any(Number), late: 0 }],
      }),
    );
    const call = windows.find((window) => window.contentType === 'api::stocktaking-call.stocktaking-call');
    expect(call).toEqual(expect.objectContaining({ state: 'open', closesAt: '2012-01-15T23:59:59.000+01:00' }));
    // Seeded entries of the 2011-2012 call: six, one of them a draft; none late.
    expect(call.submissions).toEqual([{ contentType: 'api::stocktaking-entry.stocktaking-entry', total: 6, late: 0 }]);
    expect(windows.map((window) => window.state)).not.toContain('closed');
    const deadlines = windows.map((window) => Date.parse(window.closesAt));
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
    expect(windows.some((window) => window.state === 'upcoming')).toBe(true);
  });

  it('lists closed windows on request, and only for signed-in admin users', async () => {
    clock().set(null);
    // Today only the demo fixtures are open (a call and a phase, open from the first boot); the history is closed.
    expect((await overview()).map((window) => window.title).sort()).toEqual([
      'Demo call for update and new entries (open at first boot)',
      'Demo phase: written contributions (open at first boot)',
    ]);
    const french = await overview('?includeClosed=true&locale=fr');
    expect(french.map((window) => window.title)).toContain('Phase 3 : soumission des contributions officielles');
    const all = await overview('?includeClosed=true');
    expect(all.length).toBeGreaterThan(10);
    await app.request().get('/deadlines/windows').expect(401);
  });
});
