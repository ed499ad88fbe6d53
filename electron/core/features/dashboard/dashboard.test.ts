/**
 * The home screens (issue 14) on real SQLite through dispatch, on hand-built data: each figure
 * written here by hand. Today is Monday 2026-11-16 (the week runs 16–22 November).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { requestInput, residentInput, settingsInput } from '../../testing/builders';
import { eventInput } from '../events/events.builders';
import { taskInput } from '../tasks/tasks.builders';
import { grantInput } from '../grants/grants.builders';
import { writeSettings } from '../settings/settings.service';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

const resident = async (lastName: string, firstName: string, extra: Parameters<typeof residentInput>[0] = {}) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', settlement: 'Сылва', street: 'Садовая', house: '3', flat: '', ...extra }))).id;
const userOf = async (name: string, role: Actor['role']): Promise<Actor> => ({
  id: (await t.value('users.create', { name, role, language: null, password: `${role}-password-long`, pin: null })).id,
  role,
});
const firstKind = async () => (await t.value('catalogue.list', {}))[0]?.id ?? 0;

describe('dashboard.frontdesk', () => {
  it("today's aid summed by item (people, households, head counts) and today's events, the earliest first", async () => {
    const desk = await userOf('Ольга', 'frontdesk');
    const a = await resident('Иванова', 'Мария');
    const b = await resident('Петров', 'Пётр');
    const blanket = await t.value('aid.addItem', { name: 'Одеяло', size: '', unit: 'piece' });
    await t.value('aid.receive', { itemId: blanket.id, quantity: 40, fromWhom: 'Красный Крест' });
    await t.value('aid.give', { residentId: a, lines: [{ itemId: blanket.id, quantity: 2 }], confirmBelowZero: false });
    await t.value('aid.give', { residentId: b, lines: [{ itemId: blanket.id, quantity: 1 }], confirmBelowZero: false });
    await t.value('aid.giveAtEvent', { headCount: 25, lines: [{ itemId: blanket.id, quantity: 10 }], confirmBelowZero: false });
    // Yesterday's give is not today's.
    await t.value('aid.give', { residentId: a, lines: [{ itemId: blanket.id, quantity: 5 }], on: '2026-11-15', confirmBelowZero: false });
    await t.value('events.create', eventInput({ title: 'Вечерний кружок', startsAt: '18:00', endsAt: '19:00' }));
    await t.value('events.create', eventInput({ title: 'Утренняя консультация', kind: 'consultationDay', startsAt: '09:00', endsAt: '11:00' }));
    await t.value('events.create', eventInput({ title: 'Завтрашний мастер-класс', startsOn: '2026-11-17' }));

    const d = await t.value('dashboard.frontdesk', {}, desk);
    expect(d.today).toBe('2026-11-16');
    expect(d.distributions).toEqual({ recipients: 2, headCount: 25, items: [{ itemName: 'Одеяло', size: '', unit: 'piece', quantity: 13 }] });
    expect(d.events).toHaveLength(2);
    expect(new Set(d.events.map((e) => e.title))).toEqual(new Set(['Вечерний кружок', 'Утренняя консультация']));
    expect(d.moreEvents).toBe(false);
  });

  it('is refused to the coordinator and the treasurer; the admin gets it', async () => {
    for (const role of ['coordinator', 'treasurer'] as const) {
      const env = await t.raw('dashboard.frontdesk', {}, await userOf(`U ${role}`, role));
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('forbidden');
    }
    expect((await t.value('dashboard.frontdesk', {})).distributions.recipients).toBe(0);
  });
});

describe('dashboard.coordinator', () => {
  it('new requests, this week’s tasks and events, overdue check-ins and the caller’s overdue case actions', async () => {
    const maria = await userOf('Марія Шевченко', 'coordinator');
    const kind = await firstKind();
    const a = await resident('Коваленко', 'Олена');
    const b = await resident('Бондар', 'Петро');
    // Requests: three new, one planned (not unassigned), one cancelled.
    for (const r of [a, b, a]) await t.value('requests.create', requestInput({ residentId: r, kindId: kind }));
    const planned = await t.value('requests.create', requestInput({ residentId: b, kindId: kind }));
    await t.value('requests.setStatus', { id: planned.id, status: 'planned' });
    const cancelled = await t.value('requests.create', requestInput({ residentId: b, kindId: kind }));
    await t.value('requests.setStatus', { id: cancelled.id, status: 'cancelled' });
    // Tasks this week: two to do (none assigned), one done; one next week, one last week.
    await t.value('tasks.create', taskInput({ residentId: a, kindId: kind, scheduledOn: '2026-11-16' }));
    await t.value('tasks.create', taskInput({ residentId: a, kindId: kind, scheduledOn: '2026-11-22' }));
    const doneTask = await t.value('tasks.create', taskInput({ residentId: b, kindId: kind, scheduledOn: '2026-11-16' }));
    await t.value('tasks.complete', { id: doneTask.id, outcome: { doneOn: '2026-11-16' } });
    await t.value('tasks.create', taskInput({ residentId: a, kindId: kind, scheduledOn: '2026-11-23' }));
    await t.value('tasks.create', taskInput({ residentId: a, kindId: kind, scheduledOn: '2026-11-15' }));
    // Events: Wednesday and Sunday this week; next Monday is not.
    await t.value('events.create', eventInput({ title: 'Среда', startsOn: '2026-11-18' }));
    await t.value('events.create', eventInput({ title: 'Воскресенье', startsOn: '2026-11-22' }));
    await t.value('events.create', eventInput({ title: 'Следующая неделя', startsOn: '2026-11-23' }));
    // Regular care: nobody has seen Ганна (due today, not overdue yet); Иван was seen 10 days ago every 7 days (3 days overdue).
    await resident('Ткаченко', 'Ганна', { regularCare: true, checkinIntervalDays: 7 });
    const ivan = await resident('Мельник', 'Іван', { regularCare: true, checkinIntervalDays: 7 });
    const visit = await t.value('tasks.create', taskInput({ residentId: ivan, kindId: kind, scheduledOn: '2026-11-06' }));
    await t.value('tasks.complete', { id: visit.id, outcome: { doneOn: '2026-11-06' } });
    // Maria's case: two actions overdue, one due today; another worker's overdue action is not hers.
    for (const r of [a, b]) await t.value('privacy.recordConsent', { residentId: r, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-01' });
    const ca = await t.value('cases.open', { residentId: a, openedOn: '2026-10-01', nextReviewOn: '2026-11-10' }, maria);
    await t.value('cases.addAction', { id: ca.id, text: 'Довідки', dueOn: '2026-11-05', responsibleText: 'отримувачка' }, maria);
    await t.value('cases.addAction', { id: ca.id, text: 'Заява', dueOn: '2026-11-12', responsibleText: 'отримувачка' }, maria);
    await t.value('cases.addAction', { id: ca.id, text: 'Сьогодні', dueOn: '2026-11-16', responsibleText: 'отримувачка' }, maria);
    const other = await t.value('cases.open', { residentId: b, openedOn: '2026-10-01' });
    await t.value('cases.addAction', { id: other.id, text: 'Чуже', dueOn: '2026-11-01', responsibleText: 'x' });

    const d = await t.value('dashboard.coordinator', {}, maria);
    expect([d.today, d.weekStart, d.weekEnd]).toEqual(['2026-11-16', '2026-11-16', '2026-11-22']);
    expect(d.unassigned.total).toBe(3);
    expect(d.unassigned.totalCapped).toBe(false);
    expect(d.unassigned.items.map((r) => r.residentName).sort()).toEqual(['Бондар Петро', 'Коваленко Олена', 'Коваленко Олена']);
    expect(d.tasks).toEqual({ open: 2, unassigned: 2, done: 1 });
    expect(d.events.map((e) => e.title)).toEqual(['Среда', 'Воскресенье']);
    expect(d.checkIns.overdue).toBe(1);
    expect(d.checkIns.items).toEqual([{ residentId: ivan, fullName: 'Мельник Іван', settlement: 'Сылва', daysOverdue: 3 }]);
    expect(d.cases).toMatchObject({ open: 1, reviewsOverdue: 1, overdueActions: 2 });
    expect(d.cases.items.map((x) => [x.caseId, x.text, x.dueOn])).toEqual([
      [ca.id, 'Довідки', '2026-11-05'],
      [ca.id, 'Заява', '2026-11-12'],
    ]);
  });

  it('is refused to the front desk and the treasurer', async () => {
    for (const role of ['frontdesk', 'treasurer'] as const) {
      const env = await t.raw('dashboard.coordinator', {}, await userOf(`U ${role}`, role));
      expect(env.ok).toBe(false);
    }
  });
});

describe('dashboard.treasurer', () => {
  it("this month's cash flow, the running grants' spending against plan and the outlook", async () => {
    await writeSettings(t.deps.db, settingsInput({ currency: 'RUB' }));
    const treasurer = await userOf('Нина', 'treasurer');
    const cats = await t.value('cashbook.categories', {});
    const cat = (code: string) => cats.find((c) => c.code === code)?.id ?? 0;
    const acc = await t.value('accounts.create', { name: 'Касса', kind: 'cash', currency: 'RUB', openingBalanceMinor: 100_000, openingDate: '2026-10-01' });
    // October: +50,000 donations. November: +20,000 paid services, −7,000 utilities.
    await t.value('cashbook.post', { type: 'income', date: '2026-10-10', accountId: acc.id, amountMinor: 50_000, categoryId: cat('donations') }, treasurer);
    await t.value('cashbook.post', { type: 'income', date: '2026-11-02', accountId: acc.id, amountMinor: 20_000, categoryId: cat('paidServices') }, treasurer);
    await t.value('cashbook.post', { type: 'expense', date: '2026-11-03', accountId: acc.id, amountMinor: 7_000, categoryId: cat('utilities') }, treasurer);
    // A running grant, an ended one and one not started yet.
    const running = await t.value('grants.create', { grant: grantInput({ title: 'Тёплый дом', amountMinor: 600_000 }), lines: [{ name: 'Дрова', plannedMinor: 600_000 }] }, treasurer);
    await t.value('grants.create', { grant: grantInput({ title: 'Прошлый', startsOn: '2025-01-01', endsOn: '2025-12-31' }), lines: [] }, treasurer);
    await t.value('grants.create', { grant: grantInput({ title: 'Будущий', startsOn: '2027-01-01', endsOn: '2027-12-31' }), lines: [] }, treasurer);
    const line = running.lines[0]?.id ?? 0;
    await t.value('cashbook.post', { type: 'expense', date: '2026-11-05', accountId: acc.id, amountMinor: 150_000, categoryId: cat('supplies'), grantId: running.id, budgetLineId: line }, treasurer);

    const d = await t.value('dashboard.treasurer', {}, treasurer);
    expect(d.month).toBe('2026-11');
    // Opening 100,000 + 50,000 = 150,000; in 20,000; out 7,000 + 150,000 = 157,000; closing 13,000.
    expect(d.cash).toEqual([{ currency: 'RUB', openingMinor: 150_000, incomeMinor: 20_000, expensesMinor: 157_000, closingMinor: 13_000 }]);
    expect(d.grants.map((g) => [g.title, g.amountMinor, g.spentMinor, g.percentSpent])).toEqual([['Тёплый дом', 600_000, 150_000, 25]]);
    expect(d.outlook.currency).toBe('RUB');
    expect(d.outlook.balanceMinor).toBe(13_000);
  });

  it('is refused to the front desk and the coordinator', async () => {
    for (const role of ['frontdesk', 'coordinator'] as const) {
      const env = await t.raw('dashboard.treasurer', {}, await userOf(`U ${role}`, role));
      expect(env.ok).toBe(false);
    }
  });
});

describe('dashboard.admin', () => {
  it('users by state; no backup status without a data folder', async () => {
    await userOf('Ольга', 'frontdesk');
    const gone = await userOf('Пётр', 'coordinator');
    await t.value('users.setActive', { id: gone.id, active: false });
    const d = await t.value('dashboard.admin', {});
    // The first admin of the test core, Ольга and Пётр (switched off).
    expect(d.users).toEqual({ total: 3, active: 2, inactive: 1, locked: 0 });
    expect(d.backup).toBeNull();
  });

  it('counts the residents due for the retention review as the review lists them, kept by every contact', async () => {
    await writeSettings(t.deps.db, settingsInput());
    const kind = await firstKind();
    // Registered in 2022 and in 2023, then nothing: both due on 2026-11-16 (three years: before 2023-11-16).
    t.clock.set('2022-03-10T10:00:00.000Z');
    const old = await resident('Старова', 'Анна', { phones: [] });
    t.clock.set('2023-06-01T10:00:00.000Z');
    const later = await resident('Позднякова', 'Вера', { phones: [] });
    const laterReq = await t.value('requests.create', requestInput({ residentId: later, kindId: kind }));
    t.clock.set(NOW);
    await resident('Новикова', 'Ольга', { phones: [] });
    const due = async () => (await t.value('dashboard.admin', {})).retentionDue;
    const listed = async () => (await t.value('privacy.retentionReview', {})).residents.length;
    expect(await due()).toEqual({ before: '2023-11-16', residents: 2 });
    expect(await listed()).toBe(2);
    // A request today takes Старова off; deleting it (as a merge moves rows) puts her back.
    const req = await t.value('requests.create', requestInput({ residentId: old, kindId: kind }));
    expect(await due()).toEqual({ before: '2023-11-16', residents: 1 });
    t.sqlite.prepare('delete from requests where id = ?').run(req.id);
    expect((await due()).residents).toBe(2);
    // A request moved to another resident moves the day with it.
    t.sqlite.prepare('update requests set resident_id = ? where id = ?').run(old, laterReq.id);
    expect(t.sqlite.prepare('select last_activity_on from residents where id = ?').pluck().get(old)).toBe('2023-06-01');
    expect(t.sqlite.prepare('select last_activity_on from residents where id = ?').pluck().get(later)).toBe('2023-06-01');
    // A help plan without an end keeps Позднякова out; an erased resident is never counted.
    t.sqlite
      .prepare("insert into help_plans (resident_id, kind_id, rule, weekday, starts_on, ends_on, note, created_at, created_by, updated_at, updated_by) values (?, ?, 'weekly', 2, '2023-06-01', null, '', ?, 1, ?, 1)")
      .run(later, kind, NOW, NOW);
    expect((await due()).residents).toBe(1);
    await t.value('privacy.erasePerson', { residentId: old, confirmName: 'Старова Анна' });
    expect((await due()).residents).toBe(0);
    expect(await listed()).toBe(0);
  });

  it('is the admin’s only', async () => {
    for (const role of ['frontdesk', 'coordinator', 'treasurer'] as const) {
      const env = await t.raw('dashboard.admin', {}, await userOf(`U ${role}`, role));
      expect(env.ok).toBe(false);
    }
  });
});
