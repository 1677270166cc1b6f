// What XML 1.0 (§2.2, Char) and RFC 5545 (§3.3.11, CONTROL) forbid in text: C0 controls but tab, line
// feed and carriage return; DEL; U+FFFE and U+FFFF; surrogates that are not half of a pair.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// `feed` writes text in CDATA sections and splits only the first ']]>' of a text.
const CDATA_END = /]]>/g;
const LINE_BREAKS = /[\r\n]+/g;

/**
 * Text as RSS and iCalendar can carry it: without the characters they forbid and without CDATA
 * terminators; a single-line value (a title, name, summary, category, location) also without line breaks.
 */
export function feedText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const text = value.replace(FORBIDDEN, '').replace(CDATA_END, ']] >');
  return multiline ? text : text.replace(LINE_BREAKS, ' ');
}
