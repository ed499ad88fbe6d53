import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import type { Envelope, FieldIssue } from '../../../../shared/api/errors';
import { addResident, addTask, addVolunteer, kindId, tasksOf, volunteersOfTask } from './plans.fixtures';

// Today is Monday 16 November 2026; the snow day is Wednesday 18 November (weekday 3).
const DAY = '2026-11-18';
let t: TestCore;
let snow: number;
const r = {} as Record<'g' | 'h' | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'x' | 'left' | 'off' | 'xTask', number>;
const v = {} as Record<'v1' | 'v2' | 'v3' | 'v4' | 'v5' | 'v6', number>;

function fieldsOf(envelope: Envelope<unknown>): FieldIssue[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return envelope.error.fields ?? [];
}

beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
  snow = await kindId(t, 'snowClearing');
  const onList = (name: string, settlement: string, street: string) =>
    addResident(t, { lastName: name, firstName: 'Анна', patronymic: 'Петровна', settlement, street, house: '1', flat: '', needsSnowClearing: true });
  r.g = await onList('Гусева', 'Лямино', 'ул. Береговая');
  r.h = await onList('Хохлова', 'Лямино', 'ул. Центральная');
  r.a = await onList('Абрамова', 'Сылва', 'ул. А');
  r.b = await onList('Белова', 'Сылва', 'ул. Б');
  r.c = await onList('Волкова', 'Сылва', 'ул. В');
  r.d = await onList('Глухова', 'Сылва', 'ул. Г');
  r.e = await onList('Дорохова', 'Сылва', 'ул. Д');
  r.f = await onList('Ершова', 'Сылва', 'ул. Е');
  r.x = await onList('Жукова', 'Сылва', 'ул. Ж');
  r.left = await onList('Зуева', 'Сылва', 'ул. З');
  r.off = await addResident(t, { lastName: 'Иванова', firstName: 'Анна', settlement: 'Сылва', needsSnowClearing: false });
  await t.value('residents.markLeft', { id: r.left, reason: 'moved', on: '2026-11-01' });

  const tools = ['hasSnowTools'];
  v.v1 = addVolunteer(t, { lastName: 'Алексеев', settlement: 'Сылва', skills: tools, availability: [[3, 'morning']], isRegular: true });
  v.v2 = addVolunteer(t, { lastName: 'Борисов', settlement: 'Сылва', skills: tools, availability: [[3, 'afternoon']] });
  v.v3 = addVolunteer(t, { lastName: 'Васильев', settlement: 'Лямино', skills: tools });
  v.v4 = addVolunteer(t, { lastName: 'Григорьев', settlement: 'Сылва', skills: tools, availability: [[1, 'morning']] });
  v.v5 = addVolunteer(t, { lastName: 'Дмитриев', settlement: 'Сылва' });
  v.v6 = addVolunteer(t, { lastName: 'Егоров', settlement: 'Сылва', skills: tools, status: 'paused' });
  // Борисов already has two tasks that Wednesday, one more earlier that week.
  const groceries = await kindId(t, 'groceries');
  addTask(t, { residentId: r.off, kindId: groceries, scheduledOn: DAY, status: 'assigned', volunteers: [[v.v2, null]] });
  addTask(t, { residentId: r.off, kindId: groceries, scheduledOn: DAY, status: 'assigned', volunteers: [[v.v2, null]] });
  addTask(t, { residentId: r.off, kindId: groceries, scheduledOn: '2026-11-16', status: 'done', volunteers: [[v.v2, 30]] });
  // Жукова already has a snow-clearing task that day (from a request), with Дмитриев.
  r.xTask = addTask(t, { residentId: r.x, kindId: snow, scheduledOn: DAY, status: 'assigned', volunteers: [[v.v5, null]] });
});
afterEach(async () => {
  await t.close();
});

describe('snowDay.preview', () => {
  it('lists everyone on the list and proposes volunteers by settlement, availability and load', async () => {
    const p = await t.value('snowDay.preview', { date: DAY });
    expect(p).toMatchObject({ date: DAY, batchKey: `snow:${DAY}`, kindId: snow, maxPerVolunteer: 4, unassigned: 0 });
    expect(p.residents.map((x) => [x.residentId, x.state, x.volunteerIds])).toEqual([
      [r.g, 'new', [v.v3]],
      [r.h, 'new', [v.v3]],
      [r.a, 'new', [v.v1]],
      [r.b, 'new', [v.v1]],
      [r.c, 'new', [v.v1]],
      [r.d, 'new', [v.v2]],
      [r.e, 'new', [v.v1]],
      [r.f, 'new', [v.v2]],
      [r.x, 'exists', [v.v5]],
    ]);
    expect(p.residents.find((x) => x.residentId === r.x)?.taskId).toBe(r.xTask);
    expect(p.residents[0]).toMatchObject({ fullName: 'Гусева Анна Петровна', address: 'Лямино, ул. Береговая 1', settlement: 'Лямино' });
    // Only volunteers with snow tools, active ones; Лямино first.
    expect(p.volunteers.map((x) => [x.id, x.available, x.tasksThatDay, x.tasksThatWeek, x.proposed])).toEqual([
      [v.v3, null, 0, 0, 2],
      [v.v1, true, 0, 0, 4],
      [v.v2, true, 2, 3, 2],
      [v.v4, false, 0, 0, 0],
    ]);
    expect(p.volunteers.every((x) => x.hasSnowTools)).toBe(true);
  });

  it('spreads within the limit and leaves the rest unassigned', async () => {
    const p = await t.value('snowDay.preview', { date: DAY, maxPerVolunteer: 2 });
    expect(p.residents.map((x) => x.volunteerIds)).toEqual([[v.v3], [v.v3], [v.v1], [v.v1], [v.v4], [v.v4], [], [], [v.v5]]);
    expect(p.unassigned).toBe(2);
  });

  it('proposes any active volunteer when nobody has snow tools', async () => {
    t.sqlite.prepare('delete from volunteer_skills').run();
    const p = await t.value('snowDay.preview', { date: DAY });
    expect(p.volunteers.map((x) => x.id).sort()).toEqual([v.v1, v.v2, v.v3, v.v4, v.v5].sort());
    expect(p.volunteers.every((x) => !x.hasSnowTools)).toBe(true);
  });
});

