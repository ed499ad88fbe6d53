/**
 * Keeping the one database file safe: one writer per data folder, a quick check at start-up, and
 * warnings about folders where SQLite is not safe (network shares, sync folders).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const LOCK_FILE = 'hearth.lock';

export class DatabaseInUseError extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(`Another Hearth (process ${pid}) is already using this data folder. Close it first, or use its window.`);
    this.name = 'DatabaseInUseError';
    this.pid = pid;
  }
}

export class DatabaseDamagedError extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(`The database failed its integrity check: ${detail}`);
    this.name = 'DatabaseDamagedError';
    this.detail = detail;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What tells one process apart from a later one that got the same PID: after a power cut the PID
 * in a lock file may belong to anything that started since (init is PID 1), so a live PID alone
 * proves nothing.
 *
 * - Linux: `boot` is /proc/sys/kernel/random/boot_id (new at every boot) and `start` the process's
 *   start time in clock ticks since boot (field 22 of /proc/<pid>/stat). Together they name one
 *   process exactly.
 * - macOS: `boot` is null and `start` is the start time `ps -o lstart=` prints (to the second,
 *   wall-clock, so it differs after a reboot as well).
 * - Windows: no cheap way to read another process's start time (only PowerShell, about a second),
 *   so `start` is null and the lock is judged by the holder's program name (see lockHolderIsLive).
 */
export interface ProcessIdentity {
  boot: string | null;
  start: string | null;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): string | null {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000, windowsHide: true }).trim();
    return out.length > 0 ? out : null;
  } catch {
    return null;
  }
}

/** The identity of a live process, or null when this platform cannot tell (or it is gone). */
export function processIdentity(pid: number): ProcessIdentity | null {
  if (process.platform === 'linux') {
    const stat = readText(`/proc/${pid}/stat`);
    const boot = readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
    if (stat === null) return null;
    // The second field is the program name in parentheses and may itself hold spaces or ')'.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return start === undefined ? null : { boot, start };
  }
  if (process.platform === 'darwin') {
    const start = run('ps', ['-o', 'lstart=', '-p', String(pid)]);
    return start === null ? null : { boot: null, start };
  }
  return null;
}

/** The program a process runs (its argv[0] or image name), or null when it cannot be read. */
function processProgram(pid: number): string | null {
  if (process.platform === 'linux') {
    const cmdline = readText(`/proc/${pid}/cmdline`);
    return cmdline === null ? null : (cmdline.split('\0')[0] ?? '');
  }
  if (process.platform === 'win32') {
    const row = run('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH']);
    const image = row === null ? undefined : /^"([^"]+)"/.exec(row)?.[1];
    return image ?? null;
  }
  return run('ps', ['-o', 'comm=', '-p', String(pid)]);
}

/**
 * Node (browser mode, the CLI; also `nodejs`, `node20`), Electron or the packaged app (`hearth`,
 * `Hearth.exe`, `Hearth.app/…/Hearth`): the programs a Hearth runs as. Matched on the file name.
 */
const HEARTH_PROGRAM = /(^|[\\/])(node|electron|hearth)[^\\/]*$/i;

interface LockBody {
  pid?: unknown;
  host?: unknown;
  boot?: unknown;
  start?: unknown;
}

/**
 * Whether the process named in a lock file still holds it. A lock is stale when its PID is gone,
 * when it was written on another boot, or when the PID's start time is not the recorded one (the
 * PID was reused after a power cut).
 *
 * A lock without a start time was written by a Hearth from before this check (or on Windows, see
 * ProcessIdentity). A live Hearth can own such a lock only while an older version still runs
 * during an upgrade, and that older Hearth runs as node, Electron or the packaged app; so the lock
 * is held only when its PID runs one of those, and stale when it runs anything else (init after a
 * power cut, a shell, a browser). When the program cannot be read at all the lock is kept: refusing
 * to start is recoverable (close the other Hearth or delete hearth.lock), two writers are not.
 */
