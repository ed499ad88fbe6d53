import { existsSync, mkdirSync } from 'node:fs';
import { createFigureReader } from './features/reports/figure-reader';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from './clock';
import { createCore, type Core } from './create-core';
import { openDatabase } from './db/connect';
import { DatabaseFromFutureError, migrateToLatest } from './db/migrate';
import { acquireLock, DatabaseDamagedError, quickCheck } from './db/safety';
import type { DB } from './db/schema';
import type { HostServices } from './context';
import type { SessionStore } from './features/users/sessions';
import { ensureBuiltInKinds } from './features/catalogue/catalogue.service';
import { ensureBuiltInSkills } from './features/volunteers/skills';
import { ensureDefaultAccounts } from './features/cashbook/accounts';
import { generatePlanTasks } from './features/plans/plans.service';
import { generateRentCharges } from './features/grants/rent.service';
import { silentLogger, type Logger } from './logger';
import { optimizeAtOpen } from './db/optimize';
import { migrations as registry } from '../../migrations';
import type { ScryptParams } from './features/users/password';
import type { LongWork } from './work/runner';

export { DATABASE_FILE } from './db/database-file';
import { DATABASE_FILE } from './db/database-file';

export interface StartOptions {
  /** A data folder (the database is hearth.sqlite inside it), or null for an in-memory database. */
  dataDir: string | null;
  clock?: Clock;
  logger?: Logger;
  /** Take the data folder's single-writer lock (default: yes, for a data folder). */
  lock?: boolean;
  /** Called before pending migrations run on a database that already has data (a verified backup). */
  beforeMigrate?: (sqlite: Database.Database, pending: string[]) => Promise<void>;
  host?: HostServices;
  /** The migration list (tests only; default: the static registry). */
  migrations?: typeof registry;
  /** Sessions to keep (the app host passes one store so that a restore does not sign anyone out). */
  sessions?: SessionStore;
  /** The scrypt cost for new hashes (tests only; default: SCRYPT_PARAMS, see CoreDeps.hashing). */
  hashing?: ScryptParams;
  /** The long-work runner to use (the app host's, which outlives a restore); default: the core's own. */
  work?: LongWork;
  /** The bundled second reader of the results report (dist-electron/figures-worker.cjs); default: the sources through tsx. */
  figuresScript?: string | undefined;
  /** From what size of the database file a home screen starts that reader early (default WARM_FROM_BYTES; tests 0). */
  figuresWarmFromBytes?: number | undefined;
}

export type StartedCore = Core & { sqlite: Database.Database; file: string };

interface Inspection {
  pending: string[];
  hasData: boolean;
}

/**
 * Looks at an existing file before anything writes to it: a damaged file or one from a newer
 * Hearth is refused and left byte-for-byte as it was.
 */
function inspect(sqlite: Database.Database, list: typeof registry): Inspection {
  let problem: string | null;
  try {
    problem = quickCheck(sqlite);
  } catch (e) {
    throw new DatabaseDamagedError(e instanceof Error ? e.message : String(e));
  }
  if (problem !== null) throw new DatabaseDamagedError(problem);
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'").get() !== undefined;
  const done = new Set(hasTable ? (sqlite.prepare('select name from schema_migrations').pluck().all() as string[]) : []);
  const known = new Set(list.map(([name]) => name));
  const unknown = [...done].filter((n) => !known.has(n));
  if (unknown.length > 0) throw new DatabaseFromFutureError(unknown.sort());
  return { pending: list.map(([n]) => n).filter((n) => !done.has(n)), hasData: done.size > 0 };
}

function inspectReadOnly(file: string, list: typeof registry): Inspection | null {
  let ro: Database.Database | null = null;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    return inspect(ro, list);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // A WAL left by a crash needs a writable connection to recover; inspect after opening.
    if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) return null;
    throw e;
  } finally {
    ro?.close();
  }
}

/**
 * Opens (creating if needed) the database, checks it, migrates it (after a verified backup when it
 * already holds data), adds missing built-in kinds and builds the core.
 */
export async function startCore(options: StartOptions): Promise<StartedCore> {
  const clock = options.clock ?? systemClock();
  const logger = options.logger ?? silentLogger;
  let file = ':memory:';
  let release = () => {};
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, DATABASE_FILE);
    if (options.lock !== false) release = acquireLock(options.dataDir);
  }
  let db: Kysely<DB> | null = null;
  try {
    const list = options.migrations ?? registry;
    let inspection = file !== ':memory:' && existsSync(file) ? inspectReadOnly(file, list) : null;
    const opened = openDatabase(file);
    db = opened.db;
    if (inspection === null && file !== ':memory:' && existsSync(file)) inspection = inspect(opened.sqlite, list);
    if (inspection && inspection.hasData && inspection.pending.length > 0 && options.beforeMigrate) {
      await options.beforeMigrate(opened.sqlite, inspection.pending);
    }
    const result = await migrateToLatest(db, { now: () => clock.now(), migrations: list });
    if (result.applied.length > 0) logger.info('migrated', { applied: result.applied });
    const at = clock.now().toISOString();
    await ensureBuiltInKinds(db, at);
    await ensureBuiltInSkills(db, at);
    await ensureDefaultAccounts(db, at);
    // Help plans make their tasks ahead (idempotent): at every start, and daily in the app host.
    await generatePlanTasks({ db, clock });
    // Monthly rent due of the leases, up to this month (idempotent): at every start and daily.
    await generateRentCharges(db, clock.today(), clock.now());
    // Statistics for the planner: new indexes, tables grown since (bounded; db/optimize.ts).
    optimizeAtOpen(opened.sqlite);
    const figures = file === ':memory:' ? undefined : createFigureReader({ file, script: options.figuresScript, warmFromBytes: options.figuresWarmFromBytes, onError: (message) => logger.warn('second report reader failed', { error: message }) });
    const core = createCore({ db, sqlite: opened.sqlite, clock, logger, paths: { dataDir: options.dataDir }, host: options.host, sessions: options.sessions, hashing: options.hashing, work: options.work, figures });
    const close = core.close;
    return {
      ...core,
      sqlite: opened.sqlite,
      file,
      close: async () => {
        await close();
        release();
      },
    };
  } catch (e) {
    await db?.destroy();
    release();
    throw e;
  }
}
