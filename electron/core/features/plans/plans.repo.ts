/**
 * Queries of the plans feature: help plans and the tasks they make, the planning horizon setting.
 * Every function takes an executor (the database or the service's transaction).
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/schema';
import type { HelpPlansTable } from '../tasks/tasks.table';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import {
  DEFAULT_PLAN_HORIZON_DAYS,
  MAX_PLAN_HORIZON_DAYS,
  type HelpPlan,
  type PartOfDay,
  type PlanData,
  type PlanEndReason,
  type PlanRule,
  type PlanSchedule,
  type PlanTask,
} from '../../../../shared/domain/plans';
import type { TaskStatus } from '../../../../shared/domain/tasks';

export type PlanRow = Selectable<HelpPlansTable>;

export const OPEN = ['planned', 'assigned'] as const;
export const HORIZON_KEY = 'planHorizonDays';

export function scheduleOf(row: Pick<PlanRow, 'rule' | 'weekday' | 'interval_days' | 'season_from_month' | 'season_to_month' | 'starts_on' | 'ends_on'>): PlanSchedule {
  return {
    rule: row.rule as PlanRule,
    weekday: row.weekday,
    intervalDays: row.interval_days,
    seasonFromMonth: row.season_from_month,
    seasonToMonth: row.season_to_month,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

function dataToColumns(p: PlanData) {
  return {
    resident_id: p.residentId,
    kind_id: p.kindId,
    rule: p.rule,
    weekday: p.weekday,
    interval_days: p.intervalDays,
    season_from_month: p.seasonFromMonth,
    season_to_month: p.seasonToMonth,
    part_of_day: p.partOfDay,
    estimated_minutes: p.estimatedMinutes,
    volunteer_id: p.volunteerId,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    note: p.note,
  };
}

export async function insertPlan(ex: Executor, p: PlanData, actorId: number, at: string): Promise<number> {
  const row = await ex
    .insertInto('help_plans')
    .values({ ...dataToColumns(p), ended_reason: null, created_at: at, created_by: actorId, updated_at: at, updated_by: actorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(ex: Executor, id: number, p: PlanData, actorId: number, at: string): Promise<void> {
  await ex
    .updateTable('help_plans')
    .set({ ...dataToColumns(p), updated_at: at, updated_by: actorId })
    .where('id', '=', id)
    .execute();
}

export async function endPlan(ex: Executor, id: number, endsOn: string, reason: PlanEndReason, actorId: number, at: string): Promise<void> {
  await ex
    .updateTable('help_plans')
    .set({ ends_on: endsOn, ended_reason: reason, updated_at: at, updated_by: actorId })
    .where('id', '=', id)
    .execute();
}

export async function planRow(ex: Executor, id: number): Promise<PlanRow | undefined> {
  return ex.selectFrom('help_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Plans that may still make tasks on or after `today`: not ended, not past their last day, resident still here. */
export async function activePlanRows(ex: Executor, today: string, opts: { planIds?: number[] } = {}): Promise<PlanRow[]> {
  let q = ex
    .selectFrom('help_plans')
    .innerJoin('residents', 'residents.id', 'help_plans.resident_id')
    .selectAll('help_plans')
    .where('help_plans.ended_reason', 'is', null)
    .where((eb) => eb.or([eb('help_plans.ends_on', 'is', null), eb('help_plans.ends_on', '>=', today)]))
    .where('residents.left_on', 'is', null)
    .orderBy('help_plans.id');
  if (opts.planIds !== undefined) q = q.where('help_plans.id', 'in', opts.planIds.length > 0 ? opts.planIds : [-1]);
  return q.execute();
}

/** The days between from and to (both included) on which the plan already has a task, whatever its status. */
export async function planTaskDays(ex: Executor, planId: number, from: string, to: string): Promise<Set<string>> {
  const rows = await ex
    .selectFrom('tasks')
    .select('scheduled_on')
    .where('plan_id', '=', planId)
    .where('scheduled_on', '>=', from)
    .where('scheduled_on', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.scheduled_on));
}

/**
 * Deletes the plan's open tasks scheduled after `after` (done, not done and cancelled ones are
 * history and stay; a task a volunteer already advanced money on stays too). Returns how many.
 */