function lockHolderIsLive(holder: LockBody): boolean {
  const pid = typeof holder.pid === 'number' && Number.isInteger(holder.pid) ? holder.pid : -1;
  if (pid <= 0) return false;
  // On a shared folder, a lock from another computer cannot be checked here (and SQLite is not safe there anyway).
  if (holder.host !== undefined && holder.host !== os.hostname()) return false;
  if (!alive(pid)) return false;
  const recorded = typeof holder.start === 'string' ? holder.start : null;
  const now = processIdentity(pid);
  if (recorded !== null && now !== null) {
    if (typeof holder.boot === 'string' && now.boot !== null && holder.boot !== now.boot) return false;
    return now.start === recorded;
  }
  // Our own PID in a lock we cannot match to ourselves was left by an earlier process.
  if (pid === process.pid) return false;
  const program = processProgram(pid);
  return program === null || HEARTH_PROGRAM.test(program);
}

/**
 * Takes the data folder's lock file (created exclusively; a stale one left by a crashed process is
 * replaced). Returns the release function. SQLite itself stays shareable so that read-only tools
 * (`hearth info`, backups' verification) keep working.
 */
const heldHere = new Set<string>();

export function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  if (heldHere.has(path.resolve(file))) throw new DatabaseInUseError(process.pid);
  const me = processIdentity(process.pid);
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), boot: me?.boot ?? null, start: me?.start ?? null });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, body);
      closeSync(fd);
      heldHere.add(path.resolve(file));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path.resolve(file));
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number };
          if (current.pid === process.pid) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockBody = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockBody;
      } catch {
        // An unreadable lock file is stale.
      }
      if (lockHolderIsLive(holder)) throw new DatabaseInUseError(holder.pid as number);
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it; try again.
      }
    }
  }
  throw new DatabaseInUseError(-1);
}

/** `PRAGMA quick_check` at start-up: cheap, catches most damage. */
export function quickCheck(sqlite: Database.Database): string | null {
  const rows = sqlite.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
}

import type { StorageWarning } from '../../../shared/domain/backups';
export type { StorageWarning };

const SYNC_FOLDERS: ReadonlyArray<[RegExp, string]> = [
  [/onedrive/i, 'OneDrive'],
  [/dropbox/i, 'Dropbox'],
  [/google ?drive|googledrive|my drive/i, 'Google Drive'],
  [/nextcloud/i, 'Nextcloud'],
  [/owncloud/i, 'ownCloud'],
  [/icloud|mobile documents/i, 'iCloud Drive'],
  [/yandex\.?disk|yandexdisk/i, 'Yandex Disk'],
  [/mega(sync)?\b/i, 'MEGA'],
  [/pcloud/i, 'pCloud'],
];

// statfs f_type magic numbers of network and FUSE file systems (Linux).
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x01021997: '9P',
  0x65735546: 'FUSE',
  0x73757245: 'Coda',
  0x564c: 'NCP',
};

/**
 * Folders where SQLite's locking and fsync cannot be trusted: network shares (locks not honoured)
 * and sync folders (the sync client copies the file and its -wal separately and can restore a torn
 * pair). Pure on `dataDir` and the statfs answer, so it is testable.
 */
export function storageWarnings(dataDir: string, statfsType?: number): StorageWarning[] {
  const warnings: StorageWarning[] = [];
  const resolved = path.resolve(dataDir);
  for (const [re, service] of SYNC_FOLDERS) {
    if (re.test(resolved)) {
      warnings.push({ code: 'syncFolder', service });
      break;
    }
  }
  if (/^\\\\|^\/\/|^\\\\\?\\UNC\\/i.test(dataDir)) warnings.push({ code: 'networkShare', detail: 'UNC' });
  else {
    let type = statfsType;
    if (type === undefined) {
      try {
        type = statfsSync(resolved).type;
      } catch {
        type = undefined;
      }
    }
    const name = type !== undefined ? NETWORK_FS[type] : undefined;
    if (name !== undefined) warnings.push({ code: 'networkShare', detail: name });
  }
  return warnings;
}
