/**
 * Transaction boundaries inside the core. Dispatch opens one write transaction per call that
 * changes data (ARCHITECTURE.md, "The core"); services receive it as their executor. A service
 * that needs a boundary of its own (all of this call's writes or none, even when a caller goes on
 * after the error) asks for one here: a savepoint inside the call's transaction, or a transaction
 * of its own when it runs outside dispatch (demo data, the daily plan run, tests of a service).
 */
import { sql, type Transaction } from 'kysely';
import type { DB, Db, Executor } from './schema';

let savepoints = 0;

export async function inTransaction<T>(ex: Executor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (!ex.isTransaction) return (ex as Db).transaction().execute(work);
  const trx = ex as Transaction<DB>;
  // The name only has to be unique among the savepoints open at once on this connection.
  savepoints = (savepoints + 1) % 1_000_000;
  const name = sql.raw(`hearth_sp_${savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await work(trx);
    await sql`release ${name}`.execute(trx);
    return result;
  } catch (e) {
    // After SQLITE_FULL (and a few other errors) SQLite has already rolled the whole transaction
    // back and the savepoint is gone: the original error is the one worth reporting.
    await sql`rollback to ${name}`
      .execute(trx)
      .then(() => sql`release ${name}`.execute(trx))
      .catch(() => undefined);
    throw e;
  }
}
