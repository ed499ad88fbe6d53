/**
 * Merging two records of one person (issue 15, residents.merge): inside the call's transaction,
 * everything that points at the other record moves to the survivor, the chosen values are written
 * to the survivor (its search terms and match keys rebuilt), the other record is kept as a line of
 * resident_merges ("merged from …" on the survivor's page) and its row goes (its phones, search
 * terms and match keys with it). The steps it shares with volunteers.merge are in
 * db/merge-records.ts. The audit entry is dispatch's (entity: the survivor's page).
 */
import { AppError } from '../../../../shared/api/errors';
import { dropShared, mergeRefused, moveRows, recordMerge } from '../../db/merge-records';
import type { MergeField } from '../../../../shared/domain/matcher';
import type { ResidentData } from '../../../../shared/domain/residents';
import { fullName } from '../../../../shared/domain/residents';
import type { Executor } from '../../db/schema';
import { findResident, updateResident } from './residents.repo';

/** Every table with a resident_id that belongs to the person (migrations: grep resident_id). */
const MOVED_TABLES = [
  'requests',
  'tasks',
  'help_plans',
  'assessments',
  'cases',
  'project_participants',
  'event_attendance',
  'aid_movements',
  'shelter_stays',
  'sales',
  'household_members',
  'resident_consents',
  // Their past regular care counts for the survivor in the reports of past periods.
  'care_periods',
] as const;
export type MovedTable = (typeof MOVED_TABLES)[number];

export async function mergeResidents(
  trx: Executor,
  input: { survivorId: number; otherId: number; fields: Record<MergeField, 'survivor' | 'other'> },
  actorId: number,
  at: string,
): Promise<{ moved: Partial<Record<MovedTable, number>> }> {
  const { survivorId, otherId, fields } = input;
  if (survivorId === otherId) throw mergeRefused('validation.mergeSelf');
  const rows = await trx.selectFrom('residents').select(['id', 'erased_at', 'health_needs']).where('id', 'in', [survivorId, otherId]).execute();
  const survivorRow = rows.find((r) => r.id === survivorId);
  const otherRow = rows.find((r) => r.id === otherId);
  if (!survivorRow || !otherRow) throw new AppError('notFound', `Resident ${!survivorRow ? survivorId : otherId} not found`);
  if (survivorRow.erased_at !== null || otherRow.erased_at !== null) throw mergeRefused('validation.mergeErased');
  const survivor = await findResident(trx, survivorId);
  const other = await findResident(trx, otherId);
  if (!survivor || !other) throw new AppError('notFound', 'Resident not found');

  // The same person attended one event under both records: the survivor's row stays (one head, not two).
  await dropShared(trx, 'residents', 'event_attendance', 'event_id', input);
  // A thing that may be held once (an open case, a current household, a stay now, an active place in a project) is held by both: refused.
  const moved = await moveRows(trx, 'residents', MOVED_TABLES, input, 'validation.mergeBothHold');

  const pick = <T>(field: MergeField, a: T, b: T): T => (fields[field] === 'other' ? b : a);
  const address = pick('address', survivor, other);
  const data: ResidentData = {
    lastName: pick('lastName', survivor.lastName, other.lastName),
    firstName: pick('firstName', survivor.firstName, other.firstName),
    patronymic: pick('patronymic', survivor.patronymic, other.patronymic),
    birthYear: pick('birthYear', survivor.birthYear, other.birthYear),
    settlement: address.settlement,
    street: address.street,
    house: address.house,
    flat: address.flat,
    phones: pick('phones', survivor.phones, other.phones),
    situations: pick('situations', survivor.situations, other.situations),
    householdSize: survivor.householdSize ?? other.householdSize,
    regularCare: survivor.regularCare || other.regularCare,
    needsSnowClearing: survivor.needsSnowClearing || other.needsSnowClearing,
    checkinIntervalDays: survivor.checkinIntervalDays ?? other.checkinIntervalDays,
    notes: pick('notes', survivor.notes, other.notes),
    // Health needs are never lost: the survivor's, or the other's when the survivor has none.
    ...(survivorRow.health_needs === '' && otherRow.health_needs !== '' ? { healthNeeds: otherRow.health_needs } : {}),
  };
  if (!data.regularCare) data.checkinIntervalDays = null;

  await recordMerge(trx, 'residents', input, { merged_name: fullName(other), merged_birth_year: other.birthYear, fields, moved, at, actorId });
  // Its phones, search terms and match keys go with it (on delete cascade).
  await trx.deleteFrom('residents').where('id', '=', otherId).execute();
  await updateResident(trx, survivorId, data, actorId, at);
  return { moved };
}

/** The records merged into a resident, newest first, for their page. */
export async function mergedInto(ex: Executor, survivorId: number) {
  const rows = await ex
    .selectFrom('resident_merges as m')
    .leftJoin('users as u', 'u.id', 'm.merged_by')
    .select(['m.merged_id', 'm.merged_name', 'm.merged_birth_year', 'm.merged_at', 'u.name as user_name'])
    .where('m.survivor_id', '=', survivorId)
    .orderBy('m.merged_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map((r) => ({ mergedId: r.merged_id, fullName: r.merged_name, birthYear: r.merged_birth_year, mergedAt: r.merged_at, mergedBy: r.user_name ?? '' }));
}
