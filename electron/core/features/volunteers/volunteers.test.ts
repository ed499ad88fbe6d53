import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import type { Envelope, FieldIssue } from '../../../../shared/api/errors';
import type { VolunteerTaskStatus } from '../../../../shared/domain/volunteers';
import { volunteerInput } from './volunteers.builders';
import { ensureBuiltInSkills } from './skills';

// 2026-11-16 is a Monday.
const NOW = '2026-11-16T09:30:00.000Z';
const TODAY = '2026-11-16';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  // Until start.ts calls it.
  await ensureBuiltInSkills(t.deps.db, t.clock.now().toISOString());
});
afterEach(async () => {
  await t.close();
});

function fieldsOf(envelope: Envelope<unknown>): FieldIssue[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return envelope.error.fields ?? [];
}

function errorOf(envelope: Envelope<unknown>): { code: string; details?: Record<string, unknown> } {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('expected an error');
  return envelope.error;
}

async function skillId(code: string): Promise<number> {
  const skill = (await t.value('skills.list', { includeArchived: true })).find((s) => s.code === code);
  if (!skill) throw new Error(`no skill ${code}`);
  return skill.id;
}

async function kindId(code = 'firewood'): Promise<number> {
  const kind = (await t.value('catalogue.list', {})).find((k) => k.code === code);
  if (!kind) throw new Error(`no kind ${code}`);
  return kind.id;
}

