import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';

// Monday 16 November 2026, 09:30 UTC.
const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };

let t: TestCore;
let printing: number;
let copies: number;
let lamination: number;
let cashBox: number;
let bank: number;

function errorCode(e: Envelope<unknown>): string | null {
  return e.ok ? null : e.error.code;
}

async function account(kind: 'cash' | 'bank', opening: number, name = kind === 'cash' ? 'Касса' : 'Сбербанк'): Promise<number> {
  const row = await t.deps.db
    .insertInto('cash_accounts')
    .values({ name, kind, currency: 'RUB', opening_balance_minor: opening, opening_date: '2026-11-01', archived_at: null, created_at: NOW, created_by: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The cash book as SQL sees it: the sum of an account's entries, and its balance with the opening. */
async function entriesSum(accountId: number): Promise<number> {
  const r = t.sqlite.prepare('select coalesce(sum(amount_minor), 0) as s from cash_entries where account_id = ?').get(accountId) as { s: number };
  return r.s;
}

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await t.value('setup.complete', { ...settingsInput(), demo: false });
  const kinds = await t.value('catalogue.list', {});
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? -1;
  printing = kind('printing');
  copies = kind('copies');
  lamination = kind('lamination');
  // Accounts a new centre may get at set-up are put aside: these tests open their own.
  await t.deps.db.updateTable('cash_accounts').set({ archived_at: NOW }).execute();
  cashBox = await account('cash', 150_000);
  bank = await account('bank', 1_000_000);
});
afterEach(async () => {
  await t.close();
});

describe('prices', () => {
  it('lists the paid kinds, keeps the history and refuses a free kind', async () => {
    const before = await t.value('till.prices', {});
    expect(before.currency).toBe('RUB');
    expect(before.kinds.map((k) => k.kindCode)).toEqual(['printing', 'copies', 'lamination', 'documentPhotos', 'formTyping']);
    expect(before.kinds.every((k) => k.current === null)).toBe(true);

    await t.value('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' });
    t.clock.advance(60_000);
    const after = await t.value('till.setPrice', { kindId: printing, priceMinor: 1500, unit: 'page' });
    const p = after.kinds.find((k) => k.kindId === printing);
    expect(p?.current?.priceMinor).toBe(1500);
    expect(p?.history.map((h) => h.priceMinor)).toEqual([1500, 1000]);

    const kinds = await t.value('catalogue.list', {});
    const free = kinds.find((k) => k.code === 'firewood')?.id ?? -1;
    const refused = await t.call('till.setPrice', { kindId: free, priceMinor: 100, unit: 'piece' });
    expect(refused.ok ? null : refused.error.fields).toEqual([{ path: 'kindId', message: 'validation.unknownKind' }]);
    expect(errorCode(await t.call('till.setPrice', { kindId: printing, priceMinor: 0, unit: 'page' }))).toBe('validation');
    expect(errorCode(await t.call('till.setPrice', { kindId: printing, priceMinor: 12.5, unit: 'page' }))).toBe('validation');
  });
});

