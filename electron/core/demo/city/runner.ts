/**
 * Runs the city's changes the way dispatch runs a call (electron/core/dispatch.ts), but many calls
 * to one transaction: the call's input schema, the role check, the declared entity read before
 * the handler, the handler itself (the features' services, so search terms, status history and a
 * request's status follow the core's rules), and the audit entry built by the same `auditEntry`
 * with its hash computed by the same `entryHash`. What differs from dispatch, each measured:
 *
 * - Thousands of calls share one transaction (`batchSize`), with synchronous=NORMAL while
 *   generating: a commit per call would be a million commits.
 * - The handlers run on a Kysely instance over the same connection that keeps its prepared
 *   statements: Kysely's SQLite driver prepares every statement again on every execution, which
 *   took about 40 % of a status change (776 → 580 µs for a resident, 915 → 406 µs for a status
 *   change on a 2-core machine).
 * - The audit entries are appended by a chain writer that keeps the chain's head in memory and
 *   inserts with one prepared statement (`appendAudit` reads the head back for every entry).
 * - For an update whose handler answers with its declared entity read (a request's status answers
 *   `requests.get`, a task's outcome `tasks.get`), the answer is the "after" snapshot instead of a
 *   second read. `verifyAfter` (tests) reads it as well and fails when they differ.
 * - The clock is the generation's own: it moves through ten years, and its day is the UTC date.
 */
import { Kysely, SqliteDialect, type ControlledTransaction } from 'kysely';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { contract, mayCall, type CallName, type HandlerOutput, type ParsedInput, type CallInput } from '../../../../shared/api/contract';
import type { CallDef } from '../../../../shared/api/define';
import type { Clock } from '../../clock';
import type { Actor, CallContext, CoreDeps } from '../../context';
import type { DB } from '../../db/schema';
import { handlers } from '../../handlers';
import { auditEntry, readEntity } from '../../policy/audit-entry';
import type { AuditChainWriter } from './audit';
import { fastPath, inCheckpoint, type Fast, type FastCall, type FastResult } from './fast';

/** A clock that the generation moves by hand; its day is the UTC calendar date of its time. */
export class MovingClock implements Clock {
  #ms: number;
  constructor(ms: number) {
    this.#ms = ms;
  }
  get ms(): number {
    return this.#ms;
  }
  set(ms: number): void {
    this.#ms = ms;
  }
  now(): Date {
    return new Date(this.#ms);
  }
  today(): string {
    return new Date(this.#ms).toISOString().slice(0, 10);
  }
}

/** Calls whose handler answers with what their declared entity read answers (checked with `verifyAfter`). */
const ANSWERS_WITH_ENTITY: ReadonlySet<CallName> = new Set<CallName>([
  'requests.setStatus',
  'requests.update',
  'tasks.complete',
  'tasks.notDone',
  'tasks.cancel',
  'tasks.assign',
  'tasks.update',
  'tasks.reopen',
  'households.addMember',
  'households.endMembership',
]);

/** Statements that are never reused (savepoints carry a fresh name each time) are not kept. */
const ONE_OFF = /^\s*(savepoint|release|rollback)/i;
const MAX_KEPT_STATEMENTS = 2000;

/**
 * A Kysely instance on the same connection that reuses prepared statements (see the top of this
 * file). Only for the generation, which is the only user of the connection while it runs.
 */
export function statementCachingKysely(sqlite: Database.Database): Kysely<DB> {
  const kept = new Map<string, Database.Statement>();
  const database = {
    prepare(sql: string): Database.Statement {
      const found = kept.get(sql);
      if (found !== undefined) return found;
      const statement = sqlite.prepare(sql);
      if (!ONE_OFF.test(sql)) {
        if (kept.size >= MAX_KEPT_STATEMENTS) kept.clear();
        kept.set(sql, statement);
      }
      return statement;
    },
    close(): void {
      kept.clear();
    },
  };
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: database as unknown as Database.Database }) });
}

export interface RunnerOptions {
  /** The core's deps (its logger, paths, hashing); `db` and `clock` are replaced. */
  deps: CoreDeps;
  sqlite: Database.Database;
  clock: MovingClock;
  audit: AuditChainWriter;
  /** Calls per transaction. */
  batchSize: number;
  /** Read the entity after the handler too, and fail when it differs from the answer (tests). */
  verifyAfter?: boolean;
}

export class CallFailedError extends Error {}

/** What a call gives the generator: the handler's answer, or only the ids a fast path returns. */
export type CallAnswer<K extends CallName> = K extends FastCall ? FastResult['value'] : HandlerOutput<K>;

/** Runs calls in batched transactions, each with its audit entry; `calls` counts them. */
export class CallRunner {
  readonly db: Kysely<DB>;
  calls = 0;
  readonly byCall = new Map<string, number>();
  /** Milliseconds spent in each call (for the generator's report of where its time goes). */
  readonly msByCall = new Map<string, number>();
  #trx: ControlledTransaction<DB> | null = null;
  #inBatch = 0;
  readonly #options: RunnerOptions;

  constructor(options: RunnerOptions) {
    this.#options = options;
    this.db = statementCachingKysely(options.sqlite);
  }

  /** The open batch transaction (one is begun when none is open). */
  async trx(): Promise<ControlledTransaction<DB>> {
    if (this.#trx === null) {
      this.#trx = await this.db.startTransaction().execute();
      this.#inBatch = 0;
    }
    return this.#trx;
  }

