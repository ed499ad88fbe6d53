/**
 * Backups taken while another connection writes are consistent: every invariant holds in every
 * snapshot.
 *
 * A core is started on a temporary file. A second writer, in a child process with a connection
 * of its own, keeps committing transactions that each keep the invariants (a resident, requests
 * for it with their status history, status changes of older requests, and a `ledger` row that
 * counts all of it). Meanwhile the parent takes snapshots: `VACUUM INTO` and better-sqlite3's
 * online backup API through the core's connection, and the backup module's `takeSnapshot` (the
 * path real backups take: a read-only connection of its own, one read transaction, the backup API
 * in steps of 8 pages, so that the writer commits between the steps); between snapshots it also
 * writes through the core, so that the two writers contend for the write lock. Every snapshot is opened read-only and checked:
 * integrity_check, foreign_key_check, the invariants, and the ledger against the rows. A snapshot
 * torn across a transaction would break the ledger; one taken from a moving file would fail the
 * integrity check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ADMIN } from '../context';
import { startCore, type StartedCore } from '../start';
import { minimalResidentInput, requestInput } from '../testing/builders';
import { takeSnapshot } from './make-backup';

/**
 * The second writer (plain JavaScript, run by node). Each transaction adds 1–3 residents, 0–3
 * requests per resident with their first history row, moves 0–3 older requests on (a history row
 * and the request's status in one go), and updates the ledger. It prints `P <batches> <busy>`
 * now and then; SQLITE_BUSY (when the core holds the write lock longer than the busy timeout) is
 * counted and retried. Between transactions it pauses 0–2 ms.
 */
const WRITER = String.raw`
const [sqlitePath, file] = process.argv.slice(2);
const Database = require(sqlitePath);
const { writeSync } = require('node:fs');
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = FULL');
const kindId = db.prepare('select id from service_kinds order by id limit 1').pluck().get();
const NEXT = { new: ['planned', 'inProgress', 'done', 'cancelled', 'referred'], planned: ['inProgress', 'done', 'new', 'cancelled', 'referred'],
  inProgress: ['done', 'planned', 'cancelled', 'referred'], done: ['new'], cancelled: ['new'], referred: ['new'] };
const insResident = db.prepare("insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, notes, household_size, created_at, created_by, updated_at, updated_by) values ('Writer', @first, @key, @key, @key, 'Sylva', @notes, @size, @at, 1, @at, 1)");
const insRequest = db.prepare("insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by) values (?, ?, 'normal', 'phone', ?, 'new', ?, ?, 1, ?, 1)");
const insHistory = db.prepare("insert into request_status_history (request_id, from_status, to_status, note, changed_at, changed_by) values (?, ?, ?, ?, ?, 1)");
const setStatus = db.prepare('update requests set status = ?, updated_at = ? where id = ?');
const maxRequest = db.prepare('select max(id) from requests').pluck();
const statusOf = db.prepare('select status from requests where id = ?').pluck();
const bumpLedger = db.prepare('update ledger set batches = batches + 1, residents = residents + ?, requests = requests + ?, history = history + ?, resident_id_sum = resident_id_sum + ?, household_sum = household_sum + ?');
let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const batch = db.transaction((n) => {
  const at = new Date().toISOString();
  const on = at.slice(0, 10);
  let residents = 0, requests = 0, history = 0, idSum = 0, sizeSum = 0;
  for (let r = 0, count = 1 + Math.floor(rnd() * 3); r < count; r++) {
    const size = 1 + Math.floor(rnd() * 6);
    const notes = 'writer ' + n + (rnd() < 0.1 ? ' ' + 'x'.repeat(Math.floor(rnd() * 6000)) : '');
    const id = Number(insResident.run({ first: 'W' + n + '-' + r, key: 'writer w' + n, notes, size, at }).lastInsertRowid);
    residents++; idSum += id; sizeSum += size;
    for (let q = 0, qs = Math.floor(rnd() * 4); q < qs; q++) {
      const rid = Number(insRequest.run(id, kindId, 'writer ' + n, at, on, at).lastInsertRowid);
      insHistory.run(rid, null, 'new', 'writer ' + n, at);
      requests++; history++;
    }
  }
  const max = maxRequest.get();
  for (let s = 0, moves = max ? Math.floor(rnd() * 4) : 0; s < moves; s++) {
    const id = 1 + Math.floor(rnd() * max);
    const from = statusOf.get(id);
    if (from === undefined) continue;
    const to = pick(NEXT[from]);
    setStatus.run(to, at, id);
    insHistory.run(id, from, to, 'writer ' + n, at);
    history++;
  }
  bumpLedger.run(residents, requests, history, idSum, sizeSum);
});
let busy = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let n = 1; ; ) {
  try {
    batch.immediate(n);
    if (n % 10 === 0) writeSync(1, 'P ' + n + ' ' + busy + '\n');
    n++;
    // A breath between transactions, as a real second writer would take; without it the core's
    // deferred transactions never get through (see coreWrite in the test).
    Atomics.wait(pause, 0, 0, Math.floor(rnd() * 3));
  } catch (e) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) { busy++; continue; }
    throw e;
  }
}
`;

