import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { startCore } from '../../start';
import type { Executor } from '../../db/schema';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { minimalResidentInput, requestInput, residentInput, settingsInput } from '../../testing/builders';
import type { Envelope } from '../../../../shared/api/errors';
import { fold } from '../../../../shared/domain/text';
import type { PartOfDay, TaskInput } from '../../../../shared/domain/tasks';
import { taskInput } from './tasks.builders';

// Wednesday 18 November 2026; the week runs from Monday 16 to Sunday 22.
const NOW = '2026-11-18T09:00:00.000Z';
const MON = '2026-11-16';
const TUE = '2026-11-17';
const WED = '2026-11-18';
const THU = '2026-11-19';

let t: TestCore;
let db: Executor;
let sylva: number; // resident in Сылва
let kyn: number; // resident in Кын
let firewood: number;
let groceries: number;
let printing: number;
let chopSkill: number;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  db = t.deps.db;
  sylva = (await t.value('residents.create', residentInput())).id;
  kyn = (await t.value('residents.create', minimalResidentInput({ settlement: 'Кын' }))).id;
  const kinds = await t.value('catalogue.list', {});
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? -1;
  firewood = kind('firewood');
  groceries = kind('groceries');
  printing = kind('printing');
  chopSkill = (await db.insertInto('skills').values({ code: null, name: 'Колет дрова', archived_at: null, created_at: NOW }).returning('id').executeTakeFirstOrThrow()).id;
  await db.deleteFrom('kind_skills').where('kind_id', '=', firewood).execute();
  await db.insertInto('kind_skills').values({ kind_id: firewood, skill_id: chopSkill }).execute();
});
afterEach(async () => {
  await t.close();
});

interface VolunteerSpec {
  lastName: string;
  settlement?: string;
  status?: 'active' | 'paused';
  deleted?: boolean;
  availability?: Array<[number, PartOfDay]>;
  skills?: number[];
}

