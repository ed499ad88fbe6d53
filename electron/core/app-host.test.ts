import { existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startAppHost, type AppHost } from './app-host';
import { BUILT_IN_ADMIN } from './context';
import { fixedClock } from './clock';
import { DATABASE_FILE } from './start';
import type { BackupInfo } from '../../shared/domain/backups';
import type { ResidentSummary } from '../../shared/domain/residents';

const ctx = { actor: BUILT_IN_ADMIN };
const dirs: string[] = [];
const hosts: AppHost[] = [];

async function start(dir?: string): Promise<{ app: AppHost; dir: string; clock: ReturnType<typeof fixedClock> }> {
  const dataDir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-host-'));
  if (!dir) dirs.push(dataDir);
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const app = await startAppHost({ dataDir, clock, autoBackup: false });
  hosts.push(app);
  return { app, dir: dataDir, clock };
}

async function ok<T>(app: AppHost, name: string, input: unknown): Promise<T> {
  const r = await app.dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function setUp(app: AppHost) {
  await ok(app, 'setup.complete', { centreName: 'Сылва', country: 'RU', currency: 'RUB', language: 'ru' });
  await ok(app, 'residents.create', { lastName: 'Иванов', firstName: 'Пётр' });
}

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Backups verify, encrypt with the production scrypt cost and restore real files: seconds each on a
// busy PC, so each test has a minute (a limit against a hang, not a speed check).
describe('backups through the running app', { timeout: 60_000 }, () => {
  it('backs up, restores, and keeps the pre-restore state as a backup', async () => {
    const { app, clock } = await start();
    await setUp(app);
    const made = await ok<BackupInfo>(app, 'backups.create', {});
    expect(made.verified).toBe(true);
    expect(made.residents).toBe(1);
    clock.advance(60_000);
    await ok(app, 'residents.create', { lastName: 'Łukasz', firstName: 'Żółć' });
    expect((await ok<ResidentSummary[]>(app, 'residents.search', { q: 'lukasz' })).length).toBe(1);

    const preview = await ok<BackupInfo>(app, 'backups.preview', { id: made.id });
    expect(preview.centreName).toBe('Сылва');
    clock.advance(60_000);
    const result = await ok<{ preRestoreBackup: string | null }>(app, 'backups.restore', { id: made.id });
    expect(result.preRestoreBackup).toMatch(/preRestore/);

    expect(await ok<ResidentSummary[]>(app, 'residents.search', { q: 'lukasz' })).toEqual([]);
    expect((await ok<ResidentSummary[]>(app, 'residents.search', { q: 'иванов' })).length).toBe(1);
    const list = await ok<BackupInfo[]>(app, 'backups.list', {});
    expect(list.map((b) => b.kind).sort()).toEqual(['manual', 'preRestore']);
    expect(list.find((b) => b.kind === 'preRestore')?.residents).toBe(2);
    // The restore is in the audit log of the database now in use, and the chain still verifies.
    const log = await ok<{ items: Array<{ call: string; entityId: string | null }> }>(app, 'audit.search', { call: 'backups.restore' });
    expect(log.items.map((e) => [e.call, e.entityId])).toEqual([['backups.restore', made.id]]);
    expect(await ok<{ ok: boolean }>(app, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('encrypted backups need the right passphrase, and a wrong one changes nothing', async () => {
    const { app } = await start();
    await setUp(app);
    const made = await ok<BackupInfo>(app, 'backups.create', { passphrase: 'Пароль-Сылва-2026' });
    expect(made.encrypted).toBe(true);
    await ok(app, 'residents.create', { lastName: 'Παπαδόπουλος', firstName: 'Αθηνά' });
    const wrong = await app.dispatch('backups.restore', { id: made.id, passphrase: 'wrong passphrase' }, ctx);
    expect(wrong.ok ? null : wrong.error.code).toBe('wrongPassphrase');
    const missing = await app.dispatch('backups.preview', { id: made.id }, ctx);
    expect(missing.ok ? null : missing.error.code).toBe('passphraseRequired');
    expect((await ok<ResidentSummary[]>(app, 'residents.search', { q: 'αθηνα' })).length).toBe(1);
    await ok(app, 'backups.restore', { id: made.id, passphrase: 'Пароль-Сылва-2026' });
    expect(await ok<ResidentSummary[]>(app, 'residents.search', { q: 'αθηνα' })).toEqual([]);
  });

  it('a second app on the same data folder is refused', async () => {
    const { dir } = await start();
    await expect(startAppHost({ dataDir: dir, autoBackup: false })).rejects.toThrow(/already using this data folder/);
  });

  it('makes an automatic backup on close', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-host-'));
    dirs.push(dataDir);
    const app = await startAppHost({ dataDir, clock: fixedClock('2026-11-23T09:00:00Z') });
    await setUp(app);
    await app.close();
    const names = readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.hearthbak'));
    expect(names.some((n) => n.includes('-auto'))).toBe(true);
  });
});

describe('a damaged database', { timeout: 60_000 }, () => {
  it('opens the recovery mode, keeps the damaged file, and restores the newest backup', async () => {
    const { app, dir } = await start();
    await setUp(app);
    const made = await ok<BackupInfo>(app, 'backups.create', {});
    for (let i = 0; i < 300; i++) await ok(app, 'residents.create', { lastName: `Фамилия${i}`, firstName: 'Имя', notes: 'x'.repeat(500) });
    // Two of the residents table's data pages (SQLite's dbstat), so that the damage hits data and
    // not the schema, wherever the layout of the file puts them.
    const sqlite = app.core()!.sqlite;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const leaves = sqlite.prepare("select pageno from dbstat where name = 'residents' and pagetype = 'leaf' order by pageno").pluck().all() as number[];
    expect(leaves.length).toBeGreaterThan(10);
    const victims = [leaves[Math.floor(leaves.length / 3)]!, leaves[Math.floor(leaves.length / 2)]!];
    await app.close();
    hosts.splice(hosts.indexOf(app), 1);

    // Overwrite those pages with garbage (a failing disk).
    const file = path.join(dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    const junk = Buffer.alloc(pageSize, 0xa5);
    for (const page of victims) writeSync(fd, junk, 0, junk.length, (page - 1) * pageSize);
    closeSync(fd);

    const { app: again } = await start(dir);
    expect(again.recovery()).not.toBeNull();
    const status = await ok<{ recovery: { detail: string } | null }>(again, 'app.status', {});
    expect(status.recovery).not.toBeNull();
    const refused = await again.dispatch('residents.search', { q: 'иванов' }, ctx);
    expect(refused.ok ? null : refused.error.code).toBe('recoveryMode');

    // What can still be read is exported from the damaged file before anything else happens.
    const salvage = await ok<{ id: string; tables: number; rows: number }>(again, 'export.full', {});
    expect(salvage.tables).toBeGreaterThan(5);
    expect(salvage.rows).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'exports', salvage.id))).toBe(true);

    await ok(again, 'backups.restore', { id: made.id });
    expect(again.recovery()).toBeNull();
    expect((await ok<ResidentSummary[]>(again, 'residents.search', { q: 'иванов' })).length).toBe(1);
    expect(readdirSync(dir).some((n) => n.startsWith('hearth.damaged-'))).toBe(true);
  });
});

describe('a full disk', { timeout: 60_000 }, () => {
  it('turns into a translated error, saves nothing half-way, and works again once space is freed', async () => {
    const { app } = await start();
    await setUp(app);
    const sqlite = app.core()?.sqlite;
    if (!sqlite) throw new Error('no core');
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    let full = null;
    for (let i = 0; i < 50 && full === null; i++) {
      const r = await app.dispatch('residents.create', { lastName: `Полный${i}`, firstName: 'Диск', notes: 'я'.repeat(3000) }, ctx);
      if (!r.ok) full = r.error.code;
    }
    expect(full).toBe('storageFull');
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
    const orphans = sqlite.prepare('select count(*) from resident_search_terms where resident_id not in (select id from residents)').pluck().get();
    expect(orphans).toBe(0);
    sqlite.pragma('max_page_count = 1073741823');
    await ok(app, 'residents.create', { lastName: 'Снова', firstName: 'Работает' });
    expect(existsSync(path.join(app.dataDir, DATABASE_FILE))).toBe(true);
  });
});

describe('updating Hearth', { timeout: 60_000 }, () => {
  it('takes a verified backup before migrating a database that holds data', async () => {
    const { migrations } = await import('../../migrations');
    const { app, dir } = await start();
    await setUp(app);
    await app.close();
    hosts.splice(hosts.indexOf(app), 1);

    const next = [
      ...migrations,
      [
        '29991231_2359_test_add_column',
        { up: async (db: import('kysely').Kysely<unknown>) => void (await db.schema.alterTable('residents').addColumn('test_flag', 'integer').execute()) },
      ] as const,
    ];
    const updated = await startAppHost({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00Z'), autoBackup: false, migrations: next });
    hosts.push(updated);
    const list = await ok<BackupInfo[]>(updated, 'backups.list', {});
    const before = list.find((b) => b.kind === 'preMigration');
    expect(before?.verified).toBe(true);
    expect(before?.residents).toBe(1);
    expect(before?.schemaVersion).toBe(migrations.at(-1)?.[0]);
    const status = await ok<{ schemaVersion: string }>(updated, 'app.status', {});
    expect(status.schemaVersion).toBe('29991231_2359_test_add_column');
  });
});

describe('the weekly integrity check', { timeout: 60_000 }, () => {
  it('tells the admin when it finds damage that the quick start-up check cannot see', async () => {
    const { app, dir } = await start();
    await setUp(app);
    await ok(app, 'residents.create', { lastName: 'Цветкова', firstName: 'Любовь' });
    await app.checkIntegrity();
    expect((await ok<{ integrity: unknown }>(app, 'backups.status', {})).integrity).toBeNull();
    await app.close();
    hosts.splice(hosts.indexOf(app), 1);

    // Change one letter of a key inside the sort_key index page: the index no longer matches its
    // table, which quick_check (at start-up) does not compare but integrity_check does.
    const raw = new Database(path.join(dir, DATABASE_FILE));
    const root = raw.prepare("select rootpage from sqlite_master where name = 'residents_sort_key'").pluck().get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const fd = openSync(path.join(dir, DATABASE_FILE), 'r+');
    const page = Buffer.alloc(pageSize);
    readSync(fd, page, 0, pageSize, (root - 1) * pageSize);
    const at = page.indexOf(Buffer.from('иванов', 'utf8'));
    expect(at).toBeGreaterThan(0);
    page[at + 1] = 0xb9; // и → й
    writeSync(fd, page, 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    const { app: again } = await start(dir);
    expect(again.recovery()).toBeNull();
    await again.checkIntegrity();
    const status = await ok<{ integrity: { detail: string } | null }>(again, 'backups.status', {});
    expect(status.integrity?.detail).toMatch(/index|missing|wrong/i);
  });
});

describe('the reminder to copy a backup outside this PC', { timeout: 60_000 }, () => {
  it('is not due on a fresh install; it is due 7 days later while nothing was copied out', async () => {
    const { app, clock } = await start();
    await setUp(app);
    type Status = { reminderDue: boolean; reminderDays: number; lastOutsideCopyAt: string | null };
    const fresh = await ok<Status>(app, 'backups.status', {});
    expect(fresh.lastOutsideCopyAt).toBeNull();
    expect(fresh.reminderDays).toBe(7);
    expect(fresh.reminderDue).toBe(false);
    clock.advance(6 * 86_400_000);
    expect((await ok<Status>(app, 'backups.status', {})).reminderDue).toBe(false);
    clock.advance(1 * 86_400_000);
    expect((await ok<Status>(app, 'backups.status', {})).reminderDue).toBe(true);
  });
});
