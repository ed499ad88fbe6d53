/**
 * Erasure (GDPR art. 17; 152-FZ art. 21; Ukrainian law 2297-VI art. 8) by anonymisation: the
 * person's row stays so that every count stays the same (residents, requests by kind and month,
 * tasks and volunteer hours, sales), but nothing that names or reaches them is left:
 *
 * - residents: the name becomes a placeholder ("Erased 000123"), the street, house, flat, notes
 *   and health needs are emptied, the birth year becomes its decade; the settlement (coarse: a
 *   village or town, needed by the per-settlement lists), situations and household size stay;
 * - their phones and search terms are deleted (they are no longer found by name or phone);
 * - their household memberships become unnamed ones (relation and birth decade kept), so every
 *   household and its size still count; a household no registered person is left in loses its
 *   street, house and flat;
 * - their needs assessments lose the link to them, the conclusion and the services proposed (the
 *   kind, date, worker and coded needs stay, so the counts do);
 * - their own cases (social accompaniment) keep their row (opened and closed days, status,
 *   outcome, worker) so that every count stays, but lose the link to them and their content:
 *   goals, actions' text and who was responsible in words, contacts' and reviews' notes, the
 *   agreement's and the closing note; the rows of actions, contacts and reviews stay (counted);
 *   a case still open is closed that day as 'droppedOut' (nobody can go on with it); the case of
 *   a household is treated so once no registered person is left in it;
 * - their shelter stays stay (shelter, days, reason) without the link to the person, bed and note;
 * - their project participations stay (status, days, attendance: every figure) without the link
 *   to them, the drop-out reason or the notes;
 * - their attendance at events stays (its status, so every event's counts do) without the link to
 *   them or the note on them;
 * - free text that could name them is blanked: request descriptions and status notes, task notes
 *   and not-done reasons, help-plan notes, volunteer-advance notes, consent notes, and the
 *   counterparty the till copied into the cash book for their sales (sales keep resident_id,
 *   pointing at the anonymised row);
 * - as someone who is gone: their plans end, open tasks from today and open requests are cancelled;
 * - the connection runs with `secure_delete = ON` (db/connect.ts), so deleted and overwritten
 *   cells are zeroed, and a `wal_checkpoint(TRUNCATE)` afterwards moves the new pages into the
 *   file and empties the WAL: the old bytes leave both files.
 *
 * Backups made before the erasure still hold the person until the rotation drops them (daily 7,
 * weekly 4, monthly 12); the admin is told so on the screen.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/api/errors';
import { birthDecade, erasedPlaceholder, type ErasureResult } from '../../../../shared/domain/privacy';
import { OPEN_STATUSES, type RequestStatus } from '../../../../shared/domain/requests';
import type { Executor } from '../../db/schema';
import { insertHistory } from '../requests/requests.repo';

const OPEN_TASKS = ['planned', 'assigned'] as const;

export interface EraseStamp {
  actorId: number;
  at: string;
  today: string;
  /** The word of the placeholder name, in the centre's language ("Erased", "Удалено"…). */
  placeholderWord?: string;
}

export interface ErasedPerson {
  residentId: number;
  /** The name and phones as they were (for the mention scan after the commit; never stored). */
  lastName: string;
  fullName: string;
  blanked: Record<string, number>;
}

