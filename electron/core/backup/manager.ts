/**
 * Backups of the one database file: made only with SQLite's online backup API (never by copying
 * the live file), wrapped in the Hearth backup container (checksummed, optionally encrypted),
 * verified, and only then given their final name, all on the long-work thread (make-backup.ts).
 * Automatic ones rotate; manual, pre-restore and pre-migration ones are kept.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { readBackupHeader, extractBackup, type BackupHeader } from './container';
import type { AuditAnchor } from '../features/audit/audit.chain';
import type { LongWork } from '../work/runner';
import { DATABASE_FILE } from '../db/database-file';
import { DEFAULT_ROTATION, planRotation } from './rotation';
import { backupErrorToAppError } from './errors';
import { AppError } from '../../../shared/api/errors';
import type { BackupInfo, BackupKind, BackupPreview } from '../../../shared/domain/backups';

export { backupErrorToAppError };

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
  /**
   * When this data folder's backups began to be watched (its first backup status). A fresh
   * install has no copy outside the PC yet: the reminder counts its days from here, not from never.
   */
  watchedSince: string | null;
}
const DEFAULT_LOG: BackupLog = { watchedSince: null, lastOutsideCopyAt: null, lastOutsideCopyTarget: null, reminderDays: 7, lastIntegrityCheckAt: null, lastIntegrityProblem: null, auditAnchor: null };

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

export interface BackupManagerOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  /** Where backups are made and backup files checked: the long-work thread (the CLI: its own thread). */
  work: LongWork;
}

export function createBackupManager(options: BackupManagerOptions) {
  const { dataDir, clock, logger, appVersion, work } = options;
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

  /**
   * Makes a verified backup of the data folder's database into `targetDir` (default: the data
   * folder's backups/) on the long-work thread, which reads the file through a connection of its
   * own (make-backup.ts: the steps and what "verified" guarantees).
   */
  async function create(kind: BackupKind, opts: { passphrase?: string | undefined; targetDir?: string } = {}): Promise<BackupInfo & { file: string }> {
    const targetDir = opts.targetDir ?? dir;
    mkdirSync(targetDir, { recursive: true });
    const now = clock.now();
    let name = `hearth-${stamp(now)}-${kind}${BACKUP_EXTENSION}`;
    for (let n = 2; existsSync(path.join(targetDir, name)); n++) name = `hearth-${stamp(now)}-${kind}-${n}${BACKUP_EXTENSION}`;
    try {
      const made = await work.run('backup', {
        databaseFile: path.join(dataDir, DATABASE_FILE),
        // The plain snapshot stays on the data folder's disk, even for an encrypted backup to a stick.
        workDir: dir,
        targetDir,
        name,
        kind,
        createdAt: now.toISOString(),
        appVersion,
        ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
      });
      // Only a verified backup anchors the audit chain (a snapshot without audit entries leaves the anchor).
      const anchor = anchorOf(made.header);
      if (anchor) writeLog({ auditAnchor: anchor });
      logger.info('backup made', { kind, file: made.file, bytes: made.size, ms: made.timings });
      return { ...toInfo(name, made.size, made.header), file: made.file };
    } catch (e) {
      throw backupErrorToAppError(e);
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
    // Verification decrypts into the data folder, never into the system's shared temp folder.
    const result = await work.run('verify', { file, tempDir: dir, ...(passphrase ? { passphrase } : {}) });
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
    // Asynchronous: unlinking a large file takes a while, and this thread answers calls.
    for (const id of remove) await rm(path.join(dir, id), { force: true });
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
    /** `watchedSince`, set to now when the folder has no backup log yet (a fresh install). */
    watchedSince: (): string | null => {
      if (!existsSync(logPath)) writeLog({ watchedSince: clock.now().toISOString() });
      return readLog().watchedSince;
    },
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
