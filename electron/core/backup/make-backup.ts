/**
 * Making a verified backup of the database file: plain Node, no Electron, no connection shared
 * with the thread that answers calls. The long-work thread runs it (work/worker.ts) with a
 * connection of its own; the command line runs it in its own thread.
 *
 * The steps, at city scale (an 860 MB file) on the 2-core build machine:
 *
 * 1. One read transaction on a read-only connection (WAL: the app keeps writing meanwhile). In it
 *    the facts for the header are read (row counts per table, centre, last entry, schema version,
 *    the audit chain's head) and the online backup API copies every page into a snapshot file in
 *    the data folder's backups/ (in steps, for the progress line; the open read transaction keeps
 *    every step in the same snapshot, so a write in between neither restarts nor tears the copy).
 *    The backup API copies pages as they are, about twice as fast as `VACUUM INTO`, which rebuilds
 *    every table and index. The snapshot is switched to the rollback journal, like a `VACUUM INTO`
 *    file, so it opens read-only anywhere.
 * 2. The snapshot is checked: `PRAGMA quick_check` passes and its row counts equal those read in
 *    the live database in the same transaction.
 * 3. It is wrapped in the container (container.ts; encrypted when a passphrase is given) under a
 *    hidden name in the target folder, fsynced.
 * 4. The container is read back from the target folder and checked: size, header checksum, GCM tag
 *    (encrypted), SHA-256 of the plain database. Only then does it get its final name.
 *
 * What "verified" therefore guarantees for every backup Hearth makes:
 * - it is one consistent state of the database: nothing half-saved (one read transaction);
 * - it is complete and byte-exact on the disk it was written to: the file was read back after
 *   fsync and its checksum (and, encrypted, its authentication tag) matched the snapshot that was
 *   checked;
 * - the database in it is whole: every page of every table and index is where SQLite expects it
 *   and every record is readable (`quick_check`), and every table holds exactly the rows the live
 *   database held at that moment (counts per table, also written in the header).
 * What it leaves to other checks: `integrity_check` also compares every index with its table, and
 * `foreign_key_check` the references between tables. Those are properties of the live database,
 * which the snapshot copies page for page; the app runs `integrity_check` on the live file weekly
 * (app-host.ts, on the long-work thread), and a damaged index is rebuilt by REINDEX without losing
 * a row. A backup file brought back from elsewhere (preview before a restore, `hearth verify`) gets
 * the full check: verify.ts.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chainHeadSqlite } from '../features/audit/audit.chain';
import { AppError } from '../../../shared/api/errors';
import { checkBackupFile, writeBackup, type AuditHead, type BackupHeader, type BackupKind, type OnBytes, type OnProgress } from './container';

export type { OnProgress };
import { fsyncDir } from './fsync';
import { countRows, diffCounts } from './verify';

export interface MakeBackupParams {
  /** The live database file (opened here read-only, beside the app's own connection). */
  databaseFile: string;
  /** Where the plain snapshot is written while the backup is made (the data folder's backups/). */
  workDir: string;
  /** Where the backup file goes (the data folder's backups/, or a USB stick). */
  targetDir: string;
  /** Its final name in targetDir. */
  name: string;
  kind: BackupKind;
  createdAt: string;
  appVersion: string;
  passphrase?: string | undefined;
  /** Tests only: a cheaper scrypt cost. */
  kdf?: { N: number } | undefined;
}

export interface MadeBackup {
  file: string;
  size: number;
  header: BackupHeader;
  /** Where the time went (ms): the copy, its check, the container, reading it back. */
  timings: { copy: number; check: number; wrap: number; readBack: number };
}

/** Facts about a database for the backup header, read on the connection given. */
export interface DatabaseFacts {
  counts: Record<string, number>;
  centreName: string | null;
  lastEntryAt: string | null;
  schemaVersion: string;
  auditHead: AuditHead | null;
}

