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
});