describe('sales', () => {
  beforeEach(async () => {
    await t.value('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' });
    await t.value('till.setPrice', { kindId: copies, priceMinor: 750, unit: 'copy' });
  });

  it('computes total = price × quantity and posts one paid-service entry to the cash box', async () => {
    const resident = await t.value('residents.create', residentInput());
    const { sale, centreName } = await t.value('till.sell', { kindId: printing, quantity: 3, residentId: resident.id, payment: 'cash' }, FRONTDESK);
    expect(centreName).toBe('Сылвенский центр');
    expect(sale).toMatchObject({ unitPriceMinor: 1000, quantity: 3, totalMinor: 3000, currency: 'RUB', payment: 'cash', accountId: cashBox, unit: 'page', day: '2026-11-16', residentId: resident.id });
    expect(sale.receiptNo).toBe(String(sale.id).padStart(6, '0'));
    expect(sale.residentName).toBe(resident.fullName);
    const entry = await t.deps.db.selectFrom('cash_entries as e').innerJoin('cash_categories as c', 'c.id', 'e.category_id').select(['e.amount_minor', 'e.account_id', 'e.source', 'c.code', 'e.entry_date']).where('e.id', '=', sale.entryId ?? -1).executeTakeFirstOrThrow();
    expect(entry).toEqual({ amount_minor: 3000, account_id: cashBox, source: 'sale', code: 'paidServices', entry_date: '2026-11-16' });

    const card = await t.value('till.sell', { kindId: copies, quantity: 7, residentId: null, payment: 'card' }, FRONTDESK);
    expect(card.sale).toMatchObject({ totalMinor: 5250, accountId: bank, payment: 'card' });
    expect(await entriesSum(bank)).toBe(5250);
    expect(await entriesSum(cashBox)).toBe(3000);
  });

  it('total = price × quantity exactly for many prices and quantities', async () => {
    const cases: Array<[number, number]> = [
      [1, 1],
      [999, 10_000],
      [1234567, 3],
      [333, 7],
    ];
    for (const [price, quantity] of cases) {
      await t.value('till.setPrice', { kindId: lamination, priceMinor: price, unit: 'piece' });
      t.clock.advance(1000);
      const { sale } = await t.value('till.sell', { kindId: lamination, quantity, residentId: null, payment: 'cash' });
      expect(sale.totalMinor).toBe(price * quantity);
    }
  });

  it('a price change does not change earlier sales', async () => {
    const first = await t.value('till.sell', { kindId: printing, quantity: 2, residentId: null, payment: 'cash' });
    t.clock.advance(60_000);
    await t.value('till.setPrice', { kindId: printing, priceMinor: 1200, unit: 'page' });
    t.clock.advance(60_000);
    const second = await t.value('till.sell', { kindId: printing, quantity: 2, residentId: null, payment: 'cash' });
    expect(second.sale.totalMinor).toBe(2400);
    const again = await t.value('till.receipt', { saleId: first.sale.id });
    expect(again.sale).toMatchObject({ unitPriceMinor: 1000, totalMinor: 2000 });
    const rows = await t.deps.db.selectFrom('sales').select(['id', 'price_id', 'unit_price_minor']).orderBy('id').execute();
    expect(rows[0]?.price_id).not.toBe(rows[1]?.price_id);
  });

  it('refuses a kind without a price, a missing account, an unknown resident and a zero quantity', async () => {
    expect(errorCode(await t.call('till.sell', { kindId: lamination, quantity: 1, residentId: null, payment: 'cash' }))).toBe('noPrice');
    expect(errorCode(await t.call('till.sell', { kindId: printing, quantity: 0, residentId: null, payment: 'cash' }))).toBe('validation');
    const unknown = await t.call('till.sell', { kindId: printing, quantity: 1, residentId: 999, payment: 'cash' });
    expect(unknown.ok ? null : unknown.error.fields).toEqual([{ path: 'residentId', message: 'validation.unknownResident' }]);
    await t.deps.db.updateTable('cash_accounts').set({ archived_at: NOW }).where('id', '=', bank).execute();
    const before = t.dump();
    expect(errorCode(await t.call('till.sell', { kindId: printing, quantity: 1, residentId: null, payment: 'card' }))).toBe('noTillAccount');
    // Nothing half-written.
    expect(t.dump()).toEqual(before);
  });

  it('a sale and its reversal net to zero in the sales and in the cash book; no second reversal', async () => {
    const { sale } = await t.value('till.sell', { kindId: printing, quantity: 3, residentId: null, payment: 'cash' }, FRONTDESK);
    t.clock.advance(5 * 60_000);
    const { sale: reversal } = await t.value('till.reverse', { saleId: sale.id }, FRONTDESK);
    expect(reversal).toMatchObject({ quantity: -3, totalMinor: -3000, reversesSaleId: sale.id, accountId: cashBox, payment: 'cash' });
    const entry = await t.deps.db.selectFrom('cash_entries').selectAll().where('id', '=', reversal.entryId ?? -1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ amount_minor: -3000, source: 'reversal', reverses_entry_id: sale.entryId });
    expect(await entriesSum(cashBox)).toBe(0);
    const sum = t.sqlite.prepare('select sum(total_minor) as s, sum(quantity) as q from sales').get() as { s: number; q: number };
    expect(sum).toEqual({ s: 0, q: 0 });
    expect((await t.value('till.receipt', { saleId: sale.id })).sale.reversedBySaleId).toBe(reversal.id);

    expect(errorCode(await t.call('till.reverse', { saleId: sale.id }))).toBe('alreadyReversed');
    expect(errorCode(await t.call('till.reverse', { saleId: reversal.id }))).toBe('reversalOfReversal');
    expect(errorCode(await t.call('till.reverse', { saleId: 999 }))).toBe('notFound');
    // Posted entries cannot be edited either.
    expect(() => t.sqlite.prepare('update cash_entries set amount_minor = 1 where id = ?').run(sale.entryId)).toThrow(/reversal/);
  });
});

