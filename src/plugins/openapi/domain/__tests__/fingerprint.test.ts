import { fingerprintOf, type GeneratorInputs } from '../fingerprint';

const venue: GeneratorInputs['models'][number] = ['shared.venue', { city: { type: 'string' } }, undefined, undefined];
const extension: GeneratorInputs['models'][number] = ['scheduling.extension', { closesAt: { type: 'datetime' } }, undefined, undefined];
const entry: GeneratorInputs['models'][number] = ['api::stocktaking-entry.stocktaking-entry', { title: { type: 'string' } }, {}, {}];
const list = ['GET', '/stocktaking-entries', 'api::stocktaking-entry.stocktaking-entry.find', 'content-api', [], []];
const one = ['GET', '/stocktaking-entries/:id', 'api::stocktaking-entry.stocktaking-entry.findOne', 'content-api', [], ['id']];

describe('fingerprintOf', () => {
  it('is the same whatever order Strapi loaded the components and routes in', () => {
    const first = fingerprintOf({ version: '5.54.0', models: [entry, venue, extension], routes: [list, one] });
    expect(fingerprintOf({ version: '5.54.0', models: [entry, extension, venue], routes: [one, list] })).toBe(first);
    expect(fingerprintOf({ version: '5.54.0', models: [extension, venue, entry], routes: [list, one] })).toBe(first);
  });

  it('changes with a model, a route or the version', () => {
    const first = fingerprintOf({ version: '5.54.0', models: [entry, venue], routes: [list] });
    const renamed: GeneratorInputs['models'][number] = ['shared.venue', { town: { type: 'string' } }, undefined, undefined];
    expect(fingerprintOf({ version: '5.54.0', models: [entry, renamed], routes: [list] })).not.toBe(first);
    expect(fingerprintOf({ version: '5.54.0', models: [entry, venue], routes: [list, one] })).not.toBe(first);
    expect(fingerprintOf({ version: '5.55.0', models: [entry, venue], routes: [list] })).not.toBe(first);
  });
});
