/**
 * Keeping SQLite's statistics (sqlite_stat1) fresh, so the planner knows how many rows a table and
 * an index value hold (https://sqlite.org/lang_analyze.html). The app's list and page queries name
 * their order and index themselves (electron/core/db/query-plans.test.ts pins each plan), so the
 * statistics decide only the joins and filters the queries leave open; they are cheap to keep.
 *
 * `PRAGMA optimize` runs ANALYZE on the tables whose statistics are missing or stale (a table grew
 * or shrank tenfold since), and does nothing otherwise. Mask 0x10000 checks every table, not only
 * those this connection queried; 0x10 bounds the work (a temporary analysis_limit): on the
 * 800 MB city file a first, unbounded ANALYZE takes 2.4 s at start, a bounded one 0.3 s.
 */
import { sql } from 'kysely';
import type Database from 'better-sqlite3';
import type { Executor } from './schema';

/** Every table checked, the work bounded: at start (after migrations, which add indexes) and after a large write. */
const CHECK_ALL_BOUNDED = 'optimize=0x10012';

/** At start, after the migrations: statistics for new indexes and tables grown since. */
export function optimizeAtOpen(sqlite: Database.Database): void {
  sqlite.pragma(CHECK_ALL_BOUNDED);
}

/** Before the connection closes: SQLite's default (the tables this connection queried, bounded). */
export function optimizeAtClose(sqlite: Database.Database): void {
  try {
    sqlite.pragma('optimize');
  } catch {
    // Closing must not fail for want of statistics (a read-only or busy file).
  }
}

/** After a large write (demo data, a snow day, an import), inside its transaction: its tables may have grown tenfold. */
export async function optimizeAfterBulkWrite(ex: Executor): Promise<void> {
  await sql.raw(`pragma ${CHECK_ALL_BOUNDED}`).execute(ex);
}
