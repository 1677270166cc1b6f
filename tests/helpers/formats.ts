import ical from 'node-ical';
import { parse as parseCsvText } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type supertest from 'supertest';

/** The VEVENTs of an iCalendar text, by UID, as an independent parser reads them. */
export function parseIcs(text: string): Record<string, ical.VEvent> {
  const events: Record<string, ical.VEvent> = {};
  for (const component of Object.values(ical.sync.parseICS(text))) {
    if (component.type === 'VEVENT') events[(component as ical.VEvent).uid] = component as ical.VEvent;
  }
  return events;
}

/** A DATE value as node-ical gives it (a local-time Date): `YYYY-MM-DD`. */
export function localDate(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** The unfolded property lines of one VEVENT, to check how a value was written. */
export function eventLines(text: string, uid: string): string[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const block = unfolded.split('BEGIN:VEVENT').find((part) => part.includes(`UID:${uid}\r\n`));
  return block ? block.split('\r\n') : [];
}

/** A well-formed XML document, parsed (attributes as `@_name`); throws on malformed XML. */
export function parseXml(text: string): Record<string, any> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`Malformed XML: ${JSON.stringify(valid)}`);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category'].includes(name) }).parse(text);
}

/** CSV rows as objects keyed by the header, through an independent parser (the BOM is expected and dropped). */
export function parseCsv(bytes: Buffer): Record<string, string>[] {
  return parseCsvText(bytes, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false });
}

/** The exact bytes of a response (supertest would decode text bodies). */
export function rawBody(request: supertest.Test): supertest.Test {
  return request.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}
