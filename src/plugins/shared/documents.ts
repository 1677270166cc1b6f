import type { Core, UID } from '@strapi/strapi';

/** A document as code generic over content types reads it. */
export type DocumentRow = Record<string, unknown> & { id: number; documentId: string };

type Params = Record<string, unknown>;

/** The Document Service's methods, with parameters as code that knows the type only at run time writes them. */
export interface AnyDocuments {
  findMany(params?: Params): Promise<DocumentRow[]>;
  findOne(params: Params & { documentId: string }): Promise<DocumentRow | null>;
  findFirst(params?: Params): Promise<DocumentRow | null>;
  count(params?: Params): Promise<number>;
  create(params: Params & { data: Params }): Promise<DocumentRow>;
  update(params: Params & { documentId: string }): Promise<DocumentRow | null>;
  publish(params: Params & { documentId: string }): Promise<{ documentId: string; entries: unknown[] }>;
  unpublish(params: Params & { documentId: string }): Promise<{ documentId: string; entries: unknown[] }>;
}

/**
 * `strapi.documents(uid)` for a uid that comes from configuration. Strapi types each method's
 * parameters per content type (its fields, populate paths, filters), which code written for any
 * configured type cannot satisfy; this is the one place that says so.
 */
export const documentsOf = (strapi: Core.Strapi, uid: string): AnyDocuments =>
  strapi.documents(uid as UID.ContentType) as unknown as AnyDocuments;