interface Ledger {
  batches: number;
  residents: number;
  requests: number;
  history: number;
  resident_id_sum: number;
  household_sum: number;
}

/** Opens a snapshot read-only and returns every broken invariant (empty: consistent). */
function checkSnapshot(file: string): { problems: string[]; ledger: Ledger | undefined } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  let ledger: Ledger | undefined;
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    const count = (label: string, sql: string) => {
      const n = db.prepare(sql).pluck().get() as number;
      if (n !== 0) problems.push(`${label}: ${n}`);
    };
    count('requests without a resident', 'select count(*) from requests r where not exists (select 1 from residents p where p.id = r.resident_id)');
    count('requests without history', 'select count(*) from requests r where not exists (select 1 from request_status_history h where h.request_id = r.id)');
    count(
      'requests whose status is not their last history row',
      'select count(*) from requests r where r.status is not (select h.to_status from request_status_history h where h.request_id = r.id order by h.id desc limit 1)',
    );
    count(
      'history rows that do not continue the previous one',
      `select count(*) from request_status_history h where h.from_status is not (
         select p.to_status from request_status_history p where p.request_id = h.request_id and p.id < h.id order by p.id desc limit 1)`,
    );
    ledger = db.prepare('select batches, residents, requests, history, resident_id_sum, household_sum from ledger').get() as Ledger | undefined;
    const actual = db
      .prepare(
        `select (select count(*) from residents where notes like 'writer %') residents,
                (select count(*) from requests where description like 'writer %') requests,
                (select count(*) from request_status_history where note like 'writer %') history,
                (select coalesce(sum(id), 0) from residents where notes like 'writer %') resident_id_sum,
                (select coalesce(sum(household_size), 0) from residents where notes like 'writer %') household_sum`,
      )
      .get() as Omit<Ledger, 'batches'>;
    if (!ledger) problems.push('no ledger row');
    else {
      for (const key of ['residents', 'requests', 'history', 'resident_id_sum', 'household_sum'] as const) {
        if (ledger[key] !== actual[key]) problems.push(`ledger.${key} = ${ledger[key]} but the rows say ${actual[key]}`);
      }
    }
  } finally {
    db.close();
  }
  return { problems, ledger };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir = '';
