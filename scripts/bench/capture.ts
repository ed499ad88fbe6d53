/**
 * The SQL behind a call, for the "raw" column. While capturing, the statements the core's
 * connection runs are recorded where Kysely hands them to better-sqlite3 (the connection's
 * `prepare`, then `all`/`run` with their parameters): exactly what ran, subqueries inside their
 * query. (A Kysely plugin would also see each subquery builder on its own.) The replay runs those
 * statements prepared once on the raw handle, in the same order with the same parameters: what the
 * call costs without Kysely, zod, dispatch and the mapping to JSON. A write (or a view, which writes
 * its audit entry) is replayed inside BEGIN IMMEDIATE … ROLLBACK, so its raw figure leaves out the
 * commit and its fsync.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface CapturedQuery {
  sql: string;
  method: 'all' | 'run' | 'get' | 'iterate';
  args: unknown[];
}

const METHODS = new Set(['all', 'run', 'get', 'iterate']);

/** Records the statements run on a connection while `capture` runs its work. */
export class SqlCapture {
  #captured: CapturedQuery[] | null = null;

  constructor(sqlite: Database.Database) {
    const prepare = sqlite.prepare.bind(sqlite);
    const capture = () => this.#captured;
    const wrapped = (sql: string): Database.Statement => {
      const statement = prepare(sql);
      const into = capture();
      if (into === null) return statement;
      return new Proxy(statement, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof prop !== 'string' || !METHODS.has(prop) || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]) => {
            into.push({ sql, method: prop as CapturedQuery['method'], args });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    };
    Object.defineProperty(sqlite, 'prepare', { value: wrapped, configurable: true, writable: true });
  }

  /** The statements of one run of `work`. */
  async capture(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
    const into: CapturedQuery[] = [];
    this.#captured = into;
    try {
      await work();
    } finally {
      this.#captured = null;
    }
    return into;
  }
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
const AUDIT_INSERT = /^\s*insert into "audit_log" \(([^)]*)\)/i;

/** Runs captured statements on the raw handle, each prepared once. */
export function rawReplayer(sqlite: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (s === undefined) {
      s = sqlite.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const nextAuditId = sqlite.prepare('select coalesce(max(id), 0) + 1 from audit_log').pluck();
  /**
   * The captured write already committed its audit entry: the replay appends one with the next
   * id and a hash of its own (both are unique), the rest as captured.
   */
  const argsOf = (q: CapturedQuery): unknown[] => {
    const columns = AUDIT_INSERT.exec(q.sql)?.[1];
    if (columns === undefined) return q.args;
    const names = columns.split(',').map((c) => c.trim().replace(/"/g, ''));
    const params = [...((Array.isArray(q.args[0]) ? q.args[0] : q.args) as unknown[])];
    params[names.indexOf('id')] = nextAuditId.get();
    params[names.indexOf('hash')] = randomBytes(32).toString('hex');
    return [params];
  };
  return (queries: readonly CapturedQuery[], write: boolean): void => {
    const body = queries.filter((q) => !TRANSACTION_CONTROL.test(q.sql));
    if (write) sqlite.exec('begin immediate');
    try {
      for (const q of body) {
        const s = statement(q.sql);
        const args = write ? argsOf(q) : q.args;
        if (q.method === 'iterate') for (const _row of s.iterate(...args)) void _row;
        else s[q.method](...args);
      }
    } finally {
      if (write) sqlite.exec('rollback');
    }
  };
}
