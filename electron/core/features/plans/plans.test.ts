import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { startCore } from '../../start';
import { fixedClock } from '../../clock';
import { BUILT_IN_ADMIN } from '../../context';
import type { Envelope, FieldIssue } from '../../../../shared/api/errors';
import { planInput } from './plans.builders';
import { requestInput } from '../../testing/builders';
import { addResident, addTask, addVolunteer, kindId, markDone, tasksOf, volunteersOfTask } from './plans.fixtures';
import { generatePlanTasks } from './plans.service';

// 2026-11-16 is a Monday.
let t: TestCore;
let medicine: number;
let resident: number;

beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
  medicine = await kindId(t, 'medicinePurchase');
  resident = await addResident(t);
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

function codeOf(envelope: Envelope<unknown>): string | null {
  return envelope.ok ? null : envelope.error.code;
}

const days = (rows: Array<{ scheduled_on: string }>) => rows.map((r) => r.scheduled_on);

describe('plans.create', () => {
  it('makes the tasks of the horizon (28 days, today included) with the plan volunteer assigned', async () => {
    const v = addVolunteer(t, { lastName: 'Петрова', firstName: 'Ольга' });
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine, volunteerId: v }));
    expect(plan).toMatchObject({
      residentId: resident,
      residentName: 'Иванов Пётр Сергеевич',
      kindCode: 'medicinePurchase',
      rule: 'weekly',
      weekday: 2,
      intervalDays: null,
      volunteerId: v,
      volunteerName: 'Петрова Ольга',
      active: true,
      endedReason: null,
      nextOn: '2026-11-17',
      openTasks: 4,
      doneTasks: 0,
    });
    const tasks = tasksOf(t, 'plan_id = ?', plan.id);
    expect(days(tasks)).toEqual(['2026-11-17', '2026-11-24', '2026-12-01', '2026-12-08']);
    expect(tasks.every((x) => x.status === 'assigned')).toBe(true);
    for (const task of tasks) expect(volunteersOfTask(t, task.id)).toEqual([v]);
    const row = t.sqlite.prepare('select part_of_day, estimated_minutes, note, kind_id, resident_id from tasks where id = ?').get(tasks[0]?.id);
    expect(row).toEqual({ part_of_day: 'morning', estimated_minutes: 60, note: 'Лекарства по вторникам', kind_id: medicine, resident_id: resident });
  });

  it('leaves tasks unassigned when the plan volunteer is paused, and drops the unused rule field', async () => {
    const v = addVolunteer(t, { status: 'paused' });
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine, volunteerId: v, rule: 'everyNDays', intervalDays: 10, weekday: 3 }));
    expect(plan.weekday).toBeNull();
    expect(plan.intervalDays).toBe(10);
    const tasks = tasksOf(t, 'plan_id = ?', plan.id);
    expect(days(tasks)).toEqual(['2026-11-16', '2026-11-26', '2026-12-06']);
    expect(tasks.every((x) => x.status === 'planned')).toBe(true);
  });

  it('rejects unknown or unusable references with field messages, saving nothing', async () => {
    const before = t.dump();
    expect(fieldsOf(await t.call('plans.create', planInput({ residentId: 999, kindId: 999, volunteerId: 999 })))).toEqual([
      { path: 'residentId', message: 'validation.unknownResident' },
      { path: 'kindId', message: 'validation.unknownKind' },
      { path: 'volunteerId', message: 'validation.unknownVolunteer' },
    ]);
    const deleted = addVolunteer(t, { deleted: true });
    const archived = await t.value('catalogue.create', { name: 'Старое', mode: 'volunteer' });
    await t.value('catalogue.setArchived', { id: archived.id, archived: true });
    const after = t.dump();
    expect(fieldsOf(await t.call('plans.create', planInput({ residentId: resident, kindId: archived.id, volunteerId: deleted })))).toEqual([
      { path: 'kindId', message: 'validation.archivedKind' },
      { path: 'volunteerId', message: 'validation.unknownVolunteer' },
    ]);
    expect(t.dump()).toEqual(after);
    expect(before.help_plans).toEqual([]);
    expect(after.help_plans).toEqual([]);
  });

  it('validates the schedule at the boundary', async () => {
    expect(fieldsOf(await t.call('plans.create', planInput({ residentId: resident, kindId: medicine, weekday: null })))).toEqual([
      { path: 'weekday', message: 'validation.required' },
    ]);
    expect(fieldsOf(await t.call('plans.create', planInput({ residentId: resident, kindId: medicine, endsOn: '2026-11-01' })))).toEqual([
      { path: 'endsOn', message: 'validation.dateOrder' },
    ]);
  });

  it('is for coordinators and admins only', async () => {
    const env = await t.call('plans.create', planInput({ residentId: resident, kindId: medicine }), { id: 1, role: 'frontdesk' });
    expect(codeOf(env)).toBe('forbidden');
    expect(codeOf(await t.call('plans.list', {}, { id: 1, role: 'treasurer' }))).toBe('forbidden');
    expect((await t.call('plans.list', {}, { id: 1, role: 'coordinator' })).ok).toBe(true);
  });
});