/** Inserts a volunteer directly (the volunteers feature has its own calls). */
async function volunteer(ex: Executor, v: VolunteerSpec): Promise<number> {
  const row = await ex
    .insertInto('volunteers')
    .values({
      last_name: v.lastName,
      first_name: 'Вера',
      patronymic: '',
      sort_key: fold(`${v.lastName} Вера`),
      settlement: v.settlement ?? 'Пермь',
      languages: '["ru"]',
      is_regular: 0,
      specialist: null,
      agreement_signed_on: null,
      status: v.status ?? 'active',
      deleted_at: v.deleted ? NOW : null,
      notes: '',
      created_at: NOW,
      created_by: 1,
      updated_at: NOW,
      updated_by: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [weekday, part] of v.availability ?? []) {
    await ex.insertInto('volunteer_availability').values({ volunteer_id: row.id, weekday, part }).execute();
  }
  for (const skillId of v.skills ?? []) {
    await ex.insertInto('volunteer_skills').values({ volunteer_id: row.id, skill_id: skillId }).execute();
  }
  return row.id;
}

async function request(residentId = sylva, kindId = firewood, overrides: Partial<Parameters<typeof requestInput>[0]> = {}) {
  return t.value('requests.create', requestInput({ residentId, kindId, ...overrides }));
}

async function task(overrides: Partial<TaskInput> = {}) {
  return t.value('tasks.create', taskInput({ residentId: sylva, kindId: firewood, scheduledOn: WED, ...overrides }));
}

function errorOf(envelope: Envelope<unknown>) {
  return envelope.ok ? undefined : envelope.error;
}

async function historyOf(requestId: number) {
  return (await t.value('requests.get', { id: requestId })).history.map((h) => [h.fromStatus, h.toStatus, h.note]);
}

describe('tasks.create', () => {
  it('plans a task from a request: copies the resident and kind, and the request becomes planned (kept in its history)', async () => {
    const r = await request(kyn, groceries);
    const created = await t.value('tasks.create', { requestId: r.id, scheduledOn: THU, partOfDay: 'afternoon', estimatedMinutes: 60, note: '  Хлеб, молоко  ' });
    expect(created).toMatchObject({
      requestId: r.id,
      planId: null,
      residentId: kyn,
      residentName: 'Смирнова Анна',
      settlement: 'Кын',
      kindId: groceries,
      kindCode: 'groceries',
      scheduledOn: THU,
      partOfDay: 'afternoon',
      startTime: null,
      estimatedMinutes: 60,
      status: 'planned',
      reason: null,
      doneOn: null,
      note: 'Хлеб, молоко',
      volunteers: [],
      requestStatus: 'planned',
      advances: [],
      createdAt: NOW,
      createdBy: 'Administrator',
      updatedBy: 'Administrator',
    });
    expect(await t.value('tasks.get', { id: created.id })).toEqual(created);
    const req = await t.value('requests.get', { id: r.id });
    expect(req.status).toBe('planned');
    expect(req.history.map((h) => [h.fromStatus, h.toStatus, h.changedBy, h.changedAt])).toEqual([
      [null, 'new', 'Administrator', NOW],
      ['new', 'planned', 'Administrator', NOW],
    ]);

    // A second task changes nothing on the request.
    await t.value('tasks.create', { requestId: r.id, scheduledOn: '2026-11-20' });
    expect(await historyOf(r.id)).toHaveLength(2);
  });

  it('lets the coordinator override the resident and kind of the request', async () => {
    const r = await request(sylva, firewood);
    const created = await t.value('tasks.create', { requestId: r.id, residentId: kyn, kindId: groceries, scheduledOn: WED });
    expect(created).toMatchObject({ requestId: r.id, residentId: kyn, kindId: groceries });
  });

  it('makes a task with volunteers assigned, with address and phones in the detail', async () => {
    const v = await volunteer(db, { lastName: 'Петрова' });
    const created = await task({ volunteerIds: [v], startTime: '10:30', partOfDay: null });
    expect(created.status).toBe('assigned');
    expect(created.address).toBe('Сылва, Ленина 12-4');
    expect(created.residentPhones).toEqual(['+7 (912) 345-67-89']);
    expect(created.volunteers).toEqual([{ volunteerId: v, fullName: 'Петрова Вера', state: 'active', minutesSpent: null, warnings: [] }]);
  });

  it('refuses a closed request, an unknown request, resident, kind or volunteer, saving nothing', async () => {
    const r = await request();
    await t.value('requests.setStatus', { id: r.id, status: 'referred' });
    const gone = await volunteer(db, { lastName: 'Ушедшая', deleted: true });
    const before = t.dump();
    expect(errorOf(await t.call('tasks.create', { requestId: r.id, scheduledOn: WED }))).toMatchObject({
      code: 'invalidTransition',
      details: { requestId: r.id, requestStatus: 'referred' },
    });
    expect(errorOf(await t.call('tasks.create', { requestId: 999, scheduledOn: WED }))).toMatchObject({
      code: 'validation',
      fields: [{ path: 'requestId', message: 'validation.unknownRequest' }],
    });
    expect(errorOf(await t.call('tasks.create', taskInput({ residentId: 999, kindId: 999 })))).toMatchObject({
      code: 'validation',
      fields: [
        { path: 'residentId', message: 'validation.unknownResident' },
        { path: 'kindId', message: 'validation.unknownKind' },
      ],
    });
    expect(errorOf(await t.call('tasks.create', taskInput({ residentId: sylva, kindId: firewood, volunteerIds: [gone, 12345] })))).toMatchObject({
      code: 'validation',
      fields: [
        { path: 'volunteerIds.0', message: 'validation.unknownVolunteer' },
        { path: 'volunteerIds.1', message: 'validation.unknownVolunteer' },
      ],
    });
    expect(errorOf(await t.call('tasks.create', { scheduledOn: WED }))).toMatchObject({
      code: 'validation',
      fields: [
        { path: 'residentId', message: 'validation.unknownResident' },
        { path: 'kindId', message: 'validation.unknownKind' },
      ],
    });
    expect(t.dump()).toEqual(before);
  });

  it('refuses an archived kind and a resident who has left', async () => {
    const own = await t.value('catalogue.create', { name: 'Пилка', isPaid: false, mode: 'volunteer' });
    await t.value('catalogue.setArchived', { id: own.id, archived: true });
    await db.updateTable('residents').set({ left_on: '2026-11-01', left_reason: 'moved' }).where('id', '=', kyn).execute();
    expect(errorOf(await t.call('tasks.create', taskInput({ residentId: kyn, kindId: own.id })))?.fields).toEqual([
      { path: 'residentId', message: 'validation.residentLeft' },
      { path: 'kindId', message: 'validation.archivedKind' },
    ]);
  });
});

describe("the request's status follows its tasks", () => {
  it('planned → in progress → done as tasks are done, every change in the history', async () => {
    const v = await volunteer(db, { lastName: 'Петрова' });
    const r = await request();
    const a = await t.value('tasks.create', { requestId: r.id, scheduledOn: TUE, volunteerIds: [v] });
    const b = await t.value('tasks.create', { requestId: r.id, scheduledOn: THU });
    await t.value('tasks.complete', { id: a.id, outcome: { doneOn: TUE } });
    expect((await t.value('requests.get', { id: r.id })).status).toBe('inProgress');
    t.clock.set('2026-11-19T15:00:00.000Z');
    const done = await t.value('tasks.complete', { id: b.id, outcome: { minutes: [{ volunteerId: v, minutes: 45 }] } });
    expect(done).toMatchObject({ status: 'done', doneOn: THU, requestStatus: 'done' });
    const req = await t.value('requests.get', { id: r.id });
    expect(req.history.map((h) => [h.fromStatus, h.toStatus, h.changedAt])).toEqual([
      [null, 'new', NOW],
      ['new', 'planned', NOW],
      ['planned', 'inProgress', NOW],
      ['inProgress', 'done', '2026-11-19T15:00:00.000Z'],
    ]);
  });

  it('goes back to new when its only task is cancelled or not done, and forward again when reopened', async () => {
    const r = await request();
    const a = await t.value('tasks.create', { requestId: r.id, scheduledOn: THU });
    await t.value('tasks.cancel', { id: a.id, reason: 'Дочь приехала' });
    expect((await t.value('requests.get', { id: r.id })).status).toBe('new');
    await t.value('tasks.reopen', { id: a.id });
    await t.value('tasks.notDone', { id: a.id, reason: 'Никого не было дома' });
    expect(await historyOf(r.id)).toEqual([
      [null, 'new', ''],
      ['new', 'planned', ''],
      ['planned', 'new', 'Дочь приехала'],
      ['new', 'planned', ''],
      ['planned', 'new', 'Никого не было дома'],
    ]);
  });

  it('never moves a request closed by hand', async () => {
    const r = await request();
    const a = await t.value('tasks.create', { requestId: r.id, scheduledOn: THU });
    await t.value('requests.setStatus', { id: r.id, status: 'referred', note: 'В соцзащиту' });
    await t.value('tasks.complete', { id: a.id });
    const req = await t.value('requests.get', { id: r.id });
    expect(req.status).toBe('referred');
    expect(req.history.map((h) => h.toStatus)).toEqual(['new', 'planned', 'referred']);
    // …and a task of a closed request is not reopened behind its back.
    const b = await t.value('tasks.create', { requestId: (await request()).id, scheduledOn: THU });
    await t.value('tasks.cancel', { id: b.id });
    await t.value('requests.setStatus', { id: b.requestId ?? -1, status: 'cancelled' });
    expect(errorOf(await t.call('tasks.reopen', { id: b.id }))?.code).toBe('invalidTransition');
  });
});

describe('tasks.assign', () => {
  it('assigns, reassigns and unassigns; the status follows the volunteers', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const v2 = await volunteer(db, { lastName: 'Борисова' });
    const created = await task();
    let d = await t.value('tasks.assign', { id: created.id, volunteerIds: [v2, v1] });
    expect(d.status).toBe('assigned');
    expect(d.volunteers.map((v) => v.fullName)).toEqual(['Алексеева Вера', 'Борисова Вера']);
    d = await t.value('tasks.assign', { id: created.id, volunteerIds: [v2] });
    expect(d.volunteers.map((v) => v.volunteerId)).toEqual([v2]);
    d = await t.value('tasks.assign', { id: created.id, volunteerIds: [] });
    expect(d).toMatchObject({ status: 'planned', volunteers: [] });
  });

  it('a failing assign leaves the task exactly as it was', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const gone = await volunteer(db, { lastName: 'Ушедшая', deleted: true });
    const created = await task({ volunteerIds: [v1] });
    const before = t.dump();
    const env = await t.call('tasks.assign', { id: created.id, volunteerIds: [v1, gone, 777] });
    expect(errorOf(env)).toMatchObject({
      code: 'validation',
      fields: [
        { path: 'volunteerIds.1', message: 'validation.unknownVolunteer' },
        { path: 'volunteerIds.2', message: 'validation.unknownVolunteer' },
      ],
    });
    expect(errorOf(await t.call('tasks.assign', { id: created.id, volunteerIds: [v1, v1] }))?.fields).toEqual([
      { path: 'volunteerIds', message: 'validation.duplicate' },
    ]);
    expect(errorOf(await t.call('tasks.assign', { id: 999, volunteerIds: [v1] }))?.code).toBe('notFound');
    expect(t.dump()).toEqual(before);
  });

  it('refuses to change the volunteers of a closed task', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const created = await task();
    await t.value('tasks.complete', { id: created.id });
    expect(errorOf(await t.call('tasks.assign', { id: created.id, volunteerIds: [v1] }))).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'done' },
    });
  });

  it('keeps a volunteer deleted while the task was open, with a warning, but does not add deleted ones', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const v2 = await volunteer(db, { lastName: 'Борисова' });
    const created = await task({ volunteerIds: [v1] });
    await db.updateTable('volunteers').set({ deleted_at: NOW }).where('id', '=', v1).execute();
    const d = await t.value('tasks.assign', { id: created.id, volunteerIds: [v1, v2] });
    expect(d.volunteers.map((v) => [v.volunteerId, v.state, v.warnings])).toEqual([
      [v1, 'deleted', ['paused']],
      [v2, 'active', []],
    ]);
  });
});