/** A task written straight into the tables (the tasks feature is built in parallel). */
async function addTask(opts: {
  volunteerIds: number[];
  residentId: number;
  scheduledOn: string;
  status: VolunteerTaskStatus;
  minutes?: number | null;
  doneOn?: string | null;
  kind?: string;
  partOfDay?: 'morning' | 'afternoon' | 'evening' | null;
}): Promise<number> {
  const db = t.deps.db;
  const row = await db
    .insertInto('tasks')
    .values({
      request_id: null,
      plan_id: null,
      resident_id: opts.residentId,
      kind_id: await kindId(opts.kind),
      scheduled_on: opts.scheduledOn,
      part_of_day: opts.partOfDay ?? null,
      start_time: null,
      estimated_minutes: 60,
      status: opts.status,
      not_done_reason: null,
      done_on: opts.status === 'done' ? (opts.doneOn ?? opts.scheduledOn) : null,
      note: '',
      batch_key: null,
      created_at: NOW,
      created_by: 1,
      updated_at: NOW,
      updated_by: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('task_volunteers')
    .values(opts.volunteerIds.map((volunteer_id) => ({ task_id: row.id, volunteer_id, minutes_spent: opts.minutes ?? null })))
    .execute();
  return row.id;
}

async function setTaskStatus(taskId: number, status: VolunteerTaskStatus): Promise<void> {
  await t.deps.db
    .updateTable('tasks')
    .set({ status, done_on: status === 'done' ? TODAY : null })
    .where('id', '=', taskId)
    .execute();
}

describe('volunteers.create', () => {
  it('stores the whole profile and returns it with skills, availability and no open tasks', async () => {
    const car = await skillId('hasCar');
    const wood = await skillId('carriesFirewood');
    const v = await t.value(
      'volunteers.create',
      volunteerInput({
        phones: ['+7 (922) 111-22-33', '2-13-45'],
        languages: ['uk', 'ru'],
        skillIds: [car, wood],
        availability: [
          { weekday: 6, part: 'morning' },
          { weekday: 2, part: 'evening' },
          { weekday: 2, part: 'morning' },
        ],
        specialist: 'lawyer',
        notes: 'Ключи от склада',
      }),
    );
    expect(v).toMatchObject({
      lastName: 'Петров',
      firstName: 'Андрей',
      patronymic: 'Ильич',
      fullName: 'Петров Андрей Ильич',
      settlement: 'Сылва',
      phones: ['+7 (922) 111-22-33', '2-13-45'],
      // In the order of the language list.
      languages: ['ru', 'uk'],
      // Built-in skills in the order of the list.
      skillIds: [wood, car],
      skills: [
        { id: wood, code: 'carriesFirewood', name: null },
        { id: car, code: 'hasCar', name: null },
      ],
      availability: [
        { weekday: 2, part: 'morning' },
        { weekday: 2, part: 'evening' },
        { weekday: 6, part: 'morning' },
      ],
      isRegular: true,
      specialist: 'lawyer',
      agreementSignedOn: '2026-03-01',
      status: 'active',
      notes: 'Ключи от склада',
      openTasks: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const row = t.sqlite.prepare('select created_by, updated_by, sort_key, languages, deleted_at from volunteers where id = ?').get(v.id);
    expect(row).toEqual({ created_by: 1, updated_by: 1, sort_key: 'петров андрей ильич', languages: '["ru","uk"]', deleted_at: null });
    const availability = t.sqlite.prepare('select weekday, part from volunteer_availability where volunteer_id = ? order by weekday, part').all(v.id);
    expect(availability).toEqual([
      { weekday: 2, part: 'evening' },
      { weekday: 2, part: 'morning' },
      { weekday: 6, part: 'morning' },
    ]);
  });

  it('fills defaults for a minimal record and trims text', async () => {
    const v = await t.value('volunteers.create', { lastName: '  Nowak ', firstName: ' Ewa ' });
    expect(v).toMatchObject({
      lastName: 'Nowak',
      firstName: 'Ewa',
      patronymic: '',
      fullName: 'Nowak Ewa',
      settlement: '',
      phones: [],
      languages: [],
      skillIds: [],
      skills: [],
      availability: [],
      isRegular: false,
      specialist: null,
      agreementSignedOn: null,
      status: 'active',
      notes: '',
      openTasks: 0,
    });
  });

  it('drops repeated skills, languages and availability slots instead of failing', async () => {
    const car = await skillId('hasCar');
    const v = await t.value(
      'volunteers.create',
      volunteerInput({
        skillIds: [car, car],
        languages: ['pl', 'pl'],
        availability: [
          { weekday: 1, part: 'morning' },
          { weekday: 1, part: 'morning' },
        ],
      }),
    );
    expect(v.skillIds).toEqual([car]);
    expect(v.languages).toEqual(['pl']);
    expect(v.availability).toEqual([{ weekday: 1, part: 'morning' }]);
  });

  it('reports invalid fields at their paths with i18n keys', async () => {
    const env = await t.raw('volunteers.create', {
      lastName: ' ',
      firstName: 'x'.repeat(101),
      phones: ['+7 912', 'abc'],
      languages: ['de'],
      availability: [{ weekday: 8, part: 'night' }],
      specialist: 'plumber',
      agreementSignedOn: '2026-02-30',
      status: 'gone',
      notes: 'x'.repeat(4001),
    });
    expect(fieldsOf(env)).toEqual(
      expect.arrayContaining([
        { path: 'lastName', message: 'validation.required' },
        { path: 'firstName', message: 'validation.tooLong' },
        { path: 'phones.0', message: 'validation.phone' },
        { path: 'phones.1', message: 'validation.phone' },
        { path: 'languages.0', message: 'validation.invalid' },
        { path: 'availability.0.weekday', message: 'validation.range' },
        { path: 'availability.0.part', message: 'validation.invalid' },
        { path: 'specialist', message: 'validation.invalid' },
        { path: 'agreementSignedOn', message: 'validation.date' },
        { path: 'status', message: 'validation.invalid' },
        { path: 'notes', message: 'validation.tooLong' },
      ]),
    );
    expect(t.sqlite.prepare('select count(*) as n from volunteers').get()).toEqual({ n: 0 });
  });

  it('limits phones to five', async () => {
    const env = await t.call('volunteers.create', volunteerInput({ phones: Array.from({ length: 6 }, (_, i) => `2-13-4${i}`) }));
    expect(fieldsOf(env)).toEqual([{ path: 'phones', message: 'validation.tooMany' }]);
  });

  it.each([
    ['1989-12-31', 'before 1990'],
    ['2026-11-17', 'after today'],
    ['16.11.2026', 'not ISO'],
  ])('refuses an agreement date %s (%s)', async (date) => {
    const env = await t.call('volunteers.create', volunteerInput({ agreementSignedOn: date }));
    expect(fieldsOf(env)).toEqual([{ path: 'agreementSignedOn', message: 'validation.date' }]);
  });

  it('accepts an agreement signed today, or in 1990', async () => {
    expect((await t.value('volunteers.create', volunteerInput({ agreementSignedOn: TODAY }))).agreementSignedOn).toBe(TODAY);
    expect((await t.value('volunteers.create', volunteerInput({ agreementSignedOn: '1990-01-01' }))).agreementSignedOn).toBe('1990-01-01');
  });

  it('refuses unknown and archived skills at their index, and writes nothing', async () => {
    const car = await skillId('hasCar');
    const wood = await skillId('carriesFirewood');
    await t.value('skills.setArchived', { id: wood, archived: true });
    const before = t.dump();
    const env = await t.call('volunteers.create', volunteerInput({ skillIds: [car, 9999, wood] }));
    expect(fieldsOf(env)).toEqual([
      { path: 'skillIds.1', message: 'validation.invalid' },
      { path: 'skillIds.2', message: 'validation.invalid' },
    ]);
    expect(t.dump()).toEqual(before);
  });

  it('is for coordinators and admins; the front desk may only look', async () => {
    const frontdesk = { id: 1, role: 'frontdesk' as const };
    expect(errorOf(await t.call('volunteers.create', volunteerInput(), frontdesk)).code).toBe('forbidden');
    const v = await t.value('volunteers.create', volunteerInput(), { id: 1, role: 'coordinator' });
    expect((await t.value('volunteers.search', { q: '' }, frontdesk)).map((s) => s.id)).toEqual([v.id]);
    expect((await t.value('volunteers.get', { id: v.id }, frontdesk)).volunteer.id).toBe(v.id);
    expect(errorOf(await t.call('volunteers.search', { q: '' }, { id: 1, role: 'treasurer' })).code).toBe('forbidden');
  });
});

describe('volunteers.update', () => {
  it('replaces the profile, phones, skills and availability and records who changed it', async () => {
    const car = await skillId('hasCar');
    const snow = await skillId('hasSnowTools');
    const v = await t.value('volunteers.create', volunteerInput({ skillIds: [car], availability: [{ weekday: 1, part: 'morning' }] }));
    t.clock.set('2026-11-17T08:00:00.000Z');
    const u = await t.value(
      'volunteers.update',
      {
        id: v.id,
        data: volunteerInput({
          lastName: 'Петрова',
          firstName: 'Анна',
          phones: ['067 123 45 67'],
          skillIds: [snow],
          availability: [{ weekday: 7, part: 'afternoon' }],
          isRegular: false,
          specialist: 'psychologist',
        }),
      },
      { id: 1, role: 'coordinator' },
    );
    expect(u).toMatchObject({
      id: v.id,
      fullName: 'Петрова Анна Ильич',
      phones: ['067 123 45 67'],
      skillIds: [snow],
      availability: [{ weekday: 7, part: 'afternoon' }],
      isRegular: false,
      specialist: 'psychologist',
      createdAt: NOW,
      updatedAt: '2026-11-17T08:00:00.000Z',
    });
    expect(await t.value('volunteers.search', { q: 'андрей' })).toEqual([]);
    expect((await t.value('volunteers.search', { q: 'анна' })).map((s) => s.id)).toEqual([v.id]);
    expect((await t.value('volunteers.search', { q: '4567' })).map((s) => s.id)).toEqual([v.id]);
    expect(await t.value('volunteers.search', { q: '1122' })).toEqual([]);
  });

  it('keeps a skill that was archived after the volunteer got it, but does not add an archived one', async () => {
    const car = await skillId('hasCar');
    const wood = await skillId('carriesFirewood');
    const v = await t.value('volunteers.create', volunteerInput({ skillIds: [car] }));
    await t.value('skills.setArchived', { id: car, archived: true });
    await t.value('skills.setArchived', { id: wood, archived: true });
    const kept = await t.value('volunteers.update', { id: v.id, data: volunteerInput({ skillIds: [car] }) });
    expect(kept.skills).toEqual([{ id: car, code: 'hasCar', name: null }]);
    const env = await t.call('volunteers.update', { id: v.id, data: volunteerInput({ skillIds: [car, wood] }) });
    expect(fieldsOf(env)).toEqual([{ path: 'data.skillIds.1', message: 'validation.invalid' }]);
  });

  it('reports schema and rule failures under data.', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    expect(fieldsOf(await t.raw('volunteers.update', { id: v.id, data: { ...volunteerInput(), lastName: '' } }))).toEqual([
      { path: 'data.lastName', message: 'validation.required' },
    ]);
    expect(fieldsOf(await t.call('volunteers.update', { id: v.id, data: volunteerInput({ agreementSignedOn: '2027-01-01' }) }))).toEqual([
      { path: 'data.agreementSignedOn', message: 'validation.date' },
    ]);
  });

  it('answers notFound for an unknown or deleted volunteer', async () => {
    expect(errorOf(await t.call('volunteers.update', { id: 999, data: volunteerInput() })).code).toBe('notFound');
    const v = await t.value('volunteers.create', volunteerInput());
    await t.value('volunteers.delete', { id: v.id });
    expect(errorOf(await t.call('volunteers.update', { id: v.id, data: volunteerInput() })).code).toBe('notFound');
    expect(errorOf(await t.call('volunteers.setStatus', { id: v.id, status: 'paused' })).code).toBe('notFound');
    expect(errorOf(await t.call('volunteers.get', { id: v.id })).code).toBe('notFound');
    expect(errorOf(await t.call('volunteers.delete', { id: v.id })).code).toBe('notFound');
  });
});

describe('volunteers.setStatus', () => {
  it('pauses and reactivates, recording who did it', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    t.clock.set('2026-11-18T10:00:00.000Z');
    const paused = await t.value('volunteers.setStatus', { id: v.id, status: 'paused' }, { id: 1, role: 'coordinator' });
    expect(paused).toMatchObject({ status: 'paused', openTasks: 0, updatedAt: '2026-11-18T10:00:00.000Z' });
    expect((await t.value('volunteers.search', { q: '', status: 'paused' })).map((s) => s.id)).toEqual([v.id]);
    expect(await t.value('volunteers.search', { q: '', status: 'active' })).toEqual([]);
    expect((await t.value('volunteers.setStatus', { id: v.id, status: 'active' })).status).toBe('active');
  });

  it('allows pausing a volunteer with open tasks and returns how many', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const r = await t.value('residents.create', residentInput());
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-19', status: 'assigned' });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-26', status: 'planned' });
    // Overdue but still open: counted too.
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-10', status: 'assigned' });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-12', status: 'done', minutes: 30 });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-20', status: 'cancelled' });
    const paused = await t.value('volunteers.setStatus', { id: v.id, status: 'paused' });
    expect(paused).toMatchObject({ status: 'paused', openTasks: 3 });
  });
});

