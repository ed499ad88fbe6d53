import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

export interface OpenDatabase {
  db: Kysely<DB>;
  /** The raw connection, for pragmas, benchmarks and (later) the online backup API. */
  sqlite: Database.Database;
}

/**
 * Opens a database file (or ':memory:') with the pragmas that keep money and case records safe:
 * WAL, synchronous=FULL, foreign keys, and a busy timeout.
 */
export function openDatabase(file: string): OpenDatabase {
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