  /** The deps a handler receives: the batch transaction and the generation's clock. */
  async deps(): Promise<CoreDeps> {
    return { ...this.#options.deps, db: await this.trx(), clock: this.#options.clock };
  }

  /** One call, as dispatch would run it (or its fast path), inside the batch; returns the answer. */
  async call<K extends CallName>(name: K, input: CallInput<K>, actor: Actor): Promise<CallAnswer<K>> {
    const t0 = performance.now();
    const def = contract[name] as unknown as CallDef<z.ZodType, z.ZodType>;
    if (!mayCall(name, actor.role)) throw new CallFailedError(`${actor.role} may not use ${name}`);
    const parsed = def.input.safeParse(input);
    if (!parsed.success) throw new CallFailedError(`${name}: invalid input ${JSON.stringify(parsed.error.issues.slice(0, 3))} in ${JSON.stringify(input)}`);
    const ctx: CallContext = { actor };
    const deps = await this.deps();
    const input_ = parsed.data as ParsedInput<K>;
    const fast = fastPath(name);
    let done: { out: unknown; before: unknown; after: unknown };
    try {
      if (fast === undefined) done = await this.#real(name, def, input_, ctx, deps);
      else if (!this.#options.verifyAfter) done = await this.#fast(fast, input_, actor, deps);
      else {
        // Tests: the real call first (rolled back), then the fast path, which must write the same.
        const trx = await this.trx();
        const real = await inCheckpoint(trx, async () => {
          const r = await this.#real(name, def, input_, ctx, deps);
          return { rows: await fast.rows(trx, input_, r.out as { id: number }), entry: auditEntry({ name, def, input: input_, ctx, value: r.out, before: r.before, after: r.after, at: this.#options.clock.now() }) };
        });
        done = await this.#fast(fast, input_, actor, deps);
        const rows = await fast.rows(trx, input_, done.out as { id: number });
        const entry = auditEntry({ name, def, input: input_, ctx, value: done.out, before: done.before, after: done.after, at: this.#options.clock.now() });
        if (JSON.stringify(rows) !== JSON.stringify(real.rows)) throw new CallFailedError(`${name}: the fast path wrote ${JSON.stringify(rows)}, the call ${JSON.stringify(real.rows)}`);
        if (JSON.stringify(entry) !== JSON.stringify(real.entry)) throw new CallFailedError(`${name}: the fast path's entry ${JSON.stringify(entry)}, the call's ${JSON.stringify(real.entry)}`);
      }
    } catch (e) {
      if (e instanceof CallFailedError) throw e;
      throw new CallFailedError(`${name} ${JSON.stringify(input)} failed at ${this.#options.clock.now().toISOString()}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (def.audit !== 'self' && def.audit !== 'none') {
      this.#options.audit.append(auditEntry({ name, def, input: input_, ctx, value: done.out, before: done.before, after: done.after, at: this.#options.clock.now() }));
    }
    this.calls++;
    this.byCall.set(name, (this.byCall.get(name) ?? 0) + 1);
    this.msByCall.set(name, (this.msByCall.get(name) ?? 0) + performance.now() - t0);
    if (++this.#inBatch >= this.#options.batchSize) await this.commit();
    return done.out as CallAnswer<K>;
  }

  /** The call as dispatch runs it: the entity read before, the handler, the entity read after. */
  async #real(name: CallName, def: CallDef<z.ZodType, z.ZodType>, input: unknown, ctx: CallContext, deps: CoreDeps): Promise<{ out: unknown; before: unknown; after: unknown }> {
    const handler = handlers[name] as unknown as (input: unknown, ctx: CallContext, deps: CoreDeps) => Promise<unknown>;
    const before = def.entity ? await readEntity(handlers, def.entity, input, ctx, deps) : undefined;
    const out = await handler(input, ctx, deps);
    let after: unknown;
    if (def.entity) {
      if (!ANSWERS_WITH_ENTITY.has(name) || this.#options.verifyAfter) after = await readEntity(handlers, def.entity, input, ctx, deps);
      if (ANSWERS_WITH_ENTITY.has(name)) {
        if (this.#options.verifyAfter && JSON.stringify(after) !== JSON.stringify(out)) throw new CallFailedError(`${name}: its answer is not what ${def.entity.read} reads after it`);
        after = out;
      }
    }
    return { out, before, after };
  }

  async #fast<K extends CallName>(fast: Fast<K>, input: ParsedInput<K>, actor: Actor, deps: CoreDeps): Promise<{ out: unknown; before: unknown; after: unknown }> {
    const r = await fast.run(input, actor, deps);
    return { out: r.value, before: r.before, after: r.after };
  }

  /** Work outside the contract (the app host's daily plan run): in the batch, without an entry. */
  async run<T>(work: (deps: CoreDeps) => Promise<T>): Promise<T> {
    return work(await this.deps());
  }

  /** Commits the open batch, if any. */
  async commit(): Promise<void> {
    const trx = this.#trx;
    if (trx === null) return;
    this.#trx = null;
    await trx.commit().execute();
  }

  async rollback(): Promise<void> {
    const trx = this.#trx;
    if (trx === null) return;
    this.#trx = null;
    await trx.rollback().execute();
  }

  async close(): Promise<void> {
    await this.commit();
    await this.db.destroy();
  }
}
