import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { bitSums, maskColumns, MASK_MONTHS, monthIndexSql } from '../../db/month-masks';
import { monthRange } from '../../../../shared/domain/dates';
import type { HouseholdMemberRow, HouseholdRow } from './households.table';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import {
  END_REASONS,
  RELATIONS,
  type EndReason,
  type Household,
  type HouseholdAddress,
  type HouseholdMember,
  type Relation,
  type ResidentMembership,
} from '../../../../shared/domain/households';
import { BRIEF_MEMBERS, type HouseholdBrief } from '../../../../shared/domain/household-brief';

/** Who changed a row and when. */
export interface Stamp {
  at: string;
  by: number;
}

const relationOf = (v: string): Relation => (RELATIONS as readonly string[]).includes(v) ? (v as Relation) : 'otherRelative';
const endReasonOf = (v: string | null): EndReason | null => (v !== null && (END_REASONS as readonly string[]).includes(v) ? (v as EndReason) : null);

export async function householdRow(ex: Executor, id: number): Promise<HouseholdRow | undefined> {
  return ex.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The current members of a household (to_on is null), in the order they joined. */
export async function currentMembers(ex: Executor, householdId: number): Promise<HouseholdMemberRow[]> {
  return ex
    .selectFrom('household_members')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('to_on', 'is', null)
    .orderBy('from_on')
    .orderBy('id')
    .execute();
}

/** A household with its members now (the head first) and its ended memberships (the latest first). */
export async function findHousehold(ex: Executor, id: number): Promise<Household | undefined> {
  const h = await householdRow(ex, id);
  if (!h) return undefined;
  const rows = await ex
    .selectFrom('household_members as m')
    .leftJoin('residents as r', 'r.id', 'm.resident_id')
    .selectAll('m')
    .select(['r.last_name', 'r.first_name', 'r.patronymic', 'r.birth_year as resident_birth_year'])
    .where('m.household_id', '=', id)
    .orderBy('m.from_on')
    .orderBy('m.id')
    .execute();
  const members = rows.map(
    (row): HouseholdMember => ({
      id: row.id,
      residentId: row.resident_id,
      fullName: row.resident_id !== null && row.last_name !== null ? fullName({ lastName: row.last_name, firstName: row.first_name ?? '', patronymic: row.patronymic ?? '' }) : null,
      birthYear: row.resident_id !== null ? row.resident_birth_year : row.birth_year,
      relation: relationOf(row.relation),
      fromOn: row.from_on,
      toOn: row.to_on,
      endReason: endReasonOf(row.end_reason),
      fromHouseholdId: row.from_household_id,
      toHouseholdId: row.to_household_id,
    }),
  );
  const current = members.filter((m) => m.toOn === null);
  // The head first; the others as they joined.
  current.sort((a, b) => Number(b.relation === 'head') - Number(a.relation === 'head'));
  const past = members
    .filter((m) => m.toOn !== null)
    .sort((a, b) => ((a.toOn ?? '') === (b.toOn ?? '') ? b.id - a.id : (a.toOn ?? '') < (b.toOn ?? '') ? 1 : -1));
  return {
    id: h.id,
    settlement: h.settlement,
    street: h.street,
    house: h.house,
    flat: h.flat,
    address: formatAddress(h),
    formedOn: h.formed_on,
    closedOn: h.closed_on,
    splitFromId: h.split_from_id,
    headMemberId: current.find((m) => m.relation === 'head')?.id ?? null,
    size: current.length,
    members: current,
    past,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
  };
}

/** Every membership of a resident, the latest first, with the household's address. */
export async function membershipsOf(ex: Executor, residentId: number): Promise<ResidentMembership[]> {
  const rows = await ex
    .selectFrom('household_members as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.id', 'm.household_id', 'm.relation', 'm.from_on', 'm.to_on', 'm.end_reason', 'h.settlement', 'h.street', 'h.house', 'h.flat'])
    .where('m.resident_id', '=', residentId)
    .orderBy('m.from_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({
    householdId: r.household_id,
    memberId: r.id,
    relation: relationOf(r.relation),
    fromOn: r.from_on,
    toOn: r.to_on,
    endReason: endReasonOf(r.end_reason),
    address: formatAddress(r),
  }));
}

