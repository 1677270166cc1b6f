import { assertWithinCaps, normalizePopulate, withToManyLimits } from '../populate-caps';
import { models } from './fixtures';

const caps = { perDocument: 2, perResponse: 3 };

describe('normalizePopulate', () => {
  it('turns every populate shape into one tree', () => {
    expect(normalizePopulate('*', 'consultation', models)).toEqual({ phases: true, contributions: true, organizer: true, cover: true });
    expect(normalizePopulate('phases,organizer', 'consultation', models)).toEqual({ phases: true, organizer: true });
    expect(normalizePopulate(['phases.contributions', 'phases.venue'], 'consultation', models)).toEqual({
      phases: { populate: { contributions: true, venue: true } },
    });
    expect(normalizePopulate({ phases: { sort: 'position' }, organizer: 'false' }, 'consultation', models)).toEqual({
      phases: { sort: 'position' },
    });
    expect(normalizePopulate(undefined, 'consultation', models)).toBeUndefined();
  });
});

describe('withToManyLimits', () => {
  it('limits every populated to-many relation to one more than the response may hold, at every level', () => {
    expect(withToManyLimits({ phases: { populate: '*' }, organizer: true }, 'consultation', models, caps)).toEqual({
      phases: { limit: 4, populate: { consultation: true, contributions: { limit: 4 }, venue: true } },
      organizer: true,
    });
  });

  it('leaves counts alone', () => {
    expect(withToManyLimits({ phases: { count: true } }, 'consultation', models, caps)).toEqual({ phases: { count: true } });
  });
});

describe('assertWithinCaps', () => {
  const consultation = (phases: number) => ({ phases: Array.from({ length: phases }, (_, index) => ({ id: index })) });

  it('accepts documents within the caps', () => {
    expect(() => assertWithinCaps([consultation(2), consultation(1)], { phases: true }, 'consultation', models, caps)).not.toThrow();
  });

  it('refuses a document over its cap, and a response over its own', () => {
    expect(() => assertWithinCaps(consultation(3), { phases: true }, 'consultation', models, caps)).toThrow(
      expect.objectContaining({ code: 'POPULATE_TOO_LARGE' }),
    );
    expect(() => assertWithinCaps([consultation(2), consultation(2)], { phases: true }, 'consultation', models, caps)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'phases' }) }),
    );
  });

  it('checks nested relations against all their parents together', () => {
    const phase = { contributions: [{ id: 1 }, { id: 2 }] };
    expect(() =>
      assertWithinCaps(
        [{ phases: [phase] }, { phases: [phase] }],
        { phases: { populate: { contributions: true } } },
        'consultation',
        models,
        caps,
      ),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'phases.contributions' }) }));
  });
});
