import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { addResident, addTask, addVolunteer, kindId } from './plans.fixtures';

let t: TestCore;
const v = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', number>;
const k: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
  for (const code of ['firewood', 'snowClearing', 'medicinePurchase', 'checkIn']) k[code] = await kindId(t, code);
  const res = await addResident(t);
  v.a = addVolunteer(t, { lastName: 'Антонов', isRegular: true });
  v.b = addVolunteer(t, { lastName: 'Быков' });
  v.c = addVolunteer(t, { lastName: 'Цветкова', specialist: 'psychologist' });
  v.d = addVolunteer(t, { lastName: 'Данилов', isRegular: true });
  v.e = addVolunteer(t, { lastName: 'Ефимов', deleted: true });
  v.f = addVolunteer(t, { lastName: 'Фомин', isRegular: true, status: 'paused' });
  const task = (kind: string, scheduledOn: string, volunteers: Array<[number, number | null]>, status: 'done' | 'cancelled' | 'planned' = 'done', doneOn?: string) =>
    addTask(t, { residentId: res, kindId: k[kind] ?? 0, scheduledOn, status, volunteers, ...(doneOn !== undefined ? { doneOn } : {}) });
  task('firewood', '2026-10-05', [[v.a, 120], [v.b, 90]]);
  task('snowClearing', '2026-11-02', [[v.a, 60]]);
  // Scheduled in October, done on 1 November: counts in November; nobody wrote the minutes.
  task('medicinePurchase', '2026-10-31', [[v.b, null]], 'done', '2026-11-01');
  task('checkIn', '2026-11-10', [[v.c, 45]]);
  task('firewood', '2026-09-30', [[v.a, 30]]);
  task('firewood', '2026-10-20', [[v.e, 100]]);
  task('firewood', '2026-10-10', [[v.a, 500]], 'cancelled');
  task('medicinePurchase', '2026-11-20', [[v.b, null]], 'planned');
});
afterAll(async () => {
  await t.close();
});

describe('reports.volunteerHours', () => {
  it('sums the minutes of done tasks per volunteer and month', async () => {
    const report = await t.value('reports.volunteerHours', { from: '2026-10', to: '2026-11' });
    expect(report).toEqual({
      from: '2026-10',
      to: '2026-11',
      months: ['2026-10', '2026-11'],
      rows: [
        { volunteerId: v.a, name: 'Антонов Иван', isRegular: true, minutes: [120, 60], totalMinutes: 180, tasks: 2, unlogged: 0 },
        { volunteerId: v.e, name: 'Ефимов Иван', isRegular: false, minutes: [100, 0], totalMinutes: 100, tasks: 1, unlogged: 0 },
        { volunteerId: v.b, name: 'Быков Иван', isRegular: false, minutes: [90, 0], totalMinutes: 90, tasks: 2, unlogged: 1 },
        { volunteerId: v.c, name: 'Цветкова Иван', isRegular: false, minutes: [0, 45], totalMinutes: 45, tasks: 1, unlogged: 0 },
      ],
      totalsByMonth: [310, 105],
      totalMinutes: 415,
    });
  });

  it('over a year boundary and an empty period', async () => {
    const report = await t.value('reports.volunteerHours', { from: '2026-09', to: '2027-01' });
    expect(report.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(report.totalsByMonth).toEqual([30, 310, 105, 0, 0]);
    const empty = await t.value('reports.volunteerHours', { from: '2025-01', to: '2025-12' });
    expect(empty).toMatchObject({ rows: [], totalMinutes: 0 });
  });

  it('rejects a reversed range', async () => {
    const env = await t.call('reports.volunteerHours', { from: '2026-11', to: '2026-10' });
    expect(!env.ok && env.error.fields).toEqual([{ path: 'to', message: 'validation.dateOrder' }]);
  });
});

describe('reports.tasksByKind', () => {
  it('counts done tasks per kind and month', async () => {
    const report = await t.value('reports.tasksByKind', { from: '2026-10', to: '2026-11' });
    expect(report.rows.map((r) => [r.kindCode, r.counts, r.total])).toEqual([
      ['firewood', [2, 0], 2],
      ['snowClearing', [0, 1], 1],
      ['medicinePurchase', [0, 1], 1],
      ['checkIn', [0, 1], 1],
    ]);
    expect(report).toMatchObject({ months: ['2026-10', '2026-11'], totalsByMonth: [2, 3], total: 5 });
  });
});

describe('reports.volunteersActive', () => {
  it('counts regular, occasional and specialist volunteers with a done task, beside everyone on the list', async () => {
    expect(await t.value('reports.volunteersActive', { from: '2026-10', to: '2026-11' })).toEqual({
      from: '2026-10',
      to: '2026-11',
      active: { regular: 1, occasional: 3, specialists: 1, total: 4 },
      registered: { regular: 2, occasional: 2, specialists: 1, total: 4 },
    });
    expect((await t.value('reports.volunteersActive', { from: '2026-09', to: '2026-09' })).active).toEqual({ regular: 1, occasional: 0, specialists: 0, total: 1 });
  });

  it('is for coordinators', async () => {
    const env = await t.call('reports.volunteersActive', { from: '2026-09', to: '2026-09' }, { id: 1, role: 'frontdesk' });
    expect(!env.ok && env.error.code).toBe('forbidden');
  });
});