describe('generation', () => {
  it('is idempotent: running it again makes nothing and keeps the count', async () => {
    await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    await t.value('plans.create', planInput({ residentId: resident, kindId: await kindId(t, 'checkIn'), rule: 'everyNDays', intervalDays: 7 }));
    const count = tasksOf(t).length;
    expect(count).toBe(8);
    expect(await t.value('plans.generate', {})).toEqual({ from: '2026-11-16', to: '2026-12-13', horizonDays: 28, created: 0, plans: 2 });
    expect(await t.value('plans.generate', {})).toMatchObject({ created: 0 });
    expect(tasksOf(t)).toHaveLength(count);
  });

  it('moves forward with the days: a week later one new Tuesday, once', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    t.clock.set('2026-11-23T08:00:00.000Z');
    expect(await t.value('plans.generate', {})).toMatchObject({ from: '2026-11-23', to: '2026-12-20', created: 1 });
    expect(await t.value('plans.generate', {})).toMatchObject({ created: 0 });
    expect(days(tasksOf(t, 'plan_id = ?', plan.id))).toEqual(['2026-11-17', '2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15']);
  });

  it('respects the horizon setting, and a shorter horizon deletes nothing', async () => {
    expect(await t.value('plans.setHorizon', { days: 7 })).toMatchObject({ horizonDays: 7, to: '2026-11-22', created: 0 });
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    expect(days(tasksOf(t, 'plan_id = ?', plan.id))).toEqual(['2026-11-17']);
    expect((await t.value('plans.list', {})).horizonDays).toBe(7);
    expect(await t.value('plans.setHorizon', { days: 56 })).toMatchObject({ horizonDays: 56, to: '2027-01-10', created: 7 });
    expect(tasksOf(t, 'plan_id = ?', plan.id).at(-1)?.scheduled_on).toBe('2027-01-05');
    await t.value('plans.setHorizon', { days: 14 });
    expect(tasksOf(t, 'plan_id = ?', plan.id)).toHaveLength(8);
    expect(codeOf(await t.call('plans.setHorizon', { days: 0 }))).toBe('validation');
    expect(codeOf(await t.call('plans.setHorizon', { days: 121 }))).toBe('validation');
  });

  it('skips a day whose task was cancelled: a cancelled occurrence stays cancelled', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    const second = tasksOf(t, 'plan_id = ?', plan.id)[1];
    t.sqlite.prepare("update tasks set status = 'cancelled' where id = ?").run(second?.id);
    await t.value('plans.generate', {});
    expect(tasksOf(t, 'plan_id = ? and scheduled_on = ?', plan.id, '2026-11-24')).toEqual([expect.objectContaining({ status: 'cancelled' })]);
  });

  it('makes a seasonal plan only in its season', async () => {
    const firewood = await kindId(t, 'firewood');
    await t.value('plans.setHorizon', { days: 120 });
    const plan = await t.value(
      'plans.create',
      planInput({ residentId: resident, kindId: firewood, rule: 'everyNDays', intervalDays: 21, weekday: null, seasonFromMonth: 10, seasonToMonth: 3, startsOn: '2026-10-05' }),
    );
    expect(days(tasksOf(t, 'plan_id = ?', plan.id))).toEqual(['2026-11-16', '2026-12-07', '2026-12-28', '2027-01-18', '2027-02-08', '2027-03-01']);
  });

  it('generatePlanTasks can run at start-up without an actor', async () => {
    await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    t.clock.set('2026-12-01T06:00:00.000Z');
    const result = await generatePlanTasks(t.deps);
    expect(result).toMatchObject({ from: '2026-12-01', to: '2026-12-28', created: 2, plans: 1 });
    expect(t.sqlite.prepare('select distinct created_by from tasks').pluck().all()).toEqual([1]);
  });
});

