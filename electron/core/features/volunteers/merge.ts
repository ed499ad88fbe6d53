/**
 * Merging two records of one volunteer (issue 15, volunteers.merge), the way residents.merge does
 * it: inside the call's transaction everything that points at the other record moves to the
 * survivor (tasks and their hours, help plans, advances, organisers' places at events), the chosen
 * values are written to the survivor with its skills, phones, languages and availability joined
 * (its search terms rebuilt), the other record is kept as a line of volunteer_merges ("merged
 * from …" on the survivor's page) and its row goes (its phones, search terms, skills and
 * availability with it). The steps it shares with residents.merge are in db/merge-records.ts.
 * The audit entry is dispatch's (entity: the survivor's page).
 */
import { sql } from 'kysely';
import { AppError } from '../../../../shared/api/errors';
import { dropShared, mergeRefused, moveRows, recordMerge } from '../../db/merge-records';
import { nationalNumber } from '../../../../shared/domain/phone';
import type { VolunteerData, VolunteerMergeField } from '../../../../shared/domain/volunteers';
import type { Executor } from '../../db/schema';
import { findVolunteer, updateVolunteer } from './volunteers.repo';

/** Every table with a volunteer_id that is not the volunteer's own detail (schema snapshot: grep volunteer_id). */
const MOVED_TABLES = ['task_volunteers', 'help_plans', 'volunteer_advances', 'event_organisers'] as const;
export type MovedTable = (typeof MOVED_TABLES)[number];

/** At most this many phones (the volunteer's form allows five). */
const MAX_PHONES = 5;

export async function mergeVolunteers(
  trx: Executor,
  input: { survivorId: number; otherId: number; fields: Record<VolunteerMergeField, 'survivor' | 'other'> },
  actorId: number,
  at: string,
): Promise<{ moved: Partial<Record<MovedTable, number>> }> {
  const { survivorId, otherId, fields } = input;
  if (survivorId === otherId) throw mergeRefused('validation.mergeSelf');
  const survivor = await findVolunteer(trx, survivorId);
  if (!survivor) throw new AppError('notFound', `Volunteer ${survivorId} not found`);
  const other = await findVolunteer(trx, otherId);
  if (!other) throw new AppError('notFound', `Volunteer ${otherId} not found`);

  // One task or one event with both records on it: one person, one row. The survivor's row stays
  // with the time written on either (the larger if both: the same hours recorded twice, not added).
  await sql`update task_volunteers set minutes_spent = (
      select max(coalesce(task_volunteers.minutes_spent, o.minutes_spent), coalesce(o.minutes_spent, task_volunteers.minutes_spent))
      from task_volunteers o where o.task_id = task_volunteers.task_id and o.volunteer_id = ${otherId})
    where volunteer_id = ${survivorId}
      and task_id in (select task_id from task_volunteers where volunteer_id = ${otherId})`.execute(trx);
  await dropShared(trx, 'volunteers', 'task_volunteers', 'task_id', input);
  await sql`update event_organisers set minutes = (
      select max(coalesce(event_organisers.minutes, o.minutes), coalesce(o.minutes, event_organisers.minutes))
      from event_organisers o where o.event_id = event_organisers.event_id and o.volunteer_id = ${otherId})
    where volunteer_id = ${survivorId}
      and event_id in (select event_id from event_organisers where volunteer_id = ${otherId})`.execute(trx);
  await dropShared(trx, 'volunteers', 'event_organisers', 'event_id', input);
  const moved = await moveRows(trx, 'volunteers', MOVED_TABLES, input);

  const pick = <T>(field: VolunteerMergeField, a: T, b: T): T => (fields[field] === 'other' ? b : a);
  const phones: string[] = [];
  const seen = new Set<string>();
  for (const p of [...survivor.phones, ...other.phones]) {
    const key = nationalNumber(p) || p;
    if (seen.has(key) || phones.length >= MAX_PHONES) continue;
    seen.add(key);
    phones.push(p);
  }
  const data: VolunteerData = {
    lastName: pick('lastName', survivor.lastName, other.lastName),
    firstName: pick('firstName', survivor.firstName, other.firstName),
    patronymic: pick('patronymic', survivor.patronymic, other.patronymic),
    settlement: pick('settlement', survivor.settlement, other.settlement),
    phones,
    languages: [...new Set([...survivor.languages, ...other.languages])],
    skillIds: [...new Set([...survivor.skillIds, ...other.skillIds])],
    availability: [...survivor.availability, ...other.availability],
    isRegular: survivor.isRegular || other.isRegular,
    specialist: pick('specialist', survivor.specialist, other.specialist),
    agreementSignedOn: pick('agreementSignedOn', survivor.agreementSignedOn, other.agreementSignedOn),
    status: survivor.status === 'active' || other.status === 'active' ? 'active' : 'paused',
    notes: pick('notes', survivor.notes, other.notes),
  };

  await recordMerge(trx, 'volunteers', input, { merged_name: other.fullName, fields, moved, at, actorId });
  // Its phones, search terms, skills and availability go with it (on delete cascade).
  await trx.deleteFrom('volunteers').where('id', '=', otherId).execute();
  await updateVolunteer(trx, survivorId, data, actorId, at);
  return { moved };
}

/** The records merged into a volunteer, newest first, for their page. */
export async function volunteerMergedInto(ex: Executor, survivorId: number) {
  const rows = await ex
    .selectFrom('volunteer_merges as m')
    .leftJoin('users as u', 'u.id', 'm.merged_by')
    .select(['m.merged_id', 'm.merged_name', 'm.merged_at', 'u.name as user_name'])
    .where('m.survivor_id', '=', survivorId)
    .orderBy('m.merged_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({ mergedId: r.merged_id, fullName: r.merged_name, mergedAt: r.merged_at, mergedBy: r.user_name ?? '' }));
}
