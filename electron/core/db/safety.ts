/**
 * Keeping the one database file safe: one writer per data folder, a quick check at start-up, and
 * warnings about folders where SQLite is not safe (network shares, sync folders).
 */
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
 * Takes the data folder's lock file (created exclusively; a stale one left by a crashed process is
 * replaced). Returns the release function. SQLite itself stays shareable so that read-only tools
 * (`hearth info`, backups' verification) keep working.
 */
const heldHere = new Set<string>();

export function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  if (heldHere.has(path.resolve(file))) throw new DatabaseInUseError(process.pid);
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() });
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
      let holder: { pid?: unknown; host?: unknown } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // An unreadable lock file is stale.
      }
      const pid = typeof holder.pid === 'number' ? holder.pid : -1;
      const sameHost = holder.host === undefined || holder.host === os.hostname();
      if (pid > 0 && pid !== process.pid && sameHost && alive(pid)) throw new DatabaseInUseError(pid);
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
