/**
 * Crash safety: a child process writes through the core (testing/crash-child.ts) and reports each
 * committed write; the test kills it with SIGKILL at random moments, CRASH_KILLS times (default
 * 200), always on the same data folder. After every kill the database must open, pass
 * `integrity_check` and `foreign_key_check`, contain every write the child acknowledged, hold an
 * audit entry for every change it holds (a change and its entry commit together), and the audit
 * chain must verify.
 *
 * The same data folder is reused, so each child starts on the WAL (and -shm) its killed
 * predecessor left behind: most checks open the file read-only, which leaves the WAL in place for
 * the next child to recover; every few kills the check opens it read-write, and closing that
 * connection checkpoints the WAL into the main file. Most kills land 10–150 ms after the child's
 * first acknowledgement, among its writes; about one start in ten is killed within its first
 * 150 ms instead, often during startup (lock file, quick check, WAL recovery, migrations check).
 * Kills during startup come on top of the CRASH_KILLS kills among writes.
 *
 * SIGKILL is an application crash: the OS still writes what SQLite handed it. Power loss is not
 * simulated here (SQLite's own test suite does that with a fault-injecting VFS).
 *
 * The child is bundled once with esbuild (spawning tsx would cost half a second per start).
 * CRASH_KILLS and CRASH_SEED tune a run; the summary is printed with console.log.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ADMIN } from './context';
import { DATABASE_FILE, startCore } from './start';
import { mulberry32 } from './random';
import { verifyChainSqlite } from './features/audit/audit.chain';

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const HERE = path.dirname(fileURLToPath(import.meta.url));


/** Everything the children acknowledged, over all runs. */
interface Acked {
  residents: Map<number, string>;
  requests: Map<number, number>;
  /** Per request, the statuses set, in the order acknowledged. */
  statuses: Map<number, string[]>;
  writes: number;
}

interface RunResult {
  lines: string[];
  startToKillMs: number;
}

let workDir = '';
let bundle = '';

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'hearth-crash-'));
  bundle = path.join(workDir, 'crash-child.cjs');
  // better-sqlite3 stays outside the bundle (a native module), required by its absolute path so
  // that the bundle runs from the temporary folder.
  const sqliteEntry = createRequire(import.meta.url).resolve('better-sqlite3');
  await build({
    entryPoints: [path.join(HERE, 'testing', 'crash-child.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true, // parsed once per start: a smaller bundle starts a little faster
    logLevel: 'error',
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqliteEntry, external: true }));
        },
      },
    ],
  });
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Starts a child and kills it with SIGKILL: `delayMs` after its first ACK, or after the start if `early`. */
function runChild(dataDir: string, run: number, delayMs: number, early: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bundle, dataDir, String(run), String(SEED)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let acked = false;
    let killAt = 0;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (killAt === 0) killAt = Date.now();
      child.kill('SIGKILL');
    };
    const watchdog = setTimeout(() => {
      err += '\n[test] no ACK within 20 s';
      kill();
    }, 20_000);
    if (early) killTimer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!acked && killAt === 0 && out.includes('ACK ')) {
        acked = true;
        clearTimeout(watchdog);
        if (!early) killTimer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || err.includes('[test]')) {
        reject(new Error(`run ${run}: the child stopped by itself (code ${code}, signal ${signal}):\n${err}`));
        return;
      }
      // A line is acknowledged only when complete: the write(2) of a short line is atomic.
      const lines = out.split('\n');
      lines.pop();
      resolve({ lines, startToKillMs: killAt - started });
    });
  });
}

function record(acked: Acked, lines: string[], run: number): void {
  for (const line of lines) {
    const [ack, what, a, b] = line.split(' ');
    const id = Number(a);
    if (ack !== 'ACK' || !Number.isInteger(id) || b === undefined) throw new Error(`run ${run}: unexpected line ${JSON.stringify(line)}`);
    if (what === 'resident') acked.residents.set(id, b);
    else if (what === 'request') acked.requests.set(id, Number(b));
    else if (what === 'status') acked.statuses.set(id, [...(acked.statuses.get(id) ?? []), b]);
    else throw new Error(`run ${run}: unexpected line ${JSON.stringify(line)}`);
    acked.writes++;
  }
}

