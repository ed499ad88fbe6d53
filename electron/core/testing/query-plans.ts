/**
 * Explaining what a call sends to SQLite, for the query-plan tests (electron/core/db and the
 * features'): the call's handler runs as dispatch runs it (parsed input, the admin) on a database
 * that records every statement, and each statement is explained with its own parameters.
 */
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { contract, type CallName } from '../../../shared/api/contract';
import { BUILT_IN_ADMIN, type CoreDeps } from '../context';
import { handlers } from '../handlers';
import type { DB } from '../db/schema';
import type { TestCore } from './test-core';

export interface Explained {
  sql: string;
  plan: string[];
}

/** A Kysely on the test core's connection that records the statements it sends. */
export function loggingDb(t: TestCore, sent: CompiledQuery[]): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new SqliteDialect({ database: t.sqlite }),
    log: (event) => {
      if (event.level === 'query') sent.push(event.query);
    },
  });
}

/** `EXPLAIN QUERY PLAN` of each statement sent (transaction control and pragmas left out). */
export function explain(t: TestCore, sent: CompiledQuery[]): Explained[] {
  return sent
    .filter((q) => /^\s*(select|insert|update|delete|with)\b/i.test(q.sql))
    .map((q) => ({
      sql: q.sql,
      plan: (t.sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail),
    }));
}

/** Runs a call's handler as dispatch does (parsed input, the admin) and explains every statement it sent. */
export async function explainCall(t: TestCore, name: CallName, input: unknown): Promise<Explained[]> {
  const sent: CompiledQuery[] = [];
  const deps: CoreDeps = { ...t.deps, db: loggingDb(t, sent) };
  const handler = handlers[name] as (input: unknown, ctx: { actor: typeof BUILT_IN_ADMIN }, deps: CoreDeps) => Promise<unknown>;
  await handler(contract[name].input.parse(input), { actor: BUILT_IN_ADMIN }, deps);
  return explain(t, sent);
}

/**
 * The statistics a plan is checked with: full (ANALYZE) and the bounded ones the app keeps
 * (`PRAGMA optimize=0x10012`, db/optimize.ts), which know averages only.
 */
export const STATISTICS = [
  ['full statistics (ANALYZE)', 'analyze'],
  ["the app's bounded statistics (PRAGMA optimize=0x10012)", 'optimize'],
] as const;

export function useStatistics(t: TestCore, stats: (typeof STATISTICS)[number][1]): void {
  t.sqlite.exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4;');
  if (stats === 'analyze') t.sqlite.exec('analyze');
  else t.sqlite.pragma('optimize=0x10012');
}
