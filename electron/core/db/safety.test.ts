import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const children: ChildProcess[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A live process that is not Hearth (`sleep`), or one that looks like it (`node`). */
function live(kind: 'sleep' | 'node'): number {
  const child = kind === 'sleep' ? spawn('sleep', ['30'], { stdio: 'ignore' }) : spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('could not start a process');
  return child.pid;
}

/** Read here independently of safety.ts: field 22 of /proc/<pid>/stat (after the `(comm)` field). */
function startTicks(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const writeLock = (dir: string, body: object) => writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(body));

describe('single writer lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tmp();
    const release = acquireLock(dir);
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

// Linux: the lock names its process by boot id and start time (/proc), so PID reuse is detected.
describe.runIf(process.platform === 'linux')('a lock whose PID now belongs to another process (power cut, reboot)', () => {
  const host = os.hostname();

  it('is stale when PID 1 (init, not Hearth) is named in an old-format lock', () => {
    const dir = tmp();
    writeLock(dir, { pid: 1, host });
    acquireLock(dir)();
  });

  it('is stale when the start time differs, held when it matches', () => {
    const dir = tmp();
    const pid = live('sleep');
    const start = startTicks(pid);
    writeLock(dir, { pid, host, boot: bootId(), start: String(Number(start) - 1) });
    acquireLock(dir)();
    writeLock(dir, { pid, host, boot: bootId(), start });
    expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
  });

  it('is held for our own process with its own start time, stale for an earlier owner of our PID', () => {
    const dir = tmp();
    writeLock(dir, { pid: process.pid, host, boot: bootId(), start: startTicks(process.pid) });
    expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
    writeLock(dir, { pid: process.pid, host, boot: bootId(), start: '1' });
    acquireLock(dir)();
  });

  it('is stale when it was written before the last reboot, even if the PID and start time match', () => {
    const dir = tmp();
    const pid = live('node');
    writeLock(dir, { pid, host, boot: '00000000-0000-0000-0000-000000000000', start: startTicks(pid) });
    acquireLock(dir)();
  });

  it('is stale when the process is gone', () => {
    const dir = tmp();
    const child = spawn('true', { stdio: 'ignore' });
    const pid = child.pid ?? -1;
    return new Promise<void>((resolve) => child.on('exit', resolve)).then(() => {
      writeLock(dir, { pid, host, boot: bootId(), start: '12345' });
      acquireLock(dir)();
    });
  });

  it('old format (pid and host only, written by a Hearth before this check): held only by a node, Electron or Hearth process', () => {
    const dir = tmp();
    writeLock(dir, { pid: live('node'), host });
    expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
    writeLock(dir, { pid: live('sleep'), host });
    acquireLock(dir)();
  });

  it('writes its own boot id and start time', () => {
    const dir = tmp();
    const release = acquireLock(dir);
    const body = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(body).toMatchObject({ pid: process.pid, host, boot: bootId(), start: startTicks(process.pid) });
    release();
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
