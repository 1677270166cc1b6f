import { stringify, type Stringifier } from 'csv-stringify';
import { valuesAt } from './attribute-paths';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): = + - @,
 * and tab and carriage return, which some spreadsheets skip before looking for them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading apostrophe turns a formula into a string. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const asText = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** One cell: the values at the path, joined, as neutralised text. */
export function cell(record: unknown, path: string, separator: string): string {
  return neutralizeFormula(valuesAt(record, path).map(asText).join(separator));
}

/**
 * A CSV writer stream: a header row, then one row per written array of cells. UTF-8 with a byte
 * order mark, so that Excel reads Arabic and Chinese as UTF-8; CRLF line ends (RFC 4180).
 */
export function csvWriter(headers: string[]): Stringifier {
  return stringify({ header: true, columns: headers, bom: true, record_delimiter: 'windows', quoted_string: false });
}
