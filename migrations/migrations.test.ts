import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, type Migration } from './index';
import { openDatabase } from '../electron/core/db/connect';
import { DatabaseFromFutureError, migrateToLatest, schemaVersion } from '../electron/core/db/migrate';
import { startCore, DATABASE_FILE } from '../electron/core/start';
import type Database from 'better-sqlite3';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.join(DIR, 'schema.snapshot.sql');
const NAME = /^\d{8}_\d{4}_[a-z0-9_]+$/;
const NOW = () => new Date('2026-11-16T09:30:00.000Z');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-migrations-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

function schemaRows(sqlite: Database.Database) {
  return sqlite
    .prepare("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
    .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>;
}

function state(sqlite: Database.Database) {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return {
    master: sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all(),
    rows: Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select * from "${t}" order by rowid`).all()])),
  };
}

describe('the registry', () => {
  it('lists exactly the migration files of this folder, in name order', () => {
    const registered = migrations.map(([name]) => name);
    expect(registered).toEqual(migrationFiles());
    expect(registered).toEqual([...registered].sort());
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered.length).toBeGreaterThan(0);
  });

  it('registers each file under its own name', async () => {
    for (const [name, migration] of migrations) {
      const module = (await import(`./${name}.ts`)) as Migration;
      expect(migration.up, name).toBe(module.up);
    }
  });

  it.each(migrations.map(([name]) => name))('%s is named YYYYMMDD_HHMM_description with a real date and time', (name) => {
    expect(name).toMatch(NAME);
    const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})_/.exec(name) ?? [];
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
    expect(date.getUTCFullYear()).toBe(Number(y));
    expect(date.getUTCMonth() + 1).toBe(Number(mo));
    expect(date.getUTCDate()).toBe(Number(d));
    expect(date.getUTCHours()).toBe(Number(h));
    expect(date.getUTCMinutes()).toBe(Number(mi));
    expect(Number(y)).toBeGreaterThanOrEqual(2026);
  });

  it.each(migrations.map(([name]) => name))("%s imports nothing but 'kysely'", (name) => {
    const source = readFileSync(path.join(DIR, `${name}.ts`), 'utf8');
    const specifiers = [
      ...source.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g),
      ...source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
      ...source.matchAll(/\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g),
    ].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(new Set(specifiers)).toEqual(new Set(['kysely']));
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/\bimport\s*\(\s*[^'"`]/);
  });
});

describe('migrateToLatest', () => {
  it('migrates an empty database to the last registered version and is idempotent', async () => {
    const { db } = openDatabase(':memory:');
    try {
      const first = await migrateToLatest(db, { now: NOW });
      expect(first.applied).toEqual(migrations.map(([name]) => name));
      expect(first.version).toBe(migrations.at(-1)?.[0]);
      expect(await schemaVersion(db)).toBe(first.version);
      const again = await migrateToLatest(db, { now: NOW });
      expect(again.applied).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('a failing step leaves the database exactly as before that step', async () => {
    const failing: Migration = {
      async up(db: Kysely<any>) {
        await db.schema.createTable('half_done').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
        await db.insertInto('half_done').values({ id: 1 }).execute();
        await db.schema.alterTable('residents').addColumn('half_done', 'text').execute();
        await db.schema.createIndex('residents_half_done').on('residents').column('half_done').execute();
        await db.updateTable('users').set({ name: 'Changed' }).execute();
        await sql`insert into settings (key, value) values ('half', 'done')`.execute(db);
        throw new Error('step failed half-way');
      },
    };
    const { db, sqlite } = openDatabase(':memory:');
    try {
      await migrateToLatest(db, { now: NOW });
      const before = state(sqlite);
      const list = [...migrations, ['29991231_2359_failing_step', failing] as const];
      await expect(migrateToLatest(db, { now: NOW, migrations: list })).rejects.toThrow('step failed half-way');
      expect(state(sqlite)).toEqual(before);
      expect(sqlite.prepare('select name from schema_migrations order by name').pluck().all()).toEqual(migrations.map(([n]) => n));
    } finally {
      await db.destroy();
    }
  });

  it('a failing step after good ones keeps the good ones and nothing of the failed one', async () => {
    const failing: Migration = {
      async up(db: Kysely<any>) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        throw new Error('boom');
      },
    };
    const reference = openDatabase(':memory:');
    const subject = openDatabase(':memory:');
    try {
      await migrateToLatest(reference.db, { now: NOW });
      await expect(migrateToLatest(subject.db, { now: NOW, migrations: [...migrations, ['29991231_2359_boom', failing]] })).rejects.toThrow('boom');
      expect(state(subject.sqlite)).toEqual(state(reference.sqlite));
    } finally {
      await reference.db.destroy();
      await subject.db.destroy();
    }
  });

  it('refuses a database from a newer version and leaves the file unchanged', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const setup = openDatabase(file);
    await migrateToLatest(setup.db, { now: NOW });
    setup.sqlite.prepare("insert into schema_migrations (name, applied_at) values ('29990101_0000_from_the_future', '2999-01-01T00:00:00.000Z')").run();
    await setup.db.destroy();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const bytes = readFileSync(file);

    const { db } = openDatabase(file);
    let error: unknown;
    try {
      await migrateToLatest(db, { now: NOW });
    } catch (e) {
      error = e;
    } finally {
      await db.destroy();
    }
    expect(error).toBeInstanceOf(DatabaseFromFutureError);
    expect((error as DatabaseFromFutureError).unknown).toEqual(['29990101_0000_from_the_future']);
    expect((error as Error).message).toMatch(/newer version/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('startCore refuses it too and leaves the file unchanged', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const setup = openDatabase(file);
    await migrateToLatest(setup.db, { now: NOW });
    setup.sqlite.prepare("insert into schema_migrations (name, applied_at) values ('29990101_0000_from_the_future', '2999-01-01T00:00:00.000Z')").run();
    await setup.db.destroy();
    const bytes = readFileSync(file);
    await expect(startCore({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseFromFutureError);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('schema snapshot', () => {
  function render(rows: ReturnType<typeof schemaRows>): string {
    const header = '-- The schema after all migrations. Written by migrations/migrations.test.ts; do not edit by hand.\n';
    return header + rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '-- (no sql)'};\n`).join('\n');
  }

  it('matches migrations/schema.snapshot.sql', async () => {
    const { db, sqlite } = openDatabase(':memory:');
    let actual: string;
    try {
      await migrateToLatest(db, { now: NOW });
      actual = render(schemaRows(sqlite));
    } finally {
      await db.destroy();
    }
    if (process.env.UPDATE_SNAPSHOT === '1') {
      writeFileSync(SNAPSHOT, actual);
      return;
    }
    const expected = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '';
    const hint =
      'The schema differs from migrations/schema.snapshot.sql. If the change is intended, update the snapshot with ' +
      '`UPDATE_SNAPSHOT=1 npx vitest run migrations` and review the diff.';
    expect(actual, hint).toBe(expected);
  });
});
