import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseInUseError, LOCK_FILE, storageWarnings } from './safety';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hearth-safety-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('single writer lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tmp();
    const release = acquireLock(dir);
    // Same process id counts as ours; simulate another live process: our parent.
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    release();
    const again = acquireLock(dir);
    again();
  });

  it('replaces a stale lock left by a crashed process', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }));
    const release = acquireLock(dir);
    release();
    writeFileSync(path.join(dir, LOCK_FILE), 'not json');
    acquireLock(dir)();
  });
});

describe('storage warnings', () => {
  it('detects sync folders by path', () => {
    expect(storageWarnings('/home/anna/OneDrive/Hearth', 0xef53)).toEqual([{ code: 'syncFolder', service: 'OneDrive' }]);
    expect(storageWarnings('C:/Users/anna/Dropbox/hearth', 0xef53)).toEqual([{ code: 'syncFolder', service: 'Dropbox' }]);
    expect(storageWarnings('/home/anna/Nextcloud/hearth', 0xef53)[0]).toEqual({ code: 'syncFolder', service: 'Nextcloud' });
    expect(storageWarnings('/home/anna/Google Drive/hearth', 0xef53)[0]).toEqual({ code: 'syncFolder', service: 'Google Drive' });
  });

  it('detects network shares by file system type and UNC path', () => {
    expect(storageWarnings('/mnt/share/hearth', 0x6969)).toEqual([{ code: 'networkShare', detail: 'NFS' }]);
    expect(storageWarnings('/mnt/share/hearth', 0xff534d42)).toEqual([{ code: 'networkShare', detail: 'CIFS' }]);
    expect(storageWarnings('\\\\server\\share\\hearth')).toEqual([{ code: 'networkShare', detail: 'UNC' }]);
  });

  it('says nothing for a local folder', () => {
    expect(storageWarnings('/home/anna/.local/share/hearth', 0xef53)).toEqual([]);
  });
});
