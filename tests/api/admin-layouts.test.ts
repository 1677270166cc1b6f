import { superAdminToken } from '../helpers/auth';
import { bootApp, TestApp } from '../helpers/strapi';

// The content manager shows the WSIS types with useful columns and the domain's words; an
// admin's own change in "Configure the view" survives the next boot.

const CALLS = 'api::stocktaking-call.stocktaking-call';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await bootApp();
  admin = await superAdminToken(app.strapi, app.request);
});
afterAll(async () => {
  await app?.destroy();
});

const configuration = async (uid: string) =>
  (await app.request().get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${admin}`).expect(200)).body
    .data.contentType;

describe('admin layouts as code', () => {
  it('lists entries by title, call, review state, late flag, organization and update, with the domain’s labels', async () => {
    const entries = await configuration(ENTRIES);
    expect(entries.layouts.list).toEqual(['title', 'call', 'reviewState', 'late', 'organization', 'updatedAt']);
    expect(entries.metadatas.reviewState.edit.label).toBe('Review');
    // Written only by the review actions: shown, not editable.
    for (const name of ['reviewState', 'reviewReason', 'reviewedAt']) expect(entries.metadatas[name].edit.editable).toBe(false);
    expect(entries.metadatas.title.edit.editable).toBe(true);
    expect(entries.metadatas.implementingPartners.edit.label).toBe('Implementing partners');
    expect(entries.metadatas.stakeholderType.edit.label).toBe('Stakeholder type');
    const calls = await configuration(CALLS);
    expect(calls.metadatas.closesAt.edit).toEqual(
      expect.objectContaining({ label: 'Closes', description: expect.stringMatching(/never overwrites/) }),
    );
    expect(calls.metadatas.lateSubmitters.list.label).toBe('Late submitters');
    expect(calls.layouts.edit[1].map((field) => field.name)).toEqual(['opensAt', 'closesAt']);
    // No field leaves the edit view.
    const placed = calls.layouts.edit.flat().map((field) => field.name);
    for (const name of ['officialCall', 'questionnaire', 'entries', 'publishAt']) expect(placed).toContain(name);
  });

  it('keeps an admin’s later change across boots, and applies the rest', async () => {
    const calls = await configuration(CALLS);
    const { uid: _uid, ...editable } = calls;
    // As the admin's "Configure the view" sends it: without the relation's mainField the GET adds.
    for (const metadata of Object.values(editable.metadatas) as { list: Record<string, unknown> }[]) delete metadata.list.mainField;
    editable.metadatas.title.edit.label = 'Name of the call';
    editable.layouts.list = ['title', 'closesAt'];
    const saved = await app
      .request()
      .put(`/content-manager/content-types/${CALLS}/configuration`)
      .set('Authorization', `Bearer ${admin}`)
      .send(editable);
    expect(saved.body.error).toBeUndefined();
    app = await app.reboot();
    admin = await superAdminToken(app.strapi, app.request);
    const after = await configuration(CALLS);
    expect(after.metadatas.title.edit.label).toBe('Name of the call');
    expect(after.layouts.list).toEqual(['title', 'closesAt']);
    expect(after.metadatas.closesAt.edit.label).toBe('Closes');
  });
});
