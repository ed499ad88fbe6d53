import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { APP_VERSION } from '../version';
import { parseCsv, restoreFormula, toCsv, toCsvField, neutraliseFormula } from './csv';
import { writeFullExport, type ExportManifest } from './full-export';

const NOW = '2026-11-23T09:00:00.000Z';
const SETUP = { centreName: 'Центр поддержки жителей Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: true } as const;
const BOM = [0xef, 0xbb, 0xbf];

type Core = Awaited<ReturnType<typeof startCore>>;
type Sqlite = Core['sqlite'];

async function demoCore(): Promise<Core> {
  const core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
  const answer = await core.dispatch('setup.complete', SETUP, { actor: BUILT_IN_ADMIN });
  expect(answer.ok).toBe(true);
  return core;
}

const meta = (sqlite: Sqlite) => ({
  createdAt: NOW,
  appVersion: APP_VERSION,
  schemaVersion: String(sqlite.prepare('select max(name) from schema_migrations').pluck().get()),
  centreName: SETUP.centreName,
});

interface Unpacked {
  manifest: ExportManifest;
  files: Record<string, Uint8Array>;
}

function unpack(file: string): Unpacked {
  const files = unzipSync(readFileSync(file));
  const raw = files['manifest.json'];
  if (!raw) throw new Error('no manifest.json');
  return { manifest: JSON.parse(strFromU8(raw)) as ExportManifest, files };
}

function csvText(files: Record<string, Uint8Array>, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new Error(`no ${name} in the archive`);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The tables an independent query finds (SQLite's own left out). */
function userTables(sqlite: Sqlite): string[] {
  return sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
}

/** Every row of a table as the CSV should hold it (before the formula prefix), in primary key order. */
function expectedRows(sqlite: Sqlite, table: string): Array<Array<string | null>> {
  const pk = (sqlite.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string; pk: number }>)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `"${c.name}"`);
  const rows = sqlite
    .prepare(`select * from "${table}" order by ${pk.length > 0 ? pk.join(', ') : 'rowid'}`)
    .raw(true)
    .safeIntegers(true)
    .all() as unknown[][];
  return rows.map((row) =>
    row.map((v) => {
      if (v === null) return null;
      if (typeof v === 'bigint' || typeof v === 'number') return String(v);
      if (typeof v === 'string') return v;
      if (Buffer.isBuffer(v)) return v.toString('hex');
      throw new Error(`unexpected value ${String(v)}`);
    }),
  );
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'hearth-export-'));
}

describe('CSV fields', () => {
  it('quotes as RFC 4180 and keeps NULL apart from the empty string', () => {
    expect(toCsvField(null)).toBe('');
    expect(toCsvField(undefined)).toBe('');
    expect(toCsvField('')).toBe('""');
    expect(toCsvField('plain')).toBe('plain');
    expect(toCsvField('a,b')).toBe('"a,b"');
    expect(toCsvField('a;b')).toBe('a;b');
    expect(toCsvField('a;b', ';')).toBe('"a;b"');
    expect(toCsvField('a,b', ';')).toBe('a,b');
    expect(toCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(toCsvField('Łódź, ул. Ленина; Αθήνα')).toBe('"Łódź, ул. Ленина; Αθήνα"');
  });

  it('writes numbers as plain digits and booleans as 0/1, never prefixed', () => {
    expect(toCsvField(-500)).toBe('-500');
    expect(toCsvField(0)).toBe('0');
    expect(toCsvField(-0)).toBe('0');
    expect(toCsvField(123456789012)).toBe('123456789012');
    expect(toCsvField(9007199254740993n)).toBe('9007199254740993');
    expect(toCsvField(-12n)).toBe('-12');
    expect(toCsvField(2.5)).toBe('2.5');
    expect(toCsvField(true)).toBe('1');
    expect(toCsvField(false)).toBe('0');
    expect(toCsvField(Buffer.from([0, 255, 16]))).toBe('00ff10');
    expect(() => toCsvField({})).toThrow(TypeError);
  });

  it('prefixes text a spreadsheet would run as a formula', () => {
    expect(toCsvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(toCsvField('+7 912 345-67-89')).toBe("'+7 912 345-67-89");
    expect(toCsvField('-5')).toBe("'-5");
    expect(toCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toCsvField('\tx')).toBe("'\tx");
    expect(toCsvField('\rx')).toBe('"\'\rx"');
    expect(toCsvField('-5;6', ';')).toBe('"\'-5;6"');
    // Not triggers: inside the text, or other first characters.
    expect(toCsvField('a=b')).toBe('a=b');
    expect(toCsvField(' =1')).toBe(' =1');
    expect(toCsvField("'quoted")).toBe("'quoted");
    // Apostrophes already in front are prefixed too, so the rule can be undone exactly.
    expect(neutraliseFormula("'=x")).toBe("''=x");
    for (const s of ['=x', "'=x", "''+1", "'x", 'x', '', "'", '-', '@', '\t', '\r\n', "'\t"]) {
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    }
  });

  it('writes a whole file with a BOM and CRLF, and reads it back', () => {
    const text = toCsv(
      ['id', 'name', 'note'],
      [
        [1, 'Ольга', null],
        [2, '', 'a "b"\nc'],
        [-3, '=1+1', 'x;y'],
      ],
      { delimiter: ';' },
    );
    expect(text).toBe('\uFEFFid;name;note\r\n1;Ольга;\r\n2;"";"a ""b""\nc"\r\n-3;\'=1+1;"x;y"\r\n');
    expect(parseCsv(text, { delimiter: ';' })).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Ольга', null],
      ['2', '', 'a "b"\nc'],
      ['-3', '=1+1', 'x;y'],
    ]);
    expect(parseCsv(text, { delimiter: ';', restore: false })[3]?.[1]).toBe("'=1+1");
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
    expect(parseCsv('a,b\nc,"d"')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => parseCsv('"open')).toThrow();
    expect(() => parseCsv('"a"b')).toThrow();
  });
});