describe('tasks.update', () => {
  it('changes an open task and keeps its volunteers unless given', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const created = await task({ volunteerIds: [v1] });
    const d = await t.value('tasks.update', {
      id: created.id,
      data: { residentId: kyn, kindId: groceries, scheduledOn: THU, partOfDay: null, startTime: '14:00', estimatedMinutes: 30, note: 'Список у соседки' },
    });
    expect(d).toMatchObject({ residentId: kyn, kindId: groceries, scheduledOn: THU, startTime: '14:00', status: 'assigned', note: 'Список у соседки' });
    expect(d.volunteers.map((v) => v.volunteerId)).toEqual([v1]);
    const cleared = await t.value('tasks.update', { id: created.id, data: { residentId: kyn, kindId: groceries, scheduledOn: THU, volunteerIds: [] } });
    expect(cleared).toMatchObject({ status: 'planned', volunteers: [], partOfDay: null, startTime: null, note: '' });
  });

  it('reports the fields of data and refuses closed tasks', async () => {
    const created = await task();
    expect(errorOf(await t.call('tasks.update', { id: created.id, data: { residentId: 999, kindId: firewood, scheduledOn: THU } }))?.fields).toEqual([
      { path: 'data.residentId', message: 'validation.unknownResident' },
    ]);
    await t.value('tasks.cancel', { id: created.id });
    expect(errorOf(await t.call('tasks.update', { id: created.id, data: { residentId: sylva, kindId: firewood, scheduledOn: THU } }))?.code).toBe(
      'invalidTransition',
    );
  });
});