describe('plans.update', () => {
  it('regenerates only the open tasks after today; done, cancelled and today stay', async () => {
    const v1 = addVolunteer(t);
    const v2 = addVolunteer(t);
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine, volunteerId: v1 }));
    const [first, , , fourth] = tasksOf(t, 'plan_id = ?', plan.id);
    markDone(t, first?.id ?? 0, '2026-11-17', [[v1, 45]]);
    t.sqlite.prepare("update tasks set status = 'cancelled' where id = ?").run(fourth?.id);
    // Tuesday 24 November: today's task stays as it is.
    t.clock.set('2026-11-24T07:00:00.000Z');
    const updated = await t.value('plans.update', {
      id: plan.id,
      data: planInput({ residentId: resident, kindId: medicine, weekday: 4, volunteerId: v2, estimatedMinutes: 30 }),
    });
    expect(updated).toMatchObject({ weekday: 4, volunteerId: v2, nextOn: '2026-11-24', doneTasks: 1 });
    const tasks = tasksOf(t, 'plan_id = ?', plan.id);
    expect(tasks.map((x) => [x.scheduled_on, x.status])).toEqual([
      ['2026-11-17', 'done'],
      ['2026-11-24', 'assigned'],
      ['2026-11-26', 'assigned'],
      ['2026-12-03', 'assigned'],
      ['2026-12-08', 'cancelled'],
      ['2026-12-10', 'assigned'],
      ['2026-12-17', 'assigned'],
    ]);
    expect(volunteersOfTask(t, tasks[0]?.id ?? 0)).toEqual([v1]);
    expect(volunteersOfTask(t, tasks[1]?.id ?? 0)).toEqual([v1]);
    expect(volunteersOfTask(t, tasks[2]?.id ?? 0)).toEqual([v2]);
    expect(t.sqlite.prepare('select estimated_minutes from tasks where id = ?').pluck().get(tasks[2]?.id)).toBe(30);
    expect(t.sqlite.prepare('select minutes_spent from task_volunteers where task_id = ?').pluck().get(tasks[0]?.id)).toBe(45);
  });

  it('keeps a future task a volunteer advanced money on', async () => {
    const v = addVolunteer(t);
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine, volunteerId: v }));
    const third = tasksOf(t, 'plan_id = ?', plan.id)[2];
    t.sqlite
      .prepare("insert into volunteer_advances (task_id, volunteer_id, amount_minor, currency, note, settled_at, created_at, created_by) values (?, ?, 50000, 'RUB', '', null, '2026-11-16', 1)")
      .run(third?.id, v);
    await t.value('plans.update', { id: plan.id, data: planInput({ residentId: resident, kindId: medicine, weekday: 5 }) });
    expect(tasksOf(t, 'plan_id = ?', plan.id).map((x) => x.scheduled_on)).toEqual(['2026-11-20', '2026-11-27', '2026-12-01', '2026-12-04', '2026-12-11']);
  });

  it('may not move a plan to another resident, and knows unknown plans', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    const other = await addResident(t, { lastName: 'Сидорова', firstName: 'Мария' });
    expect(fieldsOf(await t.call('plans.update', { id: plan.id, data: planInput({ residentId: other, kindId: medicine }) }))).toEqual([
      { path: 'residentId', message: 'validation.invalid' },
    ]);
    expect(codeOf(await t.call('plans.update', { id: 999, data: planInput({ residentId: resident, kindId: medicine }) }))).toBe('notFound');
    expect(codeOf(await t.call('plans.get', { id: 999 }))).toBe('notFound');
  });

  it('keeps an archived kind the plan already has', async () => {
    const own = await t.value('catalogue.create', { name: 'Чтение вслух', mode: 'volunteer' });
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: own.id }));
    await t.value('catalogue.setArchived', { id: own.id, archived: true });
    const updated = await t.value('plans.update', { id: plan.id, data: planInput({ residentId: resident, kindId: own.id, weekday: 3 }) });
    expect(updated.kindId).toBe(own.id);
  });
});

