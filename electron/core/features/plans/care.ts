/**
 * Residents under regular care: when someone last saw them, when the next check-in is due, and who
 * is overdue. A contact is any done task for the resident (a check-in, or a volunteer who brought
 * medicines and saw them), on the day it was done.
 */
import { sql } from 'kysely';
import { addDays, daysBetween, DEFAULT_CHECKIN_INTERVAL_DAYS, type CareEntry } from '../../../../shared/domain/plans';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import type { CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { OPEN } from './plans.repo';

const CHUNK = 500;

/**
 * The day of a resident's latest contact: their latest done task's day (done, else scheduled),
 * as SQL over `rid` (a resident id column). Two seeks in the partial index of done tasks by
 * (resident, done_on): the latest done_on, and the tasks done without one (none in practice).
 * The status is written out as in the index (tasks_resident_done, migration 20261206_0900).
 */
const lastContactDay = (rid: string) => sql<string | null>`nullif(max(
    coalesce((select max(t.done_on) from tasks t where t.resident_id = ${sql.ref(rid)} and t.status = 'done'), ''),
    coalesce((select max(t.scheduled_on) from tasks t where t.resident_id = ${sql.ref(rid)} and t.status = 'done' and t.done_on is null), '')
  ), '')`;

/**
 * The kind of the contact on that day (the highest id wins a tie), as SQL over `rid` and `day`
 * columns: the highest id of the tasks done that day, each side of "done_on, else scheduled_on" a
 * seek of its own (tasks_resident_done by (resident, done_on), tasks_resident by (resident,
 * scheduled_on)); an OR of both in one query would read every done task of the resident.
 */
const lastContactKind = (rid: string, day: string) => sql<string | null>`(select k.code from tasks t join service_kinds k on k.id = t.kind_id
    where t.id = (select max(x.id) from (
      select max(t1.id) as id from tasks t1 where t1.resident_id = ${sql.ref(rid)} and t1.status = 'done' and t1.done_on = ${sql.ref(day)}
      union all
      select max(t2.id) from tasks t2 where t2.resident_id = ${sql.ref(rid)} and t2.status = 'done' and t2.done_on is null and t2.scheduled_on = ${sql.ref(day)}
    ) x))`;

/** The latest done task of each resident: its day (done, else scheduled) and its kind. */
export async function lastContacts(ex: Executor, residentIds: number[]): Promise<Map<number, { on: string; kindCode: string | null }>> {
  const out = new Map<number, { on: string; kindCode: string | null }>();
  for (let i = 0; i < residentIds.length; i += CHUNK) {
    const ids = residentIds.slice(i, i + CHUNK);
    const days = ex.selectFrom('residents as r').select(['r.id', lastContactDay('r.id').as('last_on')]).where('r.id', 'in', ids).as('c');
    const rows = await ex
      .selectFrom(days)
      .select(['c.id', 'c.last_on', lastContactKind('c.id', 'c.last_on').as('code')])
      .where('c.last_on', 'is not', null)
      .execute();
    for (const r of rows) if (r.last_on !== null) out.set(r.id, { on: r.last_on, kindCode: r.code });
  }
  return out;
}

/**
 * The care list in one pass over the residents under regular care (the partial index
 * residents_care, by name): each one's latest contact, next check-in and check-in plan found by
 * seeks per resident; their phones by chunks.
 */
export async function careList(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  f: { settlement?: string | undefined; overdueOnly: boolean },
  /** Without phones (a home screen's count and names): the list's own rules, without the phone reads. */
  opts: { phones?: boolean } = {},
): Promise<CareEntry[]> {
  const { db, clock } = deps;
  const today = clock.today();
  const checkInKind = await db.selectFrom('service_kinds').select('id').where('code', '=', 'checkIn').executeTakeFirst();
  const kindId = checkInKind?.id ?? -1;
  let q = db
    .selectFrom('residents as r')
    .select(['r.id', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.settlement', 'r.street', 'r.house', 'r.flat', 'r.sort_key', 'r.checkin_interval_days'])
    .select(lastContactDay('r.id').as('last_on'))
    .select((eb) => [
      eb
        .selectFrom('tasks as t')
        .select((e) => e.fn.min('t.scheduled_on').as('next_on'))
        .whereRef('t.resident_id', '=', 'r.id')
        .where('t.scheduled_on', '>=', today)
        .where('t.kind_id', '=', kindId)
        .where('t.status', 'in', [...OPEN])
        .as('next_on'),
      eb
        .exists(
          eb
            .selectFrom('help_plans as p')
            .select('p.id')
            .whereRef('p.resident_id', '=', 'r.id')
            .where('p.kind_id', '=', kindId)
            .where('p.ended_reason', 'is', null)
            .where((e) => e.or([e('p.ends_on', 'is', null), e('p.ends_on', '>=', today)])),
        )
        .as('has_plan'),
    ])
    // Written out as in the partial index residents_care (a bound parameter would not match it).
    .where(sql<boolean>`r.regular_care = 1`)
    .where('r.left_on', 'is', null);
  if (f.settlement !== undefined && f.settlement !== '') q = q.where('r.settlement', '=', f.settlement);
  const residents = await db
    .selectFrom(q.orderBy('r.sort_key').orderBy('r.id').as('c'))
    .selectAll('c')
    .select(lastContactKind('c.id', 'c.last_on').as('last_kind'))
    .execute();

  const phones = new Map<number, string[]>();
  for (let i = 0; opts.phones !== false && i < residents.length; i += CHUNK) {
    const chunk = residents.slice(i, i + CHUNK).map((r) => r.id);
    const phoneRows = await db
      .selectFrom('resident_phones')
      .select(['resident_id', 'raw'])
      .where('resident_id', 'in', chunk)
      .orderBy('resident_id')
      .orderBy('position')
      .execute();
    for (const p of phoneRows) phones.set(p.resident_id, [...(phones.get(p.resident_id) ?? []), p.raw]);
  }
  const last = new Map(residents.flatMap((r) => (r.last_on !== null ? [[r.id, { on: r.last_on, kindCode: r.last_kind }] as const] : [])));
  const nextCheckIn = new Map(residents.flatMap((r) => (r.next_on !== null ? [[r.id, r.next_on] as const] : [])));
  const withPlan = new Set(residents.filter((r) => Number(r.has_plan) === 1).map((r) => r.id));

  const entries = residents.map((r): CareEntry & { sortKey: string } => {
    const interval = r.checkin_interval_days ?? DEFAULT_CHECKIN_INTERVAL_DAYS;
    const contact = last.get(r.id);
    const nextDueOn = contact !== undefined ? addDays(contact.on, interval) : today;
    const daysOverdue = Math.max(0, daysBetween(nextDueOn, today));
    return {
      residentId: r.id,
      fullName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
      address: formatAddress(r),
      settlement: r.settlement,
      phones: phones.get(r.id) ?? [],
      checkinIntervalDays: interval,
      lastContactOn: contact?.on ?? null,
      lastContactKindCode: contact?.kindCode ?? null,
      nextDueOn,
      overdue: daysOverdue > 0,
      daysOverdue,
      nextCheckInOn: nextCheckIn.get(r.id) ?? null,
      hasCheckInPlan: withPlan.has(r.id),
      sortKey: r.sort_key,
    };
  });
  // Most overdue first, then the soonest due, then by name.
  entries.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      (a.nextDueOn < b.nextDueOn ? -1 : a.nextDueOn > b.nextDueOn ? 1 : 0) ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
      a.residentId - b.residentId,
  );
  return entries.filter((e) => !f.overdueOnly || e.overdue).map(({ sortKey: _sortKey, ...e }) => e);
}
