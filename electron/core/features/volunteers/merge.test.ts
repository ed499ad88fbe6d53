import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import type { Actor } from '../../context';
import { volunteerInput } from './volunteers.builders';
import { ensureBuiltInSkills } from './skills';
import { taskInput } from '../tasks/tasks.builders';
import { eventInput } from '../events/events.builders';

// 2026-11-16 is a Monday.
const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const ALL_SURVIVOR = { lastName: 'survivor', firstName: 'survivor', patronymic: 'survivor', settlement: 'survivor', specialist: 'survivor', agreementSignedOn: 'survivor', notes: 'survivor' } as const;

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await ensureBuiltInSkills(t.deps.db, t.clock.now().toISOString());
});
afterEach(async () => {
  await t.close();
});

const skillId = async (code: string) => (await t.value('skills.list', { includeArchived: true })).find((s) => s.code === code)?.id as number;
const count = (table: string, volunteerId: number) => (t.sqlite.prepare(`select count(*) n from ${table} where volunteer_id = ?`).get(volunteerId) as { n: number }).n;

describe('volunteers.merge', () => {
  it('moves the other record’s tasks, hours, skills, phones, advances and organiser’s place to the survivor, keeps the chosen values, and says so on the page', async () => {
    const [car, firewood, snow] = [await skillId('hasCar'), await skillId('carriesFirewood'), await skillId('hasSnowTools')];
    const survivor = (
      await t.value('volunteers.create', volunteerInput({ lastName: 'Коваленко', firstName: 'Ольга', patronymic: '', settlement: 'Сылва', phones: ['+7 922 111-22-33'], skillIds: [car], availability: [{ weekday: 1, part: 'morning' }], languages: ['ru'], isRegular: false, agreementSignedOn: null }))
    ).id;
    const other = (
      await t.value('volunteers.create', volunteerInput({ lastName: 'Kovalenko', firstName: 'Olha', patronymic: 'Petrivna', settlement: 'Shamary', phones: ['+7 922 444-55-66', '8 (922) 111-22-33'], skillIds: [firewood, snow], availability: [{ weekday: 1, part: 'morning' }, { weekday: 3, part: 'evening' }], languages: ['uk'], isRegular: true, agreementSignedOn: '2026-03-01', status: 'paused' }))
    ).id;
    const resident = (await t.value('residents.create', residentInput({ lastName: 'Иванова', firstName: 'Мария' }))).id;
    const kindId = (await t.value('catalogue.list', {}))[0]?.id as number;
    // Task 1: the other alone, done in 90 minutes with an advance. Task 2: both on it (the same
    // person twice), 60 minutes written for the survivor, 45 for the other. Task 3: the other, open.
    const t1 = (await t.value('tasks.create', taskInput({ residentId: resident, kindId, scheduledOn: '2026-11-10', volunteerIds: [other] }))).id;
    await t.value('tasks.complete', { id: t1, outcome: { doneOn: '2026-11-10', minutes: [{ volunteerId: other, minutes: 90 }], note: '', advances: [{ volunteerId: other, amountMinor: 12_500, currency: 'RUB', note: 'Аптека' }] } });
    const t2 = (await t.value('tasks.create', taskInput({ residentId: resident, kindId, scheduledOn: '2026-11-12', volunteerIds: [survivor, other] }))).id;
    await t.value('tasks.complete', { id: t2, outcome: { doneOn: '2026-11-12', minutes: [{ volunteerId: survivor, minutes: 60 }, { volunteerId: other, minutes: 45 }], note: '', advances: [] } });
    await t.value('tasks.create', taskInput({ residentId: resident, kindId, scheduledOn: '2026-11-20', volunteerIds: [other] }));
    const e = await t.value('events.create', eventInput());
    await t.value('events.addOrganiser', { id: e.id, volunteerId: other, role: 'помощник', hours: 2 });
    const before = await t.value('volunteers.get', { id: survivor });
    expect(before.hoursByMonth.at(-1)).toEqual({ month: '2026-11', minutes: 60 });

    const merged = await t.value('volunteers.merge', { survivorId: survivor, otherId: other, fields: { ...ALL_SURVIVOR, patronymic: 'other', agreementSignedOn: 'other' } });
    expect(merged).toMatchObject({
      id: survivor,
      fullName: 'Коваленко Ольга Petrivna',
      settlement: 'Сылва',
      // The survivor's phone, then the other's new one; the same number written twice is one.
      phones: ['+7 922 111-22-33', '+7 922 444-55-66'],
      languages: ['ru', 'uk'],
      availability: [{ weekday: 1, part: 'morning' }, { weekday: 3, part: 'evening' }],
      isRegular: true,
      status: 'active',
      agreementSignedOn: '2026-03-01',
      openTasks: 1,
    });
    expect([...merged.skillIds].sort((a, b) => a - b)).toEqual([car, firewood, snow].sort((a, b) => a - b));
    // Three tasks, one row each; task 2 keeps one row with 60 minutes (not 105: one person's time).
    expect(count('task_volunteers', survivor)).toBe(3);
    expect(count('task_volunteers', other)).toBe(0);
    expect(t.sqlite.prepare('select volunteer_id, minutes_spent from task_volunteers where task_id = ?').all(t2)).toEqual([{ volunteer_id: survivor, minutes_spent: 60 }]);
    expect(count('volunteer_advances', survivor)).toBe(1);
    expect(count('event_organisers', survivor)).toBe(1);
    expect(t.sqlite.prepare('select count(*) n from volunteers where id = ?').get(other)).toEqual({ n: 0 });
    for (const table of ['volunteer_phones', 'volunteer_skills', 'volunteer_availability', 'volunteer_search_terms']) expect(count(table, other)).toBe(0);

    const page = await t.value('volunteers.get', { id: survivor });
    // 90 + 60 minutes done in November.
    expect(page.hoursByMonth.at(-1)).toEqual({ month: '2026-11', minutes: 150 });
    expect(page.past.map((x) => x.id)).toEqual([t2, t1]);
    expect(page.upcoming).toHaveLength(1);
    expect(page.regularResidents).toEqual([{ residentId: resident, fullName: expect.any(String), tasks: 2 }]);
    expect(page.mergedFrom).toEqual([{ mergedId: other, fullName: 'Kovalenko Olha Petrivna', mergedAt: NOW, mergedBy: expect.any(String) }]);

    // The search: the survivor by the other's phone and the chosen patronymic, nobody by the other's old name.
    expect((await t.value('volunteers.search', { q: '4445566' })).map((v) => v.id)).toEqual([survivor]);
    expect((await t.value('volunteers.search', { q: 'petrivna' })).map((v) => v.id)).toEqual([survivor]);
    expect(await t.value('volunteers.search', { q: 'kovalenko' })).toEqual([]);
    expect(await t.value('volunteers.search', { q: 'shamary' })).toEqual([]);

    // Audited as a change of the survivor's record, with no names.
    const audit = t.sqlite.prepare("select action, entity_type, entity_id, details from audit_log where call = 'volunteers.merge'").all() as Array<{ details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'change', entity_type: 'volunteers', entity_id: String(survivor) });
    expect(audit[0]?.details).not.toMatch(/Kovalenko|Коваленко/);
  });

  it('a second merge into the survivor keeps the first one’s line; records merged into the other follow', async () => {
    const a = (await t.value('volunteers.create', volunteerInput({ lastName: 'Один' }))).id;
    const b = (await t.value('volunteers.create', volunteerInput({ lastName: 'Два' }))).id;
    const c = (await t.value('volunteers.create', volunteerInput({ lastName: 'Три' }))).id;
    await t.value('volunteers.merge', { survivorId: b, otherId: c, fields: ALL_SURVIVOR });
    await t.value('volunteers.merge', { survivorId: a, otherId: b, fields: ALL_SURVIVOR });
    expect((await t.value('volunteers.get', { id: a })).mergedFrom.map((m) => m.mergedId).sort()).toEqual([b, c].sort());
  });

  it('refuses a volunteer with itself and an unknown one; nothing half-done', async () => {
    const a = (await t.value('volunteers.create', volunteerInput())).id;
    const before = t.dump();
    const self = await t.call('volunteers.merge', { survivorId: a, otherId: a, fields: ALL_SURVIVOR });
    expect(self.ok ? null : self.error.fields).toEqual([{ path: 'otherId', message: 'validation.mergeSelf' }]);
    const unknown = await t.call('volunteers.merge', { survivorId: a, otherId: 999, fields: ALL_SURVIVOR });
    expect(unknown.ok ? null : unknown.error.code).toBe('notFound');
    expect(t.dump()).toEqual(before);
  });

  it('is for coordinators and admins, not the front desk', async () => {
    const a = (await t.value('volunteers.create', volunteerInput())).id;
    const b = (await t.value('volunteers.create', volunteerInput())).id;
    const r = await t.call('volunteers.merge', { survivorId: a, otherId: b, fields: ALL_SURVIVOR }, FRONTDESK);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    expect(t.sqlite.prepare('select count(*) n from volunteers').get()).toEqual({ n: 2 });
  });
});
