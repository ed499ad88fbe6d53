/**
 * The heavy part of a residents import (issue 15): compare the prepared rows with the register
 * (fingerprints of rows imported before, the same person earlier in the file, the duplicate
 * matcher) and, for a run, write every row, the households, the report and the audit entry in one
 * transaction: all rows or none.
 *
 * Where it runs: on the long-work thread (job `import` with `database`), with a connection of its
 * own to the database file (WAL: the thread answering calls keeps answering, its reads see the
 * register as it was until the import commits). The transaction starts deferred, so the long
 * compare takes no write lock; if another connection wrote in between, its first write fails
 * with SQLITE_BUSY(_SNAPSHOT) and the whole compare-and-write runs again under BEGIN IMMEDIATE
 * (the lock held from the start, so the second try sees a register nobody changes). A core on an
 * in-memory database (tests) has no file to share: it runs the same functions in its own thread.
 *
 * Progress (the `progress` event of task `import`, done of total): each row counts once when read,
 * once when compared and, for a run, once when written; total = 2 × rows (dry run) or 3 × rows.
 */
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MAX_RESULT_ROWS, type ImportKind, type ImportResult } from '../../../../shared/domain/imports';
import { nameKey } from '../../../../shared/domain/text';
import { fullName } from '../../../../shared/domain/residents';
import { MAX_MEMBERS } from '../../../../shared/domain/households';
import { AppError, type ApiErrorBody } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import type { DB, Executor } from '../../db/schema';
import { openDatabase } from '../../db/connect';
import { appendAudit } from '../audit/audit.service';
import { updateResident } from '../residents/residents.repo';
import { findSameMany, type SamePerson } from './duplicates';
import { bulkWriter } from './bulk';
import { prepareImport, type ImportJobParams, type ImportJobResult, type PreparedRow } from './prepare';
import { ImportProblem } from './read/problems';
import { dryRunKind, runKind } from './import.kinds';

type Outcome = ImportResult['rows'][number];
type OnProgress = (done: number, total: number) => void;

export interface Classified {
  row: PreparedRow;
  outcome: Outcome;
}

/** Who runs the import, of what file, when. */
export interface RunWho {
  kind: ImportKind;
  fileName: string;
  actor: Actor;
  /** The moment written on every row, the report and the audit entry. */
  at: string;
  /** The day the new households are formed on. */
  today: string;
}

/** What the run writes beside the rows: who, when, and the file's facts as read. */
export type RunMeta = RunWho & { encoding: string | null; separator: string | null; header: string[] };

/** The database part of a job: a dry run (`meta` absent) or a run, on this file. */
export interface ImportDatabaseParams {
  file: string;
  run?: RunWho | undefined;
}

async function knownFingerprints(ex: Executor, rows: PreparedRow[]): Promise<Set<string>> {
  const known = new Set<string>();
  const all = rows.map((r) => r.fingerprint);
  for (let i = 0; i < all.length; i += 500) {
    const found = await ex.selectFrom('import_fingerprints').select('fingerprint').where('fingerprint', 'in', all.slice(i, i + 500)).execute();
    for (const f of found) known.add(f.fingerprint);
  }
  return known;
}

/** A registered resident as the wizard's table names them: "Иванова Мария Петровна, 1941". */
const matchName = (name: string, birthYear: number | null) => (birthYear !== null ? `${name}, ${birthYear}` : name);