export function describeDatabase(db: Database.Database): DatabaseFacts {
  const counts = countRows(db);
  const has = (t: string) => counts[t] !== undefined;
  const centreName = has('settings') ? ((db.prepare("select value from settings where key = 'centreName'").pluck().get() as string | undefined) ?? null) : null;
  const last = [has('requests') ? 'select max(updated_at) from requests' : null, has('residents') ? 'select max(updated_at) from residents' : null]
    .filter((q): q is string => q !== null)
    .map((q) => db.prepare(q).pluck().get() as string | null)
    .filter((v): v is string => typeof v === 'string')
    .sort()
    .at(-1);
  const schemaVersion = has('schema_migrations')
    ? ((db.prepare('select name from schema_migrations order by name desc limit 1').pluck().get() as string | undefined) ?? '')
    : '';
  return { counts, centreName, lastEntryAt: last ?? null, schemaVersion, auditHead: chainHeadSqlite(db) };
}

/** Pages copied per step of the backup API (16 MB of 4 KB pages): a progress report per step. */
const PAGES_PER_STEP = 4096;

/**
 * Copies the database of `source` into a new file `target` with SQLite's online backup API. When
 * the caller holds a read transaction on `source`, every step reads that same snapshot (another
 * connection's commits in between neither restart nor tear the copy); without one, each step
 * reads the newest state and a commit in between makes SQLite start again.
 */
export async function copyWithBackupApi(
  source: Database.Database,
  target: string,
  onPages?: (done: number, total: number) => void,
  pagesPerStep = PAGES_PER_STEP,
): Promise<void> {
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      onPages?.(totalPages - remainingPages, totalPages);
      return pagesPerStep;
    },
  });
}

/**
 * A consistent snapshot of the live file at `databaseFile` into `target`, and the facts about
 * that same state (one read transaction on a read-only connection of its own).
 */
export async function takeSnapshot(
  databaseFile: string,
  target: string,
  onPages?: (done: number, total: number) => void,
  pagesPerStep = PAGES_PER_STEP,
): Promise<DatabaseFacts> {
  rmSync(target, { force: true });
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  let facts: DatabaseFacts;
  try {
    source.pragma('busy_timeout = 10000');
    source.exec('BEGIN');
    try {
      facts = describeDatabase(source); // the first read starts the read transaction
      await copyWithBackupApi(source, target, onPages, pagesPerStep);
    } finally {
      source.exec('COMMIT');
    }
  } finally {
    source.close();
  }
  // The copy carries the WAL flag of the live file; a rollback-journal file opens read-only
  // anywhere (a USB stick, a folder without write access) and is what VACUUM INTO gave before.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return facts;
}

/** better-sqlite3's SQLite maps at most this much (SQLITE_MAX_MMAP_SIZE). */
const MAX_MMAP_BYTES = 0x7fff0000;

