/**
 * What a merge of two records of one person does alike for residents (residents.merge) and
 * volunteers (volunteers.merge), inside the call's transaction: the other record's rows move to
 * the survivor table by table (a row that one person holds once, on one event or one task, stays
 * the survivor's), the rows of imported lists that made the other record follow, and the merge is
 * kept as a line of the kind's merges table ("merged from …" on the survivor's page), with the
 * lines of records merged into the other one before. The audit entry is dispatch's.
 */
import { sql } from 'kysely';
import { AppError } from '../../../shared/api/errors';
import type { DB, Executor } from './schema';

export type MergedKind = 'residents' | 'volunteers';

/** The column that points at the person, and the table of its merges. */
const OF = {
  residents: { column: 'resident_id', merges: 'resident_merges' },
  volunteers: { column: 'volunteer_id', merges: 'volunteer_merges' },
} as const;

/** The tables that point at a person of this kind (they have its column). */
type PointingAt<K extends MergedKind> = { [T in keyof DB]: (typeof OF)[K]['column'] extends keyof DB[T] ? T : never }[keyof DB] & string;

export interface MergePair {
  survivorId: number;
  otherId: number;
}

/** A merge refused, said beside the other record. */
export function mergeRefused(message: string): AppError {
  return new AppError('validation', message, { fields: [{ path: 'otherId', message }] });
}

/**
 * Moves the other record's rows of each table to the survivor; how many moved, per table (a table
 * with none is left out). `holdOnce`: the refusal when a table lets a person hold a row once (an
 * open case, a current household) and both records hold one.
 */
export async function moveRows<K extends MergedKind, T extends PointingAt<K>>(
  trx: Executor,
  kind: K,
  tables: readonly T[],
  { survivorId, otherId }: MergePair,
  holdOnce?: string,
): Promise<Partial<Record<T, number>>> {
  const column = sql.ref(OF[kind].column);
  const moved: Partial<Record<T, number>> = {};
  for (const table of tables) {
    try {
      const r = await sql`update ${sql.table(table)} set ${column} = ${survivorId} where ${column} = ${otherId}`.execute(trx);
      const n = Number(r.numAffectedRows ?? 0);
      if (n > 0) moved[table] = n;
    } catch (e) {
      if (holdOnce !== undefined && e instanceof Error && /UNIQUE constraint failed/.test(e.message)) throw mergeRefused(holdOnce);
      throw e;
    }
  }
  return moved;
}

/** The other record's rows of `table` on a `key` (an event, a task) that the survivor is on too go: one person, one row (the survivor's). */
export async function dropShared<K extends MergedKind, T extends PointingAt<K>>(
  trx: Executor,
  kind: K,
  table: T,
  key: keyof DB[T] & string,
  { survivorId, otherId }: MergePair,
): Promise<void> {
  const column = sql.ref(OF[kind].column);
  await sql`delete from ${sql.table(table)} where ${column} = ${otherId}
    and ${sql.ref(key)} in (select ${sql.ref(key)} from ${sql.table(table)} where ${column} = ${survivorId})`.execute(trx);
}

/**
 * The merge kept as a line of the kind's merges table (with what was chosen and what moved); the
 * lines of records merged into the other one before now stand on the survivor's page too; the
 * rows of imported lists that made or updated the other record now stand for the survivor (a
 * second import of the same list creates nothing, and erasing the survivor takes them too).
 * `line` holds the kind's own columns of the line (the name it had; a resident's birth year).
 */
export async function recordMerge(
  trx: Executor,
  kind: MergedKind,
  { survivorId, otherId }: MergePair,
  line: { merged_name: string; merged_birth_year?: number | null; fields: unknown; moved: unknown; at: string; actorId: number },
): Promise<void> {
  const { merged_name, fields, moved, at, actorId, ...own } = line;
  const values = { survivor_id: survivorId, merged_id: otherId, merged_name, ...own, fields: JSON.stringify(fields), moved: JSON.stringify(moved), merged_at: at, merged_by: actorId };
  const merges = OF[kind].merges;
  // The two merges tables differ only in a resident's birth year, which `line` has for residents alone.
  await trx.insertInto(merges).values(values as never).execute();
  await trx.updateTable(merges).set({ survivor_id: survivorId }).where('survivor_id', '=', otherId).execute();
  await trx
    .updateTable('import_fingerprints')
    .set({ entity_id: survivorId })
    .where('entity_id', '=', otherId)
    .where((eb) => eb(eb.selectFrom('import_reports as r').select('r.kind').whereRef('r.id', '=', 'import_fingerprints.report_id'), '=', kind))
    .execute();
}
