/**
 * Coordination reports over done tasks, by month. A task's month is the month of the day it was
 * done (its scheduled day when none is recorded): 'YYYY-MM'. Ranges are whole months, both ends
 * included. Deleted or paused volunteers still count for the months they helped.
 */
import { sql } from 'kysely';
import {
  monthBounds,
  monthRange,
  type TasksByKindReport,
  type VolunteerCounts,
  type VolunteerHoursReport,
  type VolunteerHoursRow,
  type VolunteersActiveReport,
  type TasksByKindRow,
} from '../../../../shared/domain/plans';
import { fullName } from '../../../../shared/domain/residents';
import type { CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';

type Deps = Pick<CoreDeps, 'db'>;

/** The day a done task counts on. */
const doneDay = sql<string>`coalesce(t.done_on, t.scheduled_on)`;
const doneMonth = sql<string>`substr(coalesce(t.done_on, t.scheduled_on), 1, 7)`;

/**
 * Done tasks: `status = 'done'` written out as in the partial index tasks_done_day (migration
 * 20261206_0900) on `coalesce(done_on, scheduled_on)`, the day a task counts on: a range of months
 * is a range of that index (a bound parameter would not match a partial index).
 */
const isDone = sql<boolean>`t.status = 'done'`;

/**
 * Done tasks with their volunteers, read from the tasks in the range and then each task's
 * volunteers by the task's key: CROSS JOIN keeps that order. Started from the volunteers, every
 * volunteer's every task was looked up to find the year's.
 */
function doneTasksWithVolunteers(deps: Deps) {
  return deps.db
    .selectFrom('tasks as t')
    .crossJoin('task_volunteers as tv')
    .crossJoin('volunteers as v')
    .whereRef('tv.task_id', '=', 't.id')
    .whereRef('v.id', '=', 'tv.volunteer_id')
    .where(isDone);
}

export async function volunteerHours(deps: Deps, from: string, to: string): Promise<VolunteerHoursReport> {
  const months = monthRange(from, to);
  const index = new Map(months.map((m, i) => [m, i]));
  const { first, last } = monthBounds(from, to);
  const rows = await doneTasksWithVolunteers(deps)
    .select((eb) => [
      'v.id',
      'v.last_name',
      'v.first_name',
      'v.patronymic',
      'v.is_regular',
      'v.sort_key',
      doneMonth.as('month'),
      eb.fn.sum<number>(eb.fn.coalesce('tv.minutes_spent', sql<number>`0`)).as('minutes'),
      eb.fn.countAll<number>().as('tasks'),
      eb.fn.sum<number>(eb.case().when('tv.minutes_spent', 'is', null).then(1).else(0).end()).as('unlogged'),
    ])
    .where(doneDay, '>=', first)
    .where(doneDay, '<=', last)
    .groupBy(['v.id', 'v.last_name', 'v.first_name', 'v.patronymic', 'v.is_regular', 'v.sort_key', doneMonth])
    .execute();
  const byVolunteer = new Map<number, VolunteerHoursRow & { sortKey: string }>();
  const totalsByMonth = months.map(() => 0);
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    let row = byVolunteer.get(r.id);
    if (!row) {
      row = {
        volunteerId: r.id,
        name: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
        isRegular: r.is_regular === 1,
        minutes: months.map(() => 0),
        totalMinutes: 0,
        tasks: 0,
        unlogged: 0,
        sortKey: r.sort_key,
      };
      byVolunteer.set(r.id, row);
    }
    const minutes = Number(r.minutes ?? 0);
    row.minutes[i] = (row.minutes[i] ?? 0) + minutes;
    row.totalMinutes += minutes;
    row.tasks += Number(r.tasks);
    row.unlogged += Number(r.unlogged ?? 0);
    totalsByMonth[i] = (totalsByMonth[i] ?? 0) + minutes;
  }
  const list = [...byVolunteer.values()].sort(
    (a, b) => b.totalMinutes - a.totalMinutes || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || a.volunteerId - b.volunteerId,
  );
  return {
    from,
    to,
    months,
    rows: list.map(({ sortKey: _s, ...r }) => r),
    totalsByMonth,
    totalMinutes: totalsByMonth.reduce((a, b) => a + b, 0),
  };
}

