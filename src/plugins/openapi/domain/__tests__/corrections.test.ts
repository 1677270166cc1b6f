import {
  correctCreatedStatus,
  correctDocumentIds,
  correctEnvelopes,
  correctIds,
  correctNullability,
  correctRequestBodies,
  correctRequired,
  correctSortParameters,
  describeErrorBodies,
  nullable,
  referencePluginDocuments,
  referenceSharedSchemas,
  type SchemaModel,
} from '../corrections';
import type { OpenApiDocument } from '../openapi';

const UUID = { type: 'string', format: 'uuid', pattern: '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-…)$', description: 'represented by a UUID' };
const event = () => ({
  type: 'object',
  properties: {
    documentId: { ...UUID },
    id: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    title: { description: 'A string field', type: 'string' },
    summary: { description: 'A text field', type: 'string' },
    scope: { type: 'string', enum: ['global', 'regional'] },
    venue: { $ref: '#/components/schemas/SharedVenueEntry' },
    sessions: { type: 'array', items: { $ref: '#/components/schemas/ApiEventEventDocument' } },
    cover: { description: 'A media field', $ref: '#/components/schemas/PluginUploadFileDocument' },
  },
  required: ['documentId', 'id', 'title', 'scope'],
  additionalProperties: false,
});
const venue = () => ({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false });
const json = (schema: unknown) => ({ description: 'OK', content: { 'application/json': { schema } } });

function generated(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {},
    components: { schemas: { ApiEventEventDocument: event(), SharedVenueEntry: venue() } },
    paths: {
      '/events': {
        get: {
          responses: {
            200: json({
              $schema: 'https://json-schema.org/draft/2020-12/schema',
              type: 'object',
              properties: { data: { type: 'array', items: event() } },
            }),
            400: { description: 'Bad request' },
          },
        },
        post: { responses: { 200: json({ type: 'object', properties: { data: event() } }) } },
      },
      '/events/{id}': { get: { parameters: [{ name: 'id', in: 'path', schema: { ...UUID } }], responses: {} } },
    },
  };
}

const models: SchemaModel[] = [
  {
    schemaName: 'ApiEventEventDocument',
    kind: 'document',
    attributes: {
      title: { type: 'string', required: true },
      summary: { type: 'text' },
      scope: { type: 'enumeration' },
      venue: { type: 'component', repeatable: false },
      sessions: { type: 'relation', relation: 'oneToMany' },
      cover: { type: 'media', multiple: false },
    },
  },
  { schemaName: 'SharedVenueEntry', kind: 'component', attributes: { name: { type: 'string', required: true } } },
];