/** What each row would do: create, update, duplicate or rejected (and why). */
export async function classify(ex: Executor, rows: PreparedRow[], onCompared: (done: number) => void = () => {}): Promise<Classified[]> {
  const known = await knownFingerprints(ex, rows);
  const asked = rows.filter((r) => r.data !== null && r.id === null);
  const sameOf = new Map<PreparedRow, SamePerson[]>();
  // The matcher in batches, so that progress moves (its lookups are batched inside each).
  const BATCH = 5000;
  for (let i = 0; i < asked.length; i += BATCH) {
    const part = asked.slice(i, i + BATCH);
    const answers = await findSameMany(ex, part.map((r) => r.data as NonNullable<PreparedRow['data']>));
    part.forEach((r, j) => sameOf.set(r, answers[j] ?? []));
    onCompared(Math.round(((i + part.length) / Math.max(1, asked.length)) * rows.length));
  }
  const householdSize = new Map<string, number>();
  const seenPrint = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  const out: Classified[] = [];
  for (const r of rows) {
    const o: Outcome = { row: r.row, outcome: 'create', reason: r.note, column: null, text: null, name: r.name, matchId: null, matchRow: null, matchName: null };
    const done = (patch: Partial<Outcome>) => out.push({ row: r, outcome: { ...o, ...patch } });
    if (r.data === null) {
      done({ outcome: 'rejected', reason: r.reason, column: r.column, text: r.text });
      continue;
    }
    if (known.has(r.fingerprint)) {
      done({ outcome: 'duplicate', reason: 'validation.importAlreadyImported' });
      continue;
    }
    const sameRow = seenPrint.get(r.fingerprint);
    if (sameRow !== undefined) {
      done({ outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: sameRow });
      continue;
    }
    seenPrint.set(r.fingerprint, r.row);
    if (r.id !== null) {
      const found = await ex.selectFrom('residents').select(['id', 'erased_at', 'last_name', 'first_name', 'patronymic', 'birth_year']).where('id', '=', r.id).executeTakeFirst();
      if (!found || found.erased_at !== null) done({ outcome: 'rejected', reason: 'validation.importNoSuchResident', column: null });
      else done({ outcome: 'update', matchId: r.id, matchName: matchName(fullName({ lastName: found.last_name, firstName: found.first_name, patronymic: found.patronymic }), found.birth_year) });
      continue;
    }
    const personKey = `${nameKey(r.data.lastName, r.data.firstName, r.data.patronymic)}|${r.data.birthYear ?? ''}`;
    const samePerson = seenPerson.get(personKey);
    if (samePerson !== undefined) {
      done({ outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: samePerson });
      continue;
    }
    seenPerson.set(personKey, r.row);
    if (r.householdKey !== '') {
      const size = (householdSize.get(r.householdKey) ?? 0) + 1;
      householdSize.set(r.householdKey, size);
      if (size > MAX_MEMBERS) {
        done({ outcome: 'rejected', reason: 'validation.importHouseholdTooLarge', column: null });
        continue;
      }
    }
    const same = sameOf.get(r) ?? [];
    if (same.length > 0) {
      const match = same[0] as SamePerson;
      done({ outcome: 'duplicate', reason: 'validation.importSameAsRegistered', matchId: match.id, matchName: matchName(match.fullName, match.birthYear) });
      continue;
    }
    done({});
  }
  return out;
}