/** Opens the database as left by the killed child and checks it; returns the problems found. */
function check(file: string, acked: Acked, readonly: boolean): string[] {
  const problems: string[] = [];
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 10))}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 10))}`);

    const residents = new Map<number, string>();
    for (const r of db.prepare('select id, first_name from residents').iterate() as Iterable<{ id: number; first_name: string }>) residents.set(r.id, r.first_name);
    for (const [id, marker] of acked.residents) {
      const found = residents.get(id);
      if (found !== marker) problems.push(`acknowledged resident ${id} (${marker}) ${found === undefined ? 'is missing' : `is ${found}`}`);
    }
    const twice = db.prepare('select first_name, count(*) n from residents group by first_name having n > 1 limit 5').all();
    if (twice.length > 0) problems.push(`a resident was written twice: ${JSON.stringify(twice)}`);

    const requests = new Map<number, { resident: number; status: string }>();
    for (const r of db.prepare('select id, resident_id, status from requests').iterate() as Iterable<{ id: number; resident_id: number; status: string }>) {
      requests.set(r.id, { resident: r.resident_id, status: r.status });
    }
    for (const [id, resident] of acked.requests) {
      const found = requests.get(id);
      if (!found) problems.push(`acknowledged request ${id} is missing`);
      else if (found.resident !== resident) problems.push(`request ${id} belongs to resident ${found.resident}, acknowledged for ${resident}`);
    }

    // Every request's history is a chain from null to its current status; the acknowledged
    // status changes appear in it, in order (unacknowledged ones may sit in between: the change
    // in flight when the child was killed may or may not have committed).
    const history = new Map<number, Array<{ from: string | null; to: string }>>();
    for (const h of db.prepare('select request_id, from_status, to_status from request_status_history order by id').iterate() as Iterable<{
      request_id: number;
      from_status: string | null;
      to_status: string;
    }>) {
      const list = history.get(h.request_id);
      if (list) list.push({ from: h.from_status, to: h.to_status });
      else history.set(h.request_id, [{ from: h.from_status, to: h.to_status }]);
    }
    for (const [id, request] of requests) {
      const chain = history.get(id) ?? [];
      if (chain[0]?.from !== null || chain[0]?.to !== 'new') problems.push(`request ${id}: history does not start with null → new`);
      for (let i = 1; i < chain.length; i++) {
        if (chain[i]?.from !== chain[i - 1]?.to) problems.push(`request ${id}: history breaks at row ${i}`);
      }
      if (chain.at(-1)?.to !== request.status) problems.push(`request ${id}: status ${request.status}, last history row ${chain.at(-1)?.to}`);
    }
    for (const [id, statuses] of acked.statuses) {
      const tos = (history.get(id) ?? []).slice(1).map((h) => h.to);
      let i = 0;
      for (const to of tos) if (to === statuses[i]) i++;
      if (i < statuses.length) problems.push(`request ${id}: acknowledged statuses ${statuses.join(',')} not all in history ${tos.join(',')}`);
    }

    // Every saved change has its audit entry (they commit in one transaction), and the chain holds.
    const audited = (call: string) =>
      new Set((db.prepare('select entity_id from audit_log where call = ?').pluck().all(call) as string[]).map(Number));
    const residentEntries = audited('residents.create');
    for (const id of residents.keys()) if (!residentEntries.has(id)) problems.push(`resident ${id} was saved without its audit entry`);
    const requestEntries = audited('requests.create');
    for (const id of requests.keys()) if (!requestEntries.has(id)) problems.push(`request ${id} was saved without its audit entry`);
    const statusEntries = new Map<number, number>();
    for (const id of db.prepare("select entity_id from audit_log where call = 'requests.setStatus'").pluck().all() as string[]) {
      statusEntries.set(Number(id), (statusEntries.get(Number(id)) ?? 0) + 1);
    }
    for (const [id, chain] of history) {
      if ((statusEntries.get(id) ?? 0) !== chain.length - 1) problems.push(`request ${id}: ${chain.length - 1} status changes, ${statusEntries.get(id) ?? 0} audit entries`);
    }
    const chain = verifyChainSqlite(db);
    if (!chain.ok) problems.push(`audit verify: ${JSON.stringify(chain)}`);
  } finally {
    db.close();
  }
  return problems;
}

describe('crash safety', () => {
  it(
    `every acknowledged write survives ${KILLS} kills of the writer`,
    async () => {
      const rng = mulberry32(SEED);
      const dataDir = path.join(workDir, 'data');
      const file = path.join(dataDir, DATABASE_FILE);
      const acked: Acked = { residents: new Map(), requests: new Map(), statuses: new Map(), writes: 0 };
      const started = Date.now();
      let midWriteKills = 0;
      let startupKills = 0;
      let checkMs = 0;
      let walLeft = 0;
      let run = 0;

      while (midWriteKills < KILLS) {
        run++;
        const early = run > 1 && rng() < 0.1;
        const delay = early ? Math.floor(rng() * 150) : 10 + Math.floor(rng() * 140);
        const result = await runChild(dataDir, run, delay, early);
        // A kill after the child's first ACK landed among writes; one before it, during startup.
        if (result.lines.length > 0) midWriteKills++;
        else startupKills++;
        if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) walLeft++;
        record(acked, result.lines, run);

        const t = Date.now();
        const readonly = run % 5 !== 0;
        const problems = check(file, acked, readonly);
        checkMs += Date.now() - t;
        if (problems.length > 0) {
          throw new Error(
            `after run ${run} (seed ${SEED}, killed ${result.startToKillMs} ms after start, ${early ? 'early' : `${delay} ms after the first ACK`}, ` +
              `checked ${readonly ? 'read-only' : 'read-write'}):\n${problems.slice(0, 20).join('\n')}`,
          );
        }
      }

      // The check itself notices a lost write (a control, so that a silent check cannot pass).
      const lost: Acked = { ...acked, residents: new Map([[1_000_000_000, 'crash-lost']]), requests: new Map([[1_000_000_000, 1]]) };
      expect(check(file, lost, true).join('\n')).toMatch(/resident 1000000000 .* missing[\s\S]*request 1000000000 is missing/);
      // …and a change saved without its entry (the entry removed behind the triggers' back).
      const copy = path.join(workDir, 'unaudited.sqlite');
      const live = new Database(file, { fileMustExist: true });
      await live.backup(copy);
      live.close();
      const tampered = new Database(copy);
      const newest = tampered.prepare("select max(entity_id + 0) from audit_log where call = 'residents.create'").pluck().get() as number;
      for (const t of tampered.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").pluck().all() as string[]) tampered.exec(`drop trigger "${t}"`);
      tampered.prepare("delete from audit_log where call = 'residents.create' and entity_id = ?").run(String(newest));
      tampered.close();
      expect(check(copy, acked, true).join('\n')).toMatch(new RegExp(`resident ${newest} was saved without its audit entry`));

      // Finally the app's own way in: startCore on the folder, and the counts match.
      const core = await startCore({ dataDir });
      let committedUnacked = 0;
      try {
        // Writes that committed but were killed before their ACK: the kills did land mid-call.
        committedUnacked = (core.sqlite.prepare("select count(*) from residents where first_name like 'crash-%'").pluck().get() as number) - acked.residents.size;
        const counts = await core.dispatch('app.counts', {}, { actor: BUILT_IN_ADMIN });
        expect(counts.ok).toBe(true);
        if (counts.ok) {
          const value = counts.value as { residents: number; requests: number };
          expect(value.residents).toBeGreaterThanOrEqual(acked.residents.size);
          expect(value.requests).toBeGreaterThanOrEqual(acked.requests.size);
        }
        expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        await core.close();
      }

      const seconds = (Date.now() - started) / 1000;
      const statusAcks = [...acked.statuses.values()].reduce((n, list) => n + list.length, 0);
      console.log(
        `crash test: ${midWriteKills + startupKills} kills (${midWriteKills} during writes, ${startupKills} during startup), ` +
          `${acked.writes} acknowledged writes (${acked.residents.size} residents, ${acked.requests.size} requests, ${statusAcks} status changes), ` +
          `${committedUnacked} residents committed but not acknowledged, every change with its audit entry and the chain OK, a WAL left behind at ${walLeft} kills, ` +
          `database ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, checks ${(checkMs / 1000).toFixed(1)} s, ` +
          `${seconds.toFixed(1)} s in all, seed ${SEED}`,
      );
      expect(acked.writes).toBeGreaterThan(KILLS);
    },
    180_000,
  );
});
