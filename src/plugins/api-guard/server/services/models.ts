import type { Core, UID } from '@strapi/strapi';
import type { ModelInfo } from '../../domain/models';

type Attribute = { type: string; relation?: string; target?: string; component?: string };
const TO_MANY = new Set(['oneToMany', 'manyToMany', 'morphMany', 'morphToMany', 'manyWay']);
const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);
// Columns every content type has, whether its schema lists them or not. A component's table has
// only its `id` (filtering a component on `documentId` failed in the database: a 500).
const SYSTEM_FIELDS = {
  id: 'increments',
  documentId: 'string',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  publishedAt: 'datetime',
  locale: 'string',
};

/** Content types and components as the guard's domain functions read them (computed once per model). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, ModelInfo | undefined>();

  const describe = (uid: string): ModelInfo | undefined => {
    const model = strapi.getModel(uid as UID.Schema) as
      { modelType?: string; options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> } | undefined;
    if (!model) return undefined;
    const info: ModelInfo = {
      draftAndPublish: Boolean(model.options?.draftAndPublish),
      relations: {},
      components: {},
      populatable: [],
      scalars: model.modelType === 'component' ? { id: SYSTEM_FIELDS.id } : { ...SYSTEM_FIELDS },
    };
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (!POPULATABLE.has(attribute.type)) info.scalars![name] = attribute.type;
      if (attribute.type === 'relation' && attribute.target)
        info.relations[name] = { target: attribute.target, toMany: TO_MANY.has(attribute.relation ?? '') };
      if (attribute.type === 'component' && attribute.component) info.components[name] = attribute.component;
      if (POPULATABLE.has(attribute.type)) info.populatable.push(name);
    }
    return info;
  };

  return {
    lookup(uid: string): ModelInfo | undefined {
      if (!cache.has(uid)) cache.set(uid, describe(uid));
      return cache.get(uid);
    },
  };
};