export function summary(classified: Classified[], reportId: number | null, households: number): ImportResult {
  const count = (o: Outcome['outcome']) => classified.filter((c) => c.outcome.outcome === o).length;
  return {
    reportId,
    rowCount: classified.length,
    created: count('create'),
    updated: count('update'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    households,
    rows: classified.slice(0, MAX_RESULT_ROWS).map((c) => c.outcome),
  };
}

/**
 * Compares and writes, inside a transaction the caller holds on `ex` (whose raw connection is
 * `sqlite`): the report, every row, the households and the audit entry. Throws before returning
 * on any failure, so the caller's rollback leaves nothing.
 */
export async function writeResidents(ex: Executor, sqlite: Database.Database, rows: PreparedRow[], meta: RunMeta, onProgress: OnProgress = () => {}): Promise<ImportResult> {
  const n = rows.length;
  const classified = await classify(ex, rows, (d) => onProgress(n + d, 3 * n));
  const { actor, at } = meta;
  const rejected = classified.filter((c) => c.outcome.outcome === 'rejected');
  const report = await ex
    .insertInto('import_reports')
    .values({
      kind: meta.kind,
      file_name: meta.fileName,
      encoding: meta.encoding,
      separator: meta.separator,
      row_count: classified.length,
      created: 0,
      updated: 0,
      duplicates: 0,
      rejected: rejected.length,
      rejected_rows: JSON.stringify({
        header: meta.header,
        rows: rejected.map((c) => ({ row: c.outcome.row, reason: c.outcome.reason, column: c.outcome.column, text: c.outcome.text, cells: c.row.cells })),
      }),
      at,
      by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const households = new Map<string, { ids: number[]; address: { settlement: string; street: string; house: string; flat: string } }>();
  const relations = new Map<number, PreparedRow['relation']>();
  const write = bulkWriter(sqlite, actor.id, at);
  let i = 0;
  for (const c of classified) {
    if (++i % 1000 === 0) onProgress(2 * n + i, 3 * n);
    const data = c.row.data;
    if (data === null) continue;
    let entityId: number;
    if (c.outcome.outcome === 'create') {
      entityId = write.resident(data);
      c.outcome.matchId = entityId;
      if (c.row.householdKey !== '') {
        const h = households.get(c.row.householdKey) ?? { ids: [], address: { settlement: data.settlement, street: data.street, house: data.house, flat: data.flat } };
        h.ids.push(entityId);
        households.set(c.row.householdKey, h);
        relations.set(entityId, c.row.relation);
      }
    } else if (c.outcome.outcome === 'update' && c.outcome.matchId !== null) {
      entityId = c.outcome.matchId;
      await updateResident(ex, entityId, data, actor.id, at);
    } else continue;
    write.fingerprint(c.row.fingerprint, report.id, entityId);
  }
  // Households of the new residents: the first row of a key is the head, living there from today.
  for (const h of households.values()) {
    const id = write.household(h.address, meta.today);
    h.ids.forEach((residentId, k) => write.member(id, residentId, k === 0 ? 'head' : (relations.get(residentId) ?? 'otherRelative'), meta.today));
  }
  const result = summary(classified, report.id, households.size);
  await ex.updateTable('import_reports').set({ created: result.created, updated: result.updated, duplicates: result.duplicates }).where('id', '=', report.id).execute();
  await appendAudit(ex, {
    at,
    userId: actor.id,
    role: actor.role,
    action: 'change',
    call: 'import.run',
    entityType: 'import_reports',
    entityId: report.id,
    fields: [{ field: 'residents', changed: true }],
  });
  onProgress(3 * n, 3 * n);
  return result;
}

const isBusy = (e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/** The kind of list and the centre's today, as the job was given them (a dry run has no `run`). */
export interface ImportOf {
  kind: ImportKind;
  today: string;
}

/**
 * A list of another kind (volunteers, requests, cash book, stock: import.kinds.ts) on the job's
 * connection: the same dry run (one read snapshot) and run (one transaction, begun deferred, again
 * under BEGIN IMMEDIATE if another connection wrote meanwhile) as residents.
 */
async function kindInDatabase(db: Kysely<DB>, deferred: Kysely<DB>, params: ImportDatabaseParams, prepared: ImportJobResult, of: ImportOf, onProgress: OnProgress): Promise<ImportResult> {
  const kind = of.kind;
  if (kind === 'residents') throw new Error('Residents are not a kind of import.kinds.ts');
  const rows = prepared.kindRows;
  if (params.run === undefined) return deferred.transaction().execute((trx) => dryRunKind(trx, kind, rows, of.today, onProgress));
  const run = params.run;
  const source = { fileName: run.fileName, encoding: prepared.table.encoding, separator: prepared.table.separator, header: prepared.table.header };
  const write = (trx: Executor) => runKind(trx, kind, rows, source, run.actor, run.at, run.today, onProgress);
  try {
    return await deferred.transaction().execute(write);
  } catch (e) {
    if (!isBusy(e)) throw e;
    return await db.transaction().execute(write);
  }
}

/** The dry run or the run on a connection of its own to `params.file` (the long-work thread). */
export async function importInDatabase(params: ImportDatabaseParams, prepared: ImportJobResult, onProgress: OnProgress, of: ImportOf = { kind: 'residents', today: params.run?.today ?? '' }): Promise<ImportResult> {
  const { rows, table } = prepared;
  // `db` begins its transactions IMMEDIATE (the write lock up front, db/connect.ts); `deferred` plainly.
  const { db, sqlite } = openDatabase(params.file);
  const deferred = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // The import's inserts touch index pages all over a city-sized file: a larger page cache for this connection only.
    sqlite.pragma('cache_size = -131072');
    if (of.kind !== 'residents') return await kindInDatabase(db, deferred, params, prepared, of, onProgress);
    const n = rows.length;
    if (params.run === undefined) {
      // A dry run: one read transaction (one snapshot of the register), nothing written.
      return await deferred.transaction().execute(async (trx) => {
        const classified = await classify(trx, rows, (d) => onProgress(n + d, 2 * n));
        onProgress(2 * n, 2 * n);
        return summary(classified, null, 0);
      });
    }
    const meta: RunMeta = { ...params.run, encoding: table.encoding, separator: table.separator, header: table.header };
    try {
      return await deferred.transaction().execute((trx) => writeResidents(trx, sqlite, rows, meta, onProgress));
    } catch (e) {
      // Someone wrote while the rows were compared: again, holding the write lock from the start.
      if (!isBusy(e)) throw e;
      return await db.transaction().execute((trx) => writeResidents(trx, sqlite, rows, meta, onProgress));
    }
  } finally {
    await db.destroy();
  }
}

export type ImportJobAnswer =
  | { ok: true; value: ImportJobResult & { result?: ImportResult | undefined } }
  | { ok: false; problem: ImportProblem['problem']; detail: string | null }
  | { ok: false; problem: null; error: ApiErrorBody };

/**
 * The job `import` as the work runner calls it: read and prepare the file; with `database`, also
 * the dry run or the run there (the prepared rows then stay on this thread). A file that cannot be
 * imported, or a refusal (AppError), is an answer, not a thrown error (a thrown one would reach the
 * other thread as `internal`).
 */
export async function runImportJob(params: ImportJobParams & { database?: ImportDatabaseParams | undefined }, onProgress: OnProgress): Promise<ImportJobAnswer> {
  try {
    const phases = params.database === undefined ? 1 : params.database.run === undefined ? 2 : 3;
    const prepared = await prepareImport(params, (d, t) => onProgress(d, phases * t));
    if (params.database === undefined || params.mapping === undefined) return { ok: true, value: prepared };
    const kind = params.kind ?? 'residents';
    if (kind !== 'residents' && params.today === undefined) throw new Error('An import of another kind needs the centre\'s today');
    const result = await importInDatabase(params.database, prepared, onProgress, { kind, today: params.today ?? '' });
    return { ok: true, value: { table: prepared.table, rows: [], kindRows: [], result } };
  } catch (e) {
    if (e instanceof ImportProblem) return { ok: false, problem: e.problem, detail: e.detail ?? null };
    if (e instanceof AppError) return { ok: false, problem: null, error: e.toBody() };
    throw e;
  }
}