describe('plans.end', () => {
  it('removes the open tasks after today, keeps done ones and stops generation', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    markDone(t, tasksOf(t, 'plan_id = ?', plan.id)[0]?.id ?? 0);
    t.clock.set('2026-11-24T07:00:00.000Z');
    const ended = await t.value('plans.end', { id: plan.id, reason: 'noLongerNeeded' });
    expect(ended).toMatchObject({ endsOn: '2026-11-24', endedReason: 'noLongerNeeded', active: false, doneTasks: 1, openTasks: 1 });
    expect(tasksOf(t, 'plan_id = ?', plan.id).map((x) => [x.scheduled_on, x.status])).toEqual([
      ['2026-11-17', 'done'],
      ['2026-11-24', 'planned'],
    ]);
    expect(await t.value('plans.generate', {})).toMatchObject({ created: 0, plans: 0 });
    expect(codeOf(await t.call('plans.end', { id: plan.id }))).toBe('conflict');
    expect(codeOf(await t.call('plans.update', { id: plan.id, data: planInput({ residentId: resident, kindId: medicine }) }))).toBe('conflict');
    expect((await t.value('plans.list', {})).items).toEqual([]);
    expect((await t.value('plans.list', { includeEnded: true })).items.map((p) => p.id)).toEqual([plan.id]);
  });

  it('ends on a later day: tasks up to that day stay', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    await t.value('plans.end', { id: plan.id, endsOn: '2026-12-01', reason: 'other' });
    expect(days(tasksOf(t, 'plan_id = ?', plan.id))).toEqual(['2026-11-17', '2026-11-24', '2026-12-01']);
    const detail = await t.value('plans.get', { id: plan.id });
    expect(detail.active).toBe(false);
    expect(detail.tasks.map((x) => x.scheduledOn)).toEqual(['2026-11-17', '2026-11-24', '2026-12-01']);
  });

  it('a plan past its own end date is inactive and makes nothing more', async () => {
    const plan = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine, endsOn: '2026-11-30' }));
    expect(days(tasksOf(t, 'plan_id = ?', plan.id))).toEqual(['2026-11-17', '2026-11-24']);
    t.clock.set('2026-12-02T07:00:00.000Z');
    expect((await t.value('plans.get', { id: plan.id })).active).toBe(false);
    expect(await t.value('plans.generate', {})).toMatchObject({ created: 0, plans: 0 });
  });
});

