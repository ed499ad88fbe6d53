import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup, type BackupHeaderInput } from './container';
import { countRows, diffCounts, snapshotCounts, verifyBackup } from './verify';

const TEST_KDF = { N: 2 ** 14 };
const PASSPHRASE = 'Ключ-κλειδί-klucz';

let root: string;
let snapshot: string;
let counts: Record<string, number>;
let caseNo = 0;

function freshDir(): string {
  const dir = join(root, `case-${++caseNo}`);
  mkdirSync(dir);
  return dir;
}

function headerInput(overrides: Partial<BackupHeaderInput> = {}): BackupHeaderInput {
  return {
    createdAt: '2026-03-01T09:30:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: '20261123_1700_initial_schema',
    centreName: 'Κέντρο',
    counts,
    lastEntryAt: null,
    kind: 'auto',
    ...overrides,
  };
}

type Snapshotter = (db: Database.Database, out: string) => void | Promise<void>;
const vacuumInto: Snapshotter = (db, out) => void db.prepare('VACUUM INTO ?').run(out);

/** A small live database (WAL, like the app's) with residents and visits, snapshotted to a file. */
async function makeSnapshot(dir: string, name: string, options: { orphan?: boolean; snapshotter?: Snapshotter } = {}): Promise<string> {
  const db = new Database(join(dir, `${name}.live.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`foreign_keys = ${options.orphan ? 'OFF' : 'ON'}`);
  db.exec(`
    CREATE TABLE residents (id INTEGER PRIMARY KEY, name TEXT NOT NULL, needs TEXT);
    CREATE INDEX residents_name ON residents (name);
    CREATE TABLE visits (id INTEGER PRIMARY KEY, resident_id INTEGER NOT NULL REFERENCES residents (id), note TEXT);
    CREATE TABLE empty_table (id INTEGER PRIMARY KEY);
  `);
  const names = ['Олена Коваль', 'Дмитрий Соколов', 'Ελένη Παππά', 'Νίκος Γεωργίου', 'Jadwiga Wróbel'];
  const addResident = db.prepare('INSERT INTO residents (id, name, needs) VALUES (?, ?, ?)');
  const addVisit = db.prepare('INSERT INTO visits (resident_id, note) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= 1500; i++) addResident.run(i, `${names[i % names.length]} ${i}`, i % 4 ? 'доставка ліків · παράδοση φαρμάκων' : null);
    for (let i = 1; i <= 3000; i++) addVisit.run((i % 1500) + 1, `візит ${i} — επίσκεψη`);
    if (options.orphan) addVisit.run(123_456, 'нікому');
  })();
  const out = join(dir, `${name}.snapshot.sqlite`);
  await (options.snapshotter ?? vacuumInto)(db, out);
  db.close();
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hearth-verify-test-'));
  snapshot = await makeSnapshot(root, 'main');
  counts = snapshotCounts(snapshot);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('counting rows', () => {
  it('countRows and snapshotCounts count every user table, in name order', () => {
    expect(counts).toEqual({ empty_table: 0, residents: 1500, visits: 3000 });
    const db = new Database(snapshot, { readonly: true, fileMustExist: true });
    try {
      expect(JSON.stringify(countRows(db))).toBe(JSON.stringify(counts));
    } finally {
      db.close();
    }
  });

  it('diffCounts names missing, extra and different tables', () => {
    expect(diffCounts({ a: 1, b: 2 }, { a: 1, b: 2 })).toEqual([]);
    expect(diffCounts({ a: 1, b: 2 }, { a: 2, c: 0 })).toEqual(['a: 2 rows, expected 1', 'b: missing (expected 2 rows)', 'c: unexpected table with 0 rows']);
  });
});

describe('verifyBackup', () => {
  it('passes a sound backup, plain and encrypted, and cleans up its temporary folder', async () => {
    const dir = freshDir();
    const temp = freshDir();
    const plain = join(dir, 'plain.hearthbak');
    const encrypted = join(dir, 'encrypted.hearthbak');
    await writeBackup(snapshot, plain, headerInput());
    await writeBackup(snapshot, encrypted, headerInput({ kind: 'manual' }), { passphrase: PASSPHRASE, kdf: TEST_KDF });
    const a = await verifyBackup(plain, { tempDir: temp });
    expect(a.ok).toBe(true);
    expect(a.header?.counts).toEqual(counts);
    const b = await verifyBackup(encrypted, { passphrase: PASSPHRASE, tempDir: temp });
    expect(b.ok).toBe(true);
    expect(b.header?.kind).toBe('manual');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('uses the system temp folder by default and leaves nothing there', async () => {
    const file = join(freshDir(), 'plain.hearthbak');
    await writeBackup(snapshot, file, headerInput());
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('hearth-verify-')).length;
    expect((await verifyBackup(file)).ok).toBe(true);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('hearth-verify-')).length).toBe(before);
  });

  it('accepts a snapshot made with the online backup API (WAL flag set)', async () => {
    const dir = freshDir();
    const walSnapshot = await makeSnapshot(dir, 'wal', { snapshotter: async (db, out) => void (await db.backup(out)) });
    expect(readFileSync(walSnapshot)[18]).toBe(2); // file format version 2 = WAL
    const file = join(dir, 'wal.hearthbak');
    await writeBackup(walSnapshot, file, headerInput({ counts: snapshotCounts(walSnapshot) }));
    expect(await verifyBackup(file, { tempDir: dir })).toMatchObject({ ok: true });
  });

  it('reports the header even when the passphrase is missing or wrong', async () => {
    const dir = freshDir();
    const file = join(dir, 'encrypted.hearthbak');
    await writeBackup(snapshot, file, headerInput(), { passphrase: PASSPHRASE, kdf: TEST_KDF });
    expect(await verifyBackup(file, { tempDir: dir })).toMatchObject({ ok: false, problem: 'passphraseRequired', header: { counts } });
    expect(await verifyBackup(file, { passphrase: 'Ключ', tempDir: dir })).toMatchObject({ ok: false, problem: 'wrongPassphrase', header: { counts } });
    expect(readdirSync(dir)).toEqual(['encrypted.hearthbak']);
  });

  it('never throws: missing files, folders and a missing temp folder are io problems', async () => {
    const dir = freshDir();
    expect(await verifyBackup(join(dir, 'nope.hearthbak'))).toMatchObject({ ok: false, header: null, problem: 'io' });
    expect(await verifyBackup(dir)).toMatchObject({ ok: false, header: null, problem: 'io' });
    const file = join(dir, 'plain.hearthbak');
    await writeBackup(snapshot, file, headerInput());
    expect(await verifyBackup(file, { tempDir: join(dir, 'missing') })).toMatchObject({ ok: false, problem: 'io' });
  });
});

describe('database checks inside a sound container', () => {
  it('a corrupt table b-tree with a matching checksum → integrity', async () => {
    const dir = freshDir();
    const corrupt = readFileSync(snapshot);
    const pageSize = corrupt.readUInt16BE(16);
    const db = new Database(snapshot, { readonly: true });
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'visits' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    db.close();
    const page = pages[Math.floor(pages.length / 2)];
    if (page === undefined) throw new Error('no leaf page');
    // overwrite the cells in the middle of a leaf page of `visits`
    const start = (page - 1) * pageSize;
    corrupt.fill(0xa5, start + 8, start + pageSize - 16);
    const corruptFile = join(dir, 'corrupt.sqlite');
    writeFileSync(corruptFile, corrupt);
    const file = join(dir, 'corrupt.hearthbak');
    await writeBackup(corruptFile, file, headerInput());
    const verified = await verifyBackup(file, { tempDir: dir });
    expect(verified).toMatchObject({ ok: false, problem: 'integrity', header: { counts } });
    expect(verified.detail).toMatch(/integrity_check|cannot be read/);
    expect(readdirSync(dir).sort()).toEqual(['corrupt.hearthbak', 'corrupt.sqlite']);
  });

  it('a damaged index (invisible to count(*)) with a matching checksum → integrity', async () => {
    const dir = freshDir();
    const corrupt = readFileSync(snapshot);
    const pageSize = corrupt.readUInt16BE(16);
    const db = new Database(snapshot, { readonly: true });
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'residents_name' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    db.close();
    const page = pages[Math.floor(pages.length / 2)];
    if (page === undefined) throw new Error('no index page');
    const start = (page - 1) * pageSize + Math.floor(pageSize / 2);
    for (let i = 0; i < 16; i++) corrupt[start + i] = (corrupt[start + i] ?? 0) ^ 0xff;
    const corruptFile = join(dir, 'index.sqlite');
    writeFileSync(corruptFile, corrupt);
    const file = join(dir, 'index.hearthbak');
    await writeBackup(corruptFile, file, headerInput());
    expect(await verifyBackup(file, { tempDir: dir })).toMatchObject({ ok: false, problem: 'integrity' });
  });

  it('a payload that is not SQLite at all (checksum matching) → integrity', async () => {
    const dir = freshDir();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, randomBytes(8192));
    const file = join(dir, 'garbage.hearthbak');
    await writeBackup(garbage, file, headerInput());
    expect(await verifyBackup(file, { tempDir: dir })).toMatchObject({ ok: false, problem: 'integrity' });
  });

  it('foreign key violations → integrity', async () => {
    const dir = freshDir();
    const orphanSnapshot = await makeSnapshot(dir, 'orphan', { orphan: true });
    const file = join(dir, 'orphan.hearthbak');
    await writeBackup(orphanSnapshot, file, headerInput({ counts: snapshotCounts(orphanSnapshot) }));
    const verified = await verifyBackup(file, { tempDir: dir });
    expect(verified).toMatchObject({ ok: false, problem: 'integrity' });
    expect(verified.detail).toMatch(/foreign_key_check: 1 violation/);
  });

  it('header counts that do not match the database → countsMismatch', async () => {
    const dir = freshDir();
    const variants: Array<Record<string, number>> = [
      { ...counts, visits: 2999 },
      { residents: 1500, visits: 3000 },
      { ...counts, payments: 0 },
      {},
    ];
    for (const [i, wrong] of variants.entries()) {
      const file = join(dir, `counts-${i}.hearthbak`);
      await writeBackup(snapshot, file, headerInput({ counts: wrong }));
      const verified = await verifyBackup(file, { tempDir: dir });
      expect(verified, JSON.stringify(wrong)).toMatchObject({ ok: false, problem: 'countsMismatch' });
    }
  });
});
