import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
import { AID_UNITS, type AidItem, type AidUnit } from '../../../../shared/domain/aid';
import type { AidItemRow, AidMovementsTable } from './aid.table';
import type { Insertable } from 'kysely';

export const unitOf = (v: string): AidUnit => ((AID_UNITS as readonly string[]).includes(v) ? (v as AidUnit) : 'piece');
type NameParts = { last_name: string | null; first_name: string | null; patronymic: string | null };
export const nameOf = (r: NameParts): string | null =>
  r.last_name === null ? null : fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' });

export function itemOf(r: AidItemRow): AidItem {
  return { id: r.id, name: r.name, size: r.size, unit: unitOf(r.unit), stock: r.stock, archived: r.archived_at !== null };
}

export async function itemRows(ex: Executor, ids: readonly number[]): Promise<AidItemRow[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('aid_items').selectAll().where('id', 'in', [...ids]).execute();
}

export async function listItems(ex: Executor, includeArchived: boolean): Promise<AidItemRow[]> {
  let q = ex.selectFrom('aid_items').selectAll();
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('name').orderBy('size').execute();
}

/** Records a movement and moves the item's stock by its delta (the caller's transaction holds both). */
export async function insertMovement(ex: Executor, m: Insertable<AidMovementsTable>): Promise<number> {
  const r = await ex.insertInto('aid_movements').values(m).returning('id').executeTakeFirstOrThrow();
  await ex
    .updateTable('aid_items')
    .set({ stock: sql`stock + ${m.delta}` })
    .where('id', '=', m.item_id)
    .execute();
  return r.id;
}

/** The effect of a movement after its corrections (SQL expression over the alias `m`). */
export const effectiveSql = sql<number>`m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0)`;