export async function tasksByKind(deps: Deps, from: string, to: string): Promise<TasksByKindReport> {
  const months = monthRange(from, to);
  const index = new Map(months.map((m, i) => [m, i]));
  const { first, last } = monthBounds(from, to);
  const rows = await deps.db
    .selectFrom('tasks as t')
    // One pass over the tasks, each kind by its key (CROSS JOIN keeps the order).
    .crossJoin('service_kinds as k')
    .whereRef('k.id', '=', 't.kind_id')
    .select((eb) => ['k.id', 'k.code', 'k.name', 'k.sort_order', doneMonth.as('month'), eb.fn.countAll<number>().as('n')])
    .where(isDone)
    .where(doneDay, '>=', first)
    .where(doneDay, '<=', last)
    .groupBy(['k.id', 'k.code', 'k.name', 'k.sort_order', doneMonth])
    .execute();
  const byKind = new Map<number, TasksByKindRow & { sortOrder: number }>();
  const totalsByMonth = months.map(() => 0);
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    let row = byKind.get(r.id);
    if (!row) {
      row = { kindId: r.id, kindCode: r.code, kindName: r.name, counts: months.map(() => 0), total: 0, sortOrder: r.sort_order };
      byKind.set(r.id, row);
    }
    const n = Number(r.n);
    row.counts[i] = (row.counts[i] ?? 0) + n;
    row.total += n;
    totalsByMonth[i] = (totalsByMonth[i] ?? 0) + n;
  }
  const list = [...byKind.values()].sort((a, b) => b.total - a.total || a.sortOrder - b.sortOrder || a.kindId - b.kindId);
  return {
    from,
    to,
    months,
    rows: list.map(({ sortOrder: _s, ...r }) => r),
    totalsByMonth,
    total: totalsByMonth.reduce((a, b) => a + b, 0),
  };
}

function counts(rows: ReadonlyArray<{ is_regular: number; specialist: string | null }>): VolunteerCounts {
  const regular = rows.filter((r) => r.is_regular === 1).length;
  return {
    regular,
    occasional: rows.length - regular,
    specialists: rows.filter((r) => r.specialist !== null).length,
    total: rows.length,
  };
}

/**
 * Done tasks with their volunteers between two days (both included), as the FROM of a query over
 * `t` (tasks) and `tv` (task_volunteers): the tasks by the done-day index, then each one's volunteers.
 */
export function doneTasksWithVolunteersSql(first: string, last: string) {
  return sql`tasks t cross join task_volunteers tv on tv.task_id = t.id
    where t.status = 'done' and coalesce(t.done_on, t.scheduled_on) >= ${first} and coalesce(t.done_on, t.scheduled_on) <= ${last}`;
}

export interface InvolvedVolunteer {
  id: number;
  isRegular: boolean;
  specialist: boolean;
  /** The months ('YYYY-MM') they were involved in, with the minutes they logged in each (tasks and events). */
  months: Map<string, number>;
  /** Their done tasks' shares without minutes logged. */
  unlogged: number;
}

/**
 * Volunteers involved between two days (both included): the one definition, for
 * reports.volunteersActive and the results report. A volunteer is involved who had a done task
 * (on the day it counts on) or helped run an event held those days. Deleted or paused volunteers
 * still count for the days they helped. With the minutes they logged, per month (summed per
 * volunteer and month first, then each volunteer looked up once per month, not once per share).
 */
export async function volunteersInvolved(ex: Executor, first: string, last: string): Promise<InvolvedVolunteer[]> {
  const rows = await sql<{ id: number; is_regular: number; specialist: string | null; month: string; minutes: number; unlogged: number }>`
    select v.id, v.is_regular, v.specialist, x.month, x.minutes, x.unlogged from (select vid, month, sum(minutes) as minutes, sum(unlogged) as unlogged from (
      select tv.volunteer_id as vid, substr(coalesce(t.done_on, t.scheduled_on), 1, 7) as month,
        coalesce(tv.minutes_spent, 0) as minutes, tv.minutes_spent is null as unlogged
      from ${doneTasksWithVolunteersSql(first, last)}
      union all
      select o.volunteer_id, substr(e.starts_on, 1, 7), coalesce(o.minutes, 0), 0 from events e cross join event_organisers o on o.event_id = e.id
        where e.starts_on >= ${first} and e.starts_on <= ${last} and o.volunteer_id is not null
    ) group by vid, month) x cross join volunteers v on v.id = x.vid
    order by x.vid, x.month`.execute(ex);
  const byId = new Map<number, InvolvedVolunteer>();
  for (const r of rows.rows) {
    let v = byId.get(r.id);
    if (!v) {
      v = { id: r.id, isRegular: r.is_regular === 1, specialist: r.specialist !== null, months: new Map(), unlogged: 0 };
      byId.set(r.id, v);
    }
    v.months.set(r.month, Number(r.minutes ?? 0));
    v.unlogged += Number(r.unlogged ?? 0);
  }
  return [...byId.values()];
}

export async function volunteersActive(deps: Deps, from: string, to: string): Promise<VolunteersActiveReport> {
  const { first, last } = monthBounds(from, to);
  const active = (await volunteersInvolved(deps.db, first, last)).map((v) => ({ is_regular: v.isRegular ? 1 : 0, specialist: v.specialist ? '' : null }));
  const registered = await deps.db
    .selectFrom('volunteers')
    .select(['id', 'is_regular', 'specialist'])
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .execute();
  return { from, to, active: counts(active), registered: counts(registered) };
}
