/**
 * Full verification of a backup file: the container checks (size, header checksum, GCM tag,
 * payload SHA-256, done by extractBackup), then the database inside is opened read-only and
 * checked with `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, and its row counts are
 * compared with the counts recorded in the header when the backup was made.
 *
 * This is the check of a file that comes from elsewhere (the preview before a restore, `hearth
 * verify`): it may have lain on a USB stick for months. A backup Hearth makes is verified as it
 * is made (make-backup.ts, which says what that guarantees), without this copy and integrity_check
 * (19 s of 36 at city scale).
 *
 * The database is extracted to a private temporary folder (mkdtemp, mode 0700) and deleted
 * afterwards. For an encrypted backup that temporary file is plain text for the duration of the
 * check, so callers should pass `tempDir` on the same protected disk as the live database rather
 * than rely on the system temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, extractBackup, readBackupHeader, type BackupHeader, type OnProgress } from './container';

export interface VerifyResult {
  ok: boolean;
  header: BackupHeader | null;
  problem?: BackupError['code'] | 'integrity' | 'countsMismatch';
  detail?: string;
}

export interface VerifyOptions {
  passphrase?: string;
  /** Folder for the temporary plain copy of the database (default: the system temp folder). */
  tempDir?: string;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Rows per user table (every `type='table'` entry of sqlite_master except SQLite's own
 * `sqlite_*` tables), in table-name order so two results can be compared as JSON.
 */
export function countRows(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number(db.prepare(`SELECT count(*) FROM ${quoteIdent(table)}`).pluck().get());
  }
  return counts;
}

/** Row counts of a snapshot file (opened read-only), for header.counts. */
export function snapshotCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}

/** Differences between two count maps, for a readable detail line; empty when they agree. */
export function diffCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, n] of Object.entries(expected)) {
    const got = actual[table];
    if (got === undefined) problems.push(`${table}: missing (expected ${n} rows)`);
    else if (got !== n) problems.push(`${table}: ${got} rows, expected ${n}`);
  }
  for (const [table, n] of Object.entries(actual)) {
    if (!(table in expected)) problems.push(`${table}: unexpected table with ${n} rows`);
  }
  return problems;
}

interface DatabaseCheck {
  problem: 'integrity' | 'countsMismatch';
  detail: string;
}

function checkDatabase(file: string, expectedCounts: Record<string, number>): DatabaseCheck | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      const lines = integrity.slice(0, 5).map((row) => row.integrity_check);
      return { problem: 'integrity', detail: `integrity_check: ${lines.join('; ')}` };
    }
    const violations = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
    if (violations.length > 0) {
      const first = violations.slice(0, 5).map((v) => `${v.table} row ${String(v.rowid)} -> ${v.parent}`);
      return { problem: 'integrity', detail: `foreign_key_check: ${violations.length} violation(s): ${first.join('; ')}` };
    }
    const differences = diffCounts(expectedCounts, countRows(db));
    if (differences.length > 0) {
      return { problem: 'countsMismatch', detail: `row counts differ from the header: ${differences.slice(0, 10).join('; ')}` };
    }
    return null;
  } catch (error) {
    // SQLITE_CORRUPT / SQLITE_NOTADB while opening or reading: the database inside is damaged.
    return { problem: 'integrity', detail: `the database cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}

/**
 * Checks a backup end to end without changing anything but a temporary folder. Never throws:
 * any problem is reported as `ok: false` with a problem code and a detail line (for the log).
 * `header` is filled whenever the header itself could be read, even if later checks failed.
 */
export async function verifyBackup(file: string, options: VerifyOptions = {}, onProgress?: OnProgress): Promise<VerifyResult> {
  let header: BackupHeader | null = null;
  let dir: string | undefined;
  try {
    header = await readBackupHeader(file);
    dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'hearth-verify-'));
    const plain = join(dir, 'backup.sqlite');
    // Progress: the extraction is a fifth of the time, the database checks (no progress of their own) the rest.
    const size = Math.max(1, header.payloadSize);
    let read = 0;
    onProgress?.(0, 1000);
    await extractBackup(file, plain, options.passphrase === undefined ? {} : { passphrase: options.passphrase }, (n) => {
      read += n;
      onProgress?.(Math.floor((read / size) * 200), 1000);
    });
    const check = checkDatabase(plain, header.counts);
    onProgress?.(1000, 1000);
    if (check) return { ok: false, header, problem: check.problem, detail: check.detail };
    return { ok: true, header };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, header, problem: error.code, detail: error.message };
    return { ok: false, header, problem: 'io', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
