/**
 * Test data for the plans feature written straight into the database: volunteers, skills,
 * availability and task outcomes, so these tests do not depend on the other features' calls.
 */
import type { TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import type { ResidentInput } from '../../../../shared/domain/residents';

export async function kindId(t: TestCore, code: string): Promise<number> {
  const kinds = await t.value('catalogue.list', { includeArchived: true });
  const kind = kinds.find((k) => k.code === code);
  if (!kind) throw new Error(`no kind ${code}`);
  return kind.id;
}

export async function addResident(t: TestCore, overrides: Partial<ResidentInput> = {}): Promise<number> {
  return (await t.value('residents.create', residentInput({ phones: [], ...overrides }))).id;
}

export function skillId(t: TestCore, code: string): number {
  t.sqlite.prepare('insert into skills (code, name, archived_at, created_at) select ?, null, null, ? where not exists (select 1 from skills where code = ?)').run(code, '2026-01-01T00:00:00.000Z', code);
  return Number(t.sqlite.prepare('select id from skills where code = ?').pluck().get(code));
}

export interface VolunteerFixture {
  lastName?: string;
  firstName?: string;
  settlement?: string;
  isRegular?: boolean;
  specialist?: string | null;
  status?: 'active' | 'paused';
  deleted?: boolean;
  skills?: string[];
  /** weekday × part */
  availability?: Array<[number, 'morning' | 'afternoon' | 'evening']>;
}

let counter = 0;

export function addVolunteer(t: TestCore, v: VolunteerFixture = {}): number {
  counter++;
  const lastName = v.lastName ?? `Волонтёров${counter}`;
  const firstName = v.firstName ?? 'Иван';
  const at = '2026-01-01T00:00:00.000Z';
  const info = t.sqlite
    .prepare(
      `insert into volunteers (last_name, first_name, patronymic, sort_key, settlement, languages, is_regular, specialist, status, deleted_at, notes, created_at, created_by, updated_at, updated_by)
       values (?, ?, '', ?, ?, '[]', ?, ?, ?, ?, '', ?, 1, ?, 1)`,
    )
    .run(
      lastName,
      firstName,
      `${lastName} ${firstName}`.toLowerCase(),
      v.settlement ?? 'Сылва',
      v.isRegular ? 1 : 0,
      v.specialist ?? null,
      v.status ?? 'active',
      v.deleted ? at : null,
      at,
      at,
    );
  const id = Number(info.lastInsertRowid);
  for (const code of v.skills ?? []) t.sqlite.prepare('insert into volunteer_skills (volunteer_id, skill_id) values (?, ?)').run(id, skillId(t, code));
  for (const [weekday, part] of v.availability ?? []) {
    t.sqlite.prepare('insert into volunteer_availability (volunteer_id, weekday, part) values (?, ?, ?)').run(id, weekday, part);
  }
  return id;
}

/** A task outside any plan (as the tasks feature would make it), optionally done with minutes. */
export function addTask(
  t: TestCore,
  task: {
    residentId: number;
    kindId: number;
    scheduledOn: string;
    status?: 'planned' | 'assigned' | 'done' | 'notDone' | 'cancelled';
    doneOn?: string | null;
    volunteers?: Array<[number, number | null]>;
    batchKey?: string | null;
  },
): number {
  const at = '2026-01-01T00:00:00.000Z';
  const status = task.status ?? 'planned';
  const info = t.sqlite
    .prepare(
      `insert into tasks (request_id, plan_id, resident_id, kind_id, scheduled_on, part_of_day, start_time, estimated_minutes, status, not_done_reason, done_on, note, batch_key, created_at, created_by, updated_at, updated_by)
       values (null, null, ?, ?, ?, null, null, null, ?, null, ?, '', ?, ?, 1, ?, 1)`,
    )
    .run(task.residentId, task.kindId, task.scheduledOn, status, task.doneOn ?? (status === 'done' ? task.scheduledOn : null), task.batchKey ?? null, at, at);
  const id = Number(info.lastInsertRowid);
  for (const [volunteerId, minutes] of task.volunteers ?? []) {
    t.sqlite.prepare('insert into task_volunteers (task_id, volunteer_id, minutes_spent) values (?, ?, ?)').run(id, volunteerId, minutes);
  }
  return id;
}

/** Marks a task done (on its day unless given) with minutes per volunteer. */
export function markDone(t: TestCore, taskId: number, doneOn?: string, minutes: Array<[number, number | null]> = []): void {
  t.sqlite.prepare("update tasks set status = 'done', done_on = coalesce(?, scheduled_on) where id = ?").run(doneOn ?? null, taskId);
  for (const [volunteerId, m] of minutes) {
    t.sqlite
      .prepare('insert into task_volunteers (task_id, volunteer_id, minutes_spent) values (?, ?, ?) on conflict (task_id, volunteer_id) do update set minutes_spent = excluded.minutes_spent')
      .run(taskId, volunteerId, m);
  }
}

export interface TaskRow {
  id: number;
  plan_id: number | null;
  resident_id: number;
  scheduled_on: string;
  status: string;
  batch_key: string | null;
}

export function tasksOf(t: TestCore, where = '1 = 1', ...params: unknown[]): TaskRow[] {
  return t.sqlite
    .prepare(`select id, plan_id, resident_id, scheduled_on, status, batch_key from tasks where ${where} order by scheduled_on, id`)
    .all(...params) as TaskRow[];
}

export function volunteersOfTask(t: TestCore, taskId: number): number[] {
  return t.sqlite.prepare('select volunteer_id from task_volunteers where task_id = ? order by volunteer_id').pluck().all(taskId) as number[];
}
