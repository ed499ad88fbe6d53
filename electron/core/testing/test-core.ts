/**
 * A core for tests: a real in-memory SQLite database with every migration run and the built-in
 * kinds added, started exactly as the hosts start it (startCore), with a fixed clock that tests
 * can move by hand.
 */
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN, type Actor } from '../context';
import { startCore } from '../start';
import type { ScryptParams } from '../features/users/password';

export const DEFAULT_NOW = '2026-11-16T09:30:00.000Z';

export type TestCore = Awaited<ReturnType<typeof createTestCore>>;

export class CallFailed extends Error {
  readonly envelope: Envelope<unknown>;
  constructor(name: string, envelope: Envelope<unknown>) {
    super(`${name} failed: ${JSON.stringify(envelope)}`);
    this.name = 'CallFailed';
    this.envelope = envelope;
  }
}

/** A cheap scrypt cost for tests that hash hundreds of secrets (never used by the app). */
export const TEST_HASHING: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 64, saltLength: 16 };

/** An in-memory core by default; `dataDir` puts its database in a file (what needs a second connection). */
export async function createTestCore(opts: { now?: string; hashing?: ScryptParams; dataDir?: string; figuresWarmFromBytes?: number } = {}) {
  const clock = fixedClock(opts.now ?? DEFAULT_NOW);
  const core = await startCore({ dataDir: opts.dataDir ?? null, clock, ...(opts.hashing ? { hashing: opts.hashing } : {}), figuresWarmFromBytes: opts.figuresWarmFromBytes });

  /** Dispatches as the built-in administrator (or the given actor) and returns the envelope. */
  async function call<K extends CallName>(name: K, input: CallInput<K>, actor: Actor = BUILT_IN_ADMIN): Promise<Envelope<CallOutput<K>>> {
    return (await core.dispatch(name, input, { actor })) as Envelope<CallOutput<K>>;
  }

  /** Dispatches any name with any input (for invalid and hostile payloads); returns the envelope. */
  function raw(name: string, input: unknown, actor: Actor = BUILT_IN_ADMIN): Promise<Envelope<unknown>> {
    return core.dispatch(name, input, { actor });
  }

  /** Dispatches and returns the value; throws CallFailed (with the envelope) when not ok. */
  async function value<K extends CallName>(name: K, input: CallInput<K>, actor: Actor = BUILT_IN_ADMIN): Promise<CallOutput<K>> {
    const envelope = await call(name, input, actor);
    if (!envelope.ok) throw new CallFailed(name, envelope);
    return envelope.value;
  }

  /**
   * Every row of every table (schema_migrations and sqlite_sequence included), in rowid order:
   * compare before and after. The audit log is left out: it grows with every audited call, refused
   * ones included (its own tests read it directly).
   */
  function dump(): Record<string, unknown[]> {
    const tables = core.sqlite
      .prepare("select name from sqlite_master where type = 'table' and (name not like 'sqlite_%' or name = 'sqlite_sequence') and name != 'audit_log' order by name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = core.sqlite.prepare(`select * from "${t}" order by rowid`).all();
    return out;
  }

  return { ...core, clock, call, raw, value, dump };
}
