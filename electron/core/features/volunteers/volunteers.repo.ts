import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/schema';
import type { VolunteersTable } from './volunteers.table';
import { fullName } from '../../../../shared/domain/residents';
import { LANGUAGES, type Language } from '../../../../shared/domain/settings';
import { foldedWords, fold } from '../../../../shared/domain/text';
import { nationalNumber, phoneSearchKeys } from '../../../../shared/domain/phone';
import {
  HOURS_MONTHS,
  OPEN_TASK_STATUSES,
  PARTS_OF_DAY,
  REGULAR_RESIDENT_DAYS,
  REGULAR_RESIDENT_MIN_TASKS,
  SPECIALISTS,
  type AvailabilitySlot,
  type MonthMinutes,
  type PartOfDay,
  type RegularResident,
  type Specialist,
  type Volunteer,
  type VolunteerData,
  type VolunteerStatus,
  type VolunteerSummary,
  type VolunteerTask,
  type VolunteerTaskStatus,
  type Weekday,
} from '../../../../shared/domain/volunteers';
import { skillsOfVolunteers } from './skills';
import { parseQuery, rankedMatches } from '../../db/search-terms';
import { phonesOf } from '../../db/phones';

type VolunteerRow = Selectable<VolunteersTable>;

/** 0 last name, 1 other name words, 2 settlement words, 3 phone digits; lower ranks first. */
export const RANK = { lastName: 0, name: 1, settlement: 2, phone: 3 } as const;

// ---------------------------------------------------------------------------------------------
// Rows and DTOs

function uniqueLanguages(list: readonly Language[]): Language[] {
  return LANGUAGES.filter((l) => list.includes(l));
}

function parseLanguages(json: string): Language[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? LANGUAGES.filter((l) => value.includes(l)) : [];
  } catch {
    return [];
  }
}

function asSpecialist(value: string | null): Specialist | null {
  return value !== null && (SPECIALISTS as readonly string[]).includes(value) ? (value as Specialist) : null;
}

