/**
 * The full export: every table of the database as a CSV file, with a JSON manifest and a short
 * README, in one ZIP that a centre can take to another system. The format is documented in
 * FORMAT.md next to this file; keep the two in step (the version in the manifest changes when a
 * reader would have to change).
 *
 * How it is written:
 * - All reads happen inside one read transaction (`BEGIN` … `COMMIT` on the raw connection), so the
 *   files are one consistent snapshot even if another connection writes meanwhile (WAL mode). The
 *   reads, the compression and the file writes are all synchronous, so nothing else on this
 *   connection runs in between either. If an async Kysely transaction is open on the connection when
 *   the export is asked for, the export waits for it to finish instead of reading its uncommitted
 *   rows.
 * - Rows are streamed (`iterate()`), turned into CSV in ~64 KiB chunks and pushed through fflate's
 *   streaming ZIP straight to a file descriptor, so memory stays bounded by the chunk size whatever
 *   the table sizes.
 * - The ZIP is written to a temporary name in the target folder, flushed to disk, then renamed over
 *   `target`; on any error the temporary file is removed and `target` is left as it was.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Zip, ZipDeflate } from 'fflate';
import type BetterSqlite3 from 'better-sqlite3';
import { CSV_BOM, toCsvRecord, type CsvDelimiter } from './csv';

export const EXPORT_FORMAT = 'hearth-export';
export const EXPORT_FORMAT_VERSION = 1;
/**
 * ';' because the centres' spreadsheets (Excel in Russian, Ukrainian, Polish and Greek locales) use
 * ';' as the list separator, so the files open in columns with a double click; see FORMAT.md.
 */
export const DEFAULT_EXPORT_DELIMITER: CsvDelimiter = ';';
export const MANIFEST_FILE = 'manifest.json';
export const README_FILE = 'README.txt';

export interface ExportColumn {
  name: string;
  /** The declared SQLite type, upper-cased ('INTEGER', 'TEXT', 'REAL', 'BLOB'; '' when undeclared). */
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  references?: { table: string; column: string };
}

export interface ExportTable {
  name: string;
  file: string;
  rows: number;
  columns: ExportColumn[];
}

export interface ExportManifest {
  format: 'hearth-export';
  version: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: string;
  centreName: string | null;
  delimiter: ';' | ',';
  encoding: 'utf-8-bom';
  /** In an order in which the tables can be loaded with foreign keys enforced (referenced tables first). */
  tables: ExportTable[];
}

export interface ExportMeta {
  createdAt: string;
  appVersion: string;
  schemaVersion: string;
  centreName: string | null;
}

export interface ExportOptions {
  delimiter?: CsvDelimiter;
  /** How long to wait for an open transaction on the connection to finish (ms). */
  busyTimeoutMs?: number;
  /** Progress in rows written of all rows, after every chunk of CSV text. */
  onRows?: (done: number, total: number) => void;
}

export class ExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExportError';
  }
}

/** Characters of CSV text gathered before they are encoded and pushed to the compressor. */
const CHUNK_CHARS = 64 * 1024;
/** fflate writes no ZIP64 records: sizes and offsets must stay below 4 GiB. */
const ZIP_LIMIT = 0xffff_ffff - 64 * 1024 * 1024;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}