describe('the day and the cash-up', () => {
  beforeEach(async () => {
    await t.value('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' });
    await t.value('till.setPrice', { kindId: copies, priceMinor: 750, unit: 'copy' });
  });

  it("the day's totals by kind and payment reconcile with the sales rows, reversals netted", async () => {
    const sell = (kindId: number, quantity: number, payment: 'cash' | 'card') => t.value('till.sell', { kindId, quantity, residentId: null, payment });
    await sell(printing, 3, 'cash');
    const wrong = await sell(printing, 10, 'cash');
    await sell(copies, 4, 'card');
    await sell(copies, 2, 'cash');
    await t.value('till.reverse', { saleId: wrong.sale.id });
    const day = await t.value('till.day', {}, FRONTDESK);
    expect(day.day).toBe('2026-11-16');
    expect(day.sales).toHaveLength(5);
    const kindOf = (id: number) => day.byKind.find((k) => k.kindId === id);
    expect(kindOf(printing)).toMatchObject({ count: 1, quantity: 3, totalMinor: 3000 });
    expect(kindOf(copies)).toMatchObject({ count: 2, quantity: 6, totalMinor: 4500 });
    expect(day.byPayment).toEqual([
      { payment: 'cash', count: 2, totalMinor: 4500 },
      { payment: 'card', count: 1, totalMinor: 3000 },
    ]);
    expect(day.reversals).toEqual({ count: 1, totalMinor: -10000 });
    // Against SQL over the rows themselves.
    const sql = t.sqlite.prepare("select coalesce(sum(total_minor), 0) as s from sales where day = '2026-11-16'").get() as { s: number };
    expect(day.totalMinor).toBe(sql.s);
    expect(day.byKind.reduce((s, k) => s + k.totalMinor, 0)).toBe(sql.s);
    expect(day.byPayment.reduce((s, p) => s + p.totalMinor, 0)).toBe(sql.s);
    expect(day.tillCashMinor).toBe(4500);
    expect(day.expectedCashMinor).toBe(150_000 + 4500);
  });

  it('expected cash is the cash account balance (non-till entries too); difference = counted − expected', async () => {
    await t.value('till.sell', { kindId: printing, quantity: 5, residentId: null, payment: 'cash' });
    // A non-till expense from the cash box the same day, and one the next day (not counted).
    const { postEntry, categoryIdByCode } = await import('../cashbook/ledger');
    const supplies = await categoryIdByCode(t.deps.db, 'supplies');
    await postEntry(t.deps.db, { accountId: cashBox, date: '2026-11-16', amountMinor: -2000, categoryId: supplies, source: 'manual' }, { id: 1, role: 'admin' }, NOW);
    await postEntry(t.deps.db, { accountId: cashBox, date: '2026-11-17', amountMinor: -9900, categoryId: supplies, source: 'manual' }, { id: 1, role: 'admin' }, NOW);
    const day = await t.value('till.day', { day: '2026-11-16' });
    expect(day.tillCashMinor).toBe(5000);
    expect(day.expectedCashMinor).toBe(150_000 + 5000 - 2000);

    const short = await t.value('till.cashUp', { day: '2026-11-16', countedMinor: 152_500, note: 'монеты' }, FRONTDESK);
    expect(short).toMatchObject({ expectedMinor: 153_000, countedMinor: 152_500, differenceMinor: -500, accountId: cashBox, currency: 'RUB', note: 'монеты' });
    const exact = await t.value('till.cashUp', { day: '2026-11-16', countedMinor: 153_000, note: '' }, FRONTDESK);
    expect(exact.differenceMinor).toBe(0);
    const balance = 150_000 + (await entriesSum(cashBox)) + 9900; // without the entry of the 17th
    expect(exact.expectedMinor).toBe(balance);
    const list = await t.value('till.cashUps', { limit: 10 });
    expect(list.map((c) => c.id)).toEqual([exact.id, short.id]);
    expect((await t.value('till.day', { day: '2026-11-16' })).cashUps).toHaveLength(2);
    const stored = t.sqlite.prepare('select counted_minor - expected_minor = difference_minor as ok from cash_ups').all() as Array<{ ok: number }>;
    expect(stored.every((r) => r.ok === 1)).toBe(true);

    expect(errorCode(await t.call('till.cashUp', { day: '2026-11-17', countedMinor: 0, note: '' }))).toBe('validation');
  });
});