describe('residents.markLeft', () => {
  it('ends every plan with the reason, cancels open tasks from that day, keeps history', async () => {
    const checkIn = await kindId(t, 'checkIn');
    const p1 = await t.value('plans.create', planInput({ residentId: resident, kindId: medicine }));
    const p2 = await t.value('plans.create', planInput({ residentId: resident, kindId: checkIn, rule: 'everyNDays', intervalDays: 7, weekday: null }));
    const firstMedicine = tasksOf(t, 'plan_id = ?', p1.id)[0]?.id ?? 0;
    markDone(t, firstMedicine);
    const groceries = addTask(t, { residentId: resident, kindId: await kindId(t, 'groceries'), scheduledOn: '2026-11-30', status: 'planned' });
    const other = await addResident(t, { lastName: 'Сидорова', firstName: 'Мария' });
    const p3 = await t.value('plans.create', planInput({ residentId: other, kindId: medicine }));
    const openRequest = await t.value('requests.create', requestInput({ residentId: resident, kindId: medicine }));
    const doneRequest = await t.value('requests.create', requestInput({ residentId: resident, kindId: medicine }));
    await t.value('requests.setStatus', { id: doneRequest.id, status: 'done' });

    t.clock.set('2026-11-20T10:00:00.000Z');
    const result = await t.value('residents.markLeft', { id: resident, reason: 'deceased', on: '2026-11-19' });
    expect(result).toEqual({ residentId: resident, leftOn: '2026-11-19', leftReason: 'deceased', plansEnded: 2, tasksCancelled: 7, requestsCancelled: 1, householdId: null });
    expect((await t.value('requests.get', { id: openRequest.id })).history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'new'],
      ['new', 'cancelled'],
    ]);
    expect((await t.value('requests.get', { id: doneRequest.id })).status).toBe('done');

    const row = t.sqlite.prepare('select left_on, left_reason, updated_at from residents where id = ?').get(resident);
    expect(row).toEqual({ left_on: '2026-11-19', left_reason: 'deceased', updated_at: '2026-11-20T10:00:00.000Z' });
    const plans = (await t.value('plans.list', { includeEnded: true, residentId: resident })).items;
    expect(plans.map((p) => [p.id, p.endedReason, p.endsOn, p.active])).toEqual([
      [p1.id, 'deceased', '2026-11-19', false],
      [p2.id, 'deceased', '2026-11-19', false],
    ]);
    // The done task stays done; the check-in of 16 November (before the day) stays open; the rest are cancelled, not deleted.
    expect(tasksOf(t, 'resident_id = ?', resident).map((x) => [x.scheduled_on, x.plan_id, x.status])).toEqual([
      ['2026-11-16', p2.id, 'planned'],
      ['2026-11-17', p1.id, 'done'],
      ['2026-11-23', p2.id, 'cancelled'],
      ['2026-11-24', p1.id, 'cancelled'],
      ['2026-11-30', p2.id, 'cancelled'],
      ['2026-11-30', null, 'cancelled'],
      ['2026-12-01', p1.id, 'cancelled'],
      ['2026-12-07', p2.id, 'cancelled'],
      ['2026-12-08', p1.id, 'cancelled'],
    ]);
    expect(t.sqlite.prepare('select status from tasks where id = ?').pluck().get(groceries)).toBe('cancelled');
    // The other resident's plan is untouched; generation leaves the one who left alone.
    expect((await t.value('plans.get', { id: p3.id })).active).toBe(true);
    t.clock.set('2026-12-10T10:00:00.000Z');
    await t.value('plans.generate', {});
    expect(tasksOf(t, 'resident_id = ? and scheduled_on > ?', resident, '2026-12-08')).toEqual([]);
    expect(tasksOf(t, 'resident_id = ? and scheduled_on > ?', other, '2026-12-08').length).toBeGreaterThan(0);
  });

  it('refuses a second time, new plans and unknown residents', async () => {
    await t.value('residents.markLeft', { id: resident, reason: 'moved', on: '2026-11-16' });
    expect(codeOf(await t.call('residents.markLeft', { id: resident, reason: 'deceased', on: '2026-11-18' }))).toBe('conflict');
    expect(fieldsOf(await t.call('plans.create', planInput({ residentId: resident, kindId: medicine })))).toEqual([
      { path: 'residentId', message: 'validation.residentLeft' },
    ]);
    expect(codeOf(await t.call('residents.markLeft', { id: 999, reason: 'moved', on: '2026-11-16' }))).toBe('notFound');
    expect(codeOf(await t.call('residents.markLeft', { id: resident, reason: 'lost', on: '2026-11-16' } as never))).toBe('validation');
  });

  it('is open to the front desk, not to the treasurer', async () => {
    expect(codeOf(await t.call('residents.markLeft', { id: resident, reason: 'moved', on: '2026-11-16' }, { id: 1, role: 'treasurer' }))).toBe('forbidden');
    expect((await t.call('residents.markLeft', { id: resident, reason: 'moved', on: '2026-11-16' }, { id: 1, role: 'frontdesk' })).ok).toBe(true);
  });
});

