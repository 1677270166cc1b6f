import type { Core, UID } from '@strapi/strapi';
import { invalid, refused } from '../../../shared/errors';
import type { QuestionnairesConfig } from '../config';

type Ctx = { state: { user?: { id: number } }; request: { body?: unknown }; body: unknown };

/**
 * `GET|PUT /api/questionnaires/membership`: the organization a stakeholder's account names, and
 * whether an editor verified it (in the admin, on the user). Naming another one unverifies it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const membership = () => (strapi.config.get('plugin::questionnaires') as QuestionnairesConfig).membership;
  const userOf = (ctx: Ctx) => {
    if (!ctx.state.user) throw refused('SIGN_IN_REQUIRED', 'Sign in as a stakeholder');
    return ctx.state.user.id;
  };
  const answer = async (userId: number) => {
    const { organization, verified } = membership();
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { id: userId },
      select: ['id', verified],
      populate: { [organization]: { select: ['documentId', 'name'] } },
    });
    const named = user?.[organization] as { documentId: string; name?: string } | null;
    return {
      data: {
        organization: named ? { documentId: named.documentId, name: named.name ?? null } : null,
        verified: user?.[verified] === true,
      },
    };
  };

  return {
    async find(ctx: Ctx) {
      ctx.body = await answer(userOf(ctx));
    },
    async update(ctx: Ctx) {
      const userId = userOf(ctx);
      const { target, organization, verified } = membership();
      const named = (ctx.request.body as { data?: { organization?: unknown } } | undefined)?.data?.organization;
      if (named !== null && typeof named !== 'string') {
        throw invalid('FIELD_REQUIRED', 'Name the organization: { "data": { "organization": "<documentId>" | null } }', {
          field: 'organization',
        });
      }
      const row =
        named === null ? null : await strapi.db.query(target as UID.ContentType).findOne({ where: { documentId: named }, select: ['id'] });
      if (named !== null && !row) throw invalid('INVALID_RELATION', `Organization "${named}" does not exist`, { field: 'organization' });
      await strapi.db
        .query('plugin::users-permissions.user')
        .update({ where: { id: userId }, data: { [organization]: row?.id ?? null, [verified]: false } });
      ctx.body = await answer(userId);
    },
  };
};
