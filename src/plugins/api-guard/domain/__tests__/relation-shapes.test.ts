import { assertSingleTargets } from '../relation-shapes';
import { models } from './fixtures';

describe('assertSingleTargets', () => {
  it.each([
    ['a documentId', 'abc'],
    ['an id', 7],
    ['a list of one', ['abc']],
    ['connect one', { connect: [{ documentId: 'abc' }] }],
    ['set one', { set: ['abc'] }],
    ['disconnect', { disconnect: [{ id: 1 }, { id: 2 }] }],
    ['connect one and disconnect another', { connect: ['a'], disconnect: ['b'] }],
    ['null', null],
    ['an object target', { documentId: 'abc', locale: 'en' }],
  ])('accepts %s for a to-one relation', (_name, phase) => {
    expect(() => assertSingleTargets({ phase }, 'contribution', models)).not.toThrow();
  });

  it.each([
    ['a list of two', ['a', 'b']],
    ['connect two', { connect: [{ documentId: 'a' }, { documentId: 'b' }] }],
    ['set two', { set: ['a', 'b'] }],
    ['set and connect', { set: ['a'], connect: ['b'] }],
    ['connect and an unknown key', { connect: ['a'], x: 1 }],
    ['a boolean', true],
  ])('refuses %s with INVALID_RELATION', (_name, phase) => {
    expect(() => assertSingleTargets({ phase }, 'contribution', models)).toThrow(
      expect.objectContaining({ code: 'INVALID_RELATION', details: { field: 'phase' } }),
    );
  });

  it('checks relations inside components, and leaves to-many relations alone', () => {
    expect(() => assertSingleTargets({ venue: { country: ['a', 'b'] } }, 'phase', models)).toThrow(
      expect.objectContaining({ details: { field: 'venue.country' } }),
    );
    expect(() => assertSingleTargets({ contributions: ['a', 'b', 'c'] }, 'phase', models)).not.toThrow();
  });

  it.each([
    ['an operator as position.after', { connect: [{ documentId: 'a', position: { after: { $ne: '' } } }] }],
    ['an unknown position', { connect: [{ documentId: 'a', position: { middle: true } }] }],
    ['position.start that is not a boolean', { connect: [{ documentId: 'a', position: { start: 'yes' } }] }],
    ['a list as an id', { set: [{ id: [1, 2] }] }],
    ['an operator as an id', { disconnect: [{ id: { $gt: 0 } }] }],
    ['a boolean target', { connect: [true] }],
  ])('refuses %s in any relation, to-many too, with INVALID_RELATION', (_name, contributions) => {
    expect(() => assertSingleTargets({ contributions }, 'phase', models)).toThrow(
      expect.objectContaining({ code: 'INVALID_RELATION', details: { field: 'contributions' } }),
    );
  });

  it('accepts the positions Strapi documents', () => {
    const contributions = {
      connect: [
        { documentId: 'a', position: { before: 'b' } },
        { documentId: 'c', locale: 'fr', status: 'published', position: { end: true }, isTemporary: true },
        { id: 4, position: { after: 2 } },
      ],
      disconnect: ['d', 5],
    };
    expect(() => assertSingleTargets({ contributions }, 'phase', models)).not.toThrow();
  });
});
