/**
 * A spreadsheet as rows of text cells, whatever it came as: CSV (any of the separators and
 * encodings Excel writes in the centres' locales, read with papaparse) or XLSX (read-excel-file,
 * which takes the values Excel stored for formulas and never evaluates them). Row numbers are the
 * spreadsheet's own: the header is row 1, and a record with line breaks inside quotes is one row,
 * as Excel shows it. A row with more or fewer fields than the header is flagged, never shifted.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { decodeText, type Encoding } from './decode';
import { ImportProblem } from './problems';

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** The longest cell read (a description of several pages); a longer one is not a list's cell. */
export const MAX_CELL = 10_000;
/** The largest file read (a register of 50,000 people is about 5 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface TableRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  cells: string[];
  /** More or fewer fields than the header: the row is rejected, its cells are not moved. */
  shape: 'ok' | 'tooMany' | 'tooFew';
}

export interface Table {
  kind: 'csv' | 'xlsx';
  /** CSV only: the encoding and how it was found, the separator. */
  encoding: Encoding | null;
  encodingHow: 'bom' | 'utf8' | 'letters' | 'given' | null;
  separator: Separator | null;
  header: string[];
  rows: TableRow[];
}

export interface ReadOptions {
  encoding?: Encoding | undefined;
  separator?: Separator | undefined;
  /**
   * Hears how far the reading of a CSV is: rows read so far of an estimate of all (its line
   * breaks, a little more when cells hold line breaks), every 1,000 rows and at the end with the
   * exact count. An XLSX is read in one go: only the end.
   */
  onRows?: ((read: number, estimate: number) => void) | undefined;
}

/** The rows of a CSV text as its line breaks count them (the header left out). */
function estimateRows(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines === 0) for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) lines++;
  const last = text[text.length - 1];
  if (last !== '\n' && last !== '\r') lines++;
  return Math.max(0, lines - 1);
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isPdf = (b: Uint8Array) => b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';
const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Binary content that no text encoding reads (NUL bytes outside UTF-16, control bytes). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) control++;
  }
  return control > 0 && control * 50 >= sample.length;
}

function checkHeader(header: string[]): void {
  const seen = new Set<string>();
  for (const h of header) {
    const key = h.trim().toLowerCase();
    if (key === '') continue;
    if (seen.has(key)) throw new ImportProblem('importDuplicateHeader', h.trim());
    seen.add(key);
  }
}

function finish(kind: Table['kind'], records: { row: number; cells: string[] }[], extra: Pick<Table, 'encoding' | 'encodingHow' | 'separator'>): Table {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const first = nonEmpty[0];
  if (!first) throw new ImportProblem('importEmpty');
  const header = first.cells.map((c) => c.trim());
  // Trailing empty header cells (Excel writes "a;b;;") do not count as columns.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) throw new ImportProblem('importEmpty');
  checkHeader(header);
  const rows: TableRow[] = [];
  for (const r of nonEmpty.slice(1)) {
    for (const c of r.cells) if (c.length > MAX_CELL) throw new ImportProblem('importCellTooLong', String(r.row));
    let cells = r.cells;
    // Empty trailing cells beyond the header are Excel's padding, not extra fields.
    while (cells.length > header.length && (cells[cells.length - 1] ?? '').trim() === '') cells = cells.slice(0, -1);
    const shape = cells.length > header.length ? 'tooMany' : cells.length < header.length ? 'tooFew' : 'ok';
    rows.push({ row: r.row, cells, shape });
  }
  if (rows.length === 0) throw new ImportProblem('importHeaderOnly');
  return { kind, header, rows, ...extra };
}

/** Separators outside quotes in one line. */
function countOutside(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}

/**
 * The separator Excel used: the one found the same number of times (at least once) in the header
 * and in most of the first lines; ties go to the header's larger count.
 */
export function guessSeparator(text: string): Separator {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: { sep: Separator; score: number; header: number } = { sep: ';', score: -1, header: 0 };
  for (const sep of SEPARATORS) {
    const header = countOutside(lines[0] ?? '', sep);
    if (header === 0) continue;
    const score = lines.filter((l) => countOutside(l, sep) === header).length;
    if (score > best.score || (score === best.score && header > best.header)) best = { sep, score, header };
  }
  return best.sep;
}

export function readCsv(bytes: Uint8Array, options: ReadOptions = {}): Table {
  const decoded = decodeText(bytes, options.encoding);
  const text = decoded.text;
  if (looksBinary(text)) throw new ImportProblem('importWrongKind');
  const delimiter = options.separator ?? guessSeparator(text);
  const estimate = options.onRows ? estimateRows(text) : 0;
  const records: { row: number; cells: string[] }[] = [];
  // Row by row (papaparse's `step`: the same parser over the whole text), so that progress can be told.
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    header: false,
    step: (result) => {
      records.push({ row: records.length + 1, cells: result.data.map((c) => String(c)) });
      if (options.onRows && records.length % 1000 === 0) options.onRows(records.length - 1, Math.max(estimate, records.length - 1));
    },
  });
  const table = finish('csv', records, { encoding: decoded.encoding, encodingHow: decoded.how, separator: delimiter });
  options.onRows?.(table.rows.length, table.rows.length);
  return table;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e9) / 1e9);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch {
    throw new ImportProblem('importWrongKind');
  }
  const records = data.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) }));
  return finish('xlsx', records, { encoding: null, encodingHow: null, separator: null });
}

/** Reads a file's bytes as a table, CSV or XLSX by what the bytes are (not by the file's name). */
export async function readTable(bytes: Uint8Array, options: ReadOptions = {}): Promise<Table> {
  if (bytes.length === 0) throw new ImportProblem('importEmpty');
  if (bytes.length > MAX_FILE_BYTES) throw new ImportProblem('importTooLarge');
  if (isPdf(bytes) || isOle(bytes)) throw new ImportProblem('importWrongKind');
  if (isZip(bytes)) {
    const table = await readXlsx(bytes);
    options.onRows?.(table.rows.length, table.rows.length);
    return table;
  }
  return readCsv(bytes, options);
}
