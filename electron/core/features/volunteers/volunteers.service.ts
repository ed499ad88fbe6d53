import { AppError } from '../../../../shared/api/errors';
import {
  PAST_TASKS_LIMIT,
  UPCOMING_TASKS_LIMIT,
  type Volunteer,
  type VolunteerData,
  type VolunteerPage,
  type VolunteerStatus,
} from '../../../../shared/domain/volunteers';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import * as repo from './volunteers.repo';
import { assertSkillIds } from './skills';
import { inTransaction } from '../../db/transaction';
import { mergeVolunteers, volunteerMergedInto } from './merge';

/**
 * Rules the schema cannot check: the agreement was not signed after the centre's today, and the
 * chosen skills exist (an archived one only if the volunteer already had it). `prefix` is where
 * the data sits in the call's input ('' for create, 'data.' for update), so that the issues
 * point at the same fields as the schema's.
 */
async function assertData(ex: Executor, data: VolunteerData, today: string, prefix: string, keptSkills: ReadonlySet<number>): Promise<void> {
  if (data.agreementSignedOn !== null && data.agreementSignedOn > today) {
    throw new AppError('validation', 'The agreement date is in the future', {
      fields: [{ path: `${prefix}agreementSignedOn`, message: 'validation.date' }],
    });
  }
  await assertSkillIds(ex, data.skillIds, `${prefix}skillIds`, keptSkills);
}

function notFound(id: number): AppError {
  return new AppError('notFound', `Volunteer ${id} not found`);
}

export function volunteersService(deps: CoreDeps) {
  const { db, clock } = deps;

  const getVolunteer = async (ex: Executor, id: number): Promise<Volunteer> => {
    const found = await repo.findVolunteer(ex, id);
    if (!found) throw notFound(id);
    return found;
  };

  return {
    search: (q: string, filter: repo.VolunteerFilter) => repo.searchVolunteers(db, q, filter),

    async get(id: number): Promise<VolunteerPage> {
      const today = clock.today();
      const volunteer = await getVolunteer(db, id);
      return {
        volunteer,
        mergedFrom: await volunteerMergedInto(db, id),
        upcoming: await repo.volunteerTasks(db, id, 'upcoming', today, UPCOMING_TASKS_LIMIT),
        past: await repo.volunteerTasks(db, id, 'past', today, PAST_TASKS_LIMIT),
        hoursByMonth: await repo.minutesByMonth(db, id, today),
        regularResidents: await repo.regularResidents(db, id, today),
      };
    },

    async create(data: VolunteerData, actor: Actor): Promise<Volunteer> {
      const at = clock.now().toISOString();
      return inTransaction(db, async (trx) => {
        await assertData(trx, data, clock.today(), '', new Set());
        const id = await repo.insertVolunteer(trx, data, actor.id, at);
        return getVolunteer(trx, id);
      });
    },

    async update(id: number, data: VolunteerData, actor: Actor): Promise<Volunteer> {
      const at = clock.now().toISOString();
      return inTransaction(db, async (trx) => {
        if (!(await repo.volunteerExists(trx, id))) throw notFound(id);
        await assertData(trx, data, clock.today(), 'data.', new Set(await repo.skillIdsOf(trx, id)));
        await repo.updateVolunteer(trx, id, data, actor.id, at);
        return getVolunteer(trx, id);
      });
    },

    /** Two records of one volunteer into one (merge.ts); the call's transaction holds it all. */
    async merge(input: Parameters<typeof mergeVolunteers>[1], actor: Actor): Promise<Volunteer> {
      const at = clock.now().toISOString();
      return inTransaction(db, async (trx) => {
        await mergeVolunteers(trx, input, actor.id, at);
        return getVolunteer(trx, input.survivorId);
      });
    },

    /** Pausing with open tasks is allowed: the answer's `openTasks` lets the UI warn. */
    async setStatus(id: number, status: VolunteerStatus, actor: Actor): Promise<Volunteer> {
      const at = clock.now().toISOString();
      return inTransaction(db, async (trx) => {
        if (!(await repo.setVolunteerStatus(trx, id, status, actor.id, at))) throw notFound(id);
        return getVolunteer(trx, id);
      });
    },

    /**
     * Soft delete, refused while the volunteer still has open tasks (planned or assigned, an
     * overdue one included) or a recurring help plan that would keep giving them tasks.
     */
    async remove(id: number, actor: Actor): Promise<null> {
      const at = clock.now().toISOString();
      await inTransaction(db, async (trx) => {
        if (!(await repo.volunteerExists(trx, id))) throw notFound(id);
        const openTasks = await repo.countOpenTasks(trx, id);
        const activePlans = await repo.countActivePlans(trx, id, clock.today());
        if (openTasks > 0 || activePlans > 0) {
          throw new AppError('conflict', 'The volunteer has open tasks or active help plans', { details: { openTasks, activePlans } });
        }
        await repo.markDeleted(trx, id, actor.id, at);
      });
      return null;
    },
  };
}
