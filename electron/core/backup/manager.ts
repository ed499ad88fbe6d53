/**
 * Backups of the one database file: made only with `VACUUM INTO` (never by copying the live file),
 * wrapped in the Hearth backup container (checksummed, optionally encrypted), verified, and only
 * then given their final name. Automatic ones rotate; manual, pre-restore and pre-migration ones
 * are kept.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { BackupError, readBackupHeader, writeBackup, extractBackup, type AuditHead, type BackupHeader } from './container';
import { chainHeadSqlite, type AuditAnchor } from '../features/audit/audit.chain';
import { countRows, verifyBackup } from './verify';
import { DEFAULT_ROTATION, planRotation } from './rotation';
import { isStorageFull } from '../db/storage-full';
import { AppError } from '../../../shared/api/errors';
import type { BackupInfo, BackupKind, BackupPreview } from '../../../shared/domain/backups';

export const BACKUP_DIR = 'backups';
export const BACKUP_EXTENSION = '.hearthbak';
const LOG_FILE = 'backup-log.json';

interface BackupLog {
  lastOutsideCopyAt: string | null;
  lastOutsideCopyTarget: string | null;
  reminderDays: number;
  lastIntegrityCheckAt: string | null;
  /** What the last full integrity check found (null: fine). */
  lastIntegrityProblem: string | null;
  /**
   * The audit chain's head in the newest verified backup (or in the backup restored last), which
   * `audit verify` compares the log with; see audit.chain.ts.
   */
  auditAnchor: AuditAnchor | null;
}
const DEFAULT_LOG: BackupLog = { lastOutsideCopyAt: null, lastOutsideCopyTarget: null, reminderDays: 7, lastIntegrityCheckAt: null, lastIntegrityProblem: null, auditAnchor: null };

function readBackupLog(dataDir: string): BackupLog {
  try {
    return { ...DEFAULT_LOG, ...(JSON.parse(readFileSync(path.join(dataDir, LOG_FILE), 'utf8')) as Partial<BackupLog>) };
  } catch {
    return { ...DEFAULT_LOG };
  }
}

/** The audit anchor kept in a data folder's backup log (null when no backup has recorded one). */
export function readAuditAnchor(dataDir: string): AuditAnchor | null {
  const anchor = readBackupLog(dataDir).auditAnchor;
  const valid =
    anchor !== null &&
    typeof anchor === 'object' &&
    Number.isSafeInteger(anchor.count) &&
    anchor.count > 0 &&
    typeof anchor.hash === 'string' &&
    typeof anchor.backupAt === 'string';
  return valid ? anchor : null;
}

/** A backup's audit head as the anchor to keep (null when the snapshot had no audit entries). */
function anchorOf(header: BackupHeader): AuditAnchor | null {
  return header.auditHead ? { count: header.auditHead.count, hash: header.auditHead.hash, backupAt: header.createdAt } : null;
}

export function backupErrorToAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof BackupError) {
    const err: BackupError = e;
    const diskFull = isStorageFull(err.cause);
    const code =
      err.code === 'wrongPassphrase'
        ? 'wrongPassphrase'
        : err.code === 'passphraseRequired'
          ? 'passphraseRequired'
          : err.code === 'io'
            ? diskFull
              ? 'storageFull'
              : 'internal'
            : 'backupDamaged';
    return new AppError(code, err.message);
  }
  // A full disk while SQLite writes the snapshot (VACUUM INTO, the backup API) or a file is written.
  if (isStorageFull(e)) return new AppError('storageFull', 'The disk is full');
  return new AppError('internal', e instanceof Error ? e.message : String(e));
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function toInfo(id: string, size: number, header: BackupHeader): BackupInfo {
  return {
    id,
    createdAt: header.createdAt,
    kind: header.kind,
    size,
    encrypted: header.encryption !== null,
    verified: true,
    centreName: header.centreName,
    residents: header.counts.residents ?? 0,
    requests: header.counts.requests ?? 0,
    lastEntryAt: header.lastEntryAt,
    schemaVersion: header.schemaVersion,
  };
}

