/**
 * Help plans: recurring help that makes its own tasks a few weeks ahead.
 *
 * - Generation is idempotent: a plan has at most one task a day (unique index on plan and day),
 *   and days that already have a task (whatever its status) are skipped, so a cancelled
 *   occurrence stays cancelled and running it twice makes nothing new.
 * - Changing a plan deletes its open tasks after today and makes them again; tasks up to today,
 *   and done, not done or cancelled ones, are history and stay.
 * - Ending a plan deletes its open tasks after its last day (and after today).
 * - A resident who moved away or died: every plan of theirs ends with that reason, and their open
 *   tasks from that day on are cancelled (kept, not deleted).
 * Each call is one transaction: nothing is half-saved.
 */
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import {
  addDays,
  DEFAULT_CHECKIN_INTERVAL_DAYS,
  normalisePlan,
  planDates,
  type EnsureCheckInsResult,
  type GenerateResult,
  type HelpPlan,
  type HelpPlanDetail,
  type LeftReason,
  type MarkLeftResult,
  type PlanData,
  type PlanEndReason,
  type PlanList,
} from '../../../../shared/domain/plans';
import { BUILT_IN_ADMIN, type Actor, type CoreDeps } from '../../context';
import { residentLeftHousehold } from '../households/households.service';
import type { Executor } from '../../db/schema';
import { insertTask, setTaskVolunteers, type PartOfDayValue } from '../tasks/tasks.repo';
import { insertHistory } from '../requests/requests.repo';
import { OPEN_STATUSES, type RequestStatus } from '../../../../shared/domain/requests';
import * as repo from './plans.repo';
import { lastContacts } from './care';
import { inTransaction } from '../../db/transaction';

interface Stamp {
  today: string;
  actorId: number;
  at: string;
}

/** The resident, kind and volunteer of a plan exist (and may be used); throws a validation error otherwise. */
async function assertReferences(ex: Executor, p: PlanData, current?: repo.PlanRow): Promise<void> {
  const fields: FieldIssue[] = [];
  const resident = await ex.selectFrom('residents').select(['id', 'left_on']).where('id', '=', p.residentId).executeTakeFirst();
  if (!resident) fields.push({ path: 'residentId', message: 'validation.unknownResident' });
  else if (resident.left_on !== null) fields.push({ path: 'residentId', message: 'validation.residentLeft' });
  else if (current !== undefined && current.resident_id !== p.residentId) fields.push({ path: 'residentId', message: 'validation.invalid' });
  const kind = await ex.selectFrom('service_kinds').select(['id', 'archived_at']).where('id', '=', p.kindId).executeTakeFirst();
  if (!kind) fields.push({ path: 'kindId', message: 'validation.unknownKind' });
  else if (kind.archived_at !== null && kind.id !== current?.kind_id) fields.push({ path: 'kindId', message: 'validation.archivedKind' });
  if (p.volunteerId !== null) {
    const v = await ex.selectFrom('volunteers').select('id').where('id', '=', p.volunteerId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!v) fields.push({ path: 'volunteerId', message: 'validation.unknownVolunteer' });
  }
  if (fields.length > 0) throw new AppError('validation', 'Invalid plan', { fields });
}

/**
 * Makes the tasks of the given plans (or of every active plan) from `from` to `to`, skipping days
 * that already have one. The plan's volunteer is assigned when they are on the list and not paused.
 */
export async function makePlanTasks(
  ex: Executor,
  s: Stamp,
  range: { from: string; to: string },
  planIds?: number[],
): Promise<{ created: number; plans: number }> {
  const plans = await repo.activePlanRows(ex, s.today, planIds !== undefined ? { planIds } : {});
  let created = 0;
  const assignable = new Map<number, boolean>();
  for (const plan of plans) {
    const dates = planDates(repo.scheduleOf(plan), range.from, range.to);
    if (dates.length === 0) continue;
    const existing = await repo.planTaskDays(ex, plan.id, range.from, range.to);
    let volunteerId: number | null = null;
    if (plan.volunteer_id !== null) {
      let ok = assignable.get(plan.volunteer_id);
      if (ok === undefined) {
        ok = await repo.isAssignable(ex, plan.volunteer_id);
        assignable.set(plan.volunteer_id, ok);
      }
      if (ok) volunteerId = plan.volunteer_id;
    }
    for (const date of dates) {
      if (existing.has(date)) continue;
      const taskId = await insertTask(
        ex,
        {
          requestId: null,
          planId: plan.id,
          residentId: plan.resident_id,
          kindId: plan.kind_id,
          scheduledOn: date,
          partOfDay: plan.part_of_day as PartOfDayValue | null,
          startTime: null,
          estimatedMinutes: plan.estimated_minutes,
          note: plan.note,
          batchKey: null,
          status: volunteerId !== null ? 'assigned' : 'planned',
        },
        s.actorId,
        s.at,
      );
      if (volunteerId !== null) await setTaskVolunteers(ex, taskId, [volunteerId]);
      created++;
    }
  }
  return { created, plans: plans.length };
}