describe('plans.ensureCheckIns', () => {
  it('creates one check-in plan per resident under regular care, from the next due day, once', async () => {
    const checkIn = await kindId(t, 'checkIn');
    const weekly = await addResident(t, { lastName: 'Андреева', firstName: 'Нина', regularCare: true, checkinIntervalDays: 7 });
    const every3 = await addResident(t, { lastName: 'Борисова', firstName: 'Зоя', regularCare: true, checkinIntervalDays: 3 });
    const noInterval = await addResident(t, { lastName: 'Васильев', firstName: 'Олег', regularCare: true, checkinIntervalDays: null });
    const hasPlan = await addResident(t, { lastName: 'Григорьева', firstName: 'Анна', regularCare: true, checkinIntervalDays: 14 });
    const gone = await addResident(t, { lastName: 'Дмитриева', firstName: 'Вера', regularCare: true, checkinIntervalDays: 7 });
    await t.value('residents.markLeft', { id: gone, reason: 'moved', on: '2026-11-10' });
    await t.value('plans.create', planInput({ residentId: hasPlan, kindId: checkIn, rule: 'everyNDays', intervalDays: 14, weekday: null }));
    addTask(t, { residentId: weekly, kindId: medicine, scheduledOn: '2026-11-12', status: 'done' });
    addTask(t, { residentId: every3, kindId: checkIn, scheduledOn: '2026-11-01', status: 'done' });

    const result = await t.value('plans.ensureCheckIns', {});
    expect(result.created).toBe(3);
    const plans = (await t.value('plans.list', {})).items.filter((p) => p.kindCode === 'checkIn' && p.residentId !== hasPlan);
    expect(plans.map((p) => [p.residentId, p.rule, p.intervalDays, p.startsOn])).toEqual([
      [weekly, 'everyNDays', 7, '2026-11-19'],
      [every3, 'everyNDays', 3, '2026-11-16'],
      [noInterval, 'everyNDays', 7, '2026-11-16'],
    ]);
    expect(result.planIds.sort()).toEqual(plans.map((p) => p.id).sort());
    // 19, 26 Nov, 3, 10 Dec; every 3 days from 16 Nov: 10 days; every 7 from 16 Nov: 4.
    expect(result.tasksCreated).toBe(4 + 10 + 4);
    expect(await t.value('plans.ensureCheckIns', {})).toEqual({ created: 0, planIds: [], tasksCreated: 0 });
  });
});

describe('daylight saving time (Europe/Warsaw)', () => {
  it('makes one task a day across the spring and autumn changes', async () => {
    // 23:30 UTC on 28 March is 00:30 on Sunday 29 March in Warsaw; clocks go forward at 02:00 that night.
    const clock = fixedClock('2026-03-28T23:30:00.000Z', 'Europe/Warsaw');
    const core = await startCore({ dataDir: null, clock });
    try {
      const call = async <T,>(name: string, input: unknown) => {
        const env = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
        if (!env.ok) throw new Error(JSON.stringify(env.error));
        return env.value as T;
      };
      expect(clock.today()).toBe('2026-03-29');
      const r = await call<{ id: number }>('residents.create', { lastName: 'Kowalska', firstName: 'Anna' });
      const kinds = await call<Array<{ id: number; code: string | null }>>('catalogue.list', {});
      const checkIn = kinds.find((k) => k.code === 'checkIn')?.id;
      await call('plans.setHorizon', { days: 3 });
      const daily = await call<{ id: number }>('plans.create', { residentId: r.id, kindId: checkIn, rule: 'everyNDays', intervalDays: 1, startsOn: '2026-03-27' });
      const sundays = await call<{ id: number }>('plans.create', { residentId: r.id, kindId: checkIn, rule: 'weekly', weekday: 7, startsOn: '2026-03-01' });
      const daysOf = (planId: number) => core.sqlite.prepare('select scheduled_on from tasks where plan_id = ? order by scheduled_on').pluck().all(planId);
      expect(daysOf(daily.id)).toEqual(['2026-03-29', '2026-03-30', '2026-03-31']);
      expect(daysOf(sundays.id)).toEqual(['2026-03-29']);

      // 22:30 UTC on 24 October is 00:30 on Sunday 25 October (CEST); clocks go back at 03:00.
      clock.set('2026-10-24T22:30:00.000Z');
      expect(clock.today()).toBe('2026-10-25');
      await call('plans.generate', {});
      // 01:30 UTC is 02:30 CET, after the change: still the same calendar day, nothing new.
      clock.set('2026-10-25T01:30:00.000Z');
      expect(clock.today()).toBe('2026-10-25');
      expect(await call('plans.generate', {})).toMatchObject({ from: '2026-10-25', to: '2026-10-27', created: 0 });
      const autumn = daysOf(daily.id).filter((d) => (d as string) >= '2026-10-01');
      expect(autumn).toEqual(['2026-10-25', '2026-10-26', '2026-10-27']);
      expect(daysOf(sundays.id)).toEqual(['2026-03-29', '2026-10-25']);
    } finally {
      await core.close();
    }
  });
});