/** The snapshot's own check: `quick_check`, and the same rows per table as the live database had. */
export function checkSnapshot(file: string, expectedCounts: Record<string, number>): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // The snapshot is this job's own file (nobody truncates it under the map): SQLite reads the
    // pages in place instead of copying each into its cache, which makes quick_check faster.
    db.pragma(`mmap_size = ${Math.min(statSync(file).size, MAX_MMAP_BYTES)}`);
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) return `quick_check: ${problems.slice(0, 5).join('; ')}`;
    const differences = diffCounts(expectedCounts, countRows(db));
    if (differences.length > 0) return `row counts differ from the live database: ${differences.slice(0, 10).join('; ')}`;
    return null;
  } catch (error) {
    return `the snapshot cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    db?.close();
  }
}

/**
 * The steps' shares of the progress line, per byte of the database: measured at city scale
 * (copy 1.8 s, quick_check 2.8 s, wrapping 2.1 s plain and 5 s encrypted, reading back 0.8 s
 * plain and 3 s encrypted, for 860 MB); only the proportions matter.
 */
function weights(encrypted: boolean) {
  return encrypted ? { copy: 2, check: 3, wrap: 5, readBack: 3 } : { copy: 2, check: 3, wrap: 2, readBack: 1 };
}

/** SQLite's ways of saying that a database file is damaged (here: the live file, met while copying it). */
function isCorrupt(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Makes a verified backup (the steps and what they guarantee: the top of this file). */
export async function makeVerifiedBackup(params: MakeBackupParams, onProgress?: OnProgress): Promise<MadeBackup> {
  const { targetDir, workDir, name } = params;
  mkdirSync(targetDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const final = path.join(targetDir, name);
  const unique = randomBytes(6).toString('hex');
  const snapshot = path.join(workDir, `.${name}.${unique}.snapshot`);
  const partial = path.join(targetDir, `.${name}.${unique}.unverified`);
  const encrypted = params.passphrase !== undefined;
  const w = weights(encrypted);
  const steps = w.copy + w.check + w.wrap * (encrypted ? 2 : 1) + w.readBack;
  const total = 1000;
  let base = 0;
  let bytes = 1;
  const report = (share: number, fraction: number) => onProgress?.(Math.min(total - 1, Math.floor(((base + share * Math.min(1, fraction)) / steps) * total)), total);
  const finishStep = (share: number) => {
    base += share;
    report(0, 0);
  };
  const counter = (share: number): OnBytes => {
    let seen = 0;
    return (n) => {
      seen += n;
      report(share, seen / bytes);
    };
  };
  const started = performance.now();
  const marks: number[] = [];
  const mark = () => marks.push(performance.now() - started - marks.reduce((a, b) => a + b, 0));
  try {
    onProgress?.(0, total);
    const facts = await takeSnapshot(params.databaseFile, snapshot, (done, pages) => report(w.copy, pages > 0 ? done / pages : 0));
    finishStep(w.copy);
    mark();
    bytes = Math.max(1, statSync(snapshot).size);

    const problem = checkSnapshot(snapshot, facts.counts);
    if (problem !== null) throw new AppError('backupDamaged', `Verification failed: ${problem}`);
    finishStep(w.check);
    mark();

    const options = { ...(params.passphrase !== undefined ? { passphrase: params.passphrase } : {}), ...(params.kdf ? { kdf: params.kdf } : {}) };
    const header = { createdAt: params.createdAt, appVersion: params.appVersion, kind: params.kind, ...facts };
    // Encrypted: two passes over the snapshot (hash, then encrypt), each counted once.
    let passBytes = 0;
    const wrapShare = w.wrap * (encrypted ? 2 : 1);
    await writeBackup(snapshot, partial, header, options, (n) => {
      passBytes += n;
      report(wrapShare, passBytes / (bytes * (encrypted ? 2 : 1)));
    });
    finishStep(wrapShare);
    mark();

    const checked = await checkBackupFile(partial, params.passphrase !== undefined ? { passphrase: params.passphrase } : {}, counter(w.readBack));
    if (checked.payloadSize !== bytes || JSON.stringify(checked.counts) !== JSON.stringify(facts.counts)) {
      throw new AppError('backupDamaged', 'Verification failed: the backup file does not describe the snapshot');
    }
    if (existsSync(final)) throw new AppError('conflict', 'A backup with this name was made at the same moment');
    renameSync(partial, final);
    await fsyncDir(targetDir);
    mark();
    onProgress?.(total, total);
    const [copy = 0, check = 0, wrap = 0, readBack = 0] = marks.map((ms) => Math.round(ms));
    return { file: final, size: statSync(final).size, header: checked, timings: { copy, check, wrap, readBack } };
  } catch (e) {
    rmSync(partial, { force: true });
    throw isCorrupt(e) ? new AppError('backupDamaged', `Verification failed: the database cannot be read: ${(e as Error).message}`) : e;
  } finally {
    rmSync(snapshot, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(snapshot + suffix, { force: true });
  }
}