export async function deleteOpenPlanTasksAfter(ex: Executor, planId: number, after: string): Promise<number> {
  const result = await ex
    .deleteFrom('tasks')
    .where('plan_id', '=', planId)
    .where('scheduled_on', '>', after)
    .where('status', 'in', [...OPEN])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('volunteer_advances').select('volunteer_advances.id').whereRef('volunteer_advances.task_id', '=', 'tasks.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A volunteer who may be given new tasks: on the list and not paused. */
export async function isAssignable(ex: Executor, volunteerId: number): Promise<boolean> {
  const row = await ex
    .selectFrom('volunteers')
    .select('id')
    .where('id', '=', volunteerId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export async function kindIdByCode(ex: Executor, code: string): Promise<number | undefined> {
  const row = await ex.selectFrom('service_kinds').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function readHorizon(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', HORIZON_KEY).executeTakeFirst();
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PLAN_HORIZON_DAYS ? n : DEFAULT_PLAN_HORIZON_DAYS;
}

export async function writeHorizon(ex: Executor, days: number): Promise<void> {
  await ex
    .insertInto('settings')
    .values({ key: HORIZON_KEY, value: String(days) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(days) }))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Reading plans for the UI

function planQuery(ex: Executor, today: string) {
  return ex
    .selectFrom('help_plans as p')
    .innerJoin('residents as r', 'r.id', 'p.resident_id')
    .innerJoin('service_kinds as k', 'k.id', 'p.kind_id')
    .leftJoin('volunteers as v', 'v.id', 'p.volunteer_id')
    .selectAll('p')
    .select((eb) => [
      'r.last_name as r_last_name',
      'r.first_name as r_first_name',
      'r.patronymic as r_patronymic',
      'r.settlement as r_settlement',
      'r.street as r_street',
      'r.house as r_house',
      'r.flat as r_flat',
      'r.sort_key as r_sort_key',
      'k.code as kind_code',
      'k.name as kind_name',
      'v.last_name as v_last_name',
      'v.first_name as v_first_name',
      'v.patronymic as v_patronymic',
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.min('tasks.scheduled_on').as('d'))
        .whereRef('tasks.plan_id', '=', 'p.id')
        .where('tasks.status', 'in', [...OPEN])
        .where('tasks.scheduled_on', '>=', today)
        .as('next_on'),
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('tasks.plan_id', '=', 'p.id')
        .where('tasks.status', 'in', [...OPEN])
        .as('open_tasks'),
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('tasks.plan_id', '=', 'p.id')
        .where('tasks.status', '=', 'done')
        .as('done_tasks'),
    ]);
}

type PlanQueryRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

function isActive(row: Pick<PlanRow, 'ended_reason' | 'ends_on'>, today: string): boolean {
  return row.ended_reason === null && (row.ends_on === null || row.ends_on >= today);
}

function toPlan(row: PlanQueryRow, today: string): HelpPlan {
  const volunteerName =
    row.v_last_name !== null && row.v_first_name !== null
      ? fullName({ lastName: row.v_last_name, firstName: row.v_first_name, patronymic: row.v_patronymic ?? '' })
      : null;
  return {
    id: row.id,
    residentId: row.resident_id,
    residentName: fullName({ lastName: row.r_last_name, firstName: row.r_first_name, patronymic: row.r_patronymic }),
    residentAddress: formatAddress({ settlement: row.r_settlement, street: row.r_street, house: row.r_house, flat: row.r_flat }),
    settlement: row.r_settlement,
    kindId: row.kind_id,
    kindCode: row.kind_code,
    kindName: row.kind_name,
    rule: row.rule as PlanRule,
    weekday: row.weekday,
    intervalDays: row.interval_days,
    seasonFromMonth: row.season_from_month,
    seasonToMonth: row.season_to_month,
    partOfDay: row.part_of_day as PartOfDay | null,
    estimatedMinutes: row.estimated_minutes,
    volunteerId: row.volunteer_id,
    volunteerName,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endedReason: row.ended_reason as PlanEndReason | null,
    note: row.note,
    active: isActive(row, today),
    nextOn: (row.next_on as string | null) ?? null,
    openTasks: Number(row.open_tasks ?? 0),
    doneTasks: Number(row.done_tasks ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPlans(
  ex: Executor,
  today: string,
  f: { residentId?: number | undefined; includeEnded: boolean },
): Promise<HelpPlan[]> {
  let q = planQuery(ex, today);
  if (f.residentId !== undefined) q = q.where('p.resident_id', '=', f.residentId);
  if (!f.includeEnded) {
    q = q.where('p.ended_reason', 'is', null).where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)]));
  }
  const rows = await q.orderBy('r.sort_key').orderBy('p.id').limit(5000).execute();
  return rows.map((r) => toPlan(r, today));
}

export async function findPlan(ex: Executor, id: number, today: string): Promise<HelpPlan | undefined> {
  const row = await planQuery(ex, today).where('p.id', '=', id).executeTakeFirst();
  return row ? toPlan(row, today) : undefined;
}

/** The plan's last 20 tasks up to today and all its tasks after today, in date order. */
export async function planTasks(ex: Executor, planId: number, today: string): Promise<PlanTask[]> {
  const past = await ex
    .selectFrom('tasks')
    .select(['id', 'scheduled_on', 'status'])
    .where('plan_id', '=', planId)
    .where('scheduled_on', '<=', today)
    .orderBy('scheduled_on', 'desc')
    .limit(20)
    .execute();
  const future = await ex
    .selectFrom('tasks')
    .select(['id', 'scheduled_on', 'status'])
    .where('plan_id', '=', planId)
    .where('scheduled_on', '>', today)
    .orderBy('scheduled_on')
    .limit(500)
    .execute();
  const rows = [...past.reverse(), ...future];
  const names = await volunteerNamesOf(
    ex,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, scheduledOn: r.scheduled_on, status: r.status as TaskStatus, volunteerNames: names.get(r.id) ?? [] }));
}

export async function volunteerNamesOf(ex: Executor, taskIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await ex
      .selectFrom('task_volunteers as tv')
      .innerJoin('volunteers as v', 'v.id', 'tv.volunteer_id')
      .select(['tv.task_id', 'v.last_name', 'v.first_name', 'v.patronymic'])
      .where('tv.task_id', 'in', taskIds.slice(i, i + 500))
      .orderBy('tv.task_id')
      .orderBy('v.sort_key')
      .execute();
    for (const r of rows) {
      const list = map.get(r.task_id) ?? [];
      list.push(fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }));
      map.set(r.task_id, list);
    }
  }
  return map;
}
