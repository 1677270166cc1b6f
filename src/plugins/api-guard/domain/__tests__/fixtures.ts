import type { ModelInfo, ModelLookup } from '../models';

// A consultation (draft & publish) has phases (no draft & publish), which have contributions
// (draft & publish); a phase holds a venue component with a country.
const MODELS: Record<string, ModelInfo> = {
  consultation: {
    draftAndPublish: true,
    relations: {
      phases: { target: 'phase', toMany: true },
      contributions: { target: 'contribution', toMany: true },
      organizer: { target: 'organization', toMany: false },
    },
    components: {},
    populatable: ['phases', 'contributions', 'organizer', 'cover'],
    scalars: {
      id: 'increments',
      documentId: 'string',
      createdAt: 'datetime',
      title: 'string',
      slug: 'uid',
      description: 'text',
      publishAt: 'datetime',
      views: 'biginteger',
      rating: 'float',
      featured: 'boolean',
      settings: 'json',
    },
  },
  phase: {
    draftAndPublish: false,
    relations: { consultation: { target: 'consultation', toMany: false }, contributions: { target: 'contribution', toMany: true } },
    components: { venue: 'venue' },
    populatable: ['consultation', 'contributions', 'venue'],
    scalars: { id: 'increments', name: 'string', position: 'integer', opensAt: 'datetime' },
  },
  contribution: {
    draftAndPublish: true,
    relations: { phase: { target: 'phase', toMany: false }, consultation: { target: 'consultation', toMany: false } },
    components: {},
    populatable: ['phase', 'consultation'],
  },
  organization: { draftAndPublish: false, relations: {}, components: {}, populatable: [], scalars: { id: 'increments', name: 'string' } },
  venue: {
    draftAndPublish: false,
    relations: { country: { target: 'organization', toMany: false } },
    components: {},
    populatable: ['country'],
    scalars: { id: 'increments', city: 'string' },
  },
};

export const models: ModelLookup = (uid) => MODELS[uid];
