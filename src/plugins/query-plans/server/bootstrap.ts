import type { Core } from '@strapi/strapi';
import { relationFiltersAsSemiJoins, type SemiJoinSchema } from '../domain/semi-joins';
import type { QueryPlansConfig } from './config';
import { ensureOrderIndexes } from './order-indexes';

type Column = { name: string; referencedColumn: string };
type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  joinTable?: { name: string; joinColumn: Column; inverseJoinColumn: Column; on?: unknown; morphColumn?: unknown };
};
type Event = { model: { uid: string }; params: { where?: unknown } };

const NOT_COLUMNS = new Set(['relation', 'component', 'dynamiczone', 'media']);

/**
 * Reads of the configured content types (every path: REST, the content manager, code) take their
 * relation filters as semi-joins where that keeps Strapi's rows exactly (domain/semi-joins.ts);
 * their join tables get the index Strapi's writes need to place a new link (order-indexes.ts).
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const { contentTypes } = strapi.config.get('plugin::query-plans') as QueryPlansConfig;
  const uids = contentTypes ?? Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
  const attributeOf = (uid: string, name: string) =>
    (strapi.db.metadata.get(uid)?.attributes as Record<string, Attribute> | undefined)?.[name];
  /** The join table of a relation that links row ids, nothing more (no morph type, no component field). */
  const linkOf = (uid: string, name: string) => {
    const attribute = attributeOf(uid, name);
    const link =
      attribute?.type === 'relation' && attribute.target && !attribute.relation?.startsWith('morph') ? attribute.joinTable : undefined;
    if (
      !link ||
      link.on ||
      link.morphColumn ||
      link.joinColumn.referencedColumn !== 'id' ||
      link.inverseJoinColumn.referencedColumn !== 'id'
    )
      return undefined;
    return { ...link, target: attribute!.target! };
  };
  const schema: SemiJoinSchema = {
    linkedTarget: (uid, name) => linkOf(uid, name)?.target,
    isColumn: (uid, name) => {
      const type = attributeOf(uid, name)?.type;
      return type !== undefined && !NOT_COLUMNS.has(type);
    },
  };

  const asSemiJoins = (event: Event) => {
    const uid = event.model.uid;
    if (event.params.where === undefined) return;
    event.params.where = relationFiltersAsSemiJoins(event.params.where, uid, schema, (name, targetWhere) => {
      const link = linkOf(uid, name)!;
      // Strapi's own query builder reads the target's condition, operators and casts as in its joins.
      const targets = strapi.db
        .queryBuilder(link.target as never)
        .select('id')
        .where(targetWhere)
        .getKnexQuery();
      return strapi.db.getConnection(link.name).select(link.joinColumn.name).whereIn(link.inverseJoinColumn.name, targets);
    });
  };
  strapi.db.lifecycles.subscribe({ models: uids, beforeFindMany: asSemiJoins, beforeCount: asSemiJoins } as never);
  await ensureOrderIndexes(strapi, uids);
};
