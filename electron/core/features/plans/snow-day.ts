/**
 * The snow day: after a snowfall, one action makes a snow-clearing task for everyone on the
 * snow-clearing list (residents with needs_snow_clearing who have not left).
 *
 * preview: who is on the list, who already has a snow-clearing task that day ('exists'), and a
 * proposed volunteer for each of the others: volunteers with the skill 'hasSnowTools' (every active
 * volunteer when nobody has it), not those unavailable that weekday unless nobody else is left,
 * then the same settlement, then the lightest load that day and that week, at most
 * `maxPerVolunteer` residents each that day (existing tasks count).
 *
 * confirm: the coordinator's final list, made in one transaction with the batch key
 * 'snow:<date>' (unique per resident), so running it twice on the same day makes nothing new: the
 * second run reports those residents as existing.
 */
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import { addDays, isoWeekday, weekStart, type PartOfDay, type SnowDayPreview, type SnowDayResident, type SnowDayResult, type SnowDayVolunteer } from '../../../../shared/domain/plans';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { insertTask, setTaskVolunteers } from '../tasks/tasks.repo';
import { kindIdByCode } from './plans.repo';
import { inTransaction } from '../../db/transaction';
import { optimizeAfterBulkWrite } from '../../db/optimize';

export const SNOW_SKILL = 'hasSnowTools';
export const snowBatchKey = (date: string) => `snow:${date}`;

async function snowKindId(ex: Executor): Promise<number> {
  const id = await kindIdByCode(ex, 'snowClearing');
  if (id === undefined) throw new AppError('notFound', 'The built-in snow-clearing kind is missing');
  return id;
}

/**
 * The snow-clearing tasks already there that day, per resident: the day's batch (whatever its
 * status: the unique index holds one per resident), and any other snow-clearing task not cancelled.
 */
async function existingSnowTasks(ex: Executor, date: string, kindId: number, residentIds?: number[]): Promise<Map<number, number>> {
  let q = ex
    .selectFrom('tasks')
    .select(['id', 'resident_id'])
    .where('scheduled_on', '=', date)
    .where((eb) =>
      eb.or([eb('batch_key', '=', snowBatchKey(date)), eb.and([eb('kind_id', '=', kindId), eb('status', '!=', 'cancelled')])]),
    )
    .orderBy('id');
  if (residentIds !== undefined) q = q.where('resident_id', 'in', residentIds.length > 0 ? residentIds : [-1]);
  const rows = await q.execute();
  const map = new Map<number, number>();
  for (const r of rows) if (!map.has(r.resident_id)) map.set(r.resident_id, r.id);
  return map;
}

interface Candidate extends SnowDayVolunteer {
  sortKey: string;
  day: number;
  week: number;
}

