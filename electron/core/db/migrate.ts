import { sql, type Kysely } from 'kysely';
import { migrations as registry, type Migration } from '../../../migrations';
import type { DB } from './schema';

export class DatabaseFromFutureError extends Error {
  readonly unknown: string[];
  constructor(unknown: string[]) {
    super(`This database was written by a newer version of Hearth (unknown migrations: ${unknown.join(', ')}).`);
    this.name = 'DatabaseFromFutureError';
    this.unknown = unknown;
  }
}

export interface MigrationResult {
  applied: string[];
  version: string;
}

/**
 * Runs the pending migrations, each in its own transaction together with its bookkeeping row, so a
 * failing step leaves the database exactly as it was before that step. Kysely's own Migrator does
 * not wrap SQLite migrations in a transaction, hence this small runner.
 */
export async function migrateToLatest(
  db: Kysely<DB>,
  options: { now?: () => Date; migrations?: ReadonlyArray<readonly [string, Migration]> } = {},
): Promise<MigrationResult> {
  const list = options.migrations ?? registry;
  const now = options.now ?? (() => new Date());
  await sql`create table if not exists schema_migrations (name text primary key, applied_at text not null)`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  const known = new Set(list.map(([name]) => name));
  const unknown = [...done].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseFromFutureError(unknown.sort());

  const applied: string[] = [];
  for (const [name, migration] of list) {
    if (done.has(name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await trx.insertInto('schema_migrations').values({ name, applied_at: now().toISOString() }).execute();
    });
    applied.push(name);
  }
  return { applied, version: list.at(-1)?.[0] ?? '' };
}

export async function schemaVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('schema_migrations').select('name').orderBy('name', 'desc').limit(1).executeTakeFirst();
  return row?.name ?? '';
}
