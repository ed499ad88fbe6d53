import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
import { OUT_REASONS, type OutReason, type Shelter, type ShelterData, type Stay } from '../../../../shared/domain/shelter';
import { LIST_COUNT_CAP, type DayCursor } from '../../../../shared/domain/paging';
import type { StayRow } from './shelter.table';

/** Who changed a row and when. */
export interface Stamp {
  at: string;
  by: number;
}

const reasonOf = (v: string | null): OutReason | null => (v !== null && (OUT_REASONS as readonly string[]).includes(v) ? (v as OutReason) : null);

/** The shelters, by name, with how many are there now (one index probe per shelter). */
export async function shelters(ex: Executor, id?: number): Promise<Shelter[]> {
  let q = ex
    .selectFrom('shelters as s')
    .select(['s.id', 's.name', 's.address', 's.places'])
    .select((eb) =>
      eb
        .selectFrom('shelter_stays as t')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('t.shelter_id', '=', 's.id')
        .where('t.checked_out_on', 'is', null)
        .as('occupied'),
    );
  if (id !== undefined) q = q.where('s.id', '=', id);
  const rows = await q.orderBy('s.name').orderBy('s.id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, address: r.address, places: r.places, occupied: Number(r.occupied ?? 0) }));
}

export async function insertShelter(ex: Executor, d: ShelterData, s: Stamp): Promise<number> {
  const r = await ex
    .insertInto('shelters')
    .values({ name: d.name, address: d.address, places: d.places, created_at: s.at, created_by: s.by, updated_at: s.at, updated_by: s.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateShelter(ex: Executor, id: number, d: ShelterData, s: Stamp): Promise<void> {
  await ex.updateTable('shelters').set({ name: d.name, address: d.address, places: d.places, updated_at: s.at, updated_by: s.by }).where('id', '=', id).execute();
}

export async function occupied(ex: Executor, shelterId: number): Promise<number> {
  const r = await ex
    .selectFrom('shelter_stays')
    .select(sql<number>`count(*)`.as('n'))
    .where('shelter_id', '=', shelterId)
    .where('checked_out_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Stays of these residents that are open or end after `day` (they would overlap a stay from `day`). */
export async function overlapping(ex: Executor, residentIds: number[], day: string): Promise<Array<{ resident_id: number | null; shelter_id: number }>> {
  if (residentIds.length === 0) return [];
  return ex
    .selectFrom('shelter_stays')
    .select(['resident_id', 'shelter_id'])
    .where('resident_id', 'in', residentIds)
    .where((eb) => eb.or([eb('checked_out_on', 'is', null), eb('checked_out_on', '>', day)]))
    .execute();
}

export async function insertStay(ex: Executor, v: { shelterId: number; residentId: number; householdId: number | null; bed: string; on: string }, s: Stamp): Promise<number> {
  const r = await ex
    .insertInto('shelter_stays')
    .values({
      shelter_id: v.shelterId,
      resident_id: v.residentId,
      household_id: v.householdId,
      bed: v.bed,
      checked_in_on: v.on,
      out_note: '',
      created_at: s.at,
      created_by: s.by,
      updated_at: s.at,
      updated_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function stayRow(ex: Executor, id: number): Promise<StayRow | undefined> {
  return ex.selectFrom('shelter_stays').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function checkOut(ex: Executor, id: number, v: { on: string; reason: OutReason; note: string }, s: Stamp): Promise<void> {
  await ex
    .updateTable('shelter_stays')
    .set({ checked_out_on: v.on, out_reason: v.reason, out_note: v.note, updated_at: s.at, updated_by: s.by })
    .where('id', '=', id)
    .execute();
}

function staysQuery(ex: Executor) {
  return ex
    .selectFrom('shelter_stays as t')
    .innerJoin('shelters as s', 's.id', 't.shelter_id')
    .leftJoin('residents as r', 'r.id', 't.resident_id')
    .select([
      't.id',
      't.shelter_id',
      's.name as shelter_name',
      't.resident_id',
      't.household_id',
      't.bed',
      't.checked_in_on',
      't.checked_out_on',
      't.out_reason',
      't.out_note',
      'r.last_name',
      'r.first_name',
      'r.patronymic',
      'r.birth_year',
    ]);
}
type StayJoined = Awaited<ReturnType<ReturnType<typeof staysQuery>['execute']>>[number];

function toStay(r: StayJoined): Stay {
  const named = r.resident_id !== null && r.last_name !== null;
  return {
    id: r.id,
    shelterId: r.shelter_id,
    shelterName: r.shelter_name,
    residentId: r.resident_id,
    fullName: named ? fullName({ lastName: r.last_name ?? '', firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' }) : null,
    birthYear: named ? (r.birth_year ?? null) : null,
    householdId: r.household_id,
    bed: r.bed,
    checkedInOn: r.checked_in_on,
    checkedOutOn: r.checked_out_on,
    outReason: reasonOf(r.out_reason),
    outNote: r.out_note,
  };
}

export async function staysByIds(ex: Executor, ids: number[]): Promise<Stay[]> {
  if (ids.length === 0) return [];
  const rows = await staysQuery(ex).where('t.id', 'in', ids).orderBy('t.id').execute();
  return rows.map(toStay);
}

/** Who is in one shelter now, the longest there first (index shelter_stays_present). */
export async function present(ex: Executor, shelterId: number): Promise<Stay[]> {
  const rows = await staysQuery(ex)
    .where('t.shelter_id', '=', shelterId)
    .where('t.checked_out_on', 'is', null)
    .orderBy('t.checked_in_on')
    .orderBy('t.id')
    .execute();
  return rows.map(toStay);
}

/** A resident's stays, the latest first (index shelter_stays_resident). */
export async function ofResident(ex: Executor, residentId: number): Promise<Stay[]> {
  const rows = await staysQuery(ex).where('t.resident_id', '=', residentId).orderBy('t.checked_in_on', 'desc').orderBy('t.id', 'desc').execute();
  return rows.map(toStay);
}

/**
 * Stays that began in a period (checked in from `from` to `to`), the latest check-in first, after
 * `cursor`: a range of the index shelter_stays_period on both sides, so a page and the capped
 * count read only that period's stays (who was there on a day is `present`, or a report's).
 */
export async function history(
  ex: Executor,
  p: { from: string; to: string; shelterId?: number | undefined; cursor?: DayCursor | undefined; limit: number },
): Promise<{ rows: Stay[]; count: number }> {
  let q = staysQuery(ex).where('t.checked_in_on', '>=', p.from).where('t.checked_in_on', '<=', p.to);
  if (p.shelterId !== undefined) q = q.where(sql`+t.shelter_id`, '=', p.shelterId);
  if (p.cursor) {
    const c = p.cursor;
    q = q.where((eb) => eb.or([eb('t.checked_in_on', '<', c.on), eb.and([eb('t.checked_in_on', '=', c.on), eb('t.id', '<', c.id)])]));
  }
  const rows = await q.orderBy('t.checked_in_on', 'desc').orderBy('t.id', 'desc').limit(p.limit + 1).execute();
  let inner = ex.selectFrom('shelter_stays as t').select('t.id').where('t.checked_in_on', '>=', p.from).where('t.checked_in_on', '<=', p.to);
  if (p.shelterId !== undefined) inner = inner.where(sql`+t.shelter_id`, '=', p.shelterId);
  const counted = await ex
    .selectFrom(inner.limit(LIST_COUNT_CAP + 1).as('x'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toStay), count: Number(counted.n) };
}