describe('tasks.suggest', () => {
  it('ranks by skill, then availability, then settlement, then the lighter week, with reasons; paused last; deleted left out', async () => {
    const skilled = await volunteer(db, { lastName: 'Умелая', skills: [chopSkill] });
    const free = await volunteer(db, { lastName: 'Свободная', availability: [[3, 'morning']] });
    const local = await volunteer(db, { lastName: 'Местная', settlement: 'сылва' });
    const light = await volunteer(db, { lastName: 'Лёгкая' });
    const heavy = await volunteer(db, { lastName: 'Занятая' });
    const paused = await volunteer(db, { lastName: 'Отдыхающая', status: 'paused', skills: [chopSkill], availability: [[3, 'morning']], settlement: 'Сылва' });
    await volunteer(db, { lastName: 'Удалённая', deleted: true, skills: [chopSkill] });
    // Heavy already has five hours this week (Monday), light one hour (a done task counts the minutes spent).
    await task({ scheduledOn: MON, volunteerIds: [heavy], estimatedMinutes: 300 });
    const lightTask = await task({ scheduledOn: MON, volunteerIds: [light], estimatedMinutes: 300 });
    await t.value('tasks.complete', { id: lightTask.id, outcome: { doneOn: MON, minutes: [{ volunteerId: light, minutes: 60 }] } });
    // Last week's and cancelled tasks do not count.
    await task({ scheduledOn: '2026-11-15', volunteerIds: [light], estimatedMinutes: 600 });
    const cancelled = await task({ scheduledOn: TUE, volunteerIds: [light], estimatedMinutes: 600 });
    await t.value('tasks.cancel', { id: cancelled.id });

    const list = await t.value('tasks.suggest', { kindId: firewood, residentId: sylva, scheduledOn: WED, partOfDay: 'morning' });
    expect(list.map((s) => [s.fullName, s.score, s.reasons, s.warnings, s.weekLoadMinutes, s.weekTasks])).toEqual([
      ['Умелая Вера', 3, ['skill', 'lightLoad'], [], 0, 0],
      ['Свободная Вера', 2, ['available', 'lightLoad'], [], 0, 0],
      ['Местная Вера', 1, ['sameSettlement', 'lightLoad'], [], 0, 0],
      ['Лёгкая Вера', 0, ['lightLoad'], [], 60, 1],
      ['Занятая Вера', 0, [], [], 300, 1],
      ['Отдыхающая Вера', 6, ['skill', 'available', 'sameSettlement', 'lightLoad'], ['paused'], 0, 0],
    ]);
    expect(list.map((s) => s.volunteerId)).toEqual([skilled, free, local, light, heavy, paused]);

    // The afternoon: the free one is not available then.
    const afternoon = await t.value('tasks.suggest', { kindId: firewood, residentId: sylva, scheduledOn: WED, partOfDay: 'afternoon' });
    expect(afternoon.find((s) => s.volunteerId === free)).toMatchObject({ score: 0, warnings: ['unavailable'] });
  });

  it('warns about bookings at the same time and puts booked volunteers after free ones', async () => {
    const busy = await volunteer(db, { lastName: 'Алексеева', skills: [chopSkill] });
    const other = await volunteer(db, { lastName: 'Борисова' });
    const booking = await task({ scheduledOn: WED, partOfDay: null, startTime: '10:00', volunteerIds: [busy] });
    const at = async (partOfDay: PartOfDay | null, startTime: string | null, excludeTaskId?: number) =>
      (await t.value('tasks.suggest', { kindId: firewood, residentId: sylva, scheduledOn: WED, partOfDay, startTime, excludeTaskId }))[0];
    const morning = await t.value('tasks.suggest', { kindId: firewood, residentId: sylva, scheduledOn: WED, partOfDay: 'morning' });
    expect(morning.map((s) => [s.volunteerId, s.score, s.warnings])).toEqual([
      [other, 0, []],
      [busy, 3, ['booked']],
    ]);
    expect(await at(null, '11:30')).toMatchObject({ volunteerId: other });
    expect(await at(null, '12:00')).toMatchObject({ volunteerId: busy, warnings: [] });
    expect(await at('afternoon', null)).toMatchObject({ volunteerId: busy, warnings: [] });
    expect(await at(null, null)).toMatchObject({ volunteerId: busy, warnings: [] });
    // Editing the booking itself does not clash with itself.
    expect(await at(null, '10:00', booking.id)).toMatchObject({ volunteerId: busy, warnings: [] });
  });

  it('validates the resident and the kind', async () => {
    expect(errorOf(await t.call('tasks.suggest', { kindId: 999, residentId: 999, scheduledOn: WED }))?.fields).toEqual([
      { path: 'residentId', message: 'validation.unknownResident' },
      { path: 'kindId', message: 'validation.unknownKind' },
    ]);
  });
});

