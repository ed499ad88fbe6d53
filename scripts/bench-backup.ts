/**
 * Benchmark of verified backups on a city-scale data folder, and of the front desk's search while
 * one runs (issue 11: "a verified backup of the city file in ≤ 10 s"; "a search during a
 * city-scale backup answers in ≤ 100 ms").
 *
 *   npx tsx scripts/bench-backup.ts --data-dir DIR     # DIR: e.g. `npm run hearth -- demo --scale city --data-dir DIR`
 *   BENCH_BACKUP_RUNS=5 npx tsx scripts/bench-backup.ts --data-dir DIR
 *
 * The folder is never changed: its database is first copied (SQLite's backup API) into a
 * temporary data folder, which a core opens as the app does. Backups go through `core.dispatch`
 * ('backups.create', plain and encrypted with the production scrypt cost), that is on the
 * long-work thread, exactly as the admin's button and the automatic backups. While further backups
 * run, the front desk's search (`residents.search`, limit 8, 1 to 4 letters and full last names)
 * is timed in the thread that answers calls, one query after another, with a short pause between.
 *
 * Output as `npm run bench`: a table, then as the last line one JSON object
 * {"metrics":[{"name":"backup.verified",…},{"name":"residents.search.duringBackup",…}, …]}.
 * `benchBackup()` returns the same rows and metrics for scripts/bench.ts to fold in. The exit code
 * is 0 even when a budget is exceeded; such lines say OVER BUDGET.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { BUILT_IN_ADMIN } from '../electron/core/context';
import type { Logger } from '../electron/core/logger';
import { DATABASE_FILE, startCore } from '../electron/core/start';

export const BACKUP_BUDGET_MS = 10_000;
export const SEARCH_DURING_BACKUP_BUDGET_MS = 100;

export interface Metric {
  name: string;
  unit: 'ms';
  p50: number;
  p95: number;
  budget_p95?: number;
  [extra: string]: unknown;
}

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Where the database's space goes: the biggest tables and indexes (dbstat), and the free pages. */
function spaceReport(file: string): { rows: string[][]; pageSize: number; pages: number; free: number } {
  const db = new Database(file, { readonly: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    const objects = db
      .prepare(
        `select s.name, coalesce(m.tbl_name, s.name) as tbl, m.type, sum(s.pgsize) as bytes
           from dbstat s left join sqlite_master m on m.name = s.name
          group by s.name order by bytes desc`,
      )
      .all() as Array<{ name: string; tbl: string; type: string | null; bytes: number }>;
    const byTable = new Map<string, { table: number; indexes: number }>();
    for (const o of objects) {
      const entry = byTable.get(o.tbl) ?? { table: 0, indexes: 0 };
      if (o.type === 'index' || o.name.startsWith('sqlite_autoindex')) entry.indexes += o.bytes;
      else entry.table += o.bytes;
      byTable.set(o.tbl, entry);
    }
    const total = pages * pageSize;
    const rows = [...byTable.entries()]
      .sort((a, b) => b[1].table + b[1].indexes - (a[1].table + a[1].indexes))
      .slice(0, 8)
      .map(([name, e]) => [name, mb(e.table), mb(e.indexes), `${(((e.table + e.indexes) / total) * 100).toFixed(0)} %`]);
    return { rows, pageSize, pages, free };
  } finally {
    db.close();
  }
}

/** Front-desk queries: 1–4 letters and whole last names of residents in the file. */
function searchQueries(file: string, count: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare('select last_name from residents where erased_at is null order by random() limit ?').pluck().all(count) as string[];
    return names.map((name, i) => (i % 5 === 4 ? name : name.slice(0, 1 + (i % 4))).toLocaleLowerCase());
  } finally {
    db.close();
  }
}

export interface BackupBenchResult {
  rows: string[][];
  metrics: Metric[];
  overBudget: string[];
  notes: string[];
}