/** Facts about a database snapshot for the backup header (read from the snapshot itself). */
function describeSnapshot(file: string): { counts: Record<string, number>; centreName: string | null; lastEntryAt: string | null; schemaVersion: string; auditHead: AuditHead | null } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts = countRows(db);
    const has = (t: string) => counts[t] !== undefined;
    const centreName = has('settings')
      ? ((db.prepare("select value from settings where key = 'centreName'").pluck().get() as string | undefined) ?? null)
      : null;
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
  } finally {
    db.close();
  }
}

/**
 * A consistent snapshot with `VACUUM INTO`. Row counts taken on the same connection just before
 * must match the snapshot's, unless another connection committed in between (data_version moved):
 * then it is taken again.
 */
export function snapshotDatabase(sqlite: Database.Database, target: string): Record<string, number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    rmSync(target, { force: true });
    const before = sqlite.pragma('data_version', { simple: true }) as number;
    const live = countRows(sqlite);
    sqlite.prepare('VACUUM INTO ?').run(target);
    const after = sqlite.pragma('data_version', { simple: true }) as number;
    if (before !== after) continue;
    const snap = new Database(target, { readonly: true, fileMustExist: true });
    let counts: Record<string, number>;
    try {
      counts = countRows(snap);
    } finally {
      snap.close();
    }
    if (JSON.stringify(counts) !== JSON.stringify(live)) throw new AppError('backupDamaged', 'Snapshot row counts differ from the live database');
    return counts;
  }
  // Another writer kept committing: the snapshot is still consistent (VACUUM INTO is transactional).
  return {};
}

export interface BackupManagerOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  appVersion: string;
}