async function candidates(ex: Executor, date: string): Promise<Candidate[]> {
  const active = await ex
    .selectFrom('volunteers as v')
    .select((eb) => [
      'v.id',
      'v.last_name',
      'v.first_name',
      'v.patronymic',
      'v.settlement',
      'v.is_regular',
      'v.sort_key',
      eb
        .exists(
          eb
            .selectFrom('volunteer_skills as vs')
            .innerJoin('skills as s', 's.id', 'vs.skill_id')
            .select('vs.skill_id')
            .whereRef('vs.volunteer_id', '=', 'v.id')
            .where('s.code', '=', SNOW_SKILL),
        )
        .as('has_tools'),
    ])
    .where('v.deleted_at', 'is', null)
    .where('v.status', '=', 'active')
    .orderBy('v.sort_key')
    .orderBy('v.id')
    .execute();
  const withTools = active.filter((v) => Boolean(v.has_tools));
  const chosen = withTools.length > 0 ? withTools : active;
  if (chosen.length === 0) return [];
  const ids = chosen.map((v) => v.id);

  const weekday = isoWeekday(date);
  const slots = await ex.selectFrom('volunteer_availability').select(['volunteer_id', 'weekday']).where('volunteer_id', 'in', ids).execute();
  const recorded = new Set(slots.map((s) => s.volunteer_id));
  const free = new Set(slots.filter((s) => s.weekday === weekday).map((s) => s.volunteer_id));

  const monday = weekStart(date);
  const loads = await ex
    .selectFrom('task_volunteers as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .select(['tv.volunteer_id', 't.scheduled_on'])
    .where('tv.volunteer_id', 'in', ids)
    .where('t.status', '!=', 'cancelled')
    .where('t.scheduled_on', '>=', monday)
    .where('t.scheduled_on', '<=', addDays(monday, 6))
    .execute();
  const day = new Map<number, number>();
  const week = new Map<number, number>();
  for (const l of loads) {
    week.set(l.volunteer_id, (week.get(l.volunteer_id) ?? 0) + 1);
    if (l.scheduled_on === date) day.set(l.volunteer_id, (day.get(l.volunteer_id) ?? 0) + 1);
  }
  return chosen.map((v) => ({
    id: v.id,
    name: fullName({ lastName: v.last_name, firstName: v.first_name, patronymic: v.patronymic }),
    settlement: v.settlement,
    isRegular: v.is_regular === 1,
    hasSnowTools: Boolean(v.has_tools),
    available: recorded.has(v.id) ? free.has(v.id) : null,
    tasksThatDay: day.get(v.id) ?? 0,
    tasksThatWeek: week.get(v.id) ?? 0,
    proposed: 0,
    sortKey: v.sort_key,
    day: day.get(v.id) ?? 0,
    week: week.get(v.id) ?? 0,
  }));
}

/** The best candidate for a resident of `settlement`, or undefined when everyone is at the limit. */
function pick(list: Candidate[], settlement: string, max: number): Candidate | undefined {
  let best: Candidate | undefined;
  let bestKey: number[] = [];
  for (const c of list) {
    if (c.day >= max) continue;
    const key = [c.available === false ? 1 : 0, c.settlement === settlement && settlement !== '' ? 0 : 1, c.day, c.week];
    if (best === undefined || compare(key, bestKey) < 0) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export async function snowDayPreview(deps: Pick<CoreDeps, 'db'>, date: string, maxPerVolunteer: number): Promise<SnowDayPreview> {
  const { db } = deps;
  const kindId = await snowKindId(db);
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'last_name', 'first_name', 'patronymic', 'settlement', 'street', 'house', 'flat'])
    .where('needs_snow_clearing', '=', 1)
    .where('left_on', 'is', null)
    .orderBy('settlement')
    .orderBy('street')
    .orderBy('house')
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const existing = await existingSnowTasks(db, date, kindId);
  const existingIds = [...new Set(residents.flatMap((r) => (existing.has(r.id) ? [existing.get(r.id) as number] : [])))];
  const existingVolunteers = new Map<number, number[]>();
  for (let i = 0; i < existingIds.length; i += 500) {
    const rows = await db
      .selectFrom('task_volunteers')
      .select(['task_id', 'volunteer_id'])
      .where('task_id', 'in', existingIds.slice(i, i + 500))
      .orderBy('task_id')
      .orderBy('volunteer_id')
      .execute();
    for (const r of rows) existingVolunteers.set(r.task_id, [...(existingVolunteers.get(r.task_id) ?? []), r.volunteer_id]);
  }

  const list = await candidates(db, date);
  let unassigned = 0;
  const out: SnowDayResident[] = residents.map((r) => {
    const base = {
      residentId: r.id,
      fullName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
      address: formatAddress(r),
      settlement: r.settlement,
    };
    const taskId = existing.get(r.id);
    if (taskId !== undefined) return { ...base, state: 'exists', taskId, volunteerIds: existingVolunteers.get(taskId) ?? [] };
    const chosen = pick(list, r.settlement, maxPerVolunteer);
    if (chosen === undefined) {
      unassigned++;
      return { ...base, state: 'new', taskId: null, volunteerIds: [] };
    }
    chosen.day++;
    chosen.week++;
    chosen.proposed++;
    return { ...base, state: 'new', taskId: null, volunteerIds: [chosen.id] };
  });
  const volunteers = [...list]
    .sort((a, b) => (a.settlement < b.settlement ? -1 : a.settlement > b.settlement ? 1 : 0) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || a.id - b.id)
    .map(({ sortKey: _s, day: _d, week: _w, ...v }) => v);
  return { date, batchKey: snowBatchKey(date), kindId, maxPerVolunteer, residents: out, volunteers, unassigned };
}

export async function snowDayConfirm(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  input: { date: string; assignments: Array<{ residentId: number; volunteerIds: number[] }>; partOfDay: PartOfDay | null; estimatedMinutes: number | null },
  actor: Actor,
): Promise<SnowDayResult> {
  const { db, clock } = deps;
  const at = clock.now().toISOString();
  const batchKey = snowBatchKey(input.date);
  return inTransaction(db, async (trx) => {
    const kindId = await snowKindId(trx);
    const residentIds = input.assignments.map((a) => a.residentId);
    const residents = new Map<number, string | null>();
    for (let i = 0; i < residentIds.length; i += 500) {
      const rows = await trx.selectFrom('residents').select(['id', 'left_on']).where('id', 'in', residentIds.slice(i, i + 500)).execute();
      for (const r of rows) residents.set(r.id, r.left_on);
    }
    const volunteerIds = [...new Set(input.assignments.flatMap((a) => a.volunteerIds))];
    const volunteers = new Set<number>();
    for (let i = 0; i < volunteerIds.length; i += 500) {
      const rows = await trx.selectFrom('volunteers').select('id').where('id', 'in', volunteerIds.slice(i, i + 500)).where('deleted_at', 'is', null).execute();
      for (const r of rows) volunteers.add(r.id);
    }
    const fields: FieldIssue[] = [];
    input.assignments.forEach((a, i) => {
      if (!residents.has(a.residentId)) fields.push({ path: `assignments.${i}.residentId`, message: 'validation.unknownResident' });
      else if (residents.get(a.residentId) !== null) fields.push({ path: `assignments.${i}.residentId`, message: 'validation.residentLeft' });
      if (new Set(a.volunteerIds).size !== a.volunteerIds.length) fields.push({ path: `assignments.${i}.volunteerIds`, message: 'validation.duplicate' });
      else if (a.volunteerIds.some((v) => !volunteers.has(v))) fields.push({ path: `assignments.${i}.volunteerIds`, message: 'validation.unknownVolunteer' });
    });
    if (fields.length > 0) throw new AppError('validation', 'Invalid snow day', { fields: fields.slice(0, 50) });

    const existing = new Map<number, number>();
    for (let i = 0; i < residentIds.length; i += 500) {
      for (const [r, t] of await existingSnowTasks(trx, input.date, kindId, residentIds.slice(i, i + 500))) existing.set(r, t);
    }
    const taskIds: number[] = [];
    const existingResidentIds: number[] = [];
    for (const a of input.assignments) {
      if (existing.has(a.residentId)) {
        existingResidentIds.push(a.residentId);
        continue;
      }
      const taskId = await insertTask(
        trx,
        {
          requestId: null,
          planId: null,
          residentId: a.residentId,
          kindId,
          scheduledOn: input.date,
          partOfDay: input.partOfDay,
          startTime: null,
          estimatedMinutes: input.estimatedMinutes,
          note: '',
          batchKey,
          status: a.volunteerIds.length > 0 ? 'assigned' : 'planned',
        },
        actor.id,
        at,
      );
      if (a.volunteerIds.length > 0) await setTaskVolunteers(trx, taskId, a.volunteerIds);
      taskIds.push(taskId);
    }
    // Hundreds of tasks at once: statistics for the planner if a table grew tenfold.
    await optimizeAfterBulkWrite(trx);
    return { date: input.date, batchKey, created: taskIds.length, existing: existingResidentIds.length, taskIds, existingResidentIds };
  });
}
