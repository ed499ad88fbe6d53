/**
 * The CSV dialect of Hearth's exports (documented for outsiders in FORMAT.md next to this file):
 * RFC 4180 quoting, CRLF after every record, UTF-8 with a byte order mark, and spreadsheet formula
 * injection neutralised with a leading apostrophe.
 *
 * Cells:
 * - NULL (or undefined) is an empty unquoted field; the empty string is `""` (quoted), so a reader
 *   that cares (PostgreSQL COPY … CSV, `parseCsv` below) can tell them apart; spreadsheets show
 *   both as an empty cell.
 * - Integers (JS numbers and bigints) are plain digits with an optional leading minus, and are never
 *   prefixed: a negative amount stays a number. Money is integer minor units, so no decimal
 *   separator is ever involved. Reals use JavaScript's shortest round-trip form with a '.' point.
 * - Booleans (stored by SQLite as 0/1) are written 0/1.
 * - Text that a spreadsheet would take for a formula (first character `=`, `+`, `-`, `@`, TAB or CR,
 *   after any leading apostrophes) gets one extra leading apostrophe; see `neutraliseFormula`.
 * - BLOBs are lowercase hex.
 */

export type CsvDelimiter = ',' | ';';

/** The UTF-8 byte order mark: Excel needs it to read the file as UTF-8 rather than the ANSI code page. */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** The characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"). */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
/** What a prefixed cell looks like in the file: the apostrophe we added, then the original text. */
const PREFIXED = /^'+[=+\-@\t\r]/;

/**
 * Makes text safe to open in a spreadsheet: prefixes one apostrophe when the first character after
 * any leading apostrophes is `=`, `+`, `-`, `@`, TAB or CR. Prefixing the apostrophe runs too (`'=x`
 * becomes `''=x`) keeps the rule reversible: `restoreFormula` strips exactly one apostrophe from
 * every field that starts with apostrophes followed by one of those characters.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, for readers of the export. */
export function restoreFormula(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}

function quote(text: string, delimiter: CsvDelimiter): string {
  // An empty string is quoted so that it differs from NULL.
  if (text === '' || text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) {
    // SQLite stores NaN as NULL; only ±Infinity can reach us.
    if (Number.isNaN(n)) return '';
    return n > 0 ? 'Infinity' : '-Infinity';
  }
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** One field, quoted and neutralised as needed (without a delimiter or line end). */
export function toCsvField(value: unknown, delimiter: CsvDelimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return quote(neutraliseFormula(value), delimiter);
  if (value instanceof Date) return quote(value.toISOString(), delimiter);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  throw new TypeError(`Cannot write a ${typeof value} to CSV`);
}

/** One record with its CRLF. */
export function toCsvRecord(values: readonly unknown[], delimiter: CsvDelimiter = ','): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += toCsvField(values[i], delimiter);
  }
  return line + CSV_EOL;
}

/**
 * A whole CSV file as text: BOM (unless `bom: false`), the header, then the rows, every record ending
 * in CRLF. The delimiter defaults to RFC 4180's comma; the full export chooses ';' (see FORMAT.md).
 */
export function toCsv(columns: string[], rows: unknown[][], options: { delimiter?: CsvDelimiter; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ',';
  let out = options.bom === false ? '' : CSV_BOM;
  out += toCsvRecord(columns, delimiter);
  for (const row of rows) out += toCsvRecord(row, delimiter);
  return out;
}

export class CsvParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvParseError';
  }
}

/**
 * Reads a file written by `toCsv` (or any RFC 4180 file with the given delimiter): strips a leading
 * BOM, returns every record as fields, with an unquoted empty field as null and a quoted one as ''.
 * With `restore: true` (the default) the formula prefix is removed from quoted and unquoted text
 * alike. Accepts CRLF or LF line ends; a trailing line end does not make an extra record.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; restore?: boolean } = {}): Array<Array<string | null>> {
  const delimiter = options.delimiter ?? ',';
  const restore = options.restore ?? true;
  const records: Array<Array<string | null>> = [];
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  const n = text.length;
  if (i >= n) return records;

  let record: Array<string | null> = [];
  const finish = (field: string | null) => record.push(field === null || !restore ? field : restoreFormula(field));

  for (;;) {
    // At the start of a field.
    let field: string | null;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new CsvParseError('Unterminated quoted field');
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      field = value;
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvParseError(`Unexpected character after a quoted field at offset ${i}`);
      }
    } else {
      let end = i;
      while (end < n && text[end] !== delimiter && text[end] !== '\r' && text[end] !== '\n') end++;
      const raw = text.slice(i, end);
      if (raw.includes('"')) throw new CsvParseError(`Quote inside an unquoted field at offset ${i}`);
      field = raw === '' ? null : raw;
      i = end;
    }
    finish(field);

    if (i >= n) {
      records.push(record);
      return records;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // A line end: CRLF, or a lone LF/CR.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}
