import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import { isOpen } from '../../../../shared/domain/requests';
import {
  addDays,
  canTaskTransition,
  isOpenTask,
  mondayOf,
  openStatusFor,
  requestStatusFromTasks,
  type Board,
  type TaskDetail,
  type TaskOutcome,
  type TaskStatus,
  type TaskSummary,
  type TaskData,
  type TaskUpdateData,
  type PartOfDay,
  type Suggestion,
  type AdvanceRow,
  type TaskList,
} from '../../../../shared/domain/tasks';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { insertHistory, statusOf } from '../requests/requests.repo';
import { readSettings } from '../settings/settings.service';
import * as repo from './tasks.repo';
import { suggestVolunteers, volunteerWarnings } from './suggestions';
import { inTransaction } from '../../db/transaction';

function validation(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { fields });
}

function notFound(id: number): AppError {
  return new AppError('notFound', `Task ${id} not found`);
}

function invalidTransition(id: number, from: TaskStatus, to: TaskStatus): AppError {
  return new AppError('invalidTransition', `Cannot move task ${id} from ${from} to ${to}`, { details: { of: 'task', from, to } });
}

function closedRequest(requestId: number, status: string): AppError {
  return new AppError('invalidTransition', `Request ${requestId} is ${status}; reopen it first`, {
    details: { requestId, requestStatus: status },
  });
}

/**
 * Checks the resident and kind of a task. An archived kind or a resident who has left is refused,
 * except when the task already had them (an edit keeps what it had) or the request carries the kind.
 */
async function assertReferences(
  ex: Executor,
  t: { residentId: number; kindId: number },
  keep: { residentId?: number | undefined; kindId?: number | undefined } = {},
  prefix = '',
): Promise<void> {
  const issues: FieldIssue[] = [];
  const resident = await ex.selectFrom('residents').select(['id', 'left_on']).where('id', '=', t.residentId).executeTakeFirst();
  if (!resident) issues.push({ path: `${prefix}residentId`, message: 'validation.unknownResident' });
  else if (resident.left_on !== null && resident.id !== keep.residentId) issues.push({ path: `${prefix}residentId`, message: 'validation.residentLeft' });
  const kind = await ex.selectFrom('service_kinds').select(['id', 'archived_at']).where('id', '=', t.kindId).executeTakeFirst();
  if (!kind) issues.push({ path: `${prefix}kindId`, message: 'validation.unknownKind' });
  else if (kind.archived_at !== null && kind.id !== keep.kindId) issues.push({ path: `${prefix}kindId`, message: 'validation.archivedKind' });
  if (issues.length > 0) throw validation(issues);
}

/**
 * Volunteers to put on a task must exist and not be deleted; a deleted (or paused) volunteer who is
 * already on the task may stay. Paused ones may be added: they get a warning, not an error.
 */
async function assertVolunteers(ex: Executor, wanted: Array<{ id: number; path: string }>, alreadyOn: ReadonlySet<number>): Promise<void> {
  const fresh = wanted.filter((w) => !alreadyOn.has(w.id));
  if (fresh.length === 0) return;
  const found = new Map((await repo.findVolunteers(ex, [...new Set(fresh.map((w) => w.id))])).map((v) => [v.id, v]));
  const issues: FieldIssue[] = [];
  for (const w of fresh) {
    const v = found.get(w.id);
    if (!v || v.state === 'deleted') issues.push({ path: w.path, message: 'validation.unknownVolunteer' });
  }
  if (issues.length > 0) throw validation(issues);
}

/**
 * Moves the request along with its tasks (requestStatusFromTasks), keeping the change in the
 * request's history with the time and the acting user.
 */
export async function syncRequestStatus(ex: Executor, requestId: number, actorId: number, at: string, note = ''): Promise<void> {
  const current = await statusOf(ex, requestId);
  if (current === undefined) return;
  const target = requestStatusFromTasks(current, await repo.taskStatusesOfRequest(ex, requestId));
  if (target === null) return;
  await ex.updateTable('requests').set({ status: target, updated_at: at, updated_by: actorId }).where('id', '=', requestId).execute();
  await insertHistory(ex, { requestId, from: current, to: target, note }, actorId, at);
}