describe('warnings on a task', () => {
  it('booked: another open task overlapping the same day (cancelled and done ones do not book)', async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const first = await task({ partOfDay: 'morning', volunteerIds: [v] });
    const second = await task({ partOfDay: null, startTime: '09:15', volunteerIds: [v] });
    expect(second.volunteers[0]?.warnings).toEqual(['booked']);
    expect((await t.value('tasks.get', { id: first.id })).volunteers[0]?.warnings).toEqual(['booked']);
    const allDay = await task({ partOfDay: null, volunteerIds: [v] });
    expect(allDay.volunteers[0]?.warnings).toEqual([]);
    const allDay2 = await task({ partOfDay: null, volunteerIds: [v] });
    expect(allDay2.volunteers[0]?.warnings).toEqual(['booked']);
    await t.value('tasks.cancel', { id: first.id });
    await t.value('tasks.complete', { id: allDay.id });
    expect((await t.value('tasks.get', { id: second.id })).volunteers[0]?.warnings).toEqual([]);
    expect((await t.value('tasks.get', { id: allDay2.id })).volunteers[0]?.warnings).toEqual([]);
    // A closed task shows no warnings.
    expect((await t.value('tasks.get', { id: first.id })).volunteers[0]?.warnings).toEqual([]);
  });

  it('unavailable: the weekly availability lacks that weekday (or part); paused: paused while the task is open', async () => {
    const v = await volunteer(db, { lastName: 'Алексеева', availability: [[1, 'morning'], [3, 'evening']] });
    const wedMorning = await t.value('tasks.assign', { id: (await task({ partOfDay: 'morning' })).id, volunteerIds: [v] });
    expect(wedMorning.volunteers[0]?.warnings).toEqual(['unavailable']);
    const wedEvening = await task({ partOfDay: null, startTime: '18:00', volunteerIds: [v] });
    expect(wedEvening.volunteers[0]?.warnings).toEqual([]);
    const monAnyTime = await task({ scheduledOn: '2026-11-23', partOfDay: null, volunteerIds: [v] });
    expect(monAnyTime.volunteers[0]?.warnings).toEqual([]);
    await db.updateTable('volunteers').set({ status: 'paused' }).where('id', '=', v).execute();
    expect((await t.value('tasks.get', { id: monAnyTime.id })).volunteers[0]).toMatchObject({ state: 'paused', warnings: ['paused'] });
  });
});