const n = (r: { numUpdatedRows: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0n);

/** Anonymises one resident inside the caller's transaction. */
export async function eraseResident(trx: Executor, residentId: number, s: EraseStamp): Promise<ErasedPerson> {
  const row = await trx.selectFrom('residents').selectAll().where('id', '=', residentId).executeTakeFirst();
  if (!row) throw new AppError('notFound', `Resident ${residentId} not found`);
  if (row.erased_at !== null) throw new AppError('conflict', 'This person was already erased', { details: { erasedAt: row.erased_at } });

  const requestIds = (await trx.selectFrom('requests').select('id').where('resident_id', '=', residentId).execute()).map((r) => r.id);
  const taskIds = (
    await trx
      .selectFrom('tasks')
      .select('id')
      .where((eb) => eb.or([eb('resident_id', '=', residentId), ...(requestIds.length > 0 ? [eb('request_id', 'in', requestIds)] : [])]))
      .execute()
  ).map((r) => r.id);
  const blanked: Record<string, number> = {};

  // As someone who is gone: plans end, open tasks from today and open requests are cancelled.
  if (row.left_on === null) {
    await trx
      .updateTable('help_plans')
      .set({ ends_on: s.today, ended_reason: 'other', updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .where('ended_reason', 'is', null)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', s.today)]))
      .execute();
    await trx
      .updateTable('tasks')
      .set({ status: 'cancelled', updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .where('status', 'in', [...OPEN_TASKS])
      .where('scheduled_on', '>=', s.today)
      .execute();
    const open = await trx.selectFrom('requests').select(['id', 'status']).where('resident_id', '=', residentId).where('status', 'in', [...OPEN_STATUSES]).execute();
    for (const r of open) {
      await trx.updateTable('requests').set({ status: 'cancelled', updated_at: s.at, updated_by: s.actorId }).where('id', '=', r.id).execute();
      await insertHistory(trx, { requestId: r.id, from: r.status as RequestStatus, to: 'cancelled', note: '' }, s.actorId, s.at);
    }
  }

  if (requestIds.length > 0) {
    blanked.requests = n(await trx.updateTable('requests').set({ description: '' }).where('id', 'in', requestIds).where('description', '<>', '').executeTakeFirst());
    blanked.request_status_history = n(
      await trx.updateTable('request_status_history').set({ note: '' }).where('request_id', 'in', requestIds).where('note', '<>', '').executeTakeFirst(),
    );
  }
  if (taskIds.length > 0) {
    blanked.tasks = n(
      await trx
        .updateTable('tasks')
        .set((eb) => ({ note: '', not_done_reason: eb.case().when('not_done_reason', 'is', null).then(null).else('').end() }))
        .where('id', 'in', taskIds)
        .where((eb) => eb.or([eb('note', '<>', ''), eb('not_done_reason', '<>', '')]))
        .executeTakeFirst(),
    );
    blanked.volunteer_advances = n(
      await trx.updateTable('volunteer_advances').set({ note: '' }).where('task_id', 'in', taskIds).where('note', '<>', '').executeTakeFirst(),
    );
  }
  blanked.help_plans = n(await trx.updateTable('help_plans').set({ note: '' }).where('resident_id', '=', residentId).where('note', '<>', '').executeTakeFirst());
  blanked.resident_consents = n(
    await trx.updateTable('resident_consents').set({ note: '' }).where('resident_id', '=', residentId).where('note', '<>', '').executeTakeFirst(),
  );
  // The till copies the buyer's name into the cash book entry (counterparty may be corrected;
  // amounts, accounts and dates never change).
  const entryIds = (await trx.selectFrom('sales').select('entry_id').where('resident_id', '=', residentId).where('entry_id', 'is not', null).execute())
    .map((r) => r.entry_id)
    .filter((x): x is number => x !== null);
  if (entryIds.length > 0) {
    blanked.cash_entries = n(
      await trx.updateTable('cash_entries').set({ counterparty: '' }).where('id', 'in', entryIds).where('counterparty', '<>', '').executeTakeFirst(),
    );
  }

  // Needs assessments of the person: the conclusion and the services proposed are blanked and the
  // link to them goes; the row with its kind, date, worker and coded needs stays, so every count
  // (assessments made, needs found) stays. A household's assessments stay with the household.
  blanked.assessments = n(
    await trx
      .updateTable('assessments')
      .set({ resident_id: null, conclusion: '', services: '', follow_up_on: null, erased_at: s.at, updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .executeTakeFirst(),
  );

  // Households: every membership of the person becomes an unnamed one (the relation and the
  // decade of birth stay), so the household and its members still count; a household that no
  // registered person is left in loses its street, house and flat (the settlement stays).
  const householdIds = [
    ...new Set((await trx.selectFrom('household_members').select('household_id').where('resident_id', '=', residentId).execute()).map((m) => m.household_id)),
  ];
  /** Households no registered person is left in: their cases lose their content too (below). */
  const unnamedHouseholds: number[] = [];
  if (householdIds.length > 0) {
    await trx
      .updateTable('household_members')
      .set({ resident_id: null, birth_year: birthDecade(row.birth_year), updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .execute();
    let households = 0;
    for (const householdId of householdIds) {
      const named = await trx.selectFrom('household_members').select('id').where('household_id', '=', householdId).where('resident_id', 'is not', null).limit(1).executeTakeFirst();
      if (named) continue;
      unnamedHouseholds.push(householdId);
      households += n(
        await trx
          .updateTable('households')
          .set({ street: '', house: '', flat: '', updated_at: s.at, updated_by: s.actorId })
          .where('id', '=', householdId)
          .where((eb) => eb.or([eb('street', '<>', ''), eb('house', '<>', ''), eb('flat', '<>', '')]))
          .executeTakeFirst(),
      );
    }
    blanked.households = households;
  }

  // Cases: the row and its dated records stay (counts by status, outcome, contacts and reviews),
  // the content and the link to the person go.
  // A household's case stays as it is while someone registered lives there (it is their family's
  // record); once nobody is, it is treated as the person's own.
  const caseIds = [
    ...(await trx.selectFrom('cases').select('id').where('resident_id', '=', residentId).execute()).map((c) => c.id),
    ...(unnamedHouseholds.length === 0 ? [] : await trx.selectFrom('cases').select('id').where('household_id', 'in', unnamedHouseholds).execute()).map((c) => c.id),
  ];
  if (caseIds.length > 0) {
    await trx.deleteFrom('case_goals').where('case_id', 'in', caseIds).execute();
    await trx.updateTable('case_actions').set({ text: '', responsible_text: '', updated_at: s.at, updated_by: s.actorId }).where('case_id', 'in', caseIds).execute();
    await trx.updateTable('case_contacts').set({ note: '' }).where('case_id', 'in', caseIds).execute();
    await trx.updateTable('case_reviews').set({ note: '' }).where('case_id', 'in', caseIds).execute();
    // A case still open ends that day (as their plans do): 'droppedOut', the accompaniment stopped.
    await trx
      .updateTable('cases')
      .set({ status: 'closed', closed_on: s.today, outcome: 'droppedOut' })
      .where('id', 'in', caseIds)
      .where('status', '=', 'open')
      .execute();
    blanked.cases = n(
      await trx
        .updateTable('cases')
        .set({ resident_id: null, closing_note: '', agreement_note: '', erased_at: s.at, updated_at: s.at, updated_by: s.actorId })
        .where('id', 'in', caseIds)
        .executeTakeFirst(),
    );
  }
  // Projects: each participation stays (its status and days, its attendance) so that the
  // project's figures do; its link to the person and its texts (drop-out reason, notes) go.
  const participations = n(
    await trx
      .updateTable('project_participants')
      .set({ resident_id: null, drop_reason: '', note: '', updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .executeTakeFirst(),
  );
  if (participations > 0) blanked.project_participants = participations;
  // Events: each attendance row stays (registered, attended or no-show) so that the event's
  // counts do; its link to the person and the note on them go.
  const attendance = n(
    await trx
      .updateTable('event_attendance')
      .set({ resident_id: null, note: '', updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .executeTakeFirst(),
  );
  if (attendance > 0) blanked.event_attendance = attendance;
  // The shelter: each stay stays (its shelter and days, the reason it ended) so that the counts
  // do; its link to the person, its household, bed label and note go.
  const stays = n(
    await trx
      .updateTable('shelter_stays')
      .set({ resident_id: null, household_id: null, bed: '', out_note: '', updated_at: s.at, updated_by: s.actorId })
      .where('resident_id', '=', residentId)
      .executeTakeFirst(),
  );
  if (stays > 0) blanked.shelter_stays = stays;
  // In-kind aid: each distribution stays (its item, quantity and day) so that the stock and the
  // counts of aid given do; its link to the person and its note go.
  const distributions = n(
    await trx.updateTable('aid_movements').set({ resident_id: null, note: '' }).where('resident_id', '=', residentId).executeTakeFirst(),
  );
  if (distributions > 0) blanked.aid_movements = distributions;

  const placeholder = erasedPlaceholder(residentId, s.placeholderWord);
  await trx
    .updateTable('residents')
    .set({
      last_name: placeholder.lastName,
      first_name: placeholder.firstName,
      patronymic: '',
      // Empty keys: never matched by a name search or a duplicate check, never listed first.
      sort_key: '',
      name_key: '',
      short_name_key: '',
      birth_year: birthDecade(row.birth_year),
      street: '',
      house: '',
      flat: '',
      notes: '',
      health_needs: '',
      regular_care: 0,
      needs_snow_clearing: 0,
      checkin_interval_days: null,
      left_on: row.left_on ?? s.today,
      erased_at: s.at,
      updated_at: s.at,
      updated_by: s.actorId,
    })
    .where('id', '=', residentId)
    .execute();
  await trx.deleteFrom('resident_phones').where('resident_id', '=', residentId).execute();
  await trx.deleteFrom('resident_search_terms').where('resident_id', '=', residentId).execute();
  await trx.deleteFrom('resident_match_keys').where('resident_id', '=', residentId).execute();
  // Records merged into this one: the merge stays (a count), the name it had goes.
  await trx.updateTable('resident_merges').set({ merged_name: '', merged_birth_year: null, fields: '{}' }).where('survivor_id', '=', residentId).execute();
  // The fingerprints of imported rows (hashes of their name, birth date, address): gone with the person.
  await trx.deleteFrom('import_fingerprints').where('entity_id', '=', residentId).execute();

  const fullName = [row.last_name, row.first_name, row.patronymic].filter(Boolean).join(' ');
  return { residentId, lastName: row.last_name, fullName, blanked: Object.fromEntries(Object.entries(blanked).filter(([, v]) => v > 0)) };
}

/** Moves the WAL into the database file and truncates it; false when a reader kept it from finishing. */
export function checkpoint(sqlite: Database.Database | null): boolean {
  if (sqlite === null || sqlite.memory) return true;
  const rows = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return rows[0]?.busy === 0;
}

/**
 * Free text not linked to the person that still contains their last name (a manual cash-book
 * note, a volunteer's notes): listed for the admin to look at, never changed automatically.
 */
export function mentionsElsewhere(sqlite: Database.Database | null, lastName: string): ErasureResult['mentionsElsewhere'] {
  if (sqlite === null || lastName.trim().length < 3) return [];
  const found: ErasureResult['mentionsElsewhere'] = [];
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('schema_migrations', 'resident_search_terms', 'volunteer_search_terms', 'resident_match_keys') order by name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (sqlite.pragma(`table_info("${table}")`) as Array<{ name: string; type: string }>).filter((c) => c.type.toUpperCase() === 'TEXT');
    for (const c of columns) {
      const ids = sqlite.prepare(`select rowid from "${table}" where instr("${c.name}", ?) > 0 limit 20`).pluck().all(lastName) as number[];
      for (const rowId of ids) found.push({ table, column: c.name, rowId });
      if (found.length >= 100) return found;
    }
  }
  return found;
}

/** Earlier subject-access exports of the person (person-<id>-*.zip) are deleted with them. */
export function deletePersonExports(exportsDir: string | null, residentId: number): number {
  if (exportsDir === null) return 0;
  let removed = 0;
  let names: string[] = [];
  try {
    names = readdirSync(exportsDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith(`person-${residentId}-`)) {
      unlinkSync(path.join(exportsDir, name));
      removed++;
    }
  }
  return removed;
}