describe('volunteers.delete', () => {
  it('is refused while the volunteer has open tasks, and allowed once they are done', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const r = await t.value('residents.create', residentInput());
    const task = await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-19', status: 'assigned' });
    const before = t.dump();
    const refused = errorOf(await t.call('volunteers.delete', { id: v.id }));
    expect(refused).toMatchObject({ code: 'conflict', details: { openTasks: 1, activePlans: 0 } });
    expect(t.dump()).toEqual(before);

    await setTaskStatus(task, 'done');
    t.clock.set('2026-11-19T12:00:00.000Z');
    expect(await t.value('volunteers.delete', { id: v.id }, { id: 1, role: 'coordinator' })).toBeNull();
    const row = t.sqlite.prepare('select deleted_at, updated_at, updated_by from volunteers where id = ?').get(v.id);
    expect(row).toEqual({ deleted_at: '2026-11-19T12:00:00.000Z', updated_at: '2026-11-19T12:00:00.000Z', updated_by: 1 });
    // The history stays.
    expect(t.sqlite.prepare('select count(*) as n from task_volunteers where volunteer_id = ?').get(v.id)).toEqual({ n: 1 });
  });

  it('is refused while a help plan that has not ended names the volunteer', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const r = await t.value('residents.create', residentInput());
    await t.deps.db
      .insertInto('help_plans')
      .values({
        resident_id: r.id,
        kind_id: await kindId('medicinePurchase'),
        rule: 'weekly',
        weekday: 2,
        interval_days: null,
        season_from_month: null,
        season_to_month: null,
        part_of_day: 'morning',
        estimated_minutes: 60,
        volunteer_id: v.id,
        starts_on: '2026-11-01',
        ends_on: null,
        ended_reason: null,
        note: '',
        created_at: NOW,
        created_by: 1,
        updated_at: NOW,
        updated_by: 1,
      })
      .execute();
    expect(errorOf(await t.call('volunteers.delete', { id: v.id }))).toMatchObject({ code: 'conflict', details: { openTasks: 0, activePlans: 1 } });
    await t.deps.db.updateTable('help_plans').set({ ends_on: '2026-11-15', ended_reason: 'noLongerNeeded' }).execute();
    expect(await t.value('volunteers.delete', { id: v.id })).toBeNull();
  });

  it('hides deleted volunteers from search and from the skills in use', async () => {
    const car = await skillId('hasCar');
    const keep = await t.value('volunteers.create', volunteerInput({ lastName: 'Оставшийся' }));
    const gone = await t.value('volunteers.create', volunteerInput({ lastName: 'Ушедший', skillIds: [car] }));
    expect((await t.value('skills.list', {})).find((s) => s.id === car)?.inUse).toBe(true);
    await t.value('volunteers.delete', { id: gone.id });
    expect((await t.value('volunteers.search', { q: '' })).map((s) => s.id)).toEqual([keep.id]);
    expect(await t.value('volunteers.search', { q: 'ушедший' })).toEqual([]);
    expect(await t.value('volunteers.search', { q: '', skillId: car })).toEqual([]);
    expect((await t.value('skills.list', {})).find((s) => s.id === car)?.inUse).toBe(false);
  });
});

