/**
 * The audit chain's anchor: a verified backup records the log's head (entry count and newest hash)
 * in its header and in the data folder's backup log, and `audit.verify` checks that the log still
 * reaches it. Whoever holds the file can cut the newest entries or recompute the whole chain, which
 * the chain check alone cannot see; the anchor can (for changes since that backup).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from '../../app-host';
import { readBackupHeader } from '../../backup/container';
import { fixedClock } from '../../clock';
import { BUILT_IN_ADMIN } from '../../context';
import type { BackupInfo } from '../../../../shared/domain/backups';
import type { AuditVerifyResult } from '../../../../shared/domain/audit';
import { entryHash, GENESIS_HASH } from './audit.chain';
import type { AuditLogTable } from './audit.table';

const ctx = { actor: BUILT_IN_ADMIN };
const dirs: string[] = [];
const hosts: AppHost[] = [];

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function ok<T>(app: AppHost, name: string, input: unknown): Promise<T> {
  const r = await app.dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A centre with a few audited changes, then a verified backup at 09:00 (UTC). */
async function centreWithBackup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-anchor-'));
  dirs.push(dataDir);
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const app = await startAppHost({ dataDir, clock, autoBackup: false });
  hosts.push(app);
  await ok(app, 'setup.complete', { centreName: 'Sylwa', country: 'PL', currency: 'PLN', language: 'pl' });
  for (const lastName of ['Kowalska', 'Nowak', 'Wiśniewski']) await ok(app, 'residents.create', { lastName, firstName: 'Anna' });
  const sqlite = app.core()?.sqlite as Database.Database;
  const before = sqlite.prepare('select count(*) as n, (select hash from audit_log order by id desc limit 1) as hash from audit_log').get() as { n: number; hash: string };
  const made = await ok<BackupInfo>(app, 'backups.create', {});
  return { app, dataDir, clock, sqlite, before, made };
}

/** What a tamperer with the file can do: drop the triggers, delete rows, relink and rehash the rest. */
function tamper(sqlite: Database.Database, deleteWhere: string): void {
  sqlite.exec('drop trigger audit_log_no_delete; drop trigger audit_log_no_update');
  sqlite.exec(`delete from audit_log where ${deleteWhere}`);
  let prev = GENESIS_HASH;
  const fix = sqlite.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?');
  for (const row of sqlite.prepare('select * from audit_log order by id').all() as AuditLogTable[]) {
    const hash = entryHash(prev, row);
    fix.run(prev, hash, row.id);
    prev = hash;
  }
}

describe('the audit chain is anchored by the newest backup', () => {
  it('records the head in the backup header and the backup log; an untouched log is OK', async () => {
    const { app, dataDir, sqlite, before, made } = await centreWithBackup();
    expect(before.n).toBe(4); // setup.complete and three residents.create

    const header = await readBackupHeader(path.join(dataDir, 'backups', made.id));
    expect(header.auditHead).toEqual({ count: 4, hash: before.hash });
    const log = JSON.parse(readFileSync(path.join(dataDir, 'backup-log.json'), 'utf8')) as { auditAnchor: unknown };
    expect(log.auditAnchor).toEqual({ count: 4, hash: before.hash, backupAt: '2026-11-23T09:00:00.000Z' });

    await ok(app, 'residents.create', { lastName: 'Zielińska', firstName: 'Ewa' });
    const total = Number(sqlite.prepare('select count(*) from audit_log').pluck().get());
    expect(total).toBe(6); // and the backup itself, and one more resident
    expect(await ok<AuditVerifyResult>(app, 'audit.verify', {})).toEqual({
      ok: true,
      count: 6,
      firstBroken: null,
      anchor: { count: 4, hash: before.hash, backupAt: '2026-11-23T09:00:00.000Z', ok: true, reason: null },
    });
  });

  it('finds the newest entries deleted (the rest still a valid chain)', async () => {
    const { app, sqlite, before } = await centreWithBackup();
    tamper(sqlite, 'id >= 3');
    expect(await ok<AuditVerifyResult>(app, 'audit.verify', {})).toEqual({
      ok: false,
      count: 2,
      firstBroken: null,
      anchor: { count: 4, hash: before.hash, backupAt: '2026-11-23T09:00:00.000Z', ok: false, reason: 'shorter' },
    });
  });

  it('finds an older entry deleted and the whole chain recomputed, the log as long as before', async () => {
    const { app, sqlite, before } = await centreWithBackup();
    for (const lastName of ['Lewandowski', 'Kamińska']) await ok(app, 'residents.create', { lastName, firstName: 'Jan' });
    tamper(sqlite, 'id = 2');
    expect(await ok<AuditVerifyResult>(app, 'audit.verify', {})).toEqual({
      ok: false,
      count: 6,
      firstBroken: null,
      anchor: { count: 4, hash: before.hash, backupAt: '2026-11-23T09:00:00.000Z', ok: false, reason: 'changed' },
    });
  });

  it('after restoring an older backup the anchor is that backup’s head, so the shorter log is OK', async () => {
    const { app, dataDir, clock, before, made } = await centreWithBackup();
    clock.advance(60_000);
    for (const lastName of ['Lewandowski', 'Kamińska']) await ok(app, 'residents.create', { lastName, firstName: 'Jan' });
    await ok<BackupInfo>(app, 'backups.create', {});
    clock.advance(60_000);
    await ok(app, 'backups.restore', { id: made.id });
    expect(readdirSync(path.join(dataDir, 'backups')).filter((n) => n.includes('preRestore'))).toHaveLength(1);
    expect(await ok<AuditVerifyResult>(app, 'audit.verify', {})).toEqual({
      ok: true,
      count: 5, // the four of the restored backup and the restore itself
      firstBroken: null,
      anchor: { count: 4, hash: before.hash, backupAt: '2026-11-23T09:00:00.000Z', ok: true, reason: null },
    });
  });
});