export async function benchBackup(options: { dataDir: string; runs?: number }): Promise<BackupBenchResult> {
  const runs = Math.max(1, options.runs ?? 3);
  const source = path.join(options.dataDir, DATABASE_FILE);
  const work = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-backup-'));
  const notes: string[] = [];
  const timings: Array<Record<string, number>> = [];
  const logger: Logger = {
    info: (message, data) => {
      if (message === 'backup made' && data && typeof data.ms === 'object' && data.ms !== null) timings.push(data.ms as Record<string, number>);
    },
    warn: () => {},
    error: (message, data) => notes.push(`core error: ${message} ${JSON.stringify(data ?? {})}`),
  };
  try {
    // A copy of the folder's database (never the folder itself).
    const from = new Database(source, { readonly: true, fileMustExist: true });
    await from.backup(path.join(work, DATABASE_FILE), { progress: () => 0x7fffffff });
    from.close();
    const fileBytes = statSync(path.join(work, DATABASE_FILE)).size;
    const space = spaceReport(path.join(work, DATABASE_FILE));
    const queries = searchQueries(path.join(work, DATABASE_FILE), 400);

    const core = await startCore({ dataDir: work, logger });
    const ctx = { actor: BUILT_IN_ADMIN };
    const backup = async (input: { passphrase?: string }) => {
      const started = performance.now();
      const answer = await core.dispatch('backups.create', input, ctx);
      if (!answer.ok) throw new Error(`backups.create failed: ${JSON.stringify(answer.error)}`);
      const value = answer.value as { id: string; size: number };
      const ms = performance.now() - started;
      // Off this thread (unlinking 800 MB takes a while), as the app's rotation does.
      await rm(path.join(work, 'backups', value.id), { force: true });
      return { ms, size: value.size };
    };
    const search = async (q: string) => {
      const started = performance.now();
      const answer = await core.dispatch('residents.search', { q, limit: 8 }, ctx);
      if (!answer.ok) throw new Error(`residents.search failed: ${JSON.stringify(answer.error)}`);
      return performance.now() - started;
    };
    try {
      // Warm-up: the long-work thread starts (tsx compiles it once) and the file's pages are read once.
      await backup({});
      timings.length = 0;
      const idle: number[] = [];
      for (const q of queries.slice(0, 200)) idle.push(await search(q));

      const plain: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        const made = await backup({});
        plain.push(made.ms);
        size = made.size;
      }
      const plainTimings = timings.splice(0);
      const encrypted: number[] = [];
      for (let i = 0; i < runs; i++) encrypted.push((await backup({ passphrase: 'bench passphrase, не секрет' })).ms);
      const encryptedTimings = timings.splice(0);

      // Searches while backups run (plain and encrypted), one after another with a 20 ms pause.
      const during: number[] = [];
      for (let i = 0; i < runs; i++) {
        let running = true;
        const made = backup(i % 2 === 0 ? {} : { passphrase: 'bench passphrase, не секрет' }).finally(() => {
          running = false;
        });
        for (let k = 0; running; k++) {
          during.push(await search(queries[(i * 97 + k) % queries.length] ?? 'а'));
          await sleep(20);
        }
        await made;
      }

      const p = stats(plain);
      const e = stats(encrypted);
      const d = stats(during);
      const s = stats(idle);
      const phase = (key: string, of = plainTimings) => stats(of.map((t) => t[key] ?? 0)).p50;
      const metrics: Metric[] = [
        // raw: SQLite's own copy (the backup API) without the checks and the container.
        { name: 'backup.verified', unit: 'ms', p50: round(p.p50, 0), p95: round(p.p95, 0), raw_p50: round(phase('copy'), 0), budget_p95: BACKUP_BUDGET_MS, n: p.n, file_mb: Number(mb(fileBytes)), backup_mb: Number(mb(size)) },
        { name: 'backup.verified.encrypted', unit: 'ms', p50: round(e.p50, 0), p95: round(e.p95, 0), raw_p50: round(phase('copy', encryptedTimings), 0), budget_p95: BACKUP_BUDGET_MS, n: e.n },
        { name: 'residents.search.duringBackup', unit: 'ms', p50: round(d.p50, 2), p95: round(d.p95, 2), budget_p95: SEARCH_DURING_BACKUP_BUDGET_MS, n: d.n, idle_p50: round(s.p50, 2), idle_p95: round(s.p95, 2) },
      ];
      const rows = [
        ['backup.verified', p.p50.toFixed(0), p.p95.toFixed(0), p.max.toFixed(0), String(BACKUP_BUDGET_MS), `${p.n} runs, ${mb(size)} MB`],
        ['  copy (backup API, one read transaction)', phase('copy').toFixed(0), '', '', '', ''],
        ['  check (quick_check, row counts)', phase('check').toFixed(0), '', '', '', ''],
        ['  container (hash, write, fsync)', phase('wrap').toFixed(0), '', '', '', ''],
        ['  read back (size, checksum)', phase('readBack').toFixed(0), '', '', '', ''],
        ['backup.verified.encrypted', e.p50.toFixed(0), e.p95.toFixed(0), e.max.toFixed(0), String(BACKUP_BUDGET_MS), `${e.n} runs`],
        ['  container, encrypted (hash, encrypt, write)', phase('wrap', encryptedTimings).toFixed(0), '', '', '', ''],
        ['  read back, encrypted (key, GCM tag)', phase('readBack', encryptedTimings).toFixed(0), '', '', '', ''],
        ['residents.search (no backup running)', s.p50.toFixed(2), s.p95.toFixed(2), s.max.toFixed(1), '', `${s.n} queries`],
        ['residents.search.duringBackup', d.p50.toFixed(2), d.p95.toFixed(2), d.max.toFixed(1), String(SEARCH_DURING_BACKUP_BUDGET_MS), `${d.n} queries`],
      ];
      const overBudget: string[] = [];
      if (p.p95 > BACKUP_BUDGET_MS) overBudget.push(`OVER BUDGET: backup.verified p95 ${p.p95.toFixed(0)} ms > ${BACKUP_BUDGET_MS} ms`);
      if (e.p95 > BACKUP_BUDGET_MS) overBudget.push(`OVER BUDGET: backup.verified.encrypted p95 ${e.p95.toFixed(0)} ms > ${BACKUP_BUDGET_MS} ms`);
      if (d.p95 > SEARCH_DURING_BACKUP_BUDGET_MS) overBudget.push(`OVER BUDGET: residents.search.duringBackup p95 ${d.p95.toFixed(1)} ms > ${SEARCH_DURING_BACKUP_BUDGET_MS} ms`);
      notes.push(
        `database ${mb(fileBytes)} MB (${space.pages.toLocaleString('en')} pages of ${space.pageSize} bytes, ${space.free.toLocaleString('en')} free); where the space goes (MB: table, its indexes, share):`,
        ...space.rows.map((r) => `  ${(r[0] ?? '').padEnd(28)} ${(r[1] ?? '').padStart(6)} ${(r[2] ?? '').padStart(6)} ${(r[3] ?? '').padStart(5)}`),
      );
      return { rows, metrics, overBudget, notes };
    } finally {
      await core.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? process.env.BENCH_DATA_DIR;
  if (!dataDir) {
    console.error('bench-backup: give --data-dir DIR (a city-scale data folder: npm run hearth -- demo --scale city --data-dir DIR)');
    process.exit(2);
  }
  const runs = Number(process.env.BENCH_BACKUP_RUNS ?? 3);
  console.log(`Hearth backup bench: ${path.resolve(dataDir)}, ${runs} runs each`);
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (figures suffer on a busy machine)`);
  const result = await benchBackup({ dataDir, runs });
  printTable(['metric', 'p50 ms', 'p95 ms', 'max ms', 'budget', ''], result.rows);
  for (const note of result.notes) console.log(note);
  for (const line of result.overBudget) console.log(line);
  if (result.overBudget.length === 0) console.log('All within budget.');
  console.log(JSON.stringify({ metrics: result.metrics }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
