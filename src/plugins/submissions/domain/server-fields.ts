/** Attributes the server alone writes on any document, whatever the payload says. */
export const ALWAYS_SERVER_SET = [
  'publishedAt',
  'createdBy',
  'updatedBy',
  'createdAt',
  'updatedAt',
  'documentId',
  'id',
  'locale',
  'status',
];

/** Drops from `data` what a submitter may not write: the server's fields, the owner, moderation fields. */
export function withoutServerFields(data: Record<string, unknown>, fields: (string | undefined)[]): Record<string, unknown> {
  for (const field of [...ALWAYS_SERVER_SET, ...fields]) if (field) delete data[field];
  return data;
}
