import { createHash } from 'crypto';
import MarkdownIt from 'markdown-it';

/** How one localized field of a translation stands against the source locale's. */
export type FieldStatus = 'missing' | 'untranslated' | 'outdated' | 'current';

/** Worst first: a document's status in a locale is the worst of its fields. */
export const STATUS_ORDER: readonly FieldStatus[] = ['missing', 'untranslated', 'outdated', 'current'];

/** The attribute types whose values are text to translate. */
export const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks']);

const markdown = new MarkdownIt({ html: true });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The text of a field as a reader sees it, for comparing two versions: markup dropped (Markdown
 * rendered, HTML tags and Strapi blocks reduced to their text), typography folded (Unicode
 * compatibility forms, curly quotes, guillemets, dashes, non-breaking and thin spaces), spaces
 * collapsed, lowercase. Empty for an empty field.
 */
export function comparableText(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (type === 'blocks') text = blockText(value);
  else if (typeof value !== 'string') text = JSON.stringify(value);
  else if (type === 'richtext') text = htmlText(markdown.render(value));
  else text = value;
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .replace(/" /g, '"')
    .replace(/ "/g, '"')
    .toLowerCase()
    .trim();
}

/** A short hash of a field's comparable text: what a translation records of its source. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export interface FieldReading {
  /** Comparable text of the source locale's field. */
  source: string;
  /** Comparable text of the translation's field ('' when the locale does not exist). */
  translation: string;
  /** The source hash the translation recorded when this field was last changed, if any. */
  recordedSource?: string;
}

export interface FieldRules {
  /** Identical text shorter than this (a name, an acronym) is not read as untranslated. */
  untranslatedMinLength: number;
}

/**
 * `null` when there is nothing to translate (the source field is empty); else `missing` (empty),
 * `untranslated` (the source's text, long enough to need translating), `outdated` (the source
 * changed since the translation of this field was saved) or `current`.
 */
export function fieldStatus(reading: FieldReading, rules: FieldRules): FieldStatus | null {
  if (!reading.source) return null;
  if (!reading.translation) return 'missing';
  if (isCopyOfSource(reading.translation, reading.source, rules)) return 'untranslated';
  if (reading.recordedSource !== undefined && reading.recordedSource !== textHash(reading.source)) return 'outdated';
  return 'current';
}

/** A translation whose text is the source's text, long enough that it needed translating. */
export const isCopyOfSource = (translation: string, source: string, rules: FieldRules): boolean =>
  translation !== '' && translation === source && source.length >= rules.untranslatedMinLength;

/** The worst of some statuses (`current` when there are none). */
export function worstStatus(statuses: Iterable<FieldStatus | null>): FieldStatus {
  let worst: FieldStatus = 'current';
  for (const status of statuses) {
    if (status && STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(worst)) worst = status;
  }
  return worst;
}

/** What a translation keeps of each field: the hashes of its own text and of the source's, when it last changed. */
export type FieldRecords = Record<string, { source: string; translation: string }>;

/**
 * The records after a translation is saved: a field whose text changed (or that has no record
 * yet) now answers to the source as it is; an untouched field keeps the source it was made from,
 * so a later change of the source shows it outdated.
 */
export function updatedRecords(
  previous: FieldRecords | null | undefined,
  texts: Record<string, { source: string; translation: string }>,
): FieldRecords {
  const records: FieldRecords = {};
  for (const [field, { source, translation }] of Object.entries(texts)) {
    const before = previous?.[field];
    const translationHash = textHash(translation);
    records[field] = before && before.translation === translationHash ? before : { source: textHash(source), translation: translationHash };
  }
  return records;
}

function htmlText(html: string): string {
  // `[^<>]*`: a tag holds no '<' (linear, whatever the input). Markdown's blocks end in a newline;
  // inline tags go without a trace, so '**all**,' reads 'all,'.
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function blockText(value: unknown): string {
  if (Array.isArray(value)) return value.map(blockText).join(' ');
  if (value && typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown };
    return [typeof node.text === 'string' ? node.text : '', node.children ? blockText(node.children) : ''].join(' ');
  }
  return typeof value === 'string' ? value : '';
}
