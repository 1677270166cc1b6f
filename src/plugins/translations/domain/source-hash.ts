import { createHash } from 'crypto';

/** A hash of the source language's localized fields: a translation records the one it was made from. */
export function sourceHash(row: Record<string, unknown>, localizedFields: string[]): string {
  const values = [...localizedFields].sort().map((field) => [field, canonical(row[field])]);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

export type TranslationStatus = 'missing' | 'outdated' | 'current';

export function translationStatus(currentSourceHash: string, translation: { translationSourceHash?: string | null } | null): TranslationStatus {
  if (!translation) return 'missing';
  return translation.translationSourceHash === currentSourceHash ? 'current' : 'outdated';
}

/** Values without database ids and timestamps, so only content changes change the hash. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', '__component'].includes(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, nested]) => [key, canonical(nested)]),
    );
  }
  return value instanceof Date ? value.toISOString() : value;
}