/** The household each of these residents lives in now (resident id → household id). */
export async function currentHouseholdsOf(ex: Executor, residentIds: readonly number[]): Promise<Map<number, number>> {
  if (residentIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('household_members')
    .select(['resident_id', 'household_id'])
    .where('resident_id', 'in', [...residentIds])
    .where('to_on', 'is', null)
    .execute();
  return new Map(rows.filter((r) => r.resident_id !== null).map((r) => [r.resident_id as number, r.household_id]));
}

export async function insertHousehold(ex: Executor, h: HouseholdAddress & { formedOn: string; splitFromId: number | null }, s: Stamp): Promise<number> {
  const row = await ex
    .insertInto('households')
    .values({
      settlement: h.settlement,
      street: h.street,
      house: h.house,
      flat: h.flat,
      formed_on: h.formedOn,
      split_from_id: h.splitFromId,
      created_at: s.at,
      created_by: s.by,
      updated_at: s.at,
      updated_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMember(
  ex: Executor,
  m: { householdId: number; residentId: number | null; birthYear: number | null; relation: Relation; fromOn: string; fromHouseholdId: number | null },
  s: Stamp,
): Promise<number> {
  const row = await ex
    .insertInto('household_members')
    .values({
      household_id: m.householdId,
      resident_id: m.residentId,
      birth_year: m.residentId === null ? m.birthYear : null,
      relation: m.relation,
      from_on: m.fromOn,
      from_household_id: m.fromHouseholdId,
      created_at: s.at,
      created_by: s.by,
      updated_at: s.at,
      updated_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends a current membership (it stays as history). */
export async function endMember(ex: Executor, memberId: number, end: { on: string; reason: EndReason; toHouseholdId: number | null }, s: Stamp): Promise<void> {
  await ex
    .updateTable('household_members')
    .set({ to_on: end.on, end_reason: end.reason, to_household_id: end.toHouseholdId, updated_at: s.at, updated_by: s.by })
    .where('id', '=', memberId)
    .where('to_on', 'is', null)
    .execute();
}

/** Marks a household changed; `closedOn` when its last member has left. */
export async function touchHousehold(ex: Executor, id: number, s: Stamp, closedOn: string | null = null): Promise<void> {
  await ex
    .updateTable('households')
    .set({ updated_at: s.at, updated_by: s.by, ...(closedOn !== null ? { closed_on: closedOn } : {}) })
    .where('id', '=', id)
    .execute();
}

/**
 * The household each of these residents lives in now, in brief (size, head, the first members),
 * for the search and the duplicate warning: one statement for a page of residents, from the index
 * of current memberships (household_members_one_household) to each household's members
 * (household_members_household).
 */
export async function briefsOf(ex: Executor, residentIds: readonly number[]): Promise<Map<number, HouseholdBrief>> {
  if (residentIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('household_members as mine')
    .innerJoin('household_members as m', (j) => j.onRef('m.household_id', '=', 'mine.household_id').on('m.to_on', 'is', null))
    .leftJoin('residents as r', 'r.id', 'm.resident_id')
    .select([
      'mine.resident_id as of_id',
      'mine.household_id',
      'mine.relation as own_relation',
      'm.id',
      'm.resident_id',
      'm.relation',
      'm.birth_year',
      'm.from_on',
      'r.last_name',
      'r.first_name',
      'r.patronymic',
      'r.birth_year as resident_birth_year',
    ])
    .where('mine.resident_id', 'in', [...residentIds])
    .where('mine.to_on', 'is', null)
    .execute();
  const byResident = new Map<number, typeof rows>();
  for (const row of rows) {
    if (row.of_id === null) continue;
    const list = byResident.get(row.of_id) ?? [];
    list.push(row);
    byResident.set(row.of_id, list);
  }
  const out = new Map<number, HouseholdBrief>();
  for (const [residentId, list] of byResident) {
    // The head first; the others as they joined.
    list.sort((a, b) => Number(b.relation === 'head') - Number(a.relation === 'head') || (a.from_on < b.from_on ? -1 : a.from_on > b.from_on ? 1 : a.id - b.id));
    const first = list[0];
    if (first === undefined) continue;
    const nameOf = (row: (typeof list)[number]) =>
      row.resident_id !== null && row.last_name !== null ? fullName({ lastName: row.last_name, firstName: row.first_name ?? '', patronymic: row.patronymic ?? '' }) : null;
    const head = list.find((row) => row.relation === 'head');
    out.set(residentId, {
      id: first.household_id,
      size: list.length,
      relation: relationOf(first.own_relation),
      headName: head !== undefined && head.resident_id !== residentId ? nameOf(head) : null,
      members: list
        .filter((row) => row.resident_id !== residentId)
        .slice(0, BRIEF_MEMBERS)
        .map((row) => ({
          residentId: row.resident_id,
          fullName: nameOf(row),
          birthYear: row.resident_id !== null ? row.resident_birth_year : row.birth_year,
          relation: relationOf(row.relation),
        })),
    });
  }
  return out;
}

type Families = { households: number; personsWithoutHousehold: number; residentsServed: number };

/**
 * Families served ("families or persons served", as Cherkasy reports it), the one definition, for
 * households.familiesServed and the results report: the households the residents who had a request
 * lived in on the request's day (a membership covers from_on up to the day before to_on: who moves
 * on a day lives in the new household that day), and the residents who lived in none on every one
 * of their requests (one who joined a household during the period counts with it, not also on
 * their own). For the period (both days included) and for each of its months ('YYYY-MM'), in one
 * read of the period's requests (requests_created_on) and each requester's memberships
 * (household_members_resident).
 */
export async function familiesServedByMonth(ex: Executor, from: string, to: string): Promise<{ whole: Families; byMonth: Map<string, Families> }> {
  const months = monthRange(from.slice(0, 7), to.slice(0, 7));
  const first = months[0] ?? from.slice(0, 7);
  const covers = sql`m.resident_id = q.resident_id and m.from_on <= q.created_on and (m.to_on is null or m.to_on > q.created_on)`;
  const mi = sql.ref('mi');
  // One read of the requests and memberships, then one GROUP BY per kind of unit with a bit per
  // month (db/month-masks.ts): a household's months; a requester's months (a) and the months
  // they lived in a household on a request's day (h). Alone in a month: a and not h; alone in
  // the period: h never set.
  const alone = (c: string) => sql`(coalesce(${sql.ref(`a${c}`)}, 0) & ~coalesce(${sql.ref(`h${c}`)}, 0))`;
  const chunks = Math.max(1, Math.ceil(months.length / MASK_MONTHS));
  const never = sql.join(Array.from({ length: chunks }, (_, c) => sql`${sql.ref(`h${c}`)} is null`), sql` and `);
  const rows = await sql<Record<string, number | string | null>>`
    with period_requests as materialized (
      select q.resident_id as rid, ${monthIndexSql(first, sql.ref('q.created_on'))} as mi, m.household_id as hid
      from requests q left join household_members m on ${covers}
      where q.created_on >= ${from} and q.created_on <= ${to}
    )
    select 'h' as k, count(*) as n, 0 as r, ${bitSums(months.length, 'm', (c) => sql.ref(`b${c}`))}
      from (select hid, ${maskColumns(months.length, mi, 'b')} from period_requests where hid is not null group by hid)
    union all
    select 'p', coalesce(sum(${never}), 0), count(*), ${bitSums(months.length, 'm', alone)}
      from (select rid, ${maskColumns(months.length, mi, 'a')}, ${maskColumns(months.length, mi, 'h', sql`hid is not null`)} from period_requests group by rid)`.execute(ex);
  const byMonth = new Map<string, Families>();
  const whole: Families = { households: 0, personsWithoutHousehold: 0, residentsServed: 0 };
  for (const r of rows.rows) {
    const isHouseholds = r.k === 'h';
    if (isHouseholds) whole.households = Number(r.n ?? 0);
    else {
      whole.personsWithoutHousehold = Number(r.n ?? 0);
      whole.residentsServed = Number(r.r ?? 0);
    }
    months.forEach((month, i) => {
      const c = Number(r[`m${i}`] ?? 0);
      const f = byMonth.get(month) ?? { households: 0, personsWithoutHousehold: 0, residentsServed: 0 };
      if (isHouseholds) f.households = c;
      else f.personsWithoutHousehold = c;
      byMonth.set(month, f);
    });
  }
  return { whole, byMonth };
}

export async function familiesServed(ex: Executor, from: string, to: string): Promise<Families> {
  return (await familiesServedByMonth(ex, from, to)).whole;
}

export async function updateAddress(ex: Executor, id: number, a: HouseholdAddress, s: Stamp): Promise<void> {
  await ex.updateTable('households').set({ settlement: a.settlement, street: a.street, house: a.house, flat: a.flat, updated_at: s.at, updated_by: s.by }).where('id', '=', id).execute();
}
