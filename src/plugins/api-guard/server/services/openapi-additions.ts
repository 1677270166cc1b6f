import type { Core } from '@strapi/strapi';
import type { AddedError, ApiAdditions } from '../../../shared/api-additions';

type Action = AddedError['actions'][number];
const READS: Action[] = ['find', 'findOne'];
const WRITES: Action[] = ['create', 'update'];

/** The refusals the guard answers on every content type's core routes (README: Access and errors). */
const REFUSALS: Omit<AddedError, 'contentTypes'>[] = [
  {
    actions: [...READS, ...WRITES, 'delete'],
    status: 400,
    code: 'INVALID_QUERY',
    description:
      'a query parameter Strapi refuses (unknown parameter, field, operator, sort or populate; private field), a NUL character, an inherited name',
  },
  { actions: [...READS, ...WRITES, 'delete'], status: 400, code: 'INVALID_LOCALE', description: 'an unknown `locale`' },
  { actions: ['findOne', 'update', 'delete'], status: 400, code: 'INVALID_PATH', description: 'a NUL character in the documentId' },
  {
    actions: ['find'],
    status: 400,
    code: 'INVALID_PAGINATION',
    description: 'pagination that is not `page`/`pageSize` or `start`/`limit` as integers',
  },
  {
    actions: READS,
    status: 400,
    code: 'INVALID_FILTER',
    description: 'a filter the database cannot read, or a value it cannot compare with the column',
  },
  { actions: READS, status: 400, code: 'INVALID_SORT', description: 'a sort the database cannot read' },
  { actions: READS, status: 400, code: 'POPULATE_TOO_LARGE', description: 'a populated to-many relation over its cap' },
  { actions: READS, status: 403, code: 'DRAFTS_NOT_VISIBLE', description: 'drafts asked for without an API token' },
  {
    actions: WRITES,
    status: 400,
    code: 'INVALID_INPUT',
    description: 'a payload Strapi refuses (unknown attribute, too long, bad enumeration, missing required field...)',
  },
  { actions: WRITES, status: 400, code: 'INVALID_BODY', description: 'a body that is not JSON, or nested deeper than 64 levels' },
  {
    actions: WRITES,
    status: 400,
    code: 'INVALID_RELATION',
    description: 'several targets for a relation that holds one, or a malformed connect/disconnect/set',
  },
];

/** What the guard adds to every API type's answers (its refusals), for the OpenAPI document (the openapi plugin reads it). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  apiAdditions(): ApiAdditions {
    const contentTypes = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
    return { errors: REFUSALS.map((refusal) => ({ ...refusal, contentTypes })) };
  },
});