async function horizonRange(ex: Executor, today: string, days?: number): Promise<{ from: string; to: string; horizonDays: number }> {
  const horizonDays = days ?? (await repo.readHorizon(ex));
  // The horizon counts today: 28 days are four whole weeks, today included.
  return { from: today, to: addDays(today, horizonDays - 1), horizonDays };
}

/**
 * Makes the tasks of every active plan for the days of the horizon, today included (setting
 * 'planHorizonDays', 28 days unless changed). Safe to run any number of times: at start-up, once a
 * day, after a change.
 */
export async function generatePlanTasks(deps: Pick<CoreDeps, 'db' | 'clock'>, opts: { horizonDays?: number; actor?: Actor } = {}): Promise<GenerateResult> {
  const today = deps.clock.today();
  const s: Stamp = { today, actorId: (opts.actor ?? BUILT_IN_ADMIN).id, at: deps.clock.now().toISOString() };
  return inTransaction(deps.db, async (trx) => {
    const range = await horizonRange(trx, today, opts.horizonDays);
    const made = await makePlanTasks(trx, s, range);
    return { ...range, ...made };
  });
}

export function plansService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stamp = (actor: Actor): Stamp => ({ today: clock.today(), actorId: actor.id, at: clock.now().toISOString() });

  async function getPlan(ex: Executor, id: number): Promise<HelpPlan> {
    const plan = await repo.findPlan(ex, id, clock.today());
    if (!plan) throw new AppError('notFound', `Plan ${id} not found`);
    return plan;
  }

  async function openPlan(ex: Executor, id: number): Promise<repo.PlanRow> {
    const row = await repo.planRow(ex, id);
    if (!row) throw new AppError('notFound', `Plan ${id} not found`);
    if (row.ended_reason !== null) throw new AppError('conflict', 'This plan has ended', { details: { endedReason: row.ended_reason, ...(row.ends_on !== null ? { endsOn: row.ends_on } : {}) } });
    return row;
  }

  return {
    async list(f: { residentId?: number | undefined; includeEnded: boolean }): Promise<PlanList> {
      const items = await repo.listPlans(db, clock.today(), f);
      return { items, horizonDays: await repo.readHorizon(db) };
    },

    async get(id: number): Promise<HelpPlanDetail> {
      const plan = await getPlan(db, id);
      return { ...plan, tasks: await repo.planTasks(db, id, clock.today()) };
    },

    async create(input: PlanData, actor: Actor): Promise<HelpPlan> {
      const s = stamp(actor);
      const data = normalisePlan(input);
      return inTransaction(db, async (trx) => {
        await assertReferences(trx, data);
        const id = await repo.insertPlan(trx, data, s.actorId, s.at);
        await makePlanTasks(trx, s, await horizonRange(trx, s.today), [id]);
        return getPlan(trx, id);
      });
    },

    async update(id: number, input: PlanData, actor: Actor): Promise<HelpPlan> {
      const s = stamp(actor);
      const data = normalisePlan(input);
      return inTransaction(db, async (trx) => {
        const current = await openPlan(trx, id);
        await assertReferences(trx, data, current);
        await repo.updatePlan(trx, id, data, s.actorId, s.at);
        await repo.deleteOpenPlanTasksAfter(trx, id, s.today);
        await makePlanTasks(trx, s, await horizonRange(trx, s.today), [id]);
        return getPlan(trx, id);
      });
    },

    /** Ends a plan on `endsOn` (today by default; its last day). Its open tasks after that day and after today go. */
    async end(id: number, endsOn: string | undefined, reason: PlanEndReason, actor: Actor): Promise<HelpPlan> {
      const s = stamp(actor);
      const last = endsOn ?? s.today;
      return inTransaction(db, async (trx) => {
        await openPlan(trx, id);
        await repo.endPlan(trx, id, last, reason, s.actorId, s.at);
        await repo.deleteOpenPlanTasksAfter(trx, id, last > s.today ? last : s.today);
        return getPlan(trx, id);
      });
    },

    generate: (actor: Actor) => generatePlanTasks(deps, { actor }),

    async setHorizon(days: number, actor: Actor): Promise<GenerateResult> {
      await inTransaction(db, (trx) => repo.writeHorizon(trx, days));
      return generatePlanTasks(deps, { actor });
    },

    /**
     * A check-in plan (kind checkIn, every check-in interval, 7 days when none is set) for every
     * resident under regular care who is still here and has no active check-in plan. The first
     * check-in is due one interval after the last contact (today when overdue or never visited).
     */
    async ensureCheckIns(actor: Actor): Promise<EnsureCheckInsResult> {
      const s = stamp(actor);
      return inTransaction(db, async (trx) => {
        const kindId = await repo.kindIdByCode(trx, 'checkIn');
        if (kindId === undefined) throw new AppError('notFound', 'The built-in check-in kind is missing');
        const residents = await trx
          .selectFrom('residents as r')
          .select(['r.id', 'r.checkin_interval_days'])
          .where('r.regular_care', '=', 1)
          .where('r.left_on', 'is', null)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('help_plans as p')
                  .select('p.id')
                  .whereRef('p.resident_id', '=', 'r.id')
                  .where('p.kind_id', '=', kindId)
                  .where('p.ended_reason', 'is', null)
                  .where((e) => e.or([e('p.ends_on', 'is', null), e('p.ends_on', '>=', s.today)])),
              ),
            ),
          )
          .orderBy('r.sort_key')
          .orderBy('r.id')
          .execute();
        const last = await lastContacts(
          trx,
          residents.map((r) => r.id),
        );
        const planIds: number[] = [];
        for (const r of residents) {
          const interval = r.checkin_interval_days ?? DEFAULT_CHECKIN_INTERVAL_DAYS;
          const contact = last.get(r.id)?.on;
          const due = contact !== undefined ? addDays(contact, interval) : s.today;
          const id = await repo.insertPlan(
            trx,
            {
              residentId: r.id,
              kindId,
              rule: 'everyNDays',
              weekday: null,
              intervalDays: interval,
              seasonFromMonth: null,
              seasonToMonth: null,
              partOfDay: null,
              estimatedMinutes: null,
              volunteerId: null,
              startsOn: due > s.today ? due : s.today,
              endsOn: null,
              note: '',
            },
            s.actorId,
            s.at,
          );
          planIds.push(id);
        }
        const made = planIds.length > 0 ? await makePlanTasks(trx, s, await horizonRange(trx, s.today), planIds) : { created: 0 };
        return { created: planIds.length, planIds, tasksCreated: made.created };
      });
    },

    /**
     * A resident moved away or died on `on`: recorded on the resident; their plans end (on that
     * day at the latest) with the reason; their open tasks from that day on are cancelled, and
     * their open requests are cancelled with a history row; they leave their household that day
     * (households.service residentLeftHousehold). Done work stays as history.
     */
    async markLeft(residentId: number, reason: LeftReason, on: string, actor: Actor): Promise<MarkLeftResult> {
      const s = stamp(actor);
      return inTransaction(db, async (trx) => {
        const resident = await trx.selectFrom('residents').select(['id', 'left_on', 'left_reason']).where('id', '=', residentId).executeTakeFirst();
        if (!resident) throw new AppError('notFound', `Resident ${residentId} not found`);
        if (resident.left_on !== null) {
          throw new AppError('conflict', 'This resident is already marked as left', { details: { leftOn: resident.left_on, ...(resident.left_reason !== null ? { leftReason: resident.left_reason } : {}) } });
        }
        await trx.updateTable('residents').set({ left_on: on, left_reason: reason, updated_at: s.at, updated_by: s.actorId }).where('id', '=', residentId).execute();
        // They no longer live in their household from that day (households feature).
        const householdId = await residentLeftHousehold(trx, residentId, { on, reason }, { at: s.at, by: s.actorId });
        const plans = await trx.selectFrom('help_plans').select(['id', 'ends_on']).where('resident_id', '=', residentId).where('ended_reason', 'is', null).execute();
        for (const p of plans) {
          const endsOn = p.ends_on !== null && p.ends_on < on ? p.ends_on : on;
          await repo.endPlan(trx, p.id, endsOn, reason, s.actorId, s.at);
        }
        const cancelled = await trx
          .updateTable('tasks')
          .set({ status: 'cancelled', updated_at: s.at, updated_by: s.actorId })
          .where('resident_id', '=', residentId)
          .where('status', 'in', [...repo.OPEN])
          .where('scheduled_on', '>=', on)
          .executeTakeFirst();
        // Their open requests are closed too (with a history row), so that no queue keeps a person who is gone.
        const open = await trx.selectFrom('requests').select(['id', 'status']).where('resident_id', '=', residentId).where('status', 'in', [...OPEN_STATUSES]).execute();
        for (const r of open) {
          await trx.updateTable('requests').set({ status: 'cancelled', updated_at: s.at, updated_by: s.actorId }).where('id', '=', r.id).execute();
          await insertHistory(trx, { requestId: r.id, from: r.status as RequestStatus, to: 'cancelled', note: '' }, s.actorId, s.at);
        }
        return {
          residentId,
          leftOn: on,
          leftReason: reason,
          plansEnded: plans.length,
          tasksCancelled: Number(cancelled.numUpdatedRows),
          requestsCancelled: open.length,
          householdId,
        };
      });
    },
  };
}
