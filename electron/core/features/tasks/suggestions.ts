/**
 * Who could do a task: every volunteer on the list (not deleted), ranked by matching skill,
 * availability that day, the same settlement as the resident and a light week, with the reasons
 * and the warnings (booked at that time, unavailable that day, paused) beside each name.
 */
import { AppError } from '../../../../shared/api/errors';
import { fold } from '../../../../shared/domain/text';
import {
  addDays,
  effectivePart,
  isoWeekday,
  mondayOf,
  rankSuggestions,
  warningsOf,
  type PartOfDay,
  type Suggestion,
  type VolunteerFacts,
  type VolunteerState,
  type VolunteerWarning,
} from '../../../../shared/domain/tasks';
import type { Executor } from '../../db/schema';
import * as repo from './tasks.repo';

export interface TaskSlotQuery {
  kindId: number;
  residentId: number;
  scheduledOn: string;
  partOfDay: PartOfDay | null;
  startTime: string | null;
  /** The task being edited: it neither books its volunteers nor counts in their week. */
  excludeTaskId?: number | undefined;
}

function sameSettlement(a: string, b: string): boolean {
  const fa = fold(a).trim();
  return fa !== '' && fa === fold(b).trim();
}

export async function suggestVolunteers(ex: Executor, q: TaskSlotQuery): Promise<Suggestion[]> {
  const resident = await ex.selectFrom('residents').select('settlement').where('id', '=', q.residentId).executeTakeFirst();
  const kind = await ex.selectFrom('service_kinds').select('id').where('id', '=', q.kindId).executeTakeFirst();
  const fields = [
    ...(resident ? [] : [{ path: 'residentId', message: 'validation.unknownResident' }]),
    ...(kind ? [] : [{ path: 'kindId', message: 'validation.unknownKind' }]),
  ];
  if (!resident || fields.length > 0) throw new AppError('validation', 'Invalid input', { fields });

  const slot = { partOfDay: q.partOfDay, startTime: q.startTime };
  const monday = mondayOf(q.scheduledOn);
  const [volunteers, skilled, availability, booked, load] = await Promise.all([
    repo.findVolunteers(ex, null),
    repo.volunteersWithSkillFor(ex, q.kindId),
    repo.availabilityOn(ex, isoWeekday(q.scheduledOn), effectivePart(slot), null),
    repo.bookedVolunteers(ex, q.scheduledOn, slot, null, q.excludeTaskId),
    repo.loads(ex, monday, addDays(monday, 6), q.excludeTaskId),
  ]);
  const facts = volunteers.map(
    (v): VolunteerFacts => ({
      volunteerId: v.id,
      fullName: v.fullName,
      sortKey: v.sortKey,
      hasSkill: skilled.has(v.id),
      available: availability.get(v.id) ?? null,
      sameSettlement: sameSettlement(v.settlement, resident.settlement),
      paused: v.state !== 'active',
      booked: booked.has(v.id),
      weekLoadMinutes: load.get(v.id)?.minutes ?? 0,
      weekTasks: load.get(v.id)?.tasks ?? 0,
    }),
  );
  return rankSuggestions(facts);
}

/** The warnings of the volunteers of an open task (booked elsewhere at that time, unavailable, paused or deleted). */
export async function volunteerWarnings(
  ex: Executor,
  task: { taskId: number; scheduledOn: string; partOfDay: PartOfDay | null; startTime: string | null },
  volunteers: ReadonlyArray<{ volunteerId: number; state: VolunteerState }>,
): Promise<Map<number, VolunteerWarning[]>> {
  const ids = volunteers.map((v) => v.volunteerId);
  const slot = { partOfDay: task.partOfDay, startTime: task.startTime };
  const [booked, availability] = await Promise.all([
    repo.bookedVolunteers(ex, task.scheduledOn, slot, ids, task.taskId),
    repo.availabilityOn(ex, isoWeekday(task.scheduledOn), effectivePart(slot), ids),
  ]);
  return new Map(
    volunteers.map((v) => [
      v.volunteerId,
      warningsOf({ booked: booked.has(v.volunteerId), available: availability.get(v.volunteerId) ?? null, paused: v.state !== 'active' }),
    ]),
  );
}
