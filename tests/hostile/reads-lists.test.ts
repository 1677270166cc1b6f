import { CONTENT_TYPES, listSpecs } from './support/reads';
import { hostileSuite } from './support/run';

// Generated requests on the list route of every content type (see README.md in this folder).
const harness = hostileSuite('reads-lists.test.ts', listSpecs);

it('generates requests for every content type of the content API', () => {
  const served = Object.entries(harness.world.strapi.contentTypes)
    .filter(([uid]) => uid.startsWith('api::'))
    .map(([uid, model]) => [uid, (model as unknown as { info: { pluralName: string } }).info.pluralName]);
  expect(CONTENT_TYPES).toEqual(expect.arrayContaining(served));
  expect(CONTENT_TYPES).toHaveLength(served.length);
});
