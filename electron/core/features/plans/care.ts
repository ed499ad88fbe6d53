/**
 * Residents under regular care: when someone last saw them, when the next check-in is due, and who
 * is overdue. A contact is any done task for the resident (a check-in, or a volunteer who brought
 * medicines and saw them), on the day it was done.
 */
import { addDays, daysBetween, DEFAULT_CHECKIN_INTERVAL_DAYS, type CareEntry } from '../../../../shared/domain/plans';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import type { CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { OPEN } from './plans.repo';

const CHUNK = 500;

/** The latest done task of each resident: its day (done, else scheduled) and its kind. */
export async function lastContacts(ex: Executor, residentIds: number[]): Promise<Map<number, { on: string; kindCode: string | null }>> {
  const out = new Map<number, { on: string; kindCode: string | null }>();
  for (let i = 0; i < residentIds.length; i += CHUNK) {
    const ids = residentIds.slice(i, i + CHUNK);
    // The latest day per resident, then the tasks of that day (the highest id wins a tie).
    const latest = ex
      .selectFrom('tasks')
      .select((eb) => ['resident_id', eb.fn.max(eb.fn.coalesce('done_on', 'scheduled_on')).as('last_on')])
      .where('resident_id', 'in', ids)
      .where('status', '=', 'done')
      .groupBy('resident_id')
      .as('m');
    const rows = await ex
      .selectFrom('tasks as t')
      .innerJoin(latest, (join) => join.onRef('m.resident_id', '=', 't.resident_id'))
      .innerJoin('service_kinds as k', 'k.id', 't.kind_id')
      .select(['t.id', 't.resident_id', 't.done_on', 't.scheduled_on', 'k.code'])
      .where('t.status', '=', 'done')
      .where((eb) => eb(eb.fn.coalesce('t.done_on', 't.scheduled_on'), '=', eb.ref('m.last_on')))
      .orderBy('t.id')
      .execute();
    for (const r of rows) out.set(r.resident_id, { on: r.done_on ?? r.scheduled_on, kindCode: r.code });
  }
  return out;
}

export async function careList(deps: Pick<CoreDeps, 'db' | 'clock'>, f: { settlement?: string | undefined; overdueOnly: boolean }): Promise<CareEntry[]> {
  const { db, clock } = deps;
  const today = clock.today();
  let q = db
    .selectFrom('residents as r')
    .select(['r.id', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.settlement', 'r.street', 'r.house', 'r.flat', 'r.sort_key', 'r.checkin_interval_days'])
    .where('r.regular_care', '=', 1)
    .where('r.left_on', 'is', null);
  if (f.settlement !== undefined && f.settlement !== '') q = q.where('r.settlement', '=', f.settlement);
  const residents = await q.orderBy('r.sort_key').orderBy('r.id').execute();
  const ids = residents.map((r) => r.id);
  const last = await lastContacts(db, ids);

  const checkInKind = await db.selectFrom('service_kinds').select('id').where('code', '=', 'checkIn').executeTakeFirst();
  const kindId = checkInKind?.id ?? -1;
  const phones = new Map<number, string[]>();
  const nextCheckIn = new Map<number, string>();
  const withPlan = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const phoneRows = await db
      .selectFrom('resident_phones')
      .select(['resident_id', 'raw'])
      .where('resident_id', 'in', chunk)
      .orderBy('resident_id')
      .orderBy('position')
      .execute();
    for (const p of phoneRows) phones.set(p.resident_id, [...(phones.get(p.resident_id) ?? []), p.raw]);
    const next = await db
      .selectFrom('tasks')
      .select((eb) => ['resident_id', eb.fn.min('scheduled_on').as('next_on')])
      .where('resident_id', 'in', chunk)
      .where('kind_id', '=', kindId)
      .where('status', 'in', [...OPEN])
      .where('scheduled_on', '>=', today)
      .groupBy('resident_id')
      .execute();
    for (const n of next) nextCheckIn.set(n.resident_id, n.next_on);
    const plans = await db
      .selectFrom('help_plans')
      .select('resident_id')
      .where('resident_id', 'in', chunk)
      .where('kind_id', '=', kindId)
      .where('ended_reason', 'is', null)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .execute();
    for (const p of plans) withPlan.add(p.resident_id);
  }

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