let core: StartedCore;
let writer: ChildProcess;
let writerErr = '';
let writerOut = '';
let kindId = 0;
const coreErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-snapshots-'));
  const logger = { info() {}, warn() {}, error: (message: string, data?: Record<string, unknown>) => void coreErrors.push(`${message} ${JSON.stringify(data)}`) };
  core = await startCore({ dataDir: path.join(dir, 'data'), logger });
  const setup = await core.dispatch('setup.complete', { centreName: 'Snapshots', country: 'OTHER', currency: 'EUR', language: 'en', demo: false }, { actor: BUILT_IN_ADMIN });
  expect(setup.ok).toBe(true);
  const kinds = await core.dispatch('catalogue.list', {}, { actor: BUILT_IN_ADMIN });
  if (!kinds.ok) throw new Error('catalogue.list failed');
  kindId = (kinds.value as Array<{ id: number }>)[0]?.id ?? 0;
  core.sqlite.exec(`create table ledger (batches integer not null, residents integer not null, requests integer not null, history integer not null,
                    resident_id_sum integer not null, household_sum integer not null);
                    insert into ledger values (0, 0, 0, 0, 0, 0);`);
  const script = path.join(dir, 'writer.cjs');
  writeFileSync(script, WRITER);
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  writer = spawn(process.execPath, [script, sqlitePath, core.file], { stdio: ['ignore', 'pipe', 'pipe'] });
  writer.stdout?.setEncoding('utf8').on('data', (c: string) => (writerOut = (writerOut + c).slice(-4096)));
  writer.stderr?.setEncoding('utf8').on('data', (c: string) => (writerErr += c));
});