async function assertRequestOpen(ex: Executor, requestId: number | null): Promise<void> {
  if (requestId === null) return;
  const status = await statusOf(ex, requestId);
  if (status !== undefined && !isOpen(status)) throw closedRequest(requestId, status);
}

export interface TaskListFilter {
  from?: string | undefined;
  to?: string | undefined;
  statuses: TaskStatus[];
  kindId?: number | undefined;
  settlement?: string | undefined;
  volunteerId?: number | undefined;
  residentId?: number | undefined;
  requestId?: number | undefined;
  limit: number;
  offset: number;
}

export function tasksService(deps: CoreDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  async function detail(ex: Executor, id: number): Promise<TaskDetail> {
    const t = await repo.findTask(ex, id);
    if (!t) throw notFound(id);
    const warnings = isOpenTask(t.status)
      ? await volunteerWarnings(ex, { taskId: t.id, scheduledOn: t.scheduledOn, partOfDay: t.partOfDay, startTime: t.startTime }, t.volunteers)
      : new Map<number, never[]>();
    return { ...t, volunteers: t.volunteers.map((v) => ({ ...v, warnings: warnings.get(v.volunteerId) ?? [] })) };
  }

  const get = (id: number) => detail(db, id);

  /** Closes an open task as notDone or cancelled. */
  async function close(id: number, to: 'notDone' | 'cancelled', reason: string, actor: Actor): Promise<TaskDetail> {
    const at = now();
    await inTransaction(db, async (trx) => {
      const rec = await repo.findTaskRecord(trx, id);
      if (!rec) throw notFound(id);
      if (!canTaskTransition(rec.status, to)) throw invalidTransition(id, rec.status, to);
      await repo.setTaskStatus(trx, id, { status: to, reason: reason === '' ? null : reason, doneOn: null }, actor.id, at);
      if (rec.request_id !== null) await syncRequestStatus(trx, rec.request_id, actor.id, at, reason);
    });
    return get(id);
  }

  return {
    get,

    list: (f: TaskListFilter): Promise<TaskList> =>
      repo.listTasks(db, { ...f, statuses: f.statuses.length > 0 ? f.statuses : undefined }),

    /** Today's tasks by the centre's clock (all but cancelled), for the front desk. */
    today: async (): Promise<TaskSummary[]> => {
      const today = clock.today();
      return (await repo.listTasks(db, { from: today, to: today, excludeCancelled: true })).items;
    },

    async create(data: TaskData, actor: Actor): Promise<TaskDetail> {
      const at = now();
      const id = await inTransaction(db, async (trx) => {
        let residentId = data.residentId;
        let kindId = data.kindId;
        let requestKind: number | undefined;
        if (data.requestId !== null) {
          const request = await trx
            .selectFrom('requests')
            .select(['resident_id', 'kind_id', 'status'])
            .where('id', '=', data.requestId)
            .executeTakeFirst();
          if (!request) throw validation([{ path: 'requestId', message: 'validation.unknownRequest' }]);
          await assertRequestOpen(trx, data.requestId);
          residentId ??= request.resident_id;
          kindId ??= request.kind_id;
          requestKind = request.kind_id;
        }
        if (residentId === undefined || kindId === undefined) {
          // The schema requires both without a request; this only guards the types.
          throw validation([{ path: residentId === undefined ? 'residentId' : 'kindId', message: 'validation.required' }]);
        }
        await assertReferences(trx, { residentId, kindId }, { kindId: requestKind });
        await assertVolunteers(
          trx,
          data.volunteerIds.map((v, i) => ({ id: v, path: `volunteerIds.${i}` })),
          new Set(),
        );
        const taskId = await repo.insertTask(
          trx,
          {
            requestId: data.requestId,
            planId: null,
            residentId,
            kindId,
            scheduledOn: data.scheduledOn,
            partOfDay: data.partOfDay,
            startTime: data.startTime,
            estimatedMinutes: data.estimatedMinutes,
            note: data.note,
            batchKey: null,
            status: openStatusFor(data.volunteerIds.length),
          },
          actor.id,
          at,
        );
        await repo.setTaskVolunteers(trx, taskId, data.volunteerIds);
        if (data.requestId !== null) await syncRequestStatus(trx, data.requestId, actor.id, at);
        return taskId;
      });
      return get(id);
    },

    async update(id: number, data: TaskUpdateData, actor: Actor): Promise<TaskDetail> {
      const at = now();
      await inTransaction(db, async (trx) => {
        const rec = await repo.findTaskRecord(trx, id);
        if (!rec) throw notFound(id);
        if (!isOpenTask(rec.status)) throw invalidTransition(id, rec.status, 'planned');
        await assertReferences(trx, data, { residentId: rec.resident_id, kindId: rec.kind_id }, 'data.');
        if (data.volunteerIds !== undefined) {
          const current = new Set(await repo.volunteerIdsOfTask(trx, id));
          await assertVolunteers(
            trx,
            data.volunteerIds.map((v, i) => ({ id: v, path: `data.volunteerIds.${i}` })),
            current,
          );
        }
        await repo.updateTaskFields(trx, id, data, actor.id, at);
        if (data.volunteerIds !== undefined) await repo.setTaskVolunteers(trx, id, data.volunteerIds);
      });
      return get(id);
    },

    /** Replaces the volunteers of an open task; the answer carries the warnings of each. */
    async assign(id: number, volunteerIds: number[], actor: Actor): Promise<TaskDetail> {
      const at = now();
      await inTransaction(db, async (trx) => {
        const rec = await repo.findTaskRecord(trx, id);
        if (!rec) throw notFound(id);
        const to = openStatusFor(volunteerIds.length);
        if (!isOpenTask(rec.status)) throw invalidTransition(id, rec.status, to);
        const current = new Set(await repo.volunteerIdsOfTask(trx, id));
        await assertVolunteers(
          trx,
          volunteerIds.map((v, i) => ({ id: v, path: `volunteerIds.${i}` })),
          current,
        );
        await repo.setTaskVolunteers(trx, id, volunteerIds);
        await repo.touchTask(trx, id, actor.id, at);
      });
      return get(id);
    },

    suggest: (q: { kindId: number; residentId: number; scheduledOn: string; partOfDay: PartOfDay | null; startTime: string | null; excludeTaskId?: number | undefined }): Promise<Suggestion[]> =>
      suggestVolunteers(db, q),

    /**
     * Records the outcome: done on a day (today by default, never later), minutes per volunteer
     * (volunteers not yet on the task are added), a note added to the task's note, and money the
     * volunteers advanced (in minor units; the centre's currency unless given).
     */
    async complete(id: number, outcome: TaskOutcome, actor: Actor): Promise<TaskDetail> {
      const at = now();
      const today = clock.today();
      await inTransaction(db, async (trx) => {
        const rec = await repo.findTaskRecord(trx, id);
        if (!rec) throw notFound(id);
        if (!canTaskTransition(rec.status, 'done')) throw invalidTransition(id, rec.status, 'done');
        const issues: FieldIssue[] = [];
        const doneOn = outcome.doneOn ?? today;
        if (doneOn > today) issues.push({ path: 'outcome.doneOn', message: 'validation.dateInFuture' });
        let currency: string | undefined;
        if (outcome.advances.some((a) => a.currency === undefined)) currency = (await readSettings(trx))?.currency;
        outcome.advances.forEach((a, i) => {
          if ((a.currency ?? currency) === undefined) issues.push({ path: `outcome.advances.${i}.currency`, message: 'validation.required' });
        });
        if (issues.length > 0) throw validation(issues);

        const current = await repo.volunteerIdsOfTask(trx, id);
        const wanted = [
          ...outcome.minutes.map((m, i) => ({ id: m.volunteerId, path: `outcome.minutes.${i}.volunteerId` })),
          ...outcome.advances.map((a, i) => ({ id: a.volunteerId, path: `outcome.advances.${i}.volunteerId` })),
        ];
        await assertVolunteers(trx, wanted, new Set(current));
        const all = [...new Set([...current, ...wanted.map((w) => w.id)])];
        await repo.setTaskVolunteers(trx, id, all);
        for (const m of outcome.minutes) await repo.setMinutesSpent(trx, id, m.volunteerId, m.minutes);
        for (const a of outcome.advances) {
          await repo.insertAdvance(
            trx,
            { taskId: id, volunteerId: a.volunteerId, amountMinor: a.amountMinor, currency: a.currency ?? currency ?? '', note: a.note },
            actor.id,
            at,
          );
        }
        const note = [rec.note, outcome.note].filter((s) => s !== '').join('\n');
        await repo.setTaskStatus(trx, id, { status: 'done', reason: null, doneOn, note }, actor.id, at);
        if (rec.request_id !== null) await syncRequestStatus(trx, rec.request_id, actor.id, at);
      });
      return get(id);
    },

    notDone: (id: number, reason: string, actor: Actor) => close(id, 'notDone', reason, actor),
    cancel: (id: number, reason: string, actor: Actor) => close(id, 'cancelled', reason, actor),

    /** Reopens a notDone or cancelled task: planned, or assigned when it still has volunteers. */
    async reopen(id: number, actor: Actor): Promise<TaskDetail> {
      const at = now();
      await inTransaction(db, async (trx) => {
        const rec = await repo.findTaskRecord(trx, id);
        if (!rec) throw notFound(id);
        const to = openStatusFor((await repo.volunteerIdsOfTask(trx, id)).length);
        if (isOpenTask(rec.status) || !canTaskTransition(rec.status, to)) throw invalidTransition(id, rec.status, to);
        await assertRequestOpen(trx, rec.request_id);
        await repo.setTaskStatus(trx, id, { status: to, reason: null, doneOn: null }, actor.id, at);
        if (rec.request_id !== null) await syncRequestStatus(trx, rec.request_id, actor.id, at);
      });
      return get(id);
    },

    /**
     * The coordinator's board for the ISO week holding weekStart (this week by default): open
     * requests without an open task, the week by day and by volunteer, and overdue tasks.
     */
    async board(f: { weekStart?: string | undefined; kindId?: number | undefined; settlement?: string | undefined }): Promise<Board> {
      const today = clock.today();
      const weekStart = mondayOf(f.weekStart ?? today);
      const weekEnd = addDays(weekStart, 6);
      const filter = { kindId: f.kindId, settlement: f.settlement };
      const [requests, week, overdue] = await Promise.all([
        repo.openRequestsWithoutTasks(db, { ...filter, limit: 200 }),
        repo.listTasks(db, { ...filter, from: weekStart, to: weekEnd, excludeCancelled: true, limit: 2000 }, { count: false }),
        repo.listTasks(db, { ...filter, to: addDays(today, -1), open: true, limit: 500 }, { count: false }),
      ]);
      const days = Array.from({ length: 7 }, (_, i) => {
        const date = addDays(weekStart, i);
        return { date, weekday: i + 1, tasks: week.items.filter((t) => t.scheduledOn === date) };
      });
      const byVolunteer = new Map<number, Board['byVolunteer'][number]>();
      for (const t of week.items) {
        for (const v of t.volunteers) {
          const entry = byVolunteer.get(v.volunteerId) ?? { volunteerId: v.volunteerId, fullName: v.fullName, state: v.state, taskIds: [] };
          entry.taskIds.push(t.id);
          byVolunteer.set(v.volunteerId, entry);
        }
      }
      return {
        today,
        weekStart,
        weekEnd,
        openRequestsWithoutTasks: requests,
        week: days,
        byVolunteer: [...byVolunteer.values()].sort(
          (a, b) => a.fullName.localeCompare(b.fullName, 'en') || a.volunteerId - b.volunteerId,
        ),
        unassigned: week.items.filter((t) => isOpenTask(t.status) && t.volunteers.length === 0),
        overdue: overdue.items,
      };
    },

    advances: (settled: boolean): Promise<AdvanceRow[]> => repo.listAdvances(db, settled),
  };
}