describe('snowDay.confirm', () => {
  it('makes every task in one go with the batch key; running it twice makes nothing new', async () => {
    const p = await t.value('snowDay.preview', { date: DAY });
    const assignments = p.residents.map((x) => ({
      residentId: x.residentId,
      // The coordinator sends Дмитриев along with Борисов to Ершова and leaves Дорохова for later.
      volunteerIds: x.residentId === r.f ? [v.v2, v.v5] : x.residentId === r.e ? [] : x.volunteerIds,
    }));
    const first = await t.value('snowDay.confirm', { date: DAY, assignments, partOfDay: 'morning' });
    expect(first).toMatchObject({ date: DAY, batchKey: `snow:${DAY}`, created: 8, existing: 1, existingResidentIds: [r.x] });
    const batch = tasksOf(t, 'batch_key = ?', `snow:${DAY}`);
    expect(batch).toHaveLength(8);
    expect(batch.map((x) => x.id)).toEqual(first.taskIds);
    expect(batch.every((x) => x.scheduled_on === DAY)).toBe(true);
    const byResident = new Map(batch.map((x) => [x.resident_id, x]));
    expect(byResident.get(r.e)?.status).toBe('planned');
    expect(byResident.get(r.a)?.status).toBe('assigned');
    expect(volunteersOfTask(t, byResident.get(r.f)?.id ?? 0)).toEqual([v.v2, v.v5]);
    expect(t.sqlite.prepare('select distinct kind_id, part_of_day, estimated_minutes from tasks where batch_key is not null').all()).toEqual([
      { kind_id: snow, part_of_day: 'morning', estimated_minutes: 60 },
    ]);

    const before = t.dump();
    const second = await t.value('snowDay.confirm', { date: DAY, assignments });
    expect(second).toMatchObject({ created: 0, existing: 9, taskIds: [] });
    expect(t.dump()).toEqual(before);
    const again = await t.value('snowDay.preview', { date: DAY });
    expect(again.residents.every((x) => x.state === 'exists')).toBe(true);
    expect(again.residents.find((x) => x.residentId === r.f)?.volunteerIds).toEqual([v.v2, v.v5]);
    // Another day is another batch.
    expect(await t.value('snowDay.confirm', { date: '2026-11-19', assignments })).toMatchObject({ created: 9, existing: 0 });
  });

  it('a resident whose batch task was cancelled counts as existing (one per resident and day)', async () => {
    await t.value('snowDay.confirm', { date: DAY, assignments: [{ residentId: r.a, volunteerIds: [] }] });
    t.sqlite.prepare("update tasks set status = 'cancelled' where batch_key = ?").run(`snow:${DAY}`);
    expect(await t.value('snowDay.confirm', { date: DAY, assignments: [{ residentId: r.a, volunteerIds: [] }] })).toMatchObject({
      created: 0,
      existing: 1,
    });
  });

  it('saves nothing when one assignment is wrong', async () => {
    const before = t.dump();
    const bad = [
      { residentId: r.a, volunteerIds: [v.v1] },
      { residentId: 999, volunteerIds: [] },
      { residentId: r.left, volunteerIds: [] },
      { residentId: r.b, volunteerIds: [v.v1, 999] },
      { residentId: r.c, volunteerIds: [v.v1, v.v1] },
    ];
    expect(fieldsOf(await t.call('snowDay.confirm', { date: DAY, assignments: bad }))).toEqual([
      { path: 'assignments.1.residentId', message: 'validation.unknownResident' },
      { path: 'assignments.2.residentId', message: 'validation.residentLeft' },
      { path: 'assignments.3.volunteerIds', message: 'validation.unknownVolunteer' },
      { path: 'assignments.4.volunteerIds', message: 'validation.duplicate' },
    ]);
    expect(fieldsOf(await t.call('snowDay.confirm', { date: DAY, assignments: [{ residentId: r.a }, { residentId: r.a }] }))).toEqual([
      { path: 'assignments', message: 'validation.duplicate' },
    ]);
    expect(fieldsOf(await t.call('snowDay.confirm', { date: '2026-02-30', assignments: [{ residentId: r.a }] }))).toEqual([
      { path: 'date', message: 'validation.date' },
    ]);
    expect(t.dump()).toEqual(before);
  });

  it('is for coordinators', async () => {
    const env = await t.call('snowDay.preview', { date: DAY }, { id: 1, role: 'frontdesk' });
    expect(!env.ok && env.error.code).toBe('forbidden');
  });
});
