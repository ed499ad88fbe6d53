import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { formatAddress, fullName } from '../../../../shared/domain/residents';
import type { RequestStatus, RequestSummary } from '../../../../shared/domain/requests';
import type { Currency } from '../../../../shared/domain/settings';
import {
  OPEN_TASK_STATUSES,
  slotOrder,
  slotsOverlap,
  type AdvanceRow,
  type PartOfDay,
  type Slot,
  type TaskDetail,
  type TaskStatus,
  type TaskSummary,
  type TaskVolunteerRef,
  type VolunteerAdvance,
  type VolunteerState,
} from '../../../../shared/domain/tasks';
import { SUMMARY as REQUEST_SUMMARY, toSummary as toRequestSummary } from '../requests/requests.repo';

export type PartOfDayValue = 'morning' | 'afternoon' | 'evening';

/** The row to insert; shared with the plans feature (help plans, snow day batches). */
export interface NewTask {
  requestId: number | null;
  planId: number | null;
  residentId: number;
  kindId: number;
  scheduledOn: string;
  partOfDay: PartOfDayValue | null;
  startTime: string | null;
  estimatedMinutes: number | null;
  note: string;
  batchKey: string | null;
  status?: 'planned' | 'assigned';
}

/** Inserts one task and returns its id. The caller owns the transaction and validation. */
export async function insertTask(ex: Executor, t: NewTask, actorId: number, at: string): Promise<number> {
  const row = await ex
    .insertInto('tasks')
    .values({
      request_id: t.requestId,
      plan_id: t.planId,
      resident_id: t.residentId,
      kind_id: t.kindId,
      scheduled_on: t.scheduledOn,
      part_of_day: t.partOfDay,
      start_time: t.startTime,
      estimated_minutes: t.estimatedMinutes,
      status: t.status ?? 'planned',
      not_done_reason: null,
      done_on: null,
      note: t.note,
      batch_key: t.batchKey,
      created_at: at,
      created_by: actorId,
      updated_at: at,
      updated_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Replaces the volunteers of a task (keeping the minutes of those who stay) and moves an open
 * task between 'planned' (nobody) and 'assigned' (≥1 volunteer). Closed tasks keep their status.
 */
export async function setTaskVolunteers(ex: Executor, taskId: number, volunteerIds: number[]): Promise<void> {
  const wanted = [...new Set(volunteerIds)];
  let del = ex.deleteFrom('task_volunteers').where('task_id', '=', taskId);
  if (wanted.length > 0) del = del.where('volunteer_id', 'not in', wanted);
  await del.execute();
  if (wanted.length > 0) {
    await ex
      .insertInto('task_volunteers')
      .values(wanted.map((volunteerId) => ({ task_id: taskId, volunteer_id: volunteerId, minutes_spent: null })))
      .onConflict((oc) => oc.columns(['task_id', 'volunteer_id']).doNothing())
      .execute();
  }
  await ex
    .updateTable('tasks')
    .set({ status: wanted.length > 0 ? 'assigned' : 'planned' })
    .where('id', '=', taskId)
    .where('status', 'in', ['planned', 'assigned'])
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Reading tasks

export interface TaskFilter {
  from?: string | undefined;
  to?: string | undefined;
  statuses?: readonly TaskStatus[] | undefined;
  /** Leave out cancelled tasks (the board). */
  excludeCancelled?: boolean;
  /** Only open tasks (planned or assigned), found in the index of open tasks by day (the board's overdue ones). */
  open?: boolean;
  kindId?: number | undefined;
  settlement?: string | undefined;
  volunteerId?: number | undefined;
  residentId?: number | undefined;
  requestId?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function taskBase(ex: Executor) {
  return ex
    .selectFrom('tasks')
    .innerJoin('residents', 'residents.id', 'tasks.resident_id')
    .innerJoin('service_kinds', 'service_kinds.id', 'tasks.kind_id');
}

const TASK_COLUMNS = [
  'tasks.id',
  'tasks.request_id',
  'tasks.plan_id',
  'tasks.resident_id',
  'residents.last_name',
  'residents.first_name',
  'residents.patronymic',
  'residents.settlement',
  'residents.street',
  'residents.house',
  'residents.flat',
  'tasks.kind_id',
  'service_kinds.code as kind_code',
  'service_kinds.name as kind_name',
  'tasks.scheduled_on',
  'tasks.part_of_day',
  'tasks.start_time',
  'tasks.estimated_minutes',
  'tasks.status',
  'tasks.not_done_reason',
  'tasks.done_on',
  'tasks.note',
  'tasks.batch_key',
] as const;

interface TaskRow {
  id: number;
  request_id: number | null;
  plan_id: number | null;
  resident_id: number;
  last_name: string;
  first_name: string;
  patronymic: string;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  kind_id: number;
  kind_code: string | null;
  kind_name: string | null;
  scheduled_on: string;
  part_of_day: string | null;
  start_time: string | null;
  estimated_minutes: number | null;
  status: string;
  not_done_reason: string | null;
  done_on: string | null;
  note: string;
  batch_key: string | null;
}

export function volunteerState(v: { status: string; deleted_at: string | null }): VolunteerState {
  if (v.deleted_at !== null) return 'deleted';
  return v.status === 'paused' ? 'paused' : 'active';
}

function personName(v: { last_name: string; first_name: string; patronymic: string }): string {
  return fullName({ lastName: v.last_name, firstName: v.first_name, patronymic: v.patronymic });
}

function toSummary(r: TaskRow, volunteers: TaskVolunteerRef[]): TaskSummary {
  return {
    id: r.id,
    requestId: r.request_id,
    planId: r.plan_id,
    residentId: r.resident_id,
    residentName: personName(r),
    settlement: r.settlement,
    address: formatAddress(r),
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    scheduledOn: r.scheduled_on,
    partOfDay: r.part_of_day as PartOfDay | null,
    startTime: r.start_time,
    estimatedMinutes: r.estimated_minutes,
    status: r.status as TaskStatus,
    reason: r.not_done_reason,
    doneOn: r.done_on,
    note: r.note,
    batchKey: r.batch_key,
    volunteers,
  };
}

const CHUNK = 500;

/** The volunteers of these tasks, by name. */
export async function volunteersOfTasks(ex: Executor, taskIds: readonly number[]): Promise<Map<number, TaskVolunteerRef[]>> {
  const out = new Map<number, TaskVolunteerRef[]>();
  for (let i = 0; i < taskIds.length; i += CHUNK) {
    const chunk = taskIds.slice(i, i + CHUNK);
    const rows = await ex
      .selectFrom('task_volunteers')
      .innerJoin('volunteers', 'volunteers.id', 'task_volunteers.volunteer_id')
      .select([
        'task_volunteers.task_id',
        'task_volunteers.volunteer_id',
        'task_volunteers.minutes_spent',
        'volunteers.last_name',
        'volunteers.first_name',
        'volunteers.patronymic',
        'volunteers.status',
        'volunteers.deleted_at',
      ])
      .where('task_volunteers.task_id', 'in', chunk)
      .orderBy('volunteers.sort_key')
      .orderBy('volunteers.id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.task_id) ?? [];
      list.push({ volunteerId: r.volunteer_id, fullName: personName(r), state: volunteerState(r), minutesSpent: r.minutes_spent });
      out.set(r.task_id, list);
    }
  }
  return out;
}

async function withVolunteers(ex: Executor, rows: TaskRow[]): Promise<TaskSummary[]> {
  const vols = await volunteersOfTasks(
    ex,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, vols.get(r.id) ?? []));
}

/** Tasks by day, then time (all-day tasks first), then id. */
export function sortTasks(tasks: TaskSummary[]): TaskSummary[] {
  return tasks.sort(
    (a, b) =>
      (a.scheduledOn < b.scheduledOn ? -1 : a.scheduledOn > b.scheduledOn ? 1 : 0) || slotOrder(a) - slotOrder(b) || a.id - b.id,
  );
}

/** Tasks in board order; `count: false` leaves out the total (the board shows every task it reads). */
export async function listTasks(ex: Executor, f: TaskFilter, opts: { count?: boolean } = {}): Promise<{ items: TaskSummary[]; total: number }> {
  let q = taskBase(ex);
  if (f.from !== undefined) q = q.where('tasks.scheduled_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('tasks.scheduled_on', '<=', f.to);
  if (f.statuses !== undefined && f.statuses.length > 0) q = q.where('tasks.status', 'in', [...f.statuses]);
  if (f.excludeCancelled) q = q.where('tasks.status', '!=', 'cancelled');
  // Written out as in the partial index tasks_open_day (migration 20261206_0900): SQLite uses a
  // partial index only for a query that names its condition, and not through bound parameters.
  if (f.open) q = q.where(sql<boolean>`tasks.status in (${sql.join(OPEN_TASK_STATUSES.map((s) => sql.lit(s)))})`);
  if (f.kindId !== undefined) q = q.where('tasks.kind_id', '=', f.kindId);
  if (f.settlement !== undefined && f.settlement !== '') q = q.where('residents.settlement', '=', f.settlement);
  if (f.residentId !== undefined) q = q.where('tasks.resident_id', '=', f.residentId);
  if (f.requestId !== undefined) q = q.where('tasks.request_id', '=', f.requestId);
  const volunteerId = f.volunteerId;
  if (volunteerId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_volunteers')
          .select('task_volunteers.task_id')
          .whereRef('task_volunteers.task_id', '=', 'tasks.id')
          .where('task_volunteers.volunteer_id', '=', volunteerId),
      ),
    );
  }
  let rowsQ = q
    .select(TASK_COLUMNS)
    .orderBy('tasks.scheduled_on')
    .orderBy(sql`coalesce(tasks.start_time, case tasks.part_of_day when 'morning' then '00:00' when 'afternoon' then '12:00' when 'evening' then '17:00' else '' end)`)
    .orderBy('tasks.id');
  if (f.limit !== undefined) rowsQ = rowsQ.limit(f.limit).offset(f.offset ?? 0);
  const rows = await rowsQ.execute();
  const total = opts.count === false ? rows.length : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: sortTasks(await withVolunteers(ex, rows)), total };
}

export interface TaskRecord {
  id: number;
  request_id: number | null;
  resident_id: number;
  kind_id: number;
  scheduled_on: string;
  part_of_day: PartOfDay | null;
  start_time: string | null;
  status: TaskStatus;
  note: string;
}

/** The bare task row (for the rules of a write). */
export async function findTaskRecord(ex: Executor, id: number): Promise<TaskRecord | undefined> {
  const row = await ex
    .selectFrom('tasks')
    .select(['id', 'request_id', 'resident_id', 'kind_id', 'scheduled_on', 'part_of_day', 'start_time', 'status', 'note'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, part_of_day: row.part_of_day as PartOfDay | null, status: row.status as TaskStatus };
}

export async function findTask(ex: Executor, id: number): Promise<(Omit<TaskDetail, 'volunteers'> & { volunteers: TaskVolunteerRef[] }) | undefined> {
  const row = await taskBase(ex)
    .innerJoin('users as creator', 'creator.id', 'tasks.created_by')
    .innerJoin('users as updater', 'updater.id', 'tasks.updated_by')
    .leftJoin('requests', 'requests.id', 'tasks.request_id')
    .select([
      ...TASK_COLUMNS,
      'tasks.created_at',
      'tasks.updated_at',
      'creator.name as created_by_name',
      'updater.name as updated_by_name',
      'requests.status as request_status',
    ])
    .where('tasks.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await withVolunteers(ex, [row]);
  if (!summary) return undefined;
  const phones = await ex
    .selectFrom('resident_phones')
    .select('raw')
    .where('resident_id', '=', row.resident_id)
    .orderBy('position')
    .execute();
  return {
    ...summary,
    residentPhones: phones.map((p) => p.raw),
    requestStatus: row.request_status as RequestStatus | null,
    advances: await advancesOfTask(ex, id),
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
  };
}

export async function updateTaskFields(
  ex: Executor,
  id: number,
  t: {
    residentId: number;
    kindId: number;
    scheduledOn: string;
    partOfDay: PartOfDay | null;
    startTime: string | null;
    estimatedMinutes: number | null;
    note: string;
  },
  actorId: number,
  at: string,
): Promise<void> {
  await ex
    .updateTable('tasks')
    .set({
      resident_id: t.residentId,
      kind_id: t.kindId,
      scheduled_on: t.scheduledOn,
      part_of_day: t.partOfDay,
      start_time: t.startTime,
      estimated_minutes: t.estimatedMinutes,
      note: t.note,
      updated_at: at,
      updated_by: actorId,
    })
    .where('id', '=', id)
    .execute();
}

export async function setTaskStatus(
  ex: Executor,
  id: number,
  s: { status: TaskStatus; reason: string | null; doneOn: string | null; note?: string },
  actorId: number,
  at: string,
): Promise<void> {
  await ex
    .updateTable('tasks')
    .set({
      status: s.status,
      not_done_reason: s.reason,
      done_on: s.doneOn,
      ...(s.note !== undefined ? { note: s.note } : {}),
      updated_at: at,
      updated_by: actorId,
    })
    .where('id', '=', id)
    .execute();
}

export async function touchTask(ex: Executor, id: number, actorId: number, at: string): Promise<void> {
  await ex.updateTable('tasks').set({ updated_at: at, updated_by: actorId }).where('id', '=', id).execute();
}

export async function volunteerIdsOfTask(ex: Executor, taskId: number): Promise<number[]> {
  const rows = await ex.selectFrom('task_volunteers').select('volunteer_id').where('task_id', '=', taskId).orderBy('volunteer_id').execute();
  return rows.map((r) => r.volunteer_id);
}

export async function setMinutesSpent(ex: Executor, taskId: number, volunteerId: number, minutes: number): Promise<void> {
  await ex
    .updateTable('task_volunteers')
    .set({ minutes_spent: minutes })
    .where('task_id', '=', taskId)
    .where('volunteer_id', '=', volunteerId)
    .execute();
}

export async function taskStatusesOfRequest(ex: Executor, requestId: number): Promise<TaskStatus[]> {
  const rows = await ex.selectFrom('tasks').select('status').where('request_id', '=', requestId).execute();
  return rows.map((r) => r.status as TaskStatus);
}

// ---------------------------------------------------------------------------------------------
// Volunteers' facts (for suggestions and warnings)

export interface VolunteerRow {
  id: number;
  fullName: string;
  sortKey: string;
  settlement: string;
  state: VolunteerState;
}

/** Volunteers by id (deleted ones included), or every volunteer not deleted when ids is null. */
export async function findVolunteers(ex: Executor, ids: readonly number[] | null): Promise<VolunteerRow[]> {
  let q = ex
    .selectFrom('volunteers')
    .select(['id', 'last_name', 'first_name', 'patronymic', 'sort_key', 'settlement', 'status', 'deleted_at']);
  if (ids === null) q = q.where('deleted_at', 'is', null);
  else if (ids.length === 0) return [];
  else q = q.where('id', 'in', [...ids]);
  const rows = await q.orderBy('sort_key').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, fullName: personName(r), sortKey: r.sort_key, settlement: r.settlement, state: volunteerState(r) }));
}

/** Volunteers (of the given ones) with another open task that day at an overlapping time. */
export async function bookedVolunteers(
  ex: Executor,
  date: string,
  slot: Slot,
  volunteerIds: readonly number[] | null,
  excludeTaskId: number | undefined,
): Promise<Set<number>> {
  if (volunteerIds !== null && volunteerIds.length === 0) return new Set();
  let q = ex
    .selectFrom('task_volunteers')
    .innerJoin('tasks', 'tasks.id', 'task_volunteers.task_id')
    .select(['task_volunteers.volunteer_id', 'tasks.part_of_day', 'tasks.start_time'])
    .where('tasks.scheduled_on', '=', date)
    .where('tasks.status', 'in', [...OPEN_TASK_STATUSES]);
  if (volunteerIds !== null) q = q.where('task_volunteers.volunteer_id', 'in', [...volunteerIds]);
  if (excludeTaskId !== undefined) q = q.where('tasks.id', '!=', excludeTaskId);
  const rows = await q.execute();
  const out = new Set<number>();
  for (const r of rows) {
    const other: Slot = { partOfDay: r.part_of_day as PartOfDay | null, startTime: r.start_time };
    if (slotsOverlap(slot, other)) out.add(r.volunteer_id);
  }
  return out;
}

/**
 * Whether each volunteer is available that weekday (and part, when given). Volunteers without any
 * weekly availability recorded are left out (unknown).
 */
export async function availabilityOn(
  ex: Executor,
  weekday: number,
  part: PartOfDay | null,
  volunteerIds: readonly number[] | null,
): Promise<Map<number, boolean>> {
  if (volunteerIds !== null && volunteerIds.length === 0) return new Map();
  let q = ex.selectFrom('volunteer_availability').select(['volunteer_id', 'weekday', 'part']);
  if (volunteerIds !== null) q = q.where('volunteer_id', 'in', [...volunteerIds]);
  const rows = await q.execute();
  const out = new Map<number, boolean>();
  for (const r of rows) {
    const match = r.weekday === weekday && (part === null || r.part === part);
    out.set(r.volunteer_id, (out.get(r.volunteer_id) ?? false) || match);
  }
  return out;
}

/** Minutes and tasks per volunteer in [from, to]: done tasks count minutes spent, open ones the estimate. */
export async function loads(
  ex: Executor,
  from: string,
  to: string,
  excludeTaskId: number | undefined,
): Promise<Map<number, { minutes: number; tasks: number }>> {
  let q = ex
    .selectFrom('task_volunteers')
    .innerJoin('tasks', 'tasks.id', 'task_volunteers.task_id')
    .select(['task_volunteers.volunteer_id', 'task_volunteers.minutes_spent', 'tasks.status', 'tasks.estimated_minutes'])
    .where('tasks.scheduled_on', '>=', from)
    .where('tasks.scheduled_on', '<=', to)
    .where('tasks.status', 'in', ['planned', 'assigned', 'done']);
  if (excludeTaskId !== undefined) q = q.where('tasks.id', '!=', excludeTaskId);
  const rows = await q.execute();
  const out = new Map<number, { minutes: number; tasks: number }>();
  for (const r of rows) {
    const m = r.status === 'done' ? (r.minutes_spent ?? r.estimated_minutes ?? 0) : (r.estimated_minutes ?? 0);
    const cur = out.get(r.volunteer_id) ?? { minutes: 0, tasks: 0 };
    out.set(r.volunteer_id, { minutes: cur.minutes + m, tasks: cur.tasks + 1 });
  }
  return out;
}

/** Volunteers having at least one (not archived) skill the kind needs. */
export async function volunteersWithSkillFor(ex: Executor, kindId: number): Promise<Set<number>> {
  const rows = await ex
    .selectFrom('volunteer_skills')
    .innerJoin('kind_skills', 'kind_skills.skill_id', 'volunteer_skills.skill_id')
    .innerJoin('skills', 'skills.id', 'volunteer_skills.skill_id')
    .select('volunteer_skills.volunteer_id')
    .distinct()
    .where('kind_skills.kind_id', '=', kindId)
    .where('skills.archived_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.volunteer_id));
}

// ---------------------------------------------------------------------------------------------
// Advances

export async function insertAdvance(
  ex: Executor,
  a: { taskId: number; volunteerId: number; amountMinor: number; currency: string; note: string },
  actorId: number,
  at: string,
): Promise<number> {
  const row = await ex
    .insertInto('volunteer_advances')
    .values({
      task_id: a.taskId,
      volunteer_id: a.volunteerId,
      amount_minor: a.amountMinor,
      currency: a.currency,
      note: a.note,
      settled_at: null,
      created_at: at,
      created_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function advanceBase(ex: Executor) {
  return ex
    .selectFrom('volunteer_advances')
    .innerJoin('volunteers', 'volunteers.id', 'volunteer_advances.volunteer_id')
    .innerJoin('tasks', 'tasks.id', 'volunteer_advances.task_id')
    .innerJoin('residents', 'residents.id', 'tasks.resident_id')
    .innerJoin('service_kinds', 'service_kinds.id', 'tasks.kind_id')
    .select([
      'volunteer_advances.id',
      'volunteer_advances.task_id',
      'volunteer_advances.volunteer_id',
      'volunteer_advances.amount_minor',
      'volunteer_advances.currency',
      'volunteer_advances.note',
      'volunteer_advances.settled_at',
      'volunteer_advances.created_at',
      'volunteers.last_name as v_last',
      'volunteers.first_name as v_first',
      'volunteers.patronymic as v_patronymic',
      'tasks.resident_id',
      'residents.last_name',
      'residents.first_name',
      'residents.patronymic',
      'tasks.kind_id',
      'service_kinds.code as kind_code',
      'service_kinds.name as kind_name',
      'tasks.scheduled_on',
      'tasks.done_on',
    ]);
}

type AdvanceQueryRow = Awaited<ReturnType<ReturnType<typeof advanceBase>['execute']>>[number];

function toAdvanceRow(r: AdvanceQueryRow): AdvanceRow {
  return {
    id: r.id,
    taskId: r.task_id,
    volunteerId: r.volunteer_id,
    volunteerName: personName({ last_name: r.v_last, first_name: r.v_first, patronymic: r.v_patronymic }),
    amountMinor: r.amount_minor,
    currency: r.currency as Currency,
    note: r.note,
    settledAt: r.settled_at,
    createdAt: r.created_at,
    residentId: r.resident_id,
    residentName: personName(r),
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    scheduledOn: r.scheduled_on,
    doneOn: r.done_on,
  };
}

export async function advancesOfTask(ex: Executor, taskId: number): Promise<VolunteerAdvance[]> {
  const rows = await advanceBase(ex).where('volunteer_advances.task_id', '=', taskId).orderBy('volunteer_advances.id').execute();
  return rows.map((r) => {
    const a = toAdvanceRow(r);
    return {
      id: a.id,
      taskId: a.taskId,
      volunteerId: a.volunteerId,
      volunteerName: a.volunteerName,
      amountMinor: a.amountMinor,
      currency: a.currency,
      note: a.note,
      settledAt: a.settledAt,
      createdAt: a.createdAt,
    };
  });
}

/** Advances, oldest first; settled undefined lists all. */
export async function listAdvances(ex: Executor, settled: boolean | undefined): Promise<AdvanceRow[]> {
  let q = advanceBase(ex);
  if (settled === true) q = q.where('volunteer_advances.settled_at', 'is not', null);
  if (settled === false) q = q.where('volunteer_advances.settled_at', 'is', null);
  const rows = await q.orderBy('volunteer_advances.created_at').orderBy('volunteer_advances.id').execute();
  return rows.map(toAdvanceRow);
}

// ---------------------------------------------------------------------------------------------
// The board

/** Open requests of volunteer kinds with no open task, urgent first, then oldest first. */
export async function openRequestsWithoutTasks(
  ex: Executor,
  f: { kindId?: number | undefined; settlement?: string | undefined; limit: number },
): Promise<RequestSummary[]> {
  // Read from the open statuses (a few hundred rows in a city): the kind and the settlement are
  // compared as `+column`, so that SQLite never reads every request of a kind or a settlement
  // (what it chose at city scale: 75 ms instead of 2).
  let q = ex
    .selectFrom('requests')
    .innerJoin('residents', 'residents.id', 'requests.resident_id')
    .innerJoin('service_kinds', (join) => join.on(sql.ref('service_kinds.id'), '=', sql`+${sql.ref('requests.kind_id')}`))
    .select(REQUEST_SUMMARY)
    .where('requests.status', 'in', ['new', 'planned', 'inProgress'])
    .where('service_kinds.mode', '=', 'volunteer')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('tasks')
            .select('tasks.id')
            .whereRef('tasks.request_id', '=', 'requests.id')
            .where('tasks.status', 'in', [...OPEN_TASK_STATUSES]),
        ),
      ),
    );
  const { kindId, settlement } = f;
  if (kindId !== undefined) q = q.where((eb) => eb(sql`+requests.kind_id`, '=', kindId));
  if (settlement !== undefined && settlement !== '') q = q.where((eb) => eb(sql`+residents.settlement`, '=', settlement));
  const rows = await q
    .orderBy(sql`case requests.urgency when 'urgent' then 0 when 'normal' then 1 else 2 end`)
    .orderBy('requests.created_at')
    .orderBy('requests.id')
    .limit(f.limit)
    .execute();
  return rows.map(toRequestSummary);
}
