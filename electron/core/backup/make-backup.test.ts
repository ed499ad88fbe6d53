/**
 * Making a verified backup (make-backup.ts), run in this thread: what "verified" guarantees, what
 * it refuses, and what it leaves behind (nothing but the backup).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { checkBackupFile, extractBackup, readBackupHeader } from './container';
import { copyWithBackupApi, makeVerifiedBackup, takeSnapshot, type MakeBackupParams } from './make-backup';
import { countRows } from './verify';

const TEST_KDF = { N: 2 ** 14 };
let root: string;
let caseNo = 0;

function freshDir(): string {
  const dir = path.join(root, `case-${++caseNo}`);
  mkdirSync(dir);
  return dir;
}

/** A live database as the app keeps it (WAL), with Cyrillic and Greek text over many pages. */
function makeLive(dir: string): string {
  const file = path.join(dir, 'hearth.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE residents (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE INDEX residents_name ON residents (name);
    CREATE TABLE requests (id INTEGER PRIMARY KEY, resident_id INTEGER NOT NULL REFERENCES residents (id), note TEXT, updated_at TEXT NOT NULL);
  `);
  db.prepare("INSERT INTO settings VALUES ('centreName', 'Центр «Надія»')").run();
  const addResident = db.prepare('INSERT INTO residents (name, updated_at) VALUES (?, ?)');
  const addRequest = db.prepare('INSERT INTO requests (resident_id, note, updated_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= 2000; i++) addResident.run(`Олена Коваль ${i} Ελένη Παππά`, '2026-03-01T09:00:00.000Z');
    for (let i = 1; i <= 4000; i++) addRequest.run((i % 2000) + 1, `доставка ліків ${i} · παράδοση φαρμάκων`, '2026-03-01T09:29:00.000Z');
  })();
  db.close();
  return file;
}

function params(dir: string, databaseFile: string, overrides: Partial<MakeBackupParams> = {}): MakeBackupParams {
  return {
    databaseFile,
    workDir: path.join(dir, 'backups'),
    targetDir: path.join(dir, 'backups'),
    name: 'hearth-20260301-093000-manual.hearthbak',
    kind: 'manual',
    createdAt: '2026-03-01T09:30:00.000Z',
    appVersion: '0.1.0',
    ...overrides,
  };
}

function liveCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hearth-make-backup-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('makeVerifiedBackup', () => {
  it('writes a backup whose header describes the live database, and leaves nothing else behind', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    const progress: Array<[number, number]> = [];
    const made = await makeVerifiedBackup(params(dir, live), (done, total) => progress.push([done, total]));

    expect(made.file).toBe(path.join(dir, 'backups', 'hearth-20260301-093000-manual.hearthbak'));
    expect(readdirSync(path.join(dir, 'backups'))).toEqual(['hearth-20260301-093000-manual.hearthbak']);
    expect(made.header).toEqual(await readBackupHeader(made.file));
    expect(made.header).toMatchObject({
      counts: liveCounts(live),
      centreName: 'Центр «Надія»',
      lastEntryAt: '2026-03-01T09:29:00.000Z',
      kind: 'manual',
      encryption: null,
    });
    expect(await checkBackupFile(made.file)).toEqual(made.header);

    // The database inside: the live rows, in a rollback-journal file that opens read-only.
    const plain = path.join(dir, 'restored.sqlite');
    await extractBackup(made.file, plain);
    const db = new Database(plain, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(countRows(db)).toEqual(liveCounts(live));
    db.close();

    // Progress from 0 to the end, never backwards.
    expect(progress[0]).toEqual([0, 1000]);
    expect(progress.at(-1)).toEqual([1000, 1000]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.[0]).toBeGreaterThanOrEqual(progress[i - 1]?.[0] ?? Infinity);
    expect(progress.length).toBeGreaterThan(4);
  });

  it('encrypted: the file holds no plain text, reads back only with the passphrase, and the snapshot never enters the target folder', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    const stick = path.join(dir, 'stick');
    const made = await makeVerifiedBackup(params(dir, live, { targetDir: stick, passphrase: 'Ключ-κλειδί', kdf: TEST_KDF }));
    expect(readdirSync(stick)).toEqual([path.basename(made.file)]);
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
    const bytes = readFileSync(made.file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Коваль'))).toBe(false);
    expect(made.header.encryption).toMatchObject({ N: TEST_KDF.N });
    await expect(checkBackupFile(made.file, { passphrase: 'Ключ-κλειδί' })).resolves.toEqual(made.header);
    await expect(checkBackupFile(made.file)).rejects.toMatchObject({ code: 'passphraseRequired' });
    await expect(checkBackupFile(made.file, { passphrase: 'wrong' })).rejects.toMatchObject({ code: 'wrongPassphrase' });
  });

  /** Overwrites the cells of a leaf page in the middle of `name` (its page header stays, so count(*) still works). */
  function damage(live: string, name: string): void {
    const db = new Database(live);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(name) as number[];
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const page = pages[Math.floor(pages.length / 2)];
    if (page === undefined) throw new Error('no leaf page');
    const bytes = readFileSync(live);
    bytes.fill(0xa5, (page - 1) * pageSize + 8, page * pageSize - 16);
    writeFileSync(live, bytes);
  }

  it('a damaged index in the live database is refused by quick_check, and no file is left', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    damage(live, 'residents_name');
    const failure = await makeVerifiedBackup(params(dir, live)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'backupDamaged' });
    expect((failure as Error).message).toMatch(/quick_check/);
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('a damaged table that cannot even be read while copying is refused too (backupDamaged, not internal)', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    damage(live, 'requests');
    const failure = await makeVerifiedBackup(params(dir, live)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'backupDamaged' });
    expect((failure as Error).message).toMatch(/quick_check|cannot be read/);
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('refuses to replace a backup of the same name (conflict), and removes its own unverified file', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    const first = await makeVerifiedBackup(params(dir, live));
    const before = readFileSync(first.file);
    await expect(makeVerifiedBackup(params(dir, live))).rejects.toMatchObject({ code: 'conflict' });
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(first.file)]);
    expect(readFileSync(first.file).equals(before)).toBe(true);
  });
});

describe('the snapshot', () => {
  it('is the state at its read transaction: a commit by another connection between two copy steps neither restarts nor enters the copy', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    const writer = new Database(live);
    const before = liveCounts(live);
    const target = path.join(dir, 'snapshot.sqlite');
    const steps: number[] = [];
    const facts = await takeSnapshot(
      live,
      target,
      (done) => {
        steps.push(done);
        // After the first step, commit more rows (the copy has begun).
        if (steps.length === 2) writer.prepare("INSERT INTO residents (name, updated_at) VALUES ('Νέος', '2026-03-02T10:00:00.000Z')").run();
      },
      4,
    );
    writer.close();
    expect(facts.counts).toEqual(before);
    const snap = new Database(target, { readonly: true });
    expect(countRows(snap)).toEqual(before);
    expect(snap.pragma('quick_check', { simple: true })).toBe('ok');
    snap.close();
    // Small steps, each further than the last: the copy never started again.
    expect(steps.length).toBeGreaterThan(10);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1] ?? Infinity);
    expect(liveCounts(live).residents).toBe((before.residents ?? 0) + 1);
  });

  it('without a read transaction, the same commit makes the backup API start over (why takeSnapshot holds one)', async () => {
    const dir = freshDir();
    const live = makeLive(dir);
    const source = new Database(live, { readonly: true });
    const writer = new Database(live);
    const steps: number[] = [];
    await copyWithBackupApi(
      source,
      path.join(dir, 'restarted.sqlite'),
      (done) => {
        steps.push(done);
        if (steps.length === 2) writer.prepare("INSERT INTO residents (name, updated_at) VALUES ('Νέος', '2026-03-02T10:00:00.000Z')").run();
      },
      4,
    );
    source.close();
    writer.close();
    // Started over: a step that got no further than the one before it.
    const restarted = steps.some((done, i) => i > 1 && done <= (steps[i - 1] ?? 0));
    expect(restarted).toBe(true);
    expect(existsSync(path.join(dir, 'restarted.sqlite'))).toBe(true);
  });
});