afterAll(async () => {
  if (writer && writer.exitCode === null && writer.signalCode === null) {
    const closed = new Promise((r) => writer.once('close', r));
    writer.kill('SIGTERM');
    await closed;
  }
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const batches = () => core.sqlite.prepare('select batches from ledger').pluck().get() as number;

/** Waits until the second writer has committed more than `after` batches (so every snapshot differs). */
async function waitForWrites(after: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const n = batches();
    if (n > after) return n;
    if (writer.exitCode !== null || writer.signalCode !== null) throw new Error(`the writer stopped: ${writerErr}`);
    if (Date.now() > deadline) throw new Error(`the writer made no progress: ${writerErr}`);
    await sleep(5);
  }
}

type Method = 'vacuumInto' | 'backupApi' | 'takeSnapshot';

/**
 * A write through the core's dispatch, retried while it fails with "database is locked".
 *
 * The core's transactions are deferred (Kysely sends a plain `begin`): one that reads before it
 * writes (requests.create checks the resident and the kind first) fails at once with
 * SQLITE_BUSY_SNAPSHOT when another connection commits between its first read and its first
 * write, and busy_timeout does not help with that. Dispatch reports it as `internal`. The retries
 * are counted and printed; they are 0 once write transactions begin with BEGIN IMMEDIATE.
 */
let lockedRetries = 0;
let worstAttempts = 0;
async function coreWrite(name: 'residents.create' | 'requests.create', input: unknown): Promise<unknown> {
  const deadline = Date.now() + 20_000;
  for (let attempt = 1; ; attempt++) {
    const logged = coreErrors.length;
    const envelope = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
    if (envelope.ok) {
      worstAttempts = Math.max(worstAttempts, attempt);
      return envelope.value;
    }
    const locked = envelope.error.code === 'internal' && coreErrors.slice(logged).some((e) => e.includes('database is locked'));
    if (!locked) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)} ${coreErrors.slice(logged).join('; ')}`);
    if (Date.now() > deadline) throw new Error(`${name}: database still locked after ${attempt} attempts`);
    lockedRetries++;
    await sleep(Math.random() * Math.min(20, attempt));
  }
}

describe('snapshots while another connection writes', () => {
  it(
    'VACUUM INTO, the online backup API and takeSnapshot give consistent snapshots, 90 in all',
    async () => {
      const methods: Method[] = ['vacuumInto', 'backupApi', 'takeSnapshot'];
      const taken: Array<{ method: Method; file: string; size: number; ledger: Ledger }> = [];
      let seen = await waitForWrites(0);
      let coreWrites = 0;

      for (let i = 0; i < 90; i++) {
        const method = methods[i % methods.length] as Method;
        seen = await waitForWrites(seen);
        // The core writes too: two writers contend for the lock.
        if (i % 2 === 0) {
          const resident = await coreWrite('residents.create', minimalResidentInput({ notes: `core ${i}` }));
          await coreWrite('requests.create', requestInput({ residentId: (resident as { id: number }).id, kindId }));
          coreWrites += 2;
        }

        const file = path.join(dir, `snap-${i}-${method}.sqlite`);
        if (method === 'vacuumInto') {
          core.sqlite.prepare('VACUUM INTO ?').run(file);
        } else if (method === 'backupApi') {
          // After the first (empty) step, one step for the whole file: a step copies under one
          // read transaction, while with small steps the backup starts over whenever the other
          // connection commits between two of them (and may never finish under steady writes).
          await core.sqlite.backup(file, { progress: () => 0x7fffffff });
        } else {
          // Small steps while the writer commits: the read transaction keeps them in one state.
          await takeSnapshot(core.file, file, undefined, 8);
        }

        const { problems, ledger } = checkSnapshot(file);
        if (problems.length > 0 || !ledger) throw new Error(`snapshot ${i} (${method}, writer at batch ≥ ${seen}):\n${problems.join('\n')}`);
        taken.push({ method, file, size: statSync(file).size, ledger });
        // The next snapshot waits for a transaction this one does not have.
        seen = Math.max(seen, ledger.batches);
      }

      const closed = new Promise<[number | null, NodeJS.Signals | null]>((r) => writer.once('close', (code, signal) => r([code, signal])));
      writer.kill('SIGTERM');
      const [code, signal] = await closed;
      expect(writerErr).toBe('');
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });

      // The writer really wrote between snapshots, and the files grew.
      for (let i = 1; i < taken.length; i++) {
        expect(taken[i]?.ledger.batches).toBeGreaterThan(taken[i - 1]?.ledger.batches ?? Infinity);
      }
      for (const method of methods) {
        const sizes = taken.filter((t) => t.method === method).map((t) => t.size);
        expect(sizes.length).toBeGreaterThanOrEqual(30);
        for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1] ?? Infinity);
        expect(sizes.at(-1)).toBeGreaterThan(sizes[0] ?? Infinity);
      }
      const last = taken.at(-1)?.ledger;
      const busy = /P \d+ (\d+)\n$/.exec(writerOut)?.[1] ?? '?';
      console.log(
        `snapshots: ${taken.length} consistent (${methods.map((m) => `${taken.filter((t) => t.method === m).length} ${m}`).join(', ')}); ` +
          `writer ${last?.batches} transactions (${last?.residents} residents, ${last?.requests} requests, ${last?.history} history rows), ` +
          `writer SQLITE_BUSY retries ${busy}; core ${coreWrites} writes (${lockedRetries} retries after 'database is locked', at worst ${worstAttempts} attempts for one write); ` +
          `sizes ${(taken[0]?.size ?? 0) >> 10} → ${(taken.at(-1)?.size ?? 0) >> 10} KiB`,
      );
      // Write transactions begin IMMEDIATE (db/connect.ts): a second writer only makes them wait.
      expect(lockedRetries).toBe(0);
    },
    120_000,
  );

  it('the checks catch a snapshot that breaks an invariant', () => {
    const good = path.join(dir, 'control.sqlite');
    core.sqlite.prepare('VACUUM INTO ?').run(good);
    expect(checkSnapshot(good).problems).toEqual([]);
    const damages: Array<[string, RegExp]> = [
      ['update ledger set residents = residents + 1', /ledger\.residents/],
      ["delete from residents where id = (select max(id) from residents where notes like 'writer %')", /ledger\.residents|foreign_key_check/],
      ['delete from request_status_history where id = (select max(id) from request_status_history where from_status is not null)', /last history row/],
      ["update request_status_history set from_status = 'done' where id = (select max(id) from request_status_history where from_status = 'new')", /do not continue/],
      ['delete from request_status_history where request_id = (select max(id) from requests)', /without history/],
    ];
    for (const [i, [sql, expected]] of damages.entries()) {
      const copy = path.join(dir, `control-${i}.sqlite`);
      core.sqlite.prepare('VACUUM INTO ?').run(copy);
      const db = new Database(copy);
      db.pragma('foreign_keys = OFF');
      expect(db.prepare(sql).run().changes).toBeGreaterThan(0);
      db.close();
      expect(checkSnapshot(copy).problems.join('\n')).toMatch(expected);
    }
  });
});