describe("corrections of Strapi's generated document", () => {
  it('replaces the inlined copies of a shared schema with a reference to it', () => {
    const document = generated();
    referenceSharedSchemas(document);
    const list = (document.paths['/events'].get.responses[200] as any).content['application/json'].schema;
    expect(list.properties.data.items).toEqual({ $ref: '#/components/schemas/ApiEventEventDocument' });
    expect((document.paths['/events'].post.responses[200] as any).content['application/json'].schema.properties.data).toEqual({
      $ref: '#/components/schemas/ApiEventEventDocument',
    });
  });

  it('points hand-written schemas of a plugin type in its routes to the shared schema', () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      info: {},
      components: { schemas: { PluginUploadFileDocument: { type: 'object', properties: { documentId: {}, id: {}, name: {}, url: {} } } } },
      paths: {
        '/upload': {
          post: {
            tags: ['upload'],
            responses: { 200: json({ anyOf: [{ type: 'object', properties: { documentId: {}, id: {}, url: {}, folderPath: {} } }] }) },
          },
        },
      },
    };
    referencePluginDocuments(document);
    expect((document.paths['/upload'].post.responses[200] as any).content['application/json'].schema.anyOf).toEqual([
      { $ref: '#/components/schemas/PluginUploadFileDocument' },
    ]);
  });

  it('declares documentIds, properties and path parameters alike, as non-empty strings, not UUIDs', () => {
    const document = generated();
    correctDocumentIds(document);
    expect((document.components!.schemas.ApiEventEventDocument as any).properties.documentId).toEqual(
      expect.objectContaining({ type: 'string', minLength: 1 }),
    );
    expect(JSON.stringify(document)).not.toContain('"uuid"');
  });

  it('makes every attribute that is not required nullable, per kind; lists stay lists', () => {
    const document = generated();
    correctNullability(document, models);
    const { properties } = document.components!.schemas.ApiEventEventDocument as any;
    expect(properties.title).toEqual({ description: 'A string field', type: 'string' });
    expect(properties.summary).toEqual({ description: 'A text field', anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(properties.scope.anyOf).toEqual([{ type: 'string', enum: ['global', 'regional'] }, { type: 'null' }]);
    expect(properties.venue.anyOf).toEqual([{ $ref: '#/components/schemas/SharedVenueEntry' }, { type: 'null' }]);
    expect(properties.cover).toEqual({
      description: 'A media field',
      anyOf: [{ $ref: '#/components/schemas/PluginUploadFileDocument' }, { type: 'null' }],
    });
    expect(properties.sessions.type).toBe('array');
    expect(nullable(properties.summary)).toBe(properties.summary);
  });

  it('requires only ids (fields choose the rest), gives components their id and documents an integer id', () => {
    const document = generated();
    correctRequired(document, models);
    correctIds(document, models);
    const { ApiEventEventDocument, SharedVenueEntry } = document.components!.schemas as any;
    expect(ApiEventEventDocument.required).toEqual(['id', 'documentId']);
    expect(ApiEventEventDocument.properties.id.type).toBe('integer');
    expect(SharedVenueEntry.required).toEqual(['id']);
    expect(Object.keys(SharedVenueEntry.properties)).toEqual(['id', 'name']);
  });

  it('adds meta to envelopes (pagination for lists), 201 to creates and the error envelope to refusals', () => {
    const document = generated();
    correctEnvelopes(document);
    correctCreatedStatus(document);
    describeErrorBodies(document);
    const list = (document.paths['/events'].get.responses[200] as any).content['application/json'].schema;
    expect(list.properties.meta).toEqual({ $ref: '#/components/schemas/ListMeta' });
    expect(list.required).toEqual(['meta']);
    const created = document.paths['/events'].post.responses as any;
    expect(created[201].content['application/json'].schema.properties.meta).toEqual({ $ref: '#/components/schemas/DocumentMeta' });
    expect((document.paths['/events'].get.responses[400] as any).content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(Object.keys(document.components!.schemas)).toEqual(expect.arrayContaining(['ListMeta', 'DocumentMeta', 'Error']));
  });

  it('lets a typed client send what Strapi takes: sort with a direction, bodies without defaulted fields, JSON booleans', () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      info: {},
      paths: {
        '/events': {
          get: {
            parameters: [{ name: 'sort', in: 'query', schema: { anyOf: [{ type: 'string', enum: ['title'] }, { type: 'object' }] } }],
            responses: {},
          },
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      data: {
                        type: 'object',
                        properties: {
                          title: { type: 'string' },
                          scope: { type: 'string', enum: ['global'], default: 'global' },
                          publishedAt: { type: 'string' },
                          allDay: { anyOf: [{ type: 'string', enum: ['0', '1', 't', 'true', 'f', 'false'] }, { type: 'null' }] },
                        },
                        required: ['title', 'scope', 'publishedAt'],
                      },
                    },
                  },
                },
              },
            },
            responses: {},
          },
        },
      },
    };
    correctSortParameters(document);
    correctRequestBodies(document);
    expect(document.paths['/events'].get.parameters![0].schema.anyOf).toEqual([
      { type: 'string', enum: ['title', 'title:asc', 'title:desc'] },
      { type: 'object' },
    ]);
    const data = (document.paths['/events'].post.requestBody as any).content['application/json'].schema.properties.data;
    expect(data.required).toEqual(['title']);
    expect(data.properties.allDay.anyOf[0].anyOf[0]).toEqual({ type: 'boolean' });
  });
});
