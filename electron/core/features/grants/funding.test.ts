import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { CallName } from '../../../../shared/api/contract';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { categoryIdByCode, postEntry } from '../cashbook/ledger';
import { generateRentCharges } from './rent.service';
import { grantInput, grantsValidInputs, leaseInput } from './grants.builders';
import { redactFor, viewSchema } from '../../../../shared/api/fields';
import { contract } from '../../../../shared/api/contract';

// Monday 16 November 2026, 09:30 UTC.
const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const ADMIN: Actor = { id: 1, role: 'admin' };

let t: TestCore;
let cashBox: number;
let bank: number;

function errorCode(e: Envelope<unknown>): string | null {
  return e.ok ? null : e.error.code;
}

async function account(kind: 'cash' | 'bank', currency = 'RUB', name = kind === 'cash' ? 'Касса' : 'Сбербанк'): Promise<number> {
  const row = await t.deps.db
    .insertInto('cash_accounts')
    .values({ name, kind, currency, opening_balance_minor: 0, opening_date: '2025-01-01', archived_at: null, created_at: NOW, created_by: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An entry as the cash book writes it (helper A's screens post the same way). */
async function post(e: { accountId: number; date: string; amountMinor: number; code: string | null; grantId?: number; budgetLineId?: number; reverses?: number; transfer?: string }): Promise<number> {
  return t.deps.db.transaction().execute(async (trx) =>
    postEntry(
      trx,
      {
        accountId: e.accountId,
        date: e.date,
        amountMinor: e.amountMinor,
        categoryId: e.code === null ? null : await categoryIdByCode(trx, e.code),
        source: e.reverses !== undefined ? 'reversal' : e.transfer ? 'transfer' : 'manual',
        transferGroup: e.transfer ?? null,
        grantId: e.grantId ?? null,
        budgetLineId: e.budgetLineId ?? null,
        reversesEntryId: e.reverses ?? null,
      },
      ADMIN,
      NOW,
    ),
  );
}

function sql<T>(query: string, ...params: unknown[]): T {
  return t.sqlite.prepare(query).get(...params) as T;
}

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await t.value('setup.complete', { ...settingsInput(), demo: false });
  await t.deps.db.updateTable('cash_accounts').set({ archived_at: NOW }).execute();
  cashBox = await account('cash');
  bank = await account('bank');
});
afterEach(async () => {
  await t.close();
});

describe('rent', () => {
  it('generates one charge per lease and month up to this month, idempotently, with the discount as in-kind', async () => {
    const main = await t.value('rent.createLease', leaseInput({ startsOn: '2026-03-15', accountId: bank }));
    const ended = await t.value('rent.createLease', leaseInput({ premises: 'Склад', startsOn: '2026-01-01', endsOn: '2026-06-20', marketRentMinor: 300_000, paidRentMinor: 300_000 }));
    const charges = (id: number) => t.sqlite.prepare('select month_key, due_on, amount_minor, market_minor from rent_charges where lease_id = ? order by month_key').all(id) as Array<{ month_key: string; due_on: string }>;
    // March to November for the lease that started mid-March (its first month is due on its first day).
    expect(charges(main.id).map((c) => c.month_key)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(charges(main.id)[0]?.due_on).toBe('2026-03-15');
    expect(charges(main.id)[1]?.due_on).toBe('2026-04-05');
    expect(charges(ended.id).map((c) => c.month_key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);

    // Again on the same day, and at every start: nothing new.
    expect(await generateRentCharges(t.deps.db, '2026-11-16', NOW)).toEqual({ created: 0 });
    // A new month: only the running lease gets a charge.
    expect(await generateRentCharges(t.deps.db, '2026-12-02', '2026-12-02T08:00:00.000Z')).toEqual({ created: 1 });
    expect(await generateRentCharges(t.deps.db, '2026-12-31', '2026-12-31T08:00:00.000Z')).toEqual({ created: 0 });
    expect(charges(main.id)).toHaveLength(10);
    expect(charges(ended.id)).toHaveLength(6);

    // Discounts: one per month of the discounted lease, worth market − paid; none where they are equal.
    const discounts = t.sqlite
      .prepare("select k.value_minor, k.month_key, r.market_minor - r.amount_minor as diff, r.lease_id from in_kind k join rent_charges r on r.id = k.rent_charge_id where k.kind = 'rentDiscount'")
      .all() as Array<{ value_minor: number; diff: number; lease_id: number }>;
    expect(discounts).toHaveLength(10);
    expect(discounts.every((d) => d.lease_id === main.id && d.value_minor === 2_000_000 && d.diff === d.value_minor)).toBe(true);

    // New terms apply to unpaid months; paid ones keep theirs.
    const overview = await t.value('rent.overview', {});
    const march = overview.charges.find((c) => c.leaseId === main.id && c.monthKey === '2026-03');
    await t.value('rent.pay', { chargeId: march?.id ?? -1 });
    await t.value('rent.updateLease', { id: main.id, data: leaseInput({ startsOn: '2026-03-15', accountId: bank, paidRentMinor: 1_000_000 }) });
    const after = sql<{ paid: number; changed: number }>(
      "select sum(case when month_key = '2026-03' then amount_minor end) as paid, sum(case when month_key = '2026-04' then amount_minor end) as changed from rent_charges where lease_id = ?",
      main.id,
    );
    expect(after).toEqual({ paid: 500_000, changed: 1_000_000 });
    expect(sql<{ v: number }>("select sum(value_minor) as v from in_kind where kind = 'rentDiscount'").v).toBe(2_000_000 + 9 * 1_500_000);
  });

  it('pays a month as a rent expense to the landlord and clears it from the overdue list', async () => {
    const lease = await t.value('rent.createLease', leaseInput({ startsOn: '2026-09-01', accountId: cashBox }));
    const before = await t.value('rent.overview', {});
    // September, October and November (due on the 5th) are overdue on the 16th.
    expect(before.overdue.map((c) => c.monthKey)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(before.overdueMinor).toBe(1_500_000);
    expect(await t.value('rent.overdueCount', {})).toEqual({ count: 3 });
    expect(before.leases[0]?.overdueCount).toBe(3);

    const october = before.overdue[1];
    const paid = await t.value('rent.pay', { chargeId: october?.id ?? -1, date: '2026-11-16' });
    expect(paid.entryId).not.toBeNull();
    expect(paid.overdue).toBe(false);
    const entry = sql<{ amount_minor: number; source: string; counterparty: string; code: string; account_id: number }>(
      'select e.amount_minor, e.source, e.counterparty, c.code, e.account_id from cash_entries e join cash_categories c on c.id = e.category_id where e.id = ?',
      paid.entryId,
    );
    expect(entry).toEqual({ amount_minor: -500_000, source: 'rent', counterparty: lease.landlord, code: 'rent', account_id: cashBox });
    expect(await t.value('rent.overdueCount', {})).toEqual({ count: 2 });
    expect(errorCode(await t.call('rent.pay', { chargeId: october?.id ?? -1 }))).toBe('conflict');

    // Another account may be chosen; one in another currency is refused.
    const eur = await account('bank', 'EUR', 'Euro');
    expect(errorCode(await t.call('rent.pay', { chargeId: before.overdue[0]?.id ?? -1, accountId: eur }))).toBe('currencyMismatch');
    await t.value('rent.pay', { chargeId: before.overdue[0]?.id ?? -1, accountId: bank });
    expect(await t.value('rent.overdueCount', {})).toEqual({ count: 1 });

    // Undoing a payment reverses the entry (the cash book sums to zero for it) and the month is overdue again.
    await t.value('rent.cancelPayment', { chargeId: october?.id ?? -1 });
    expect(await t.value('rent.overdueCount', {})).toEqual({ count: 2 });
    expect(sql<{ s: number }>('select sum(amount_minor) as s from cash_entries where account_id = ?', cashBox).s).toBe(0);
    // The cash book sends corrections of rent entries here.
    expect(errorCode(await t.call('cashbook.reverse', { id: paid.entryId ?? -1, note: '' }))).toBe('correctAtSource');
  });
});

describe('grants', () => {
  it('plan vs actual per line is minus the sum of its entries, reversals included', async () => {
    const g = await t.value('grants.create', {
      grant: grantInput({ amountMinor: 48_000_000 }),
      lines: [
        { name: 'Оплата труда куратора', plannedMinor: 36_000_000 },
        { name: 'Транспорт и ГСМ', plannedMinor: 12_000_000 },
      ],
    });
    const [pay, fuel] = g.lines;
    if (!pay || !fuel) throw new Error('lines missing');
    await post({ accountId: bank, date: '2026-02-10', amountMinor: -3_000_000, code: 'salaries', grantId: g.id, budgetLineId: pay.id });
    await post({ accountId: bank, date: '2026-03-10', amountMinor: -3_000_000, code: 'salaries', grantId: g.id, budgetLineId: pay.id });
    const wrong = await post({ accountId: cashBox, date: '2026-03-12', amountMinor: -450_050, code: 'transport', grantId: g.id, budgetLineId: fuel.id });
    await post({ accountId: cashBox, date: '2026-03-13', amountMinor: 450_050, code: 'transport', grantId: g.id, budgetLineId: fuel.id, reverses: wrong });
    await post({ accountId: cashBox, date: '2026-03-13', amountMinor: -405_000, code: 'transport', grantId: g.id, budgetLineId: fuel.id });
    // Through the cash book's own call as well.
    await t.value('cashbook.post', { type: 'expense', date: '2026-04-02', accountId: cashBox, amountMinor: 120_000, categoryId: await categoryIdByCode(t.deps.db, 'transport'), grantId: g.id, budgetLineId: fuel.id });
    // Not on the grant: not counted.
    await post({ accountId: cashBox, date: '2026-03-13', amountMinor: -99_900, code: 'transport' });

    const v = await t.value('grants.get', { id: g.id });
    for (const line of v.lines) {
      const s = sql<{ s: number }>('select coalesce(sum(amount_minor), 0) as s from cash_entries where budget_line_id = ?', line.id).s;
      expect(line.actualMinor).toBe(-s);
      expect(line.remainingMinor).toBe(line.plannedMinor - line.actualMinor);
    }
    expect(v.lines.map((l) => l.actualMinor)).toEqual([6_000_000, 525_000]);
    expect(v.spentMinor).toBe(6_525_000);
    expect(v.lines[0]?.percentSpent).toBe(17);
    expect(v.entries).toHaveLength(6);
    expect(v.entries[0]?.lineName).toBe('Транспорт и ГСМ');
    expect(v.entries[0]?.categoryCode).toBe('transport');
    const list = await t.value('grants.list', {});
    expect(list[0]?.spentMinor).toBe(6_525_000);
  });

  it('warns about an overspent line, money likely unspent and spending after the end', async () => {
    // A year-long grant, 16 Nov: 320 of 365 days elapsed (88 %); 10 % spent → most of it would stay unspent.
    const g = await t.value('grants.create', {
      grant: grantInput({ amountMinor: 10_000_000 }),
      lines: [
        { name: 'Куратор', plannedMinor: 9_000_000 },
        { name: 'Расходные материалы', plannedMinor: 1_000_000 },
      ],
    });
    const [curator, supplies] = g.lines;
    if (!curator || !supplies) throw new Error('lines missing');
    await post({ accountId: bank, date: '2026-05-05', amountMinor: -1_100_000, code: 'supplies', grantId: g.id, budgetLineId: supplies.id });
    const v = await t.value('grants.get', { id: g.id });
    expect(v.percentElapsed).toBe(88);
    expect(v.percentSpent).toBe(11);
    expect(v.lines[1]?.overspent).toBe(true);
    const codes = v.warnings.map((w) => w.code);
    expect(codes).toContain('lineOverspent');
    expect(v.warnings.find((w) => w.code === 'lineOverspent')).toEqual({ code: 'lineOverspent', lineId: supplies.id, lineName: 'Расходные материалы', overMinor: 100_000 });
    const unspent = v.warnings.find((w) => w.code === 'likelyUnspent');
    expect(unspent?.code === 'likelyUnspent' ? unspent.projectedUnspentMinor : null).toBe(v.projectedUnspentMinor);
    expect(v.projectedUnspentMinor).toBe(10_000_000 - Math.round(1_100_000 / (320 / 365)));
    expect(v.ended).toBe(false);

    // At a pace that spends it all: no "unspent" warning.
    await post({ accountId: bank, date: '2026-11-10', amountMinor: -7_800_000, code: 'salaries', grantId: g.id, budgetLineId: curator.id });
    const paced = await t.value('grants.get', { id: g.id });
    expect(paced.warnings.map((w) => w.code)).not.toContain('likelyUnspent');

    // A grant that ended in June, with an expense in July.
    const old = await t.value('grants.create', { grant: grantInput({ title: 'Зимняя помощь', startsOn: '2026-01-01', endsOn: '2026-06-30', amountMinor: 1_000_000 }), lines: [{ name: 'Дрова', plannedMinor: 1_000_000 }] });
    const posted = await t.value('cashbook.post', {
      type: 'expense',
      date: '2026-07-10',
      accountId: cashBox,
      amountMinor: 1_000_000,
      categoryId: await categoryIdByCode(t.deps.db, 'supplies'),
      grantId: old.id,
      budgetLineId: old.lines[0]?.id ?? null,
    });
    expect(posted.warnings).toEqual(['grantPeriodEnded']);
    const ended = await t.value('grants.get', { id: old.id });
    expect(ended.ended).toBe(true);
    expect(ended.warnings).toEqual([{ code: 'outsidePeriod', count: 1, amountMinor: 1_000_000 }]);
    expect(ended.entries[0]?.outsidePeriod).toBe(true);

    // An expense on the grant without a line, and a reversal: the list (a few grouped queries for
    // every grant) says what each grant's own view says.
    const loose = await t.value('cashbook.post', {
      type: 'expense',
      date: '2026-11-12',
      accountId: cashBox,
      amountMinor: 250_000,
      categoryId: await categoryIdByCode(t.deps.db, 'transport'),
      grantId: g.id,
      budgetLineId: null,
    });
    await t.value('cashbook.reverse', { id: loose.entry.id, note: '' });
    await post({ accountId: bank, date: '2026-11-13', amountMinor: -50_000, code: 'transport', grantId: g.id });
    const list = await t.value('grants.list', {});
    expect(list.map((s) => s.id)).toEqual([g.id, old.id]);
    for (const summary of list) {
      const { id, funder, title, startsOn, endsOn, currency, amountMinor, spentMinor, receivedMinor, percentSpent, percentElapsed, ended: over, warnings } = await t.value('grants.get', { id: summary.id });
      expect(summary).toEqual({ id, funder, title, startsOn, endsOn, currency, amountMinor, spentMinor, receivedMinor, percentSpent, percentElapsed, ended: over, warnings });
    }
    expect((await t.value('grants.get', { id: g.id })).unassignedMinor).toBe(50_000);
  });

  it('deletes a line or a grant only while no money is recorded on it', async () => {
    const g = await t.value('grants.create', {
      grant: grantInput({ amountMinor: 1_000_000 }),
      lines: [
        { name: 'Дрова', plannedMinor: 600_000 },
        { name: 'Опечатка', plannedMinor: 400_000 },
      ],
    });
    const [wood, typo] = g.lines;
    if (!wood || !typo) throw new Error('lines missing');
    await t.value('grants.addTranche', { grantId: g.id, expectedOn: '2026-06-01', amountMinor: 500_000, note: '' });
    await post({ accountId: cashBox, date: '2026-03-12', amountMinor: -50_000, code: 'supplies', grantId: g.id, budgetLineId: wood.id });

    const refused = await t.call('grants.removeLine', { id: wood.id });
    expect(refused.ok ? null : refused.error.code).toBe('inUse');
    const after = await t.value('grants.removeLine', { id: typo.id });
    expect(after.lines.map((l) => l.name)).toEqual(['Дрова']);
    const kept = await t.call('grants.remove', { id: g.id });
    expect(kept.ok ? null : kept.error.code).toBe('inUse');
    expect((await t.value('grants.get', { id: g.id })).lines).toHaveLength(1);

    // A grant entered by mistake, with a line and an expected tranche: gone with them.
    const mistake = await t.value('grants.create', { grant: grantInput({ title: 'Ошибка' }), lines: [{ name: 'Строка', plannedMinor: 1_000 }] });
    await t.value('grants.addTranche', { grantId: mistake.id, expectedOn: '2026-06-01', amountMinor: 1_000, note: '' });
    expect(await t.value('grants.remove', { id: mistake.id })).toBeNull();
    const gone = await t.call('grants.get', { id: mistake.id });
    expect(gone.ok ? null : gone.error.code).toBe('notFound');
    expect(sql<{ n: number }>('select count(*) as n from budget_lines where grant_id = ?', mistake.id).n).toBe(0);
    expect(sql<{ n: number }>('select count(*) as n from grant_tranches where grant_id = ?', mistake.id).n).toBe(0);
    expect((await t.value('grants.list', {})).map((x) => x.id)).not.toContain(mistake.id);
  });

  it('receives tranches as grant income on the chosen account and compares received with expected', async () => {
    const g = await t.value('grants.create', { grant: grantInput(), lines: [] });
    await t.value('grants.addTranche', { grantId: g.id, expectedOn: '2026-02-01', amountMinor: 30_000_000, note: 'Первый транш' });
    const v = await t.value('grants.addTranche', { grantId: g.id, expectedOn: '2026-12-01', amountMinor: 30_000_000, note: '' });
    const [first, second] = v.tranches;
    if (!first || !second) throw new Error('tranches missing');
    expect(v.warnings.map((w) => w.code)).toContain('trancheOverdue');

    const eur = await account('bank', 'EUR', 'Euro');
    expect(errorCode(await t.call('grants.receiveTranche', { id: first.id, accountId: eur }))).toBe('currencyMismatch');
    const got = await t.value('grants.receiveTranche', { id: first.id, accountId: bank, date: '2026-02-03' });
    expect(got.receivedMinor).toBe(30_000_000);
    expect(got.expectedMinor).toBe(60_000_000);
    expect(got.warnings.map((w) => w.code)).not.toContain('trancheOverdue');
    expect(got.spentMinor).toBe(0);
    const entry = sql<{ amount_minor: number; source: string; code: string; grant_id: number; account_id: number }>(
      'select e.amount_minor, e.source, c.code, e.grant_id, e.account_id from cash_entries e join cash_categories c on c.id = e.category_id where e.id = ?',
      got.tranches[0]?.receivedEntryId,
    );
    expect(entry).toEqual({ amount_minor: 30_000_000, source: 'tranche', code: 'grantTranche', grant_id: g.id, account_id: bank });
    expect(errorCode(await t.call('grants.receiveTranche', { id: first.id, accountId: bank }))).toBe('conflict');
    expect(errorCode(await t.call('grants.removeTranche', { id: first.id }))).toBe('conflict');

    const undone = await t.value('grants.cancelReceipt', { id: first.id });
    expect(undone.receivedMinor).toBe(0);
    expect(sql<{ s: number }>('select sum(amount_minor) as s from cash_entries where account_id = ?', bank).s).toBe(0);
    const removed = await t.value('grants.removeTranche', { id: second.id });
    expect(removed.tranches).toHaveLength(1);
  });
});

describe('annual budget', () => {
  it('reconciles plan vs actual per category with the year’s entries, transfers left out', async () => {
    const id = (code: string) => categoryIdByCode(t.deps.db, code);
    await t.value('budget.set', { year: 2026, categoryId: await id('rent'), plannedMinor: 6_000_000 });
    await t.value('budget.set', { year: 2026, categoryId: await id('paidServices'), plannedMinor: 10_000_000 });
    await t.value('budget.set', { year: 2025, categoryId: await id('rent'), plannedMinor: 1 });
    await post({ accountId: cashBox, date: '2026-01-05', amountMinor: -500_000, code: 'rent' });
    const r = await post({ accountId: cashBox, date: '2026-02-05', amountMinor: -500_000, code: 'rent' });
    await post({ accountId: cashBox, date: '2026-02-06', amountMinor: 500_000, code: 'rent', reverses: r });
    await post({ accountId: cashBox, date: '2026-03-01', amountMinor: 850_050, code: 'paidServices' });
    await post({ accountId: cashBox, date: '2025-12-31', amountMinor: -999_999, code: 'rent' });
    await post({ accountId: cashBox, date: '2026-03-02', amountMinor: -100_000, code: null, transfer: 'g1' });
    await post({ accountId: bank, date: '2026-03-02', amountMinor: 100_000, code: null, transfer: 'g1' });

    const b = await t.value('budget.get', { year: 2026 });
    const all = [...b.income, ...b.expense];
    for (const row of all) {
      const s = sql<{ s: number }>("select coalesce(sum(amount_minor), 0) as s from cash_entries where category_id = ? and entry_date between '2026-01-01' and '2026-12-31'", row.categoryId).s;
      expect(row.actualMinor).toBe(row.direction === 'income' ? s : -s);
      expect(row.differenceMinor).toBe(row.actualMinor - row.plannedMinor);
    }
    const rent = b.expense.find((x) => x.code === 'rent');
    expect(rent).toMatchObject({ plannedMinor: 6_000_000, actualMinor: 500_000, differenceMinor: -5_500_000 });
    expect(b.totals.income).toEqual({ plannedMinor: 10_000_000, actualMinor: 850_050, differenceMinor: -9_149_950 });
    expect(b.totals.expense.actualMinor).toBe(500_000);
    expect(b.totals.net.actualMinor).toBe(350_050);
    // Transfers have no category: the year's total of categorised entries is income − expenses.
    const net = sql<{ s: number }>("select sum(amount_minor) as s from cash_entries where category_id is not null and entry_date like '2026-%'").s;
    expect(b.totals.net.actualMinor).toBe(net);

    // 0 removes a plan.
    const cleared = await t.value('budget.set', { year: 2026, categoryId: await id('rent'), plannedMinor: 0 });
    expect(cleared.expense.find((x) => x.code === 'rent')?.plannedMinor).toBe(0);
    expect(sql<{ n: number }>('select count(*) as n from annual_budgets where year = 2026').n).toBe(1);
  });
});

describe('in-kind contributions', () => {
  async function doneTask(date: string, minutes: Array<[number, number]>): Promise<void> {
    const kinds = await t.value('catalogue.list', {});
    const kindId = kinds.find((k) => k.code === 'firewood')?.id ?? -1;
    const task = await t.value('tasks.create', {
      residentId: 1,
      kindId,
      scheduledOn: date,
      partOfDay: 'morning',
      startTime: null,
      estimatedMinutes: 60,
      volunteerIds: minutes.map(([v]) => v),
      note: '',
    });
    await t.value('tasks.complete', { id: task.id, outcome: { doneOn: date, minutes: minutes.map(([volunteerId, m]) => ({ volunteerId, minutes: m })), note: '', advances: [] } });
  }

  it('values volunteer hours at the rate exactly and sums each month from its parts', async () => {
    await t.value('residents.create', residentInput());
    const v1 = (await t.value('volunteers.create', volunteerInput())).id;
    const v2 = (await t.value('volunteers.create', volunteerInput({ lastName: 'Петров', firstName: 'Илья' }))).id;
    await doneTask('2026-10-05', [
      [v1, 90],
      [v2, 45],
    ]);
    await doneTask('2026-10-20', [[v1, 50]]);
    await doneTask('2026-11-03', [[v2, 20]]);
    expect(await t.value('inKind.rate', {})).toEqual({ rateMinor: 0, currency: 'RUB' });
    expect(await t.value('inKind.setRate', { rateMinor: 25_050 })).toEqual({ rateMinor: 25_050, currency: 'RUB' });

    await t.value('rent.createLease', leaseInput({ startsOn: '2026-10-01' }));
    await t.value('inKind.create', { date: '2026-10-12', kind: 'goods', donor: 'Магазин «Уют»', description: 'Мука и крупа', valueMinor: 300_000 });
    const services = await t.value('inKind.create', { date: '2026-10-15', kind: 'services', donor: 'Автосервис', description: 'Ремонт машины', valueMinor: 450_000 });
    await t.value('inKind.update', { id: services.id, data: { date: '2026-10-15', kind: 'services', donor: 'Автосервис', description: 'Ремонт машины', valueMinor: 400_000 } });
    const gone = await t.value('inKind.create', { date: '2026-11-01', kind: 'goods', donor: '', description: 'Ошибка', valueMinor: 1 });
    await t.value('inKind.remove', { id: gone.id });

    const report = await t.value('inKind.report', { fromMonth: '2026-09', toMonth: '2026-11' });
    expect(report.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    const oct = report.months[1];
    // 185 minutes × 250.50 per hour = 772.375 → 772.38 (half up, in kopecks).
    expect(oct).toEqual({ month: '2026-10', rentDiscountMinor: 2_000_000, goodsMinor: 300_000, servicesMinor: 400_000, volunteerMinutes: 185, volunteerMinor: 77_238, totalMinor: 2_777_238 });
    // 20 minutes × 250.50 = 83.50 exactly.
    expect(report.months[2]?.volunteerMinor).toBe(8_350);
    expect(report.months[0]?.totalMinor).toBe(0);
    for (const m of report.months) expect(m.totalMinor).toBe(m.rentDiscountMinor + m.goodsMinor + m.servicesMinor + m.volunteerMinor);
    expect(report.totals.totalMinor).toBe(report.months.reduce((s, m) => s + m.totalMinor, 0));
    expect(report.totals.volunteerMinutes).toBe(205);

    // Generated rent discounts change with their lease only; in-kind never touches the cash book.
    const rows = await t.value('inKind.list', { fromMonth: '2026-10', toMonth: '2026-11' });
    const discount = rows.find((r) => r.kind === 'rentDiscount');
    expect(discount?.generated).toBe(true);
    expect(errorCode(await t.call('inKind.remove', { id: discount?.id ?? -1 }))).toBe('correctAtSource');
    expect(sql<{ n: number }>('select count(*) as n from cash_entries').n).toBe(0);
  });
});

describe('field policy', () => {
  it('declares every member the funding calls return, so the treasurer receives them all', async () => {
    const g = await t.value('grants.create', { grant: grantInput({ startsOn: '2026-01-01', endsOn: '2026-06-30' }), lines: [{ name: 'Куратор', plannedMinor: 1_000 }] });
    await t.value('grants.addTranche', { grantId: g.id, expectedOn: '2026-02-01', amountMinor: 500, note: 'Транш' });
    await post({ accountId: bank, date: '2026-07-05', amountMinor: -2_000, code: 'salaries', grantId: g.id, budgetLineId: g.lines[0]?.id ?? -1 });
    const lease = await t.value('rent.createLease', leaseInput({ startsOn: '2026-10-01', accountId: bank }));
    await t.value('inKind.create', { date: '2026-10-12', kind: 'goods', donor: 'Магазин', description: 'Мука', valueMinor: 300_000, grantId: g.id });
    const overview = await t.value('rent.overview', {});
    await t.value('rent.pay', { chargeId: overview.overdue[0]?.id ?? -1 });
    const outputs: Array<[string, unknown]> = [
      ['grants.list', await t.value('grants.list', {})],
      ['grants.get', await t.value('grants.get', { id: g.id })],
      ['budget.get', await t.value('budget.get', { year: 2026 })],
      ['rent.overview', await t.value('rent.overview', { leaseId: lease.id })],
      ['rent.overdueCount', await t.value('rent.overdueCount', {})],
      ['inKind.list', await t.value('inKind.list', { fromMonth: '2026-01', toMonth: '2026-12' })],
      ['inKind.report', await t.value('inKind.report', { fromMonth: '2026-10', toMonth: '2026-11' })],
      ['inKind.rate', await t.value('inKind.rate', {})],
    ];
    // Declared exactly (strict: no undeclared member) and received whole by the treasurer.
    for (const [name, value] of outputs) expect(viewSchema(contract[name as CallName].output, 'treasurer').safeParse(value).error, name).toBeUndefined();
    const redacted = outputs.map(([name, value]) => [name, redactFor(contract[name as CallName].output, 'treasurer', value)]);
    expect(redacted).toEqual(outputs);
  });
});

describe('roles', () => {
  it('lets the treasurer and admin in and keeps the front desk and coordinators out of every call', async () => {
    const inputs = grantsValidInputs();
    for (const [name, input] of Object.entries(inputs)) {
      expect(errorCode(await t.raw(name as CallName, input, FRONTDESK))).toBe('forbidden');
      expect(errorCode(await t.raw(name as CallName, input, COORDINATOR))).toBe('forbidden');
    }
    expect((await t.call('grants.list', {}, TREASURER)).ok).toBe(true);
    expect((await t.call('rent.createLease', leaseInput(), TREASURER)).ok).toBe(true);
    expect((await t.call('inKind.report', { fromMonth: '2026-01', toMonth: '2026-12' }, ADMIN)).ok).toBe(true);
  });

  it('refuses bad input with field messages', async () => {
    const e = await t.call('rent.createLease', leaseInput({ dueDay: 31, startsOn: '2026-05-01', endsOn: '2026-04-01' }));
    expect(e.ok ? [] : e.error.fields?.map((f) => f.path).sort()).toEqual(['dueDay', 'endsOn']);
    expect(errorCode(await t.call('grants.create', { grant: grantInput({ amountMinor: 12.5 }), lines: [] }))).toBe('validation');
    expect(errorCode(await t.call('grants.addTranche', { grantId: 1, expectedOn: '2026-02-30', amountMinor: 0, note: '' }))).toBe('validation');
  });
});