/** Weekday, then morning, afternoon, evening; duplicates dropped. */
export function normaliseAvailability(slots: ReadonlyArray<{ weekday: number; part: PartOfDay }>): AvailabilitySlot[] {
  const seen = new Set<string>();
  const out: AvailabilitySlot[] = [];
  for (const s of slots) {
    const key = `${s.weekday}:${s.part}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ weekday: s.weekday as Weekday, part: s.part });
  }
  return out.sort((a, b) => a.weekday - b.weekday || PARTS_OF_DAY.indexOf(a.part) - PARTS_OF_DAY.indexOf(b.part));
}

function dataToColumns(data: VolunteerData) {
  return {
    last_name: data.lastName,
    first_name: data.firstName,
    patronymic: data.patronymic,
    sort_key: fold(fullName(data)),
    settlement: data.settlement,
    languages: JSON.stringify(uniqueLanguages(data.languages)),
    is_regular: data.isRegular ? 1 : 0,
    specialist: data.specialist,
    agreement_signed_on: data.agreementSignedOn,
    status: data.status,
    notes: data.notes,
  };
}

/** The search terms of a volunteer: folded name and settlement words, and phone digit suffixes. */
export function searchTerms(data: Pick<VolunteerData, 'lastName' | 'firstName' | 'patronymic' | 'settlement' | 'phones'>): Array<{ term: string; rank: number }> {
  const best = new Map<string, number>();
  const add = (term: string, rank: number) => {
    const prev = best.get(term);
    if (prev === undefined || rank < prev) best.set(term, rank);
  };
  for (const w of foldedWords(data.lastName)) add(w, RANK.lastName);
  for (const w of foldedWords(`${data.firstName} ${data.patronymic}`)) add(w, RANK.name);
  for (const w of foldedWords(data.settlement)) add(w, RANK.settlement);
  for (const phone of data.phones) for (const key of phoneSearchKeys(phone)) add(key, RANK.phone);
  return [...best].map(([term, rank]) => ({ term, rank }));
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function insertVolunteer(ex: Executor, data: VolunteerData, actorId: number, at: string): Promise<number> {
  const row = await ex
    .insertInto('volunteers')
    .values({ ...dataToColumns(data), deleted_at: null, created_at: at, created_by: actorId, updated_at: at, updated_by: actorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceDetails(ex, row.id, data);
  return row.id;
}

/** Updates a volunteer that is not deleted; false when there is none. */
export async function updateVolunteer(ex: Executor, id: number, data: VolunteerData, actorId: number, at: string): Promise<boolean> {
  const result = await ex
    .updateTable('volunteers')
    .set({ ...dataToColumns(data), updated_at: at, updated_by: actorId })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await replaceDetails(ex, id, data);
  return true;
}

export async function setVolunteerStatus(ex: Executor, id: number, status: VolunteerStatus, actorId: number, at: string): Promise<boolean> {
  const result = await ex
    .updateTable('volunteers')
    .set({ status, updated_at: at, updated_by: actorId })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Soft delete: the row stays for the history of tasks and hours; search and pages leave it out. */
export async function markDeleted(ex: Executor, id: number, actorId: number, at: string): Promise<void> {
  await ex.updateTable('volunteers').set({ deleted_at: at, updated_at: at, updated_by: actorId }).where('id', '=', id).execute();
}

async function replaceDetails(ex: Executor, id: number, data: VolunteerData): Promise<void> {
  await ex.deleteFrom('volunteer_phones').where('volunteer_id', '=', id).execute();
  await ex.deleteFrom('volunteer_search_terms').where('volunteer_id', '=', id).execute();
  await ex.deleteFrom('volunteer_skills').where('volunteer_id', '=', id).execute();
  await ex.deleteFrom('volunteer_availability').where('volunteer_id', '=', id).execute();
  if (data.phones.length > 0) {
    await ex
      .insertInto('volunteer_phones')
      .values(data.phones.map((raw, position) => ({ volunteer_id: id, position, raw, national: nationalNumber(raw) })))
      .execute();
  }
  const terms = searchTerms(data);
  // SQLite limits bound parameters per statement; insert in chunks.
  for (let i = 0; i < terms.length; i += 200) {
    await ex
      .insertInto('volunteer_search_terms')
      .values(terms.slice(i, i + 200).map((t) => ({ volunteer_id: id, term: t.term, rank: t.rank })))
      .execute();
  }
  const skillIds = [...new Set(data.skillIds)];
  if (skillIds.length > 0) {
    await ex
      .insertInto('volunteer_skills')
      .values(skillIds.map((skill_id) => ({ volunteer_id: id, skill_id })))
      .execute();
  }
  const slots = normaliseAvailability(data.availability);
  if (slots.length > 0) {
    await ex
      .insertInto('volunteer_availability')
      .values(slots.map((s) => ({ volunteer_id: id, weekday: s.weekday, part: s.part })))
      .execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Whether a volunteer exists and is not deleted. */
export async function volunteerExists(ex: Executor, id: number): Promise<boolean> {
  const row = await ex.selectFrom('volunteers').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function skillIdsOf(ex: Executor, id: number): Promise<number[]> {
  const rows = await ex.selectFrom('volunteer_skills').select('skill_id').where('volunteer_id', '=', id).execute();
  return rows.map((r) => r.skill_id);
}

/** Tasks of the volunteer still planned or assigned, whatever their date. */
export async function countOpenTasks(ex: Executor, id: number): Promise<number> {
  const row = await ex
    .selectFrom('task_volunteers')
    .innerJoin('tasks', 'tasks.id', 'task_volunteers.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('task_volunteers.volunteer_id', '=', id)
    .where('tasks.status', 'in', [...OPEN_TASK_STATUSES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Recurring help plans that name the volunteer and have not ended by `today`. */
export async function countActivePlans(ex: Executor, id: number, today: string): Promise<number> {
  const row = await ex
    .selectFrom('help_plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('volunteer_id', '=', id)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}


async function availabilityOf(ex: Executor, id: number): Promise<AvailabilitySlot[]> {
  const rows = await ex.selectFrom('volunteer_availability').select(['weekday', 'part']).where('volunteer_id', '=', id).execute();
  return normaliseAvailability(
    rows.filter((r): r is { weekday: number; part: PartOfDay } => (PARTS_OF_DAY as readonly string[]).includes(r.part)),
  );
}

function rowToVolunteer(row: VolunteerRow, extra: Pick<Volunteer, 'phones' | 'skills' | 'availability' | 'openTasks'>): Volunteer {
  return {
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    fullName: fullName({ lastName: row.last_name, firstName: row.first_name, patronymic: row.patronymic }),
    settlement: row.settlement,
    phones: extra.phones,
    languages: parseLanguages(row.languages),
    skillIds: extra.skills.map((s) => s.id),
    skills: extra.skills,
    availability: extra.availability,
    isRegular: row.is_regular === 1,
    specialist: asSpecialist(row.specialist),
    agreementSignedOn: row.agreement_signed_on,
    status: row.status === 'paused' ? 'paused' : 'active',
    notes: row.notes,
    openTasks: extra.openTasks,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A volunteer that is not deleted, with phones, skills, availability and open tasks. */
export async function findVolunteer(ex: Executor, id: number): Promise<Volunteer | undefined> {
  const row = await ex.selectFrom('volunteers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  const [phones, skills, availability, openTasks] = [
    await phonesOf(ex, 'volunteer_phones', [id]),
    await skillsOfVolunteers(ex, [id]),
    await availabilityOf(ex, id),
    await countOpenTasks(ex, id),
  ];
  return rowToVolunteer(row, { phones: phones.get(id) ?? [], skills: skills.get(id) ?? [], availability, openTasks });
}

const SUMMARY_COLUMNS = [
  'id',
  'last_name',
  'first_name',
  'patronymic',
  'settlement',
  'languages',
  'is_regular',
  'specialist',
  'status',
] as const;

async function summariesInOrder(ex: Executor, ids: number[]): Promise<VolunteerSummary[]> {
  if (ids.length === 0) return [];
  const rows = await ex.selectFrom('volunteers').select(SUMMARY_COLUMNS).where('id', 'in', ids).execute();
  const phones = await phonesOf(ex, 'volunteer_phones', ids);
  const skills = await skillsOfVolunteers(ex, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        fullName: fullName({ lastName: row.last_name, firstName: row.first_name, patronymic: row.patronymic }),
        settlement: row.settlement,
        phones: phones.get(id) ?? [],
        languages: parseLanguages(row.languages),
        isRegular: row.is_regular === 1,
        specialist: asSpecialist(row.specialist),
        status: row.status === 'paused' ? 'paused' : 'active',
        skills: skills.get(id) ?? [],
      } satisfies VolunteerSummary,
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Search (the approach of residents.repo.ts: folded word prefixes and phone digit suffixes in a
// terms table, matched with index-friendly prefix ranges)

export interface VolunteerFilter {
  status?: VolunteerStatus | undefined;
  skillId?: number | undefined;
  specialist?: Specialist | undefined;
  settlement?: string | undefined;
  limit: number;
}

/** The filter conditions on volunteers `v`; deleted volunteers never match. */
function filterSql(f: VolunteerFilter) {
  const conditions = [sql`v.deleted_at is null`];
  if (f.status !== undefined) conditions.push(sql`v.status = ${f.status}`);
  if (f.specialist !== undefined) conditions.push(sql`v.specialist = ${f.specialist}`);
  if (f.settlement !== undefined && f.settlement !== '') conditions.push(sql`v.settlement = ${f.settlement}`);
  if (f.skillId !== undefined) {
    conditions.push(sql`exists (select 1 from volunteer_skills s where s.volunteer_id = v.id and s.skill_id = ${f.skillId})`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * Ranked search. Every typed word must be the start of some word of the volunteer's name or
 * settlement, or a run of their phone digits. Order: an exact last-name match first, then
 * last-name prefixes, other name words, settlement, phone; then alphabetically.
 */
export async function searchVolunteers(ex: Executor, q: string, filter: VolunteerFilter): Promise<VolunteerSummary[]> {
  const parsed = parseQuery(q);
  const where = filterSql(filter);
  if (parsed.words.length === 0) {
    const rows = await sql<{ id: number }>`
      select v.id from volunteers v where ${where} order by v.sort_key, v.id limit ${filter.limit}`.execute(ex);
    return summariesInOrder(
      ex,
      rows.rows.map((r) => r.id),
    );
  }
  const rows = await sql<{ id: number }>`
    select m.owner_id as id
    from (${rankedMatches('volunteer_search_terms', 'volunteer_id', q, parsed)}) m
    join volunteers v on v.id = m.owner_id
    where ${where}
    order by m.score, v.sort_key, v.id
    limit ${filter.limit}
  `.execute(ex);
  return summariesInOrder(
    ex,
    rows.rows.map((r) => r.id),
  );
}

// ---------------------------------------------------------------------------------------------
// The volunteer's page: tasks, hours, residents

/** Calendar arithmetic on YYYY-MM-DD in UTC (no daylight-saving day to skip or repeat). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The `count` month keys ending with the month of `today`, oldest first. */
export function monthsEndingWith(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

const PART_RANK = sql<number>`case t.part_of_day when 'morning' then 1 when 'afternoon' then 2 when 'evening' then 3 else 0 end`;

/** The volunteer's tasks before `today` (newest first) or from `today` on (soonest first). */
export async function volunteerTasks(ex: Executor, volunteerId: number, when: 'upcoming' | 'past', today: string, limit: number): Promise<VolunteerTask[]> {
  const upcoming = when === 'upcoming';
  const direction = upcoming ? sql`asc` : sql`desc`;
  const rows = await ex
    .selectFrom('task_volunteers as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .innerJoin('residents as r', 'r.id', 't.resident_id')
    .innerJoin('service_kinds as k', 'k.id', 't.kind_id')
    .select([
      't.id',
      't.scheduled_on',
      't.part_of_day',
      't.start_time',
      't.status',
      't.done_on',
      't.estimated_minutes',
      'tv.minutes_spent',
      'k.id as kind_id',
      'k.code as kind_code',
      'k.name as kind_name',
      'r.id as resident_id',
      'r.last_name',
      'r.first_name',
      'r.patronymic',
      'r.settlement',
    ])
    .where('tv.volunteer_id', '=', volunteerId)
    .where('t.scheduled_on', upcoming ? '>=' : '<', today)
    .orderBy(sql`t.scheduled_on ${direction}`)
    .orderBy(sql`${PART_RANK} ${direction}`)
    .orderBy(sql`coalesce(t.start_time, '') ${direction}`)
    .orderBy(sql`t.id ${direction}`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scheduledOn: r.scheduled_on,
    partOfDay: (PARTS_OF_DAY as readonly string[]).includes(r.part_of_day ?? '') ? (r.part_of_day as PartOfDay) : null,
    startTime: r.start_time,
    status: r.status as VolunteerTaskStatus,
    doneOn: r.done_on,
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    residentId: r.resident_id,
    residentName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
    settlement: r.settlement,
    estimatedMinutes: r.estimated_minutes,
    minutesSpent: r.minutes_spent,
  }));
}

/** The day a done task counts on: when it was done, else when it was scheduled. */
const DONE_DAY = sql<string>`coalesce(t.done_on, t.scheduled_on)`;

/** Minutes of done tasks in each of the HOURS_MONTHS months ending with today's, zeros included. */
export async function minutesByMonth(ex: Executor, volunteerId: number, today: string): Promise<MonthMinutes[]> {
  const months = monthsEndingWith(today, HOURS_MONTHS);
  const from = `${months[0] as string}-01`;
  const rows = await ex
    .selectFrom('task_volunteers as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .select([sql<string>`substr(${DONE_DAY}, 1, 7)`.as('month'), sql<number>`sum(coalesce(tv.minutes_spent, 0))`.as('minutes')])
    .where('tv.volunteer_id', '=', volunteerId)
    .where('t.status', '=', 'done')
    .where(DONE_DAY, '>=', from)
    .groupBy(sql`substr(${DONE_DAY}, 1, 7)`)
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, Number(r.minutes)]));
  return months.map((month) => ({ month, minutes: byMonth.get(month) ?? 0 }));
}

/** Residents with at least two done tasks by this volunteer in the last 180 days, most first. */
export async function regularResidents(ex: Executor, volunteerId: number, today: string, limit = 20): Promise<RegularResident[]> {
  const from = addDays(today, -REGULAR_RESIDENT_DAYS);
  const count = sql<number>`count(*)`;
  const rows = await ex
    .selectFrom('task_volunteers as tv')
    .innerJoin('tasks as t', 't.id', 'tv.task_id')
    .innerJoin('residents as r', 'r.id', 't.resident_id')
    .select(['r.id', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.sort_key', count.as('n')])
    .where('tv.volunteer_id', '=', volunteerId)
    .where('t.status', '=', 'done')
    .where(DONE_DAY, '>=', from)
    .where(DONE_DAY, '<=', today)
    .groupBy(['r.id', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.sort_key'])
    .having(count, '>=', REGULAR_RESIDENT_MIN_TASKS)
    .orderBy(sql`count(*) desc`)
    .orderBy('r.sort_key')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    residentId: r.id,
    fullName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
    tasks: Number(r.n),
  }));
}