describe('volunteers.get: the volunteer page', () => {
  it('splits tasks by the clock’s today: upcoming soonest first, past newest first', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const other = await t.value('volunteers.create', volunteerInput({ lastName: 'Другой' }));
    const r = await t.value('residents.create', residentInput());
    const todayEvening = await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: TODAY, status: 'assigned', partOfDay: 'evening' });
    const todayMorning = await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: TODAY, status: 'done', partOfDay: 'morning', minutes: 40 });
    const next = await addTask({ volunteerIds: [v.id, other.id], residentId: r.id, scheduledOn: '2026-11-20', status: 'planned', kind: 'snowClearing' });
    const yesterday = await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-15', status: 'notDone' });
    const lastWeek = await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-09', status: 'done', minutes: 90 });
    await addTask({ volunteerIds: [other.id], residentId: r.id, scheduledOn: '2026-11-18', status: 'assigned' });

    const page = await t.value('volunteers.get', { id: v.id });
    expect(page.upcoming.map((x) => x.id)).toEqual([todayMorning, todayEvening, next]);
    expect(page.past.map((x) => x.id)).toEqual([yesterday, lastWeek]);
    expect(page.upcoming[2]).toMatchObject({
      id: next,
      scheduledOn: '2026-11-20',
      status: 'planned',
      kindCode: 'snowClearing',
      kindName: null,
      residentId: r.id,
      residentName: 'Иванов Пётр Сергеевич',
      settlement: 'Сылва',
      estimatedMinutes: 60,
      minutesSpent: null,
    });
    expect(page.past[1]).toMatchObject({ status: 'done', doneOn: '2026-11-09', minutesSpent: 90 });

    // A day later, today's tasks are past.
    t.clock.set('2026-11-17T09:00:00.000Z');
    const later = await t.value('volunteers.get', { id: v.id });
    expect(later.upcoming.map((x) => x.id)).toEqual([next]);
    expect(later.past.map((x) => x.id)).toEqual([todayEvening, todayMorning, yesterday, lastWeek]);
  });

  it('keeps at most 50 past tasks', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const r = await t.value('residents.create', residentInput());
    for (let day = 1; day <= 55; day++) {
      const date = new Date(Date.UTC(2026, 8, day)).toISOString().slice(0, 10);
      await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: date, status: 'done', minutes: 10 });
    }
    const page = await t.value('volunteers.get', { id: v.id });
    expect(page.past).toHaveLength(50);
    expect(page.past[0]?.scheduledOn).toBe('2026-10-25');
  });

  it('sums minutes of done tasks by month over the last twelve months, empty months as 0', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const other = await t.value('volunteers.create', volunteerInput({ lastName: 'Другой' }));
    const r = await t.value('residents.create', residentInput());
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-02', status: 'done', minutes: 45 });
    await addTask({ volunteerIds: [v.id, other.id], residentId: r.id, scheduledOn: '2026-11-09', status: 'done', minutes: 30 });
    // Counted in the month it was done.
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-10-31', doneOn: '2026-11-01', status: 'done', minutes: 15 });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-09-14', status: 'done', minutes: 120 });
    // Done without minutes: counts as 0.
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-09-15', status: 'done', minutes: null });
    // Not done or not yet done: no hours.
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-10', status: 'notDone', minutes: 20 });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2026-11-20', status: 'assigned', minutes: 20 });
    // Older than twelve months.
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2025-11-30', status: 'done', minutes: 60 });
    await addTask({ volunteerIds: [v.id], residentId: r.id, scheduledOn: '2025-12-01', status: 'done', minutes: 10 });
    // Another volunteer's task.
    await addTask({ volunteerIds: [other.id], residentId: r.id, scheduledOn: '2026-11-03', status: 'done', minutes: 500 });

    const { hoursByMonth } = await t.value('volunteers.get', { id: v.id });
    expect(hoursByMonth).toHaveLength(12);
    expect(hoursByMonth[0]).toEqual({ month: '2025-12', minutes: 10 });
    expect(hoursByMonth[11]).toEqual({ month: '2026-11', minutes: 90 });
    expect(hoursByMonth.filter((m) => m.minutes > 0)).toEqual([
      { month: '2025-12', minutes: 10 },
      { month: '2026-09', minutes: 120 },
      { month: '2026-11', minutes: 90 },
    ]);
    expect(hoursByMonth.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
  });

  it('lists residents with at least two done tasks in the last 180 days, most first', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const often = await t.value('residents.create', residentInput({ lastName: 'Часто', firstName: 'Мария', patronymic: '' }));
    const twice = await t.value('residents.create', residentInput({ lastName: 'Дважды', firstName: 'Иван', patronymic: '' }));
    const once = await t.value('residents.create', residentInput({ lastName: 'Однажды', firstName: 'Олег', patronymic: '' }));
    const old = await t.value('residents.create', residentInput({ lastName: 'Давно', firstName: 'Нина', patronymic: '' }));
    for (const day of ['2026-11-02', '2026-10-12', '2026-09-07']) await addTask({ volunteerIds: [v.id], residentId: often.id, scheduledOn: day, status: 'done' });
    for (const day of ['2026-11-03', '2026-05-20']) await addTask({ volunteerIds: [v.id], residentId: twice.id, scheduledOn: day, status: 'done' });
    // 180 days before 2026-11-16 is 2026-05-20; a day earlier is outside.
    await addTask({ volunteerIds: [v.id], residentId: once.id, scheduledOn: '2026-11-04', status: 'done' });
    await addTask({ volunteerIds: [v.id], residentId: once.id, scheduledOn: '2026-11-05', status: 'notDone' });
    await addTask({ volunteerIds: [v.id], residentId: once.id, scheduledOn: '2026-11-20', status: 'assigned' });
    await addTask({ volunteerIds: [v.id], residentId: old.id, scheduledOn: '2026-11-06', status: 'done' });
    await addTask({ volunteerIds: [v.id], residentId: old.id, scheduledOn: '2026-05-19', status: 'done' });

    const { regularResidents } = await t.value('volunteers.get', { id: v.id });
    expect(regularResidents).toEqual([
      { residentId: often.id, fullName: 'Часто Мария', tasks: 3 },
      { residentId: twice.id, fullName: 'Дважды Иван', tasks: 2 },
    ]);
  });

  it('is empty for a new volunteer, and notFound for an unknown one', async () => {
    const v = await t.value('volunteers.create', volunteerInput());
    const page = await t.value('volunteers.get', { id: v.id });
    expect(page).toMatchObject({ upcoming: [], past: [], regularResidents: [] });
    expect(page.hoursByMonth.every((m) => m.minutes === 0)).toBe(true);
    expect(page.volunteer).toEqual(v);
    expect(errorOf(await t.call('volunteers.get', { id: 404 })).code).toBe('notFound');
  });
});