export function createBackupManager(options: BackupManagerOptions) {
  const { dataDir, clock, logger, appVersion } = options;
  const dir = path.join(dataDir, BACKUP_DIR);
  const logPath = path.join(dataDir, LOG_FILE);

  const readLog = (): BackupLog => readBackupLog(dataDir);
  const writeLog = (patch: Partial<BackupLog>) => {
    const next = { ...readLog(), ...patch };
    const tmp = `${logPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2));
    renameSync(tmp, logPath);
  };

  const resolveId = (id: string): string => {
    if (!/^[\w.-]+$/.test(id) || !id.endsWith(BACKUP_EXTENSION)) throw new AppError('notFound', 'Unknown backup');
    const file = path.join(dir, id);
    if (!existsSync(file)) throw new AppError('notFound', 'Unknown backup');
    return file;
  };

  /** Makes a verified backup of `sqlite` into `targetDir` (default: the data folder's backups). */
  async function create(sqlite: Database.Database, kind: BackupKind, opts: { passphrase?: string | undefined; targetDir?: string } = {}): Promise<BackupInfo & { file: string }> {
    const targetDir = opts.targetDir ?? dir;
    mkdirSync(targetDir, { recursive: true });
    const now = clock.now();
    let name = `hearth-${stamp(now)}-${kind}${BACKUP_EXTENSION}`;
    for (let n = 2; existsSync(path.join(targetDir, name)); n++) name = `hearth-${stamp(now)}-${kind}-${n}${BACKUP_EXTENSION}`;
    const final = path.join(targetDir, name);
    const unique = randomBytes(6).toString('hex');
    const snapshot = path.join(targetDir, `.${name}.${unique}.snapshot`);
    const partial = path.join(targetDir, `.${name}.${unique}.unverified`);
    try {
      snapshotDatabase(sqlite, snapshot);
      const facts = describeSnapshot(snapshot);
      await writeBackup(
        snapshot,
        partial,
        { createdAt: now.toISOString(), appVersion, schemaVersion: facts.schemaVersion, centreName: facts.centreName, counts: facts.counts, lastEntryAt: facts.lastEntryAt, kind, auditHead: facts.auditHead },
        opts.passphrase ? { passphrase: opts.passphrase } : {},
      );
      // Verification decrypts into the data folder, never into the system's shared temp folder.
      mkdirSync(dir, { recursive: true });
      const result = await verifyBackup(partial, { tempDir: dir, ...(opts.passphrase ? { passphrase: opts.passphrase } : {}) });
      if (!result.ok || !result.header) throw new AppError('backupDamaged', `Verification failed: ${result.problem ?? ''} ${result.detail ?? ''}`);
      if (existsSync(final)) throw new AppError('conflict', 'A backup with this name was made at the same moment');
      renameSync(partial, final);
      // Only a verified backup anchors the audit chain (a snapshot without audit entries leaves the anchor).
      const anchor = anchorOf(result.header);
      if (anchor) writeLog({ auditAnchor: anchor });
      logger.info('backup made', { kind, file: final });
      return { ...toInfo(name, statSync(final).size, result.header), file: final };
    } catch (e) {
      rmSync(partial, { force: true });
      throw backupErrorToAppError(e);
    } finally {
      rmSync(snapshot, { force: true });
    }
  }

  async function list(): Promise<BackupInfo[]> {
    if (!existsSync(dir)) return [];
    const out: BackupInfo[] = [];
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) continue;
      const file = path.join(dir, name);
      try {
        out.push(toInfo(name, statSync(file).size, await readBackupHeader(file)));
      } catch {
        out.push({ id: name, createdAt: statSync(file).mtime.toISOString(), kind: 'manual', size: statSync(file).size, encrypted: false, verified: false, centreName: null, residents: 0, requests: 0, lastEntryAt: null, schemaVersion: '' });
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function preview(fileOrId: string, passphrase?: string, isPath = false): Promise<BackupPreview> {
    const file = isPath ? fileOrId : resolveId(fileOrId);
    mkdirSync(dir, { recursive: true });
    const result = await verifyBackup(file, { tempDir: dir, ...(passphrase ? { passphrase } : {}) });
    if (!result.ok || !result.header) {
      const code = result.problem === 'wrongPassphrase' ? 'wrongPassphrase' : result.problem === 'passphraseRequired' ? 'passphraseRequired' : 'backupDamaged';
      throw new AppError(code, result.detail ?? 'Backup failed verification');
    }
    return { ...toInfo(path.basename(file), statSync(file).size, result.header), verifiedAt: clock.now().toISOString() };
  }

  /** Deletes automatic backups the rotation no longer keeps (never the newest verified one). */
  async function rotate(): Promise<string[]> {
    const entries = (await list()).map((b) => ({ id: b.id, createdAt: b.createdAt, verified: b.verified, kind: b.kind }));
    const { remove } = planRotation(entries, clock.now(), DEFAULT_ROTATION);
    for (const id of remove) rmSync(path.join(dir, id), { force: true });
    return remove;
  }

  return {
    dir,
    create,
    list,
    preview,
    rotate,
    resolveId,
    /** Extracts a verified backup to `target` (nothing is written there unless it verifies). */
    extract: async (file: string, target: string, passphrase?: string) => {
      try {
        return await extractBackup(file, target, passphrase ? { passphrase } : {});
      } catch (e) {
        throw backupErrorToAppError(e);
      }
    },
    log: readLog,
    setReminderDays: (days: number) => writeLog({ reminderDays: days }),
    recordOutsideCopy: (target: string) => writeLog({ lastOutsideCopyAt: clock.now().toISOString(), lastOutsideCopyTarget: target }),
    recordIntegrityCheck: (problem: string | null) => writeLog({ lastIntegrityCheckAt: clock.now().toISOString(), lastIntegrityProblem: problem }),
    /**
     * After a restore the log is the restored backup's, shorter than the anchor of the backups made
     * since: the restored backup's own head becomes the anchor (none for a file from before anchors).
     */
    recordRestore: (header: BackupHeader) => writeLog({ auditAnchor: anchorOf(header) }),
  };
}

export type BackupManager = ReturnType<typeof createBackupManager>;
