import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from './schema';
import { fold } from '../../../shared/domain/text';

/**
 * SQL functions of the app's own: `hearth_fold(text)` folds text as the app's searches do (case,
 * accents, ё/е…; shared/domain/text.ts), for filters that compare folded text in SQL.
 */
function addFunctions(sqlite: Database.Database): void {
  sqlite.function('hearth_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));
}

export interface OpenDatabase {
  db: Kysely<DB>;
  /** The raw connection, for pragmas, benchmarks and (later) the online backup API. */
  sqlite: Database.Database;
}

/**
 * Write transactions start with BEGIN IMMEDIATE: a plain BEGIN takes the write lock only at the
 * first write, and if another connection commits after our first read SQLite fails the call at
 * once with SQLITE_BUSY_SNAPSHOT (busy_timeout cannot help). IMMEDIATE waits for the lock up front.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: Database.Database;
  constructor(config: ConstructorParameters<typeof SqliteDriver>[0], sqlite: Database.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * On SQLITE_FULL, SQLITE_IOERR and a few others SQLite rolls the transaction back itself; a
   * second ROLLBACK then fails ("cannot rollback - no transaction is active") and Kysely would
   * throw that instead of the real error, which a user must see ("the disk is full").
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  readonly #sqlite: Database.Database;
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0] & { database: Database.Database }) {
    super(config);
    this.#config = config;
    this.#sqlite = config.database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#sqlite);
  }
}

/**
 * The largest the WAL file stays after a checkpoint. Without a limit, SQLite reuses the WAL from
 * its start but never shrinks the file, so one burst of writes (a migration that rewrites a
 * table, an import, the city demo) or a long backup holding back checkpoints left hundreds of MB
 * beside the database for good.
 */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * Opens a database file (or ':memory:') with the pragmas that keep money and case records safe:
 * WAL, synchronous=FULL, foreign keys, and a busy timeout.
 */
export function openDatabase(file: string): OpenDatabase {
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed in the file, so an erased person's name leaves it
  // (with a WAL checkpoint afterwards; see features/privacy/erasure.ts).
  sqlite.pragma('secure_delete = ON');
  addFunctions(sqlite);
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