describe('outcomes', () => {
  it('records the day, minutes per volunteer, a note and an advance in minor units', async () => {
    const v1 = await volunteer(db, { lastName: 'Алексеева' });
    const v2 = await volunteer(db, { lastName: 'Борисова' });
    const r = await request(sylva, groceries);
    const created = await t.value('tasks.create', { requestId: r.id, scheduledOn: TUE, volunteerIds: [v1], note: 'Аптека на Ленина' });
    const done = await t.value('tasks.complete', {
      id: created.id,
      outcome: {
        doneOn: TUE,
        minutes: [
          { volunteerId: v1, minutes: 90 },
          { volunteerId: v2, minutes: 30 },
        ],
        note: 'Купили лекарства',
        advances: [{ volunteerId: v2, amountMinor: 123_456, currency: 'PLN', note: 'Аптека' }],
      },
    });
    expect(done).toMatchObject({ status: 'done', doneOn: TUE, note: 'Аптека на Ленина\nКупили лекарства', requestStatus: 'done' });
    expect(done.volunteers.map((v) => [v.volunteerId, v.minutesSpent])).toEqual([
      [v1, 90],
      [v2, 30],
    ]);
    expect(done.advances).toEqual([
      {
        id: expect.any(Number),
        taskId: created.id,
        volunteerId: v2,
        volunteerName: 'Борисова Вера',
        amountMinor: 123_456,
        currency: 'PLN',
        note: 'Аптека',
        settledAt: null,
        createdAt: NOW,
      },
    ]);
    const pending = await t.value('tasks.advances', {});
    expect(pending).toEqual([
      expect.objectContaining({ taskId: created.id, volunteerId: v2, amountMinor: 123_456, currency: 'PLN', residentId: sylva, kindId: groceries, doneOn: TUE }),
    ]);
    expect(await t.value('tasks.advances', { settled: true })).toEqual([]);
    expect(errorOf(await t.call('tasks.complete', { id: created.id }))).toMatchObject({ code: 'invalidTransition', details: { from: 'done', to: 'done' } });
  });

  it("uses the centre's currency when none is given, and needs one when the centre is not set up", async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const a = await task({ volunteerIds: [v] });
    const before = t.dump();
    expect(errorOf(await t.call('tasks.complete', { id: a.id, outcome: { advances: [{ volunteerId: v, amountMinor: 5000 }] } }))?.fields).toEqual([
      { path: 'outcome.advances.0.currency', message: 'validation.required' },
    ]);
    expect(t.dump()).toEqual(before);
    await t.value('setup.complete', { ...settingsInput({ currency: 'UAH' }), demo: false });
    const done = await t.value('tasks.complete', { id: a.id, outcome: { advances: [{ volunteerId: v, amountMinor: 5000 }] } });
    expect(done.advances.map((x) => [x.amountMinor, x.currency])).toEqual([[5000, 'UAH']]);
  });

  it('refuses a future day and unknown volunteers, saving nothing', async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const gone = await volunteer(db, { lastName: 'Ушедшая', deleted: true });
    const a = await task({ volunteerIds: [v] });
    const before = t.dump();
    expect(errorOf(await t.call('tasks.complete', { id: a.id, outcome: { doneOn: THU } }))?.fields).toEqual([
      { path: 'outcome.doneOn', message: 'validation.dateInFuture' },
    ]);
    const env = await t.call('tasks.complete', {
      id: a.id,
      outcome: { minutes: [{ volunteerId: v, minutes: 60 }], advances: [{ volunteerId: gone, amountMinor: 100, currency: 'RUB' }] },
    });
    expect(errorOf(env)?.fields).toEqual([{ path: 'outcome.advances.0.volunteerId', message: 'validation.unknownVolunteer' }]);
    expect(t.dump()).toEqual(before);
  });

  it('not done needs a reason; cancel takes an optional one; reopen brings the task back', async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const a = await task({ volunteerIds: [v] });
    expect(errorOf(await t.call('tasks.notDone', { id: a.id, reason: '   ' }))?.fields).toEqual([{ path: 'reason', message: 'validation.required' }]);
    expect(await t.value('tasks.notDone', { id: a.id, reason: 'Заболела' })).toMatchObject({ status: 'notDone', reason: 'Заболела' });
    expect(errorOf(await t.call('tasks.cancel', { id: a.id }))?.code).toBe('invalidTransition');
    const reopened = await t.value('tasks.reopen', { id: a.id });
    expect(reopened).toMatchObject({ status: 'assigned', reason: null });
    expect(errorOf(await t.call('tasks.reopen', { id: a.id }))?.code).toBe('invalidTransition');
    expect(await t.value('tasks.cancel', { id: a.id })).toMatchObject({ status: 'cancelled', reason: null });
    await t.value('tasks.assign', { id: (await task()).id, volunteerIds: [] });
    const b = await task();
    await t.value('tasks.cancel', { id: b.id, reason: 'Не нужно' });
    expect(await t.value('tasks.reopen', { id: b.id })).toMatchObject({ status: 'planned' });
    await t.value('tasks.complete', { id: b.id });
    expect(errorOf(await t.call('tasks.reopen', { id: b.id }))?.code).toBe('invalidTransition');
    expect(errorOf(await t.call('tasks.notDone', { id: 999, reason: 'x' }))?.code).toBe('notFound');
  });
});