describe('full export of the demo centre', () => {
  let core: Core;
  let dir: string;
  let target: string;
  let unpacked: Unpacked;

  beforeAll(async () => {
    core = await demoCore();
    dir = tempDir();
    target = path.join(dir, 'hearth-export.zip');
    const started = performance.now();
    const manifest = await writeFullExport(core.sqlite, target, meta(core.sqlite));
    console.log(`demo export: ${(performance.now() - started).toFixed(0)} ms, ${statSync(target).size} bytes`);
    unpacked = unpack(target);
    expect(unpacked.manifest).toEqual(manifest);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves only the ZIP in the folder and no transaction open', () => {
    expect(readdirSync(dir)).toEqual(['hearth-export.zip']);
    expect(core.sqlite.inTransaction).toBe(false);
  });

  it('describes itself in the manifest', () => {
    const m = unpacked.manifest;
    expect(m).toMatchObject({
      format: 'hearth-export',
      version: 1,
      createdAt: NOW,
      appVersion: APP_VERSION,
      centreName: SETUP.centreName,
      delimiter: ';',
      encoding: 'utf-8-bom',
    });
    expect(m.schemaVersion).toMatch(/^\d{8}_\d{4}_/);
    expect(Object.keys(unpacked.files).sort()).toEqual(['README.txt', 'manifest.json', ...m.tables.map((t) => t.file)].sort());
    expect(strFromU8(unpacked.files['README.txt'] ?? new Uint8Array())).toContain('FORMAT.md');
  });

  it('lists every table with its row count, columns and foreign keys', () => {
    const m = unpacked.manifest;
    const tables = userTables(core.sqlite);
    expect(tables).toContain('schema_migrations');
    expect(m.tables.map((t) => t.name).sort()).toEqual(tables);
    for (const t of m.tables) {
      expect(t.file).toBe(`${t.name}.csv`);
      expect(t.rows).toBe(Number(core.sqlite.prepare(`select count(*) from "${t.name}"`).pluck().get()));
      const info = core.sqlite.prepare(`pragma table_info("${t.name}")`).all() as Array<{ name: string }>;
      expect(t.columns.map((c) => c.name)).toEqual(info.map((c) => c.name));
    }
    const residents = m.tables.find((t) => t.name === 'residents');
    expect(residents?.rows).toBeGreaterThanOrEqual(80);
    expect(residents?.columns.find((c) => c.name === 'id')).toEqual({ name: 'id', type: 'INTEGER', notNull: true, primaryKey: true });
    expect(residents?.columns.find((c) => c.name === 'created_by')).toEqual({
      name: 'created_by',
      type: 'INTEGER',
      notNull: true,
      primaryKey: false,
      references: { table: 'users', column: 'id' },
    });
    expect(residents?.columns.find((c) => c.name === 'birth_year')).toEqual({ name: 'birth_year', type: 'INTEGER', notNull: false, primaryKey: false });
    const phones = m.tables.find((t) => t.name === 'resident_phones');
    expect(phones?.columns.find((c) => c.name === 'resident_id')?.references).toEqual({ table: 'residents', column: 'id' });
    expect(m.tables.find((t) => t.name === 'settings')?.columns.find((c) => c.name === 'key')).toMatchObject({ type: 'TEXT', primaryKey: true });

    // Load order: every referenced table comes before the tables that reference it.
    const position = new Map(m.tables.map((t, i) => [t.name, i]));
    for (const t of m.tables) {
      for (const c of t.columns) {
        if (c.references && c.references.table !== t.name) {
          expect(position.get(c.references.table), `${t.name}.${c.name}`).toBeLessThan(position.get(t.name) ?? -1);
        }
      }
    }
  });

  it('writes every CSV with a BOM, CRLF line ends, and every row exactly as in the database', () => {
    let cells = 0;
    for (const t of unpacked.manifest.tables) {
      const bytes = unpacked.files[t.file];
      expect([...(bytes ?? new Uint8Array()).subarray(0, 3)], t.file).toEqual(BOM);
      const text = csvText(unpacked.files, t.file);
      expect(text.endsWith('\r\n')).toBe(true);
      const [header, ...rows] = parseCsv(text, { delimiter: ';' });
      expect(header).toEqual(t.columns.map((c) => c.name));
      const expected = expectedRows(core.sqlite, t.name);
      expect(rows.length, t.name).toBe(t.rows);
      expect(rows, t.name).toEqual(expected);
      // Byte for byte, not merely equal strings.
      for (let r = 0; r < expected.length; r++) {
        for (let c = 0; c < (expected[r]?.length ?? 0); c++) {
          const want = expected[r]?.[c];
          const got = rows[r]?.[c];
          if (typeof want === 'string') expect(Buffer.from(got ?? '', 'utf8').equals(Buffer.from(want, 'utf8'))).toBe(true);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(1000);
  });

  it('keeps Cyrillic, Greek and Polish names intact', () => {
    const [, ...rows] = parseCsv(csvText(unpacked.files, 'residents.csv'), { delimiter: ';' });
    const names = rows.map((r) => `${r[1] ?? ''} ${r[2] ?? ''} ${r[3] ?? ''}`);
    expect(names.some((s) => /[ёЁ]/.test(s))).toBe(true);
    expect(names.some((s) => /[їієґЇІЄҐ]/.test(s))).toBe(true);
    expect(names.some((s) => /[łżóśąęćńźŁŻÓŚ]/.test(s))).toBe(true);
    expect(names.some((s) => /\p{Script=Greek}/u.test(s))).toBe(true);
    const settings = parseCsv(csvText(unpacked.files, 'settings.csv'), { delimiter: ';' });
    expect(settings).toContainEqual(['centreName', SETUP.centreName]);
    expect(settings).toContainEqual(['currency', 'RUB']);
  });

  it('prefixes phone numbers written with a plus, and reads them back', () => {
    const text = csvText(unpacked.files, 'resident_phones.csv');
    const plus = core.sqlite.prepare("select raw from resident_phones where raw like '+%' limit 1").pluck().get() as string | undefined;
    if (plus !== undefined) expect(text).toContain(`;'${plus}`);
    expect(text).not.toMatch(/(^|;)\+/m);
  });

  it('writes the same export again with a comma when asked', async () => {
    const second = path.join(dir, 'comma.zip');
    const manifest = await writeFullExport(core.sqlite, second, meta(core.sqlite), { delimiter: ',' });
    expect(manifest.delimiter).toBe(',');
    const { files } = unpack(second);
    for (const t of manifest.tables) {
      const [, ...rows] = parseCsv(csvText(files, t.file), { delimiter: ',' });
      expect(rows, t.name).toEqual(expectedRows(core.sqlite, t.name));
    }
    rmSync(second);
  });
});

describe('full export: hostile text, odd values', () => {
  let core: Core;
  let dir: string;

  beforeAll(async () => {
    core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
    dir = tempDir();
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('neutralises formulas in text, leaves numbers alone, quotes delimiters, quotes and line breaks', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+7 912', '-5', '@SUM(A1)', '\tx', '\rx', "'=already", 'a;b', 'say "no"', 'line\nbreak', 'crlf\r\nbreak'];
    const insert = core.sqlite.prepare(
      `insert into residents (last_name, first_name, patronymic, sort_key, name_key, short_name_key, notes, created_at, created_by, updated_at, updated_by)
       values (?, ?, '', ?, 'k', 'k', ?, ?, 1, ?, 1)`,
    );
    for (const s of hostile) insert.run(s, 'Ζωή', s, `note ${s}`, NOW, NOW);
    core.sqlite.exec(`create table ledger (id integer primary key, amount integer not null, currency text not null, rate real, memo text, data blob)`);
    core.sqlite.prepare('insert into ledger (amount, currency, rate, memo, data) values (?, ?, ?, ?, ?)').run(-500, 'RUB', -1.25, '-500', Buffer.from('hi'));
    core.sqlite.prepare('insert into ledger (amount, currency, rate, memo, data) values (?, ?, ?, ?, ?)').run(9007199254740993n, 'EUR', null, null, null);

    const target = path.join(dir, 'hostile.zip');
    await writeFullExport(core.sqlite, target, meta(core.sqlite));
    const { files, manifest } = unpack(target);

    const residents = csvText(files, 'residents.csv');
    expect(residents).toContain(`;"'=HYPERLINK(""http://x"",""y"")";Ζωή;"";"'=HYPERLINK(""http://x"",""y"")";`);
    expect(residents).toContain(`;'+7 912;Ζωή;"";'+7 912;`);
    expect(residents).toContain(`;'-5;Ζωή;"";'-5;`);
    expect(residents).toContain(`;'@SUM(A1);Ζωή;`);
    expect(residents).toContain(`;'\tx;Ζωή;`);
    expect(residents).toContain(`;"'\rx";Ζωή;`);
    expect(residents).toContain(`;''=already;Ζωή;`);
    expect(residents).toContain(`;"a;b";Ζωή;`);
    expect(residents).toContain(`;"say ""no""";Ζωή;`);
    expect(residents).toContain(`;"line\nbreak";Ζωή;`);
    expect(residents).toContain(`;"crlf\r\nbreak";Ζωή;`);
    // No unprotected trigger at the start of any field of any file.
    for (const t of manifest.tables) {
      for (const row of parseCsv(csvText(files, t.file), { delimiter: ';', restore: false })) {
        for (const field of row) {
          if (field !== null && /^[=+@\t\r]/.test(field)) throw new Error(`${t.file}: unprotected ${JSON.stringify(field)}`);
          if (field !== null && field.startsWith('-')) expect(field).toMatch(/^-\d+(\.\d+)?$/);
        }
      }
    }
    // Read back exactly.
    const [, ...rows] = parseCsv(residents, { delimiter: ';' });
    expect(rows.map((r) => r[1])).toEqual(hostile);
    expect(rows.map((r) => r[20])).toEqual(hostile.map((s) => `note ${s}`));

    const ledger = csvText(files, 'ledger.csv');
    expect(ledger).toBe("\uFEFFid;amount;currency;rate;memo;data\r\n1;-500;RUB;-1.25;'-500;6869\r\n2;9007199254740993;EUR;;;\r\n");
    expect(manifest.tables.find((t) => t.name === 'ledger')?.columns.map((c) => c.type)).toEqual(['INTEGER', 'INTEGER', 'TEXT', 'REAL', 'TEXT', 'BLOB']);
  });

  it('waits for a transaction open on the connection and exports what it committed', async () => {
    core.sqlite.exec('begin');
    core.sqlite.exec("insert into settings (key, value) values ('pending', 'yes')");
    const exporting = writeFullExport(core.sqlite, path.join(dir, 'after-commit.zip'), meta(core.sqlite));
    await new Promise((resolve) => setTimeout(resolve, 30));
    core.sqlite.exec('commit');
    const manifest = await exporting;
    expect(manifest.tables.find((t) => t.name === 'settings')?.rows).toBe(1);
    const { files } = unpack(path.join(dir, 'after-commit.zip'));
    expect(parseCsv(csvText(files, 'settings.csv'), { delimiter: ';' })).toEqual([
      ['key', 'value'],
      ['pending', 'yes'],
    ]);
  });

  it('orders tables without a primary key by rowid and WITHOUT ROWID tables by their key', async () => {
    core.sqlite.exec(`create table tags (word text not null)`);
    core.sqlite.exec(`insert into tags values ('b'), ('a'), ('c')`);
    core.sqlite.exec(`create table pairs (x text, y integer, primary key (y, x)) without rowid`);
    core.sqlite.exec(`insert into pairs values ('z', 2), ('a', 2), ('q', 1)`);
    const target = path.join(dir, 'order.zip');
    await writeFullExport(core.sqlite, target, meta(core.sqlite));
    const { files } = unpack(target);
    expect(parseCsv(csvText(files, 'tags.csv'), { delimiter: ';' }).map((r) => r[0])).toEqual(['word', 'b', 'a', 'c']);
    expect(parseCsv(csvText(files, 'pairs.csv'), { delimiter: ';' }).map((r) => r[0])).toEqual(['x', 'q', 'a', 'z']);
  });
});

describe('full export: failures leave nothing behind', () => {
  let core: Core;
  let dir: string;

  beforeAll(async () => {
    core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
    dir = tempDir();
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('throws when the target folder is missing, and writes nothing', async () => {
    const target = path.join(dir, 'missing', 'export.zip');
    await expect(writeFullExport(core.sqlite, target, meta(core.sqlite))).rejects.toThrow(/ENOENT/);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(core.sqlite.inTransaction).toBe(false);
  });

  it('keeps an earlier export intact and removes its temporary file when reading fails half-way', async () => {
    const target = path.join(dir, 'export.zip');
    writeFileSync(target, 'the previous export');
    // A virtual table whose rows fail after a while, standing in for a disk or database error mid-export.
    let produced = 0;
    // A factory (rather than a definition) makes a module that `create virtual table` can use, so
    // the table is in the schema; @types/better-sqlite3 only knows the definition form.
    const factory = () => ({
      columns: ['n'],
      *rows() {
        for (let i = 0; i < 10_000; i++) {
          // The export counts the rows first (10,000), then fails half-way through writing them.
          if (++produced > 15_000) throw new Error('disk on fire');
          yield [i];
        }
      },
    });
    core.sqlite.table('flaky', factory as unknown as Parameters<Sqlite['table']>[1]);
    core.sqlite.exec('create virtual table broken using flaky');
    await expect(writeFullExport(core.sqlite, target, meta(core.sqlite))).rejects.toThrow(/disk on fire/);
    expect(produced).toBe(15_001);
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['export.zip']);
    expect(core.sqlite.inTransaction).toBe(false);
    core.sqlite.exec('drop table broken');
  });

  it('removes the temporary file when the final rename fails', async () => {
    const target = path.join(dir, 'a-folder.zip');
    rmSync(path.join(dir, 'export.zip'), { force: true });
    // A folder in the way of the rename.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(writeFullExport(core.sqlite, target, meta(core.sqlite))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['a-folder.zip']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('full export: a large table', () => {
  it('streams 50,000 rows with bounded memory', async () => {
    const core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
    const dir = tempDir();
    try {
      const N = 50_000;
      const insert = core.sqlite.prepare(
        `insert into residents (last_name, first_name, patronymic, sort_key, name_key, short_name_key, birth_year, settlement, street, house, notes, created_at, created_by, updated_at, updated_by)
         values (?, ?, ?, ?, ?, ?, ?, 'Сылва', 'ул. Ленина', ?, ?, ?, 1, ?, 1)`,
      );
      core.sqlite.transaction(() => {
        for (let i = 1; i <= N; i++) {
          const last = i % 3 === 0 ? `Παπαδόπουλος${i}` : i % 3 === 1 ? `Łukasiewicz${i}` : `Иванов${i}`;
          insert.run(last, 'Ольга', 'Петровна', `k${i}`, `n${i}`, `s${i}`, 1930 + (i % 70), String(i % 120), i % 7 === 0 ? `звонить; "после" 18:00\nвторой этаж` : '', NOW, NOW);
        }
      })();

      global.gc?.();
      const before = process.memoryUsage();
      const started = performance.now();
      const target = path.join(dir, 'big.zip');
      const manifest = await writeFullExport(core.sqlite, target, meta(core.sqlite));
      const ms = performance.now() - started;
      const after = process.memoryUsage();
      const size = statSync(target).size;
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `50,000-row export: ${ms.toFixed(0)} ms, ZIP ${mb(size)} MiB, rss ${mb(before.rss)} -> ${mb(after.rss)} MiB (delta ${mb(after.rss - before.rss)} MiB), heapUsed delta ${mb(after.heapUsed - before.heapUsed)} MiB`,
      );
      expect(manifest.tables.find((t) => t.name === 'residents')?.rows).toBe(N);

      const { files } = unpack(target);
      const text = csvText(files, 'residents.csv');
      console.log(`residents.csv: ${mb(Buffer.byteLength(text))} MiB uncompressed`);
      const rows = parseCsv(text, { delimiter: ';' });
      expect(rows.length).toBe(N + 1);
      expect(rows.slice(1)).toEqual(expectedRows(core.sqlite, 'residents'));
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