describe('roles through dispatch', () => {
  it('coordinators see nothing of the till; the front desk sells and cashes up but does not set prices', async () => {
    for (const [name, input] of [
      ['till.prices', {}],
      ['till.day', {}],
      ['till.sell', { kindId: printing, quantity: 1 }],
      ['till.cashUps', {}],
      ['till.cashUp', { day: '2026-11-16', countedMinor: 0 }],
    ] as const) {
      expect(errorCode(await t.raw(name, input, COORDINATOR))).toBe('forbidden');
    }
    expect(errorCode(await t.call('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' }, FRONTDESK))).toBe('forbidden');
    await t.value('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' }, TREASURER);
    const { sale } = await t.value('till.sell', { kindId: printing, quantity: 1, residentId: null, payment: 'cash' }, FRONTDESK);
    expect(errorCode(await t.call('till.reverse', { saleId: sale.id }, COORDINATOR))).toBe('forbidden');
    await t.value('till.reverse', { saleId: sale.id }, FRONTDESK);
    await t.value('till.cashUp', { day: '2026-11-16', countedMinor: 150_000, note: '' }, FRONTDESK);
    const list = await t.value('till.prices', {}, FRONTDESK);
    expect(list.kinds.find((k) => k.kindId === printing)?.current?.priceMinor, JSON.stringify(list)).toBe(1000);
  });
});

describe('demo data', () => {
  it('prices with a history, 7,000–12,000 RUB of sales a month, reversals and cash-ups that match the cash book', async () => {
    const { demoTill } = await import('../../demo/till.demo');
    const { fixedClock } = await import('../../clock');
    // A fresh centre: only the accounts set-up creates (or one cash box and one bank account).
    await t.deps.db.updateTable('cash_accounts').set({ archived_at: null }).where('id', 'not in', [cashBox, bank]).execute();
    const active = await t.deps.db.selectFrom('cash_accounts').select(['id', 'kind']).where('archived_at', 'is', null).orderBy('sort_order').orderBy('id').execute();
    const moving = fixedClock(NOW);
    let day = '2026-11-16';
    const backdated = { ...t.deps, clock: { now: () => moving.now(), today: () => day } };
    await demoTill({
      backdated,
      deps: t.deps,
      setTime: (at, date) => {
        moving.set(new Date(Math.min(at, Date.parse(NOW))).toISOString());
        day = date;
      },
      actor: { id: 1, role: 'admin' },
      today: '2026-11-16',
      now: Date.parse(NOW),
      windowDays: 182,
      seed: 0x7111,
    });
    const prices = await t.value('till.prices', {});
    expect(prices.kinds.find((k) => k.kindCode === 'printing')?.history.map((h) => h.priceMinor)).toEqual([1000, 800]);
    // Whole months of the window: income from paid services per month, from the cash book.
    const months = t.sqlite
      .prepare(
        `select e.month_key as m, sum(e.amount_minor) as s from cash_entries e join cash_categories c on c.id = e.category_id
         where c.code = 'paidServices' group by e.month_key order by e.month_key`,
      )
      .all() as Array<{ m: string; s: number }>;
    const whole = months.filter((r) => r.m >= '2026-06' && r.m <= '2026-10');
    expect(whole, JSON.stringify(months)).toHaveLength(5);
    for (const r of whole) {
      expect(r.s, JSON.stringify(months)).toBeGreaterThanOrEqual(700_000);
      expect(r.s).toBeLessThanOrEqual(1_200_000);
    }
    const sales = t.sqlite.prepare('select count(*) as n, sum(reverses_sale_id is not null) as r, sum(total_minor) as s from sales').get() as { n: number; r: number; s: number };
    expect(sales.r).toBeGreaterThan(0);
    const entries = t.sqlite.prepare("select sum(amount_minor) as s from cash_entries where source in ('sale', 'reversal')").get() as { s: number };
    expect(entries.s).toBe(sales.s);
    // No sale on a weekend; every sale dated in the window and not after now.
    const weekend = t.sqlite.prepare("select count(*) as n from sales where strftime('%w', day) in ('0', '6')").get() as { n: number };
    expect(weekend.n).toBe(0);
    const late = t.sqlite.prepare('select count(*) as n from sales where sold_at > ?').get(NOW) as { n: number };
    expect(late.n).toBe(0);
    // Cash-ups on most working days, each one's expected figure = the cash box balance then.
    const ups = await t.value('till.cashUps', { limit: 500 });
    expect(ups.length).toBeGreaterThan(100);
    const cashId = active.find((a) => a.kind === 'cash')?.id;
    for (const c of ups.slice(0, 20)) {
      expect(c.accountId).toBe(cashId);
      const day = await t.value('till.day', { day: c.day });
      expect(c.expectedMinor).toBe(day.expectedCashMinor);
      expect(c.differenceMinor).toBe(c.countedMinor - c.expectedMinor);
    }
    expect(ups.some((c) => c.differenceMinor < 0)).toBe(true);
  });
});