describe('lists, today and the board', () => {
  it("today's tasks by the clock, by time, without cancelled ones", async () => {
    const late = await task({ partOfDay: null, startTime: '16:00' });
    const morning = await task({ partOfDay: 'morning' });
    const allDay = await task({ partOfDay: null });
    const cancelled = await task({ partOfDay: 'evening' });
    await t.value('tasks.cancel', { id: cancelled.id });
    await task({ scheduledOn: THU });
    expect((await t.value('tasks.today', {})).map((x) => x.id)).toEqual([allDay.id, morning.id, late.id]);
    t.clock.set('2026-11-19T08:00:00.000Z');
    expect((await t.value('tasks.today', {})).map((x) => x.scheduledOn)).toEqual([THU]);
  });

  it('filters the list by dates, status, kind, settlement, volunteer, resident and request', async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const r = await request();
    const a = await t.value('tasks.create', { requestId: r.id, scheduledOn: MON, volunteerIds: [v] });
    const b = await task({ residentId: kyn, kindId: groceries, scheduledOn: THU });
    const c = await task({ scheduledOn: '2026-11-30' });
    const ids = async (f: Parameters<typeof t.value<'tasks.list'>>[1]) => (await t.value('tasks.list', f)).items.map((x) => x.id);
    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ from: TUE, to: '2026-11-22' })).toEqual([b.id]);
    expect(await ids({ statuses: ['assigned'] })).toEqual([a.id]);
    expect(await ids({ kindId: groceries })).toEqual([b.id]);
    expect(await ids({ settlement: 'Кын' })).toEqual([b.id]);
    expect(await ids({ volunteerId: v })).toEqual([a.id]);
    expect(await ids({ residentId: sylva })).toEqual([a.id, c.id]);
    expect(await ids({ requestId: r.id })).toEqual([a.id]);
    expect(await t.value('tasks.list', { limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ id: b.id }] });
  });

  it('shows open requests without tasks, the week by day and by volunteer, unassigned and overdue tasks', async () => {
    const v1 = await volunteer(db, { lastName: 'Борисова' });
    const v2 = await volunteer(db, { lastName: 'Алексеева' });
    const waiting = await request(sylva, firewood, { urgency: 'normal' });
    const urgent = await request(kyn, groceries, { urgency: 'urgent' });
    await request(sylva, printing); // a desk service: no task needed
    const planned = await request(kyn, firewood);
    await t.value('tasks.create', { requestId: planned.id, scheduledOn: THU, volunteerIds: [v1] });
    const fellThrough = await request(sylva, groceries);
    const ft = await t.value('tasks.create', { requestId: fellThrough.id, scheduledOn: MON });
    await t.value('tasks.notDone', { id: ft.id, reason: 'Никого не было дома' });
    const closed = await request(sylva, firewood);
    await t.value('requests.setStatus', { id: closed.id, status: 'done' });

    const mon = await task({ scheduledOn: MON, volunteerIds: [v1, v2] });
    const wed = await task({ scheduledOn: WED, residentId: kyn, kindId: groceries });
    const sun = await task({ scheduledOn: '2026-11-22', volunteerIds: [v2] });
    const cancelled = await task({ scheduledOn: WED });
    await t.value('tasks.cancel', { id: cancelled.id });
    const old = await task({ scheduledOn: '2026-11-09', volunteerIds: [v2] });
    const oldDone = await task({ scheduledOn: '2026-11-10' });
    await t.value('tasks.complete', { id: oldDone.id, outcome: { doneOn: '2026-11-10' } });
    await task({ scheduledOn: '2026-11-23' });

    const board = await t.value('tasks.board', {});
    expect(board).toMatchObject({ today: WED, weekStart: MON, weekEnd: '2026-11-22' });
    expect(board.openRequestsWithoutTasks.map((r) => r.id)).toEqual([urgent.id, waiting.id, fellThrough.id]);
    expect(board.week.map((d) => [d.date, d.weekday, d.tasks.map((x) => x.id)])).toEqual([
      [MON, 1, [ft.id, mon.id]],
      [TUE, 2, []],
      [WED, 3, [wed.id]],
      [THU, 4, [expect.any(Number)]],
      ['2026-11-20', 5, []],
      ['2026-11-21', 6, []],
      ['2026-11-22', 7, [sun.id]],
    ]);
    const dayOf = new Map(board.week.flatMap((d) => d.tasks.map((x) => [x.id, x.scheduledOn] as const)));
    expect(board.byVolunteer.map((g) => [g.fullName, g.taskIds.map((id) => dayOf.get(id))])).toEqual([
      ['Алексеева Вера', [MON, '2026-11-22']],
      ['Борисова Вера', [MON, THU]],
    ]);
    expect(board.unassigned.map((x) => x.id)).toEqual([wed.id]);
    expect(board.overdue.map((x) => x.id)).toEqual([old.id, mon.id]);

    const filtered = await t.value('tasks.board', { settlement: 'Кын', kindId: groceries });
    expect(filtered.openRequestsWithoutTasks.map((r) => r.id)).toEqual([urgent.id]);
    expect(filtered.week.flatMap((d) => d.tasks.map((x) => x.id))).toEqual([wed.id]);
    expect(filtered.overdue).toEqual([]);

    // Any day of a week shows that week from its Monday.
    const next = await t.value('tasks.board', { weekStart: '2026-11-25' });
    expect([next.weekStart, next.weekEnd, next.week[0]?.tasks.length]).toEqual(['2026-11-23', '2026-11-29', 1]);
  });
});

