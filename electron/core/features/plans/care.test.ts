import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { addResident, addTask, kindId } from './plans.fixtures';

// Today is Monday 16 November 2026.
let t: TestCore;
const r = {} as Record<'weekly' | 'every3' | 'never' | 'fortnight' | 'gone' | 'notCare', number>;

beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
  const checkIn = await kindId(t, 'checkIn');
  const groceries = await kindId(t, 'groceries');
  const care = (lastName: string, interval: number | null, settlement = 'Сылва') =>
    addResident(t, { lastName, firstName: 'Нина', patronymic: '', regularCare: true, checkinIntervalDays: interval, settlement, phones: ['+7 912 000-00-01'] });
  r.weekly = await care('Андреева', 7);
  r.every3 = await care('Борисова', 3);
  r.never = await care('Васильева', null, 'Лямино');
  r.fortnight = await care('Григорьева', 14);
  r.gone = await care('Дмитриева', 7);
  r.notCare = await addResident(t, { lastName: 'Егорова', firstName: 'Нина' });
  await t.value('residents.markLeft', { id: r.gone, reason: 'deceased', on: '2026-11-01' });

  // Last check-in 5 November, due 12 November: 4 days overdue. Later open and cancelled tasks do not count.
  addTask(t, { residentId: r.weekly, kindId: checkIn, scheduledOn: '2026-10-29', status: 'done' });
  addTask(t, { residentId: r.weekly, kindId: checkIn, scheduledOn: '2026-11-05', status: 'done' });
  addTask(t, { residentId: r.weekly, kindId: checkIn, scheduledOn: '2026-11-13', status: 'cancelled' });
  addTask(t, { residentId: r.weekly, kindId: checkIn, scheduledOn: '2026-11-14', status: 'planned' });
  addTask(t, { residentId: r.weekly, kindId: checkIn, scheduledOn: '2026-11-15', status: 'notDone' });
  // Groceries brought on 14 November count as a contact: due 17 November.
  addTask(t, { residentId: r.every3, kindId: checkIn, scheduledOn: '2026-11-10', status: 'done' });
  addTask(t, { residentId: r.every3, kindId: groceries, scheduledOn: '2026-11-14', status: 'done' });
  // Scheduled 20 October, done on the 21st: due 4 November, 12 days overdue.
  addTask(t, { residentId: r.fortnight, kindId: checkIn, scheduledOn: '2026-10-20', status: 'done', doneOn: '2026-10-21' });
  addTask(t, { residentId: r.notCare, kindId: checkIn, scheduledOn: '2026-10-01', status: 'done' });
});
afterEach(async () => {
  await t.close();
});

describe('care.list', () => {
  it('shows last contact, next due day and who is overdue, most overdue first', async () => {
    const list = await t.value('care.list', {});
    expect(list.map((e) => [e.residentId, e.lastContactOn, e.lastContactKindCode, e.checkinIntervalDays, e.nextDueOn, e.overdue, e.daysOverdue])).toEqual([
      [r.fortnight, '2026-10-21', 'checkIn', 14, '2026-11-04', true, 12],
      [r.weekly, '2026-11-05', 'checkIn', 7, '2026-11-12', true, 4],
      [r.never, null, null, 7, '2026-11-16', false, 0],
      [r.every3, '2026-11-14', 'groceries', 3, '2026-11-17', false, 0],
    ]);
    expect(list[0]).toMatchObject({ fullName: 'Григорьева Нина', address: 'Сылва, Ленина 12-4', phones: ['+7 912 000-00-01'], hasCheckInPlan: false, nextCheckInOn: null });
  });

  it('filters overdue ones and by settlement', async () => {
    expect((await t.value('care.list', { overdueOnly: true })).map((e) => e.residentId)).toEqual([r.fortnight, r.weekly]);
    expect((await t.value('care.list', { settlement: 'Лямино' })).map((e) => e.residentId)).toEqual([r.never]);
  });

  it('shows the next planned check-in once the check-in plans exist', async () => {
    await t.value('plans.ensureCheckIns', {});
    const list = await t.value('care.list', {});
    expect(list.map((e) => [e.residentId, e.hasCheckInPlan, e.nextCheckInOn])).toEqual([
      [r.fortnight, true, '2026-11-16'],
      [r.weekly, true, '2026-11-16'],
      [r.never, true, '2026-11-16'],
      [r.every3, true, '2026-11-17'],
    ]);
  });

  it('a new contact moves the due day; the day after it is due the resident is overdue', async () => {
    addTask(t, { residentId: r.weekly, kindId: await kindId(t, 'checkIn'), scheduledOn: '2026-11-16', status: 'done' });
    t.clock.set('2026-11-24T09:00:00.000Z');
    const entry = (await t.value('care.list', {})).find((e) => e.residentId === r.weekly);
    expect(entry).toMatchObject({ lastContactOn: '2026-11-16', nextDueOn: '2026-11-23', overdue: true, daysOverdue: 1 });
  });

  it('is open to the front desk, not to the treasurer', async () => {
    expect((await t.call('care.list', {}, { id: 1, role: 'frontdesk' })).ok).toBe(true);
    const env = await t.call('care.list', {}, { id: 1, role: 'treasurer' });
    expect(!env.ok && env.error.code).toBe('forbidden');
  });
});