interface TableInfoRow {
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

interface ForeignKeyRow {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
}

interface TablePlan {
  table: ExportTable;
  select: string;
  dependsOn: Set<string>;
}

/** The tables worth exporting: ordinary and virtual tables of `main`, minus SQLite's own and the shadow tables behind virtual ones. */
function listTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite.prepare('pragma main.table_list').all() as TableListRow[];
  return rows
    .filter((r) => r.schema === 'main' && (r.type === 'table' || r.type === 'virtual') && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
    .sort();
}

function primaryKeyColumns(info: TableInfoRow[]): string[] {
  return info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

/** A file name for a table: its name when it is a plain identifier, otherwise a cleaned, unique one. */
function fileNameFor(table: string, taken: Set<string>): string {
  let base = /^[A-Za-z0-9_.-]+$/.test(table) ? table : table.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (base === '' || base.startsWith('.')) base = `table_${base}`;
  let file = `${base}.csv`;
  // Compared without case: Windows and macOS would merge files that differ only in case.
  for (let k = 2; taken.has(file.toLowerCase()); k++) {
    file = `${base}_${k}.csv`;
  }
  taken.add(file.toLowerCase());
  return file;
}

function planTable(sqlite: BetterSqlite3.Database, name: string, taken: Set<string>): TablePlan {
  const info = (sqlite.prepare(`pragma main.table_info(${quoteIdent(name)})`).all() as TableInfoRow[]).sort((a, b) => a.cid - b.cid);
  const fks = sqlite.prepare(`pragma main.foreign_key_list(${quoteIdent(name)})`).all() as ForeignKeyRow[];
  const pk = primaryKeyColumns(info);
  const rowidAlias = pk.length === 1 && info.find((c) => c.name === pk[0])?.type.toUpperCase() === 'INTEGER';

  const references = new Map<string, { table: string; column: string }>();
  const dependsOn = new Set<string>();
  for (const fk of fks) {
    let column = fk.to;
    if (column === null) {
      // `references parent` without a column: the parent's primary key, in order.
      const parentInfo = sqlite.prepare(`pragma main.table_info(${quoteIdent(fk.table)})`).all() as TableInfoRow[];
      column = primaryKeyColumns(parentInfo)[fk.seq] ?? 'rowid';
    }
    references.set(fk.from, { table: fk.table, column });
    if (fk.table !== name) dependsOn.add(fk.table);
  }

  const columns: ExportColumn[] = info.map((c) => {
    const column: ExportColumn = {
      name: c.name,
      type: c.type.toUpperCase(),
      // An INTEGER PRIMARY KEY is the rowid and can never be NULL, though the pragma does not say so.
      notNull: c.notnull === 1 || (rowidAlias && c.name === pk[0]),
      primaryKey: c.pk > 0,
    };
    const ref = references.get(c.name);
    if (ref) column.references = ref;
    return column;
  });

  const order = pk.length > 0 ? pk.map(quoteIdent).join(', ') : 'rowid';
  const select = `select ${info.map((c) => quoteIdent(c.name)).join(', ')} from main.${quoteIdent(name)} order by ${order}`;
  return { table: { name, file: fileNameFor(name, taken), rows: 0, columns }, select, dependsOn };
}

/** Referenced tables before the tables that reference them; alphabetical among equals; cycles broken alphabetically. */
function loadOrder(plans: TablePlan[]): TablePlan[] {
  const byName = new Map(plans.map((p) => [p.table.name, p]));
  const remaining = new Set(byName.keys());
  const ordered: TablePlan[] = [];
  while (remaining.size > 0) {
    const names = [...remaining].sort();
    const ready = names.find((n) => [...(byName.get(n)?.dependsOn ?? [])].every((d) => !remaining.has(d))) ?? names[0];
    if (ready === undefined) break;
    const plan = byName.get(ready);
    if (plan) ordered.push(plan);
    remaining.delete(ready);
  }
  return ordered;
}

function readmeText(manifest: ExportManifest): string {
  const delimiterName = manifest.delimiter === ';' ? 'semicolon (;)' : 'comma (,)';
  const lines = [
    'Hearth full export',
    '==================',
    '',
    `Centre:          ${manifest.centreName ?? '(not set)'}`,
    `Created:         ${manifest.createdAt}`,
    `Hearth version:  ${manifest.appVersion}`,
    `Database schema: ${manifest.schemaVersion}`,
    '',
    'This archive holds everything in the centre\'s Hearth database: one CSV file per table, and',
    `${MANIFEST_FILE}, which lists the tables, their columns, foreign keys and row counts.`,
    '',
    'The CSV files:',
    `- are UTF-8 with a byte order mark, fields separated by a ${delimiterName}, records ending in CRLF;`,
    '- quote fields as in RFC 4180; an empty quoted field ("") is empty text, an empty unquoted one is NULL;',
    "- start text that a spreadsheet would take for a formula (= + - @ TAB CR) with an extra apostrophe (');",
    '  a program reading the files should remove one leading apostrophe when the characters after the',
    '  leading apostrophes are one of = + - @ TAB CR;',
    '- store money as whole numbers of minor units (kopecks, cents), true/false as 1/0,',
    '  timestamps as ISO 8601 UTC text (2026-11-23T09:00:00.000Z) and calendar dates as YYYY-MM-DD.',
    '',
    'To open a file in Excel or LibreOffice Calc, double-click it (or use Data > From Text/CSV,',
    `UTF-8, ${delimiterName}). To load the data into another database, load the tables in the`,
    `order ${MANIFEST_FILE} lists them: referenced tables come first.`,
    '',
    'The format is described in full in FORMAT.md of the Hearth source code',
    `(electron/core/export/FORMAT.md), "${manifest.format}" version ${manifest.version}.`,
    '',
  ];
  return CSV_BOM + lines.join('\r\n');
}

/** Waits (asynchronously) until no transaction is open on the connection. */
async function waitForIdle(sqlite: BetterSqlite3.Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sqlite.inTransaction) {
    if (Date.now() > deadline) throw new ExportError('The database stayed busy; try the export again.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A ZIP written synchronously, entry after entry, to a file descriptor. */
class ZipToFile {
  private readonly zip: Zip;
  private failure: unknown = null;
  private written = 0;
  private finished = false;

  constructor(
    private readonly fd: number,
    private readonly mtime: Date | undefined,
  ) {
    this.zip = new Zip((err, chunk, final) => {
      if (this.failure !== null) return;
      if (err) {
        this.failure = err;
        return;
      }
      try {
        this.written += chunk.length;
        if (this.written > ZIP_LIMIT) throw new ExportError('The export is larger than a ZIP file can hold (4 GiB).');
        let offset = 0;
        while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
        if (final) this.finished = true;
      } catch (e) {
        this.failure = e;
      }
    });
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** Starts an entry; push its bytes with the returned function, then call it with `final`. */
  entry(filename: string): { write(text: string): void; close(): void } {
    const file = new ZipDeflate(filename, { level: 6 });
    if (this.mtime) file.mtime = this.mtime;
    this.zip.add(file);
    this.check();
    const encoder = new TextEncoder();
    let size = 0;
    return {
      write: (text: string) => {
        const bytes = encoder.encode(text);
        size += bytes.length;
        if (size > ZIP_LIMIT) throw new ExportError(`${filename} is larger than a ZIP entry can hold (4 GiB).`);
        file.push(bytes, false);
        this.check();
      },
      close: () => {
        file.push(new Uint8Array(0), true);
        this.check();
      },
    };
  }

  end(): void {
    this.zip.end();
    this.check();
    if (!this.finished) throw new ExportError('The ZIP stream did not finish.');
  }
}

/** A date for the ZIP entries (DOS time only spans 1980–2099), or undefined for "now". */
function zipTime(iso: string): Date | undefined {
  const d = new Date(iso);
  const year = d.getFullYear();
  return Number.isNaN(d.getTime()) || year < 1980 || year > 2099 ? undefined : d;
}

/**
 * Writes the full export of `sqlite` to `target` (a .zip path in an existing folder) and returns
 * its manifest. Rejects, leaving no file at `target` (nor a temporary one), when anything fails.
 */
export async function writeFullExport(
  sqlite: BetterSqlite3.Database,
  target: string,
  meta: ExportMeta,
  options: ExportOptions = {},
): Promise<ExportManifest> {
  const delimiter = options.delimiter ?? DEFAULT_EXPORT_DELIMITER;
  if (delimiter !== ';' && delimiter !== ',') throw new ExportError(`Unsupported delimiter ${JSON.stringify(delimiter)}`);
  await waitForIdle(sqlite, options.busyTimeoutMs ?? 30_000);

  // Everything from here to the rename is synchronous: one snapshot, no interleaving.
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  let fdOpen = true;
  let began = false;
  try {
    sqlite.exec('begin');
    began = true;
    const taken = new Set<string>();
    const plans = loadOrder(listTables(sqlite).map((name) => planTable(sqlite, name, taken)));
    for (const plan of plans) {
      plan.table.rows = Number(sqlite.prepare(`select count(*) from main.${quoteIdent(plan.table.name)}`).pluck().get());
    }
    const totalRows = plans.reduce((n, p) => n + p.table.rows, 0);
    let rowsBefore = 0;
    options.onRows?.(0, totalRows);
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      createdAt: meta.createdAt,
      appVersion: meta.appVersion,
      schemaVersion: meta.schemaVersion,
      centreName: meta.centreName,
      delimiter,
      encoding: 'utf-8-bom',
      tables: plans.map((p) => p.table),
    };

    const zip = new ZipToFile(fd, zipTime(meta.createdAt));
    const manifestEntry = zip.entry(MANIFEST_FILE);
    manifestEntry.write(`${JSON.stringify(manifest, null, 2)}\n`);
    manifestEntry.close();
    const readme = zip.entry(README_FILE);
    readme.write(readmeText(manifest));
    readme.close();

    for (const plan of plans) {
      const out = zip.entry(plan.table.file);
      let buffer = CSV_BOM + toCsvRecord(
        plan.table.columns.map((c) => c.name),
        delimiter,
      );
      let rows = 0;
      const stmt = sqlite.prepare(plan.select).raw(true).safeIntegers(true);
      for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
        buffer += toCsvRecord(row, delimiter);
        rows++;
        if (buffer.length >= CHUNK_CHARS) {
          out.write(buffer);
          buffer = '';
          options.onRows?.(rowsBefore + rows, totalRows);
        }
      }
      if (buffer.length > 0) out.write(buffer);
      out.close();
      rowsBefore += rows;
      if (rows !== plan.table.rows) throw new ExportError(`${plan.table.name}: counted ${plan.table.rows} rows but read ${rows}`);
    }
    zip.end();

    sqlite.exec('commit');
    began = false;
    fsyncSync(fd);
    closeSync(fd);
    fdOpen = false;
    renameSync(temp, target);
    options.onRows?.(totalRows, totalRows);
    return manifest;
  } catch (e) {
    if (began && sqlite.inTransaction) {
      try {
        sqlite.exec('rollback');
      } catch {
        // The original error matters more.
      }
    }
    if (fdOpen) {
      try {
        closeSync(fd);
      } catch {
        // Already closed or never usable.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to remove.
    }
    throw e;
  }
}