describe('dates across DST changes (Europe/Warsaw)', () => {
  it('uses the weekday of the date itself on the last Sundays of March and October', async () => {
    // 23:30 UTC on Saturday 28 March is 00:30 on Sunday 29 March in Warsaw (the clocks go forward at 02:00).
    const core = await startCore({ dataDir: null, clock: fixedClock('2026-03-28T23:30:00.000Z', 'Europe/Warsaw') });
    const admin = { actor: { id: 1, role: 'admin' as const } };
    const value = async <T>(p: Promise<Envelope<unknown>>): Promise<T> => {
      const env = await p;
      if (!env.ok) throw new Error(JSON.stringify(env.error));
      return env.value as T;
    };
    try {
      const resident = await value<{ id: number }>(core.dispatch('residents.create', residentInput(), admin));
      const kinds = await value<Array<{ id: number; code: string | null }>>(core.dispatch('catalogue.list', {}, admin));
      const kindId = kinds.find((k) => k.code === 'firewood')?.id ?? -1;
      const v = await volunteer(core.deps.db, { lastName: 'Воскресная', availability: [[7, 'morning']] });

      for (const sunday of ['2026-03-29', '2026-10-25']) {
        const [s] = await value<Array<{ volunteerId: number; reasons: string[]; warnings: string[] }>>(
          core.dispatch('tasks.suggest', { kindId, residentId: resident.id, scheduledOn: sunday, partOfDay: 'morning' }, admin),
        );
        expect(s, sunday).toMatchObject({ volunteerId: v, reasons: ['available', 'lightLoad'], warnings: [] });
      }
      for (const monday of ['2026-03-30', '2026-10-26']) {
        const [s] = await value<Array<{ warnings: string[] }>>(
          core.dispatch('tasks.suggest', { kindId, residentId: resident.id, scheduledOn: monday, partOfDay: null }, admin),
        );
        expect(s?.warnings, monday).toEqual(['unavailable']);
      }

      const sundayTask = await value<{ id: number; volunteers: Array<{ warnings: string[] }> }>(
        core.dispatch('tasks.create', taskInput({ residentId: resident.id, kindId, scheduledOn: '2026-03-29', partOfDay: 'morning', volunteerIds: [v] }), admin),
      );
      expect(sundayTask.volunteers[0]?.warnings).toEqual([]);
      const today = await value<Array<{ id: number }>>(core.dispatch('tasks.today', {}, admin));
      expect(today.map((x) => x.id)).toEqual([sundayTask.id]);

      const board = await value<{ weekStart: string; weekEnd: string; week: Array<{ date: string; tasks: Array<{ id: number }> }> }>(
        core.dispatch('tasks.board', {}, admin),
      );
      expect([board.weekStart, board.weekEnd]).toEqual(['2026-03-23', '2026-03-29']);
      expect(board.week.map((d) => d.date)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
      expect(board.week[6]?.tasks.map((x) => x.id)).toEqual([sundayTask.id]);
      const october = await value<{ weekStart: string; week: Array<{ date: string }> }>(core.dispatch('tasks.board', { weekStart: '2026-10-25' }, admin));
      expect([october.weekStart, october.week[6]?.date]).toEqual(['2026-10-19', '2026-10-25']);
    } finally {
      await core.close();
    }
  });
});

describe('roles', () => {
  const frontdesk = { id: 1, role: 'frontdesk' as const };

  it("the front desk sees today's tasks and marks one done when a volunteer calls in, but plans nothing", async () => {
    const v = await volunteer(db, { lastName: 'Алексеева' });
    const a = await task({ volunteerIds: [v] });
    expect((await t.value('tasks.today', {}, frontdesk)).map((x) => x.id)).toEqual([a.id]);
    const done = await t.value('tasks.complete', { id: a.id, outcome: { minutes: [{ volunteerId: v, minutes: 40 }], note: 'Позвонила, всё сделано' } }, frontdesk);
    expect(done.status).toBe('done');
    expect((await t.value('tasks.get', { id: a.id }, frontdesk)).doneOn).toBe(WED);

    const before = t.dump();
    const forbidden = [
      await t.call('tasks.create', taskInput({ residentId: sylva, kindId: firewood }), frontdesk),
      await t.call('tasks.assign', { id: a.id, volunteerIds: [v] }, frontdesk),
      await t.call('tasks.cancel', { id: a.id }, frontdesk),
      await t.call('tasks.board', {}, frontdesk),
      await t.call('tasks.suggest', { kindId: firewood, residentId: sylva, scheduledOn: WED }, frontdesk),
      await t.call('tasks.today', {}, { id: 1, role: 'treasurer' }),
    ];
    for (const env of forbidden) expect(errorOf(env)?.code).toBe('forbidden');
    expect(t.dump()).toEqual(before);
  });

  it('coordinators manage tasks', async () => {
    const coordinator = { id: 1, role: 'coordinator' as const };
    const a = await t.value('tasks.create', taskInput({ residentId: sylva, kindId: firewood }), coordinator);
    expect((await t.value('tasks.cancel', { id: a.id }, coordinator)).status).toBe('cancelled');
  });
});
