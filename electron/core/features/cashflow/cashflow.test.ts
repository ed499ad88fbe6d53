import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ADMIN } from '../../context';
import type { Executor } from '../../db/schema';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { settingsInput } from '../../testing/builders';
import { parseCsv } from '../../export/csv';
import { writeSettings } from '../settings/settings.service';
import { categoryIdByCode, postEntry } from '../cashbook/ledger';
import { monthRange } from '../../../../shared/domain/dates';
import type { CashflowBlock, CashflowReport } from '../../../../shared/domain/cashflow';
import { cashflowHandlers } from './cashflow.handlers';

const NOW = '2026-11-16T09:30:00.000Z';
const AT = NOW;
let t: TestCore;
let db: Executor;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  db = t.deps.db;
});
afterEach(async () => {
  await t.close();
});

async function account(name: string, currency: string, openingMinor: number, openingDate: string): Promise<number> {
  const row = await db
    .insertInto('cash_accounts')
    .values({ name, kind: 'cash', currency, opening_balance_minor: openingMinor, opening_date: openingDate, archived_at: null, created_at: AT, created_by: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function post(accountId: number, date: string, amountMinor: number, code: string | null, extra: Partial<Parameters<typeof postEntry>[1]> = {}) {
  const categoryId = code === null ? null : await categoryIdByCode(db, code);
  return postEntry(db, { accountId, date, amountMinor, categoryId, source: code === null ? 'transfer' : 'manual', ...extra }, BUILT_IN_ADMIN, AT);
}

async function transfer(from: number, to: number, date: string, amount: number, group: string) {
  await post(from, date, -amount, null, { transferGroup: group });
  await post(to, date, amount, null, { transferGroup: group });
}

/** The identities every block of a report must satisfy. */
function expectReconciles(b: CashflowBlock) {
  const n = b.openingMinor.length;
  for (let i = 0; i < n; i++) {
    const flow = b.startedMinor[i]! + b.incomeMinor[i]! - b.expensesMinor[i]! + b.transfersInMinor[i]! - b.transfersOutMinor[i]!;
    expect(b.closingMinor[i]).toBe(b.openingMinor[i]! + flow);
    if (i + 1 < n) expect(b.openingMinor[i + 1]).toBe(b.closingMinor[i]);
    const income = b.lines.filter((l) => l.direction === 'income').reduce((s, l) => s + l.amountsMinor[i]!, 0);
    const expenses = b.lines.filter((l) => l.direction === 'expense').reduce((s, l) => s + l.amountsMinor[i]!, 0);
    expect(income).toBe(b.incomeMinor[i]);
    expect(expenses).toBe(b.expensesMinor[i]);
  }
  for (const l of b.lines) expect(l.totalMinor).toBe(l.amountsMinor.reduce((s, x) => s + x, 0));
}

describe('cashflow.report', () => {
  it('shows every month, also the empty ones, and carries the balance through them', async () => {
    const box = await account('Касса', 'RUB', 500000, '2026-01-10');
    await post(box, '2026-01-20', 850000, 'paidServices');
    await post(box, '2026-01-25', -500000, 'rent');
    await post(box, '2026-04-05', -100000, 'utilities');
    const r = await t.value('cashflow.report', { from: '2026-01', to: '2026-05' });
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    const [b] = r.accounts;
    expect(b!.openingMinor).toEqual([0, 850000, 850000, 850000, 750000]);
    expect(b!.startedMinor).toEqual([500000, 0, 0, 0, 0]);
    expect(b!.incomeMinor).toEqual([850000, 0, 0, 0, 0]);
    expect(b!.expensesMinor).toEqual([500000, 0, 0, 100000, 0]);
    expect(b!.closingMinor).toEqual([850000, 850000, 850000, 750000, 750000]);
    expect(b!.lines.map((l) => [l.code, l.direction, l.totalMinor])).toEqual([
      ['paidServices', 'income', 850000],
      ['rent', 'expense', 500000],
      ['utilities', 'expense', 100000],
    ]);
    expectReconciles(b!);
    // A range after the entries: the opening balance is everything before it.
    const later = await t.value('cashflow.report', { from: '2026-06', to: '2026-07' });
    expect(later.accounts[0]!.openingMinor).toEqual([750000, 750000]);
    expect(later.accounts[0]!.lines).toEqual([]);
    // A range before the account was opened: it does not appear.
    const before = await t.value('cashflow.report', { from: '2025-10', to: '2025-12' });
    expect(before.accounts).toEqual([]);
    expect(before.months).toHaveLength(3);
  });

  it('keeps transfers apart from income and expenses, never adds currencies, and filters by account', async () => {
    const box = await account('Касса', 'RUB', 100000, '2026-01-01');
    const bank = await account('Банк', 'RUB', 2000000, '2026-01-01');
    const euro = await account('Euro', 'EUR', 5000, '2026-01-01');
    await transfer(bank, box, '2026-02-03', 300000, 'g1');
    await post(box, '2026-02-10', -120000, 'supplies');
    await post(euro, '2026-02-11', 2500, 'donations');
    const r = await t.value('cashflow.report', { from: '2026-02', to: '2026-02' });
    const rub = r.totals.find((x) => x.currency === 'RUB')!;
    const eur = r.totals.find((x) => x.currency === 'EUR')!;
    expect(r.totals.map((x) => x.currency)).toEqual(['EUR', 'RUB']);
    expect(rub.openingMinor).toEqual([2100000]);
    expect(rub.transfersInMinor).toEqual([300000]);
    expect(rub.transfersOutMinor).toEqual([300000]);
    expect(rub.incomeMinor).toEqual([0]);
    expect(rub.expensesMinor).toEqual([120000]);
    expect(rub.closingMinor).toEqual([1980000]);
    expect(eur.closingMinor).toEqual([7500]);
    const boxOnly = await t.value('cashflow.report', { from: '2026-02', to: '2026-02', accountId: box });
    expect(boxOnly.accounts.map((a) => a.accountName)).toEqual(['Касса']);
    expect(boxOnly.accounts[0]!.transfersInMinor).toEqual([300000]);
    expect(boxOnly.totals).toHaveLength(1);
    expect(boxOnly.totals[0]!.closingMinor).toEqual([280000]);
    const missing = await t.call('cashflow.report', { from: '2026-02', to: '2026-02', accountId: 999 });
    expect(missing.ok).toBe(false);
  });

  it('refuses a reversed range and more than 120 months (ten years)', async () => {
    expect((await t.raw('cashflow.report', { from: '2016-05', to: '2026-04' })).ok).toBe(true);
    for (const input of [
      { from: '2026-05', to: '2026-04' },
      { from: '2016-04', to: '2026-04' },
      { from: '2026-13', to: '2026-14' },
    ]) {
      const e = await t.raw('cashflow.report', input);
      expect(e.ok).toBe(false);
    }
  });

  it('a reversal takes the amount off the same category in its own month', async () => {
    const box = await account('Касса', 'RUB', 0, '2026-01-01');
    const id = await post(box, '2026-03-30', -700000, 'salaries');
    await post(box, '2026-04-02', 700000, 'salaries', { source: 'reversal', reversesEntryId: id });
    const r = await t.value('cashflow.report', { from: '2026-03', to: '2026-04' });
    const salaries = r.accounts[0]!.lines.find((l) => l.code === 'salaries')!;
    expect(salaries.amountsMinor).toEqual([700000, -700000]);
    expect(r.accounts[0]!.closingMinor).toEqual([-700000, 0]);
  });

  it('always reconciles with the entries: random accounts, two currencies, transfers and reversals (property)', async () => {
    const income = ['paidServices', 'donations', 'grantTranche', 'otherIncome'];
    const expense = ['rent', 'utilities', 'salaries', 'supplies', 'medicines'];
    const accountSpec = fc.record({
      currency: fc.constantFrom('RUB', 'RUB', 'EUR'),
      opening: fc.integer({ min: -500000, max: 5000000 }),
      openedMonth: fc.integer({ min: 0, max: 9 }),
    });
    const op = fc.record({
      kind: fc.constantFrom('income', 'expense', 'expense', 'transfer', 'reversal'),
      a: fc.nat(),
      b: fc.nat(),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 1, max: 28 }),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
      category: fc.nat(),
    });
    const allMonths = monthRange('2025-12', '2026-11');
    await fc.assert(
      fc.asyncProperty(fc.array(accountSpec, { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 40 }), async (specs, ops) => {
        const c = await createTestCore({ now: NOW });
        db = c.deps.db;
        try {
          const accounts: Array<{ id: number; currency: string; opening: number; openedMonth: string }> = [];
          for (const [i, s] of specs.entries()) {
            const openedMonth = allMonths[s.openedMonth]!;
            accounts.push({ id: await account(`A${i}`, s.currency, s.opening, `${openedMonth}-05`), currency: s.currency, opening: s.opening, openedMonth });
          }
          const posted: Array<{ id: number; accountId: number; month: string; amount: number; code: string | null; group: string | null; reversed: boolean }> = [];
          for (const [k, o] of ops.entries()) {
            const month = allMonths[o.month]!;
            const date = `${month}-${String(o.day).padStart(2, '0')}`;
            const acc = accounts[o.a % accounts.length]!;
            if (o.kind === 'income' || o.kind === 'expense') {
              const list = o.kind === 'income' ? income : expense;
              const code = list[o.category % list.length]!;
              const amount = o.kind === 'income' ? o.amount : -o.amount;
              posted.push({ id: await post(acc.id, date, amount, code), accountId: acc.id, month, amount, code, group: null, reversed: false });
            } else if (o.kind === 'transfer') {
              const same = accounts.filter((x) => x.currency === acc.currency && x.id !== acc.id);
              if (same.length === 0) continue;
              const to = same[o.b % same.length]!;
              const group = `g${k}`;
              posted.push({ id: await post(acc.id, date, -o.amount, null, { transferGroup: group }), accountId: acc.id, month, amount: -o.amount, code: null, group, reversed: false });
              posted.push({ id: await post(to.id, date, o.amount, null, { transferGroup: group }), accountId: to.id, month, amount: o.amount, code: null, group, reversed: false });
            } else {
              const open = posted.filter((p) => !p.reversed);
              if (open.length === 0) continue;
              const original = open[o.b % open.length]!;
              original.reversed = true;
              const id = await post(original.accountId, date, -original.amount, original.code, {
                source: 'reversal',
                reversesEntryId: original.id,
                transferGroup: original.group,
              });
              posted.push({ id, accountId: original.accountId, month, amount: -original.amount, code: original.code, group: original.group, reversed: true });
            }
          }
          const from = '2026-02';
          const to = '2026-09';
          const r = (await c.value('cashflow.report', { from, to })) as CashflowReport;
          expect(r.months).toHaveLength(8);
          const shown = accounts.filter((a) => a.openedMonth <= to);
          expect(r.accounts.map((a) => a.accountId)).toEqual(shown.map((a) => a.id));
          for (const b of r.accounts) {
            expectReconciles(b);
            const acc = accounts.find((a) => a.id === b.accountId)!;
            const mine = posted.filter((p) => p.accountId === acc.id);
            const upTo = (m: string) => (acc.openedMonth <= m ? acc.opening : 0) + mine.filter((p) => p.month <= m).reduce((s, p) => s + p.amount, 0);
            expect(b.closingMinor[b.closingMinor.length - 1]).toBe(upTo(to));
            r.months.forEach((m, i) => {
              expect(b.closingMinor[i]).toBe(upTo(m));
              const inMonth = mine.filter((p) => p.month === m);
              expect(b.incomeMinor[i]).toBe(inMonth.filter((p) => p.code !== null && income.includes(p.code)).reduce((s, p) => s + p.amount, 0));
              expect(b.expensesMinor[i]).toBe(0 - inMonth.filter((p) => p.code !== null && expense.includes(p.code)).reduce((s, p) => s + p.amount, 0));
              expect(b.transfersInMinor[i]! - b.transfersOutMinor[i]!).toBe(inMonth.filter((p) => p.code === null).reduce((s, p) => s + p.amount, 0));
            });
          }
          // Totals: one per currency, each the sum of its accounts, never mixing currencies.
          expect(r.totals.map((x) => x.currency)).toEqual([...new Set(shown.map((a) => a.currency))].sort());
          for (const total of r.totals) {
            expectReconciles(total);
            const of = r.accounts.filter((a) => a.currency === total.currency);
            total.closingMinor.forEach((v, i) => expect(v).toBe(of.reduce((s, a) => s + a.closingMinor[i]!, 0)));
            total.openingMinor.forEach((v, i) => expect(v).toBe(of.reduce((s, a) => s + a.openingMinor[i]!, 0)));
          }
        } finally {
          await c.close();
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe('cashflow.outlook', () => {
  beforeEach(async () => {
    await writeSettings(db, settingsInput());
  });

  async function grantWithTranches(tranches: Array<[string, number, boolean]>) {
    const grant = await db
      .insertInto('grants')
      .values({ funder: 'Фонд президентских грантов', title: 'Тёплый дом', starts_on: '2026-01-01', ends_on: '2027-12-31', currency: 'RUB', amount_minor: 0, created_at: AT, created_by: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [on, amount, received] of tranches) {
      const entry = received ? await post(1, on, amount, 'grantTranche') : null;
      await db.insertInto('grant_tranches').values({ grant_id: grant.id, expected_on: on, amount_minor: amount, received_entry_id: entry, created_at: AT }).execute();
    }
  }

  it('says "no history" before the first complete month', async () => {
    await account('Касса', 'RUB', 1000000, '2026-11-02');
    const o = await t.value('cashflow.outlook', { months: 3 });
    expect(o.status).toBe('noHistory');
    expect(o.months).toEqual([]);
    expect(o.balanceMinor).toBe(1000000);
  });

  it('averages the last three complete months and counts the months the money covers (hand-computed)', async () => {
    // Today is 16 Nov 2026: the basis is Aug, Sep, Oct.
    const box = await account('Касса', 'RUB', 0, '2026-06-01');
    const bank = await account('Банк', 'RUB', 0, '2026-06-01');
    const euro = await account('Euro', 'EUR', 900000, '2026-06-01');
    expect(box).toBe(1);
    for (const [m, paid] of [
      ['2026-08', 700000],
      ['2026-09', 1200000],
      ['2026-10', 1000000],
    ] as const) {
      await post(box, `${m}-10`, paid, 'paidServices');
      await post(bank, `${m}-05`, -500000, 'rent');
      await post(bank, `${m}-25`, -2000000, 'salaries');
      await post(bank, `${m}-20`, -300000, 'utilities');
      await post(box, `${m}-12`, -99999, 'supplies'); // not a fixed cost
      await post(box, `${m}-13`, 50000, 'donations'); // not paid services
    }
    await post(bank, '2026-07-01', -9000000, 'salaries'); // outside the basis
    await post(euro, '2026-10-01', -100, 'rent'); // another currency: ignored
    await post(bank, '2026-06-02', 20000000, 'donations');
    await post(bank, '2026-11-30', -5000000, 'rent'); // after today: not in the balance
    await grantWithTranches([
      ['2026-09-15', 1500000, true], // received: already in the balance
      ['2027-01-15', 3000000, false],
      ['2026-10-30', 1000000, false], // overdue: counted this month
    ]);
    const o = await t.value('cashflow.outlook', { months: 3 });
    // paid: (700000 + 1200000 + 1000000) / 3 = 966667; fixed: 500000 + 2000000 + 300000 = 2800000.
    expect(o.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(o.paidServicesMinor).toBe(966667);
    expect(o.fixedCostsMinor).toBe(2800000);
    expect(o.burnMinor).toBe(1833333);
    // balance: 20000000 − 9000000 + 3 × (paid − 2800000 − 99999 + 50000) + 1500000
    //        = 11000000 + (2900000 − 8400000 − 299997 + 150000) + 1500000 = 6850003.
    expect(o.balanceMinor).toBe(6850003);
    expect(o.expectedMinor).toBe(4000000);
    expect(o.tranches.map((x) => x.expectedOn)).toEqual(['2026-10-30', '2027-01-15']);
    // Nov: 6850003 + 1000000 − 1833333 = 6016670; Dec: 4183337; Jan: +3000000 − 1833333 = 5350004;
    // Feb: 3516671; Mar: 1683338; Apr: 1683338 < 1833333 → runs out in April 2027, 5.9 months.
    expect(o.status).toBe('runsOut');
    expect(o.lastMonth).toBe('2027-03');
    expect(o.runsOutMonth).toBe('2027-04');
    expect(o.coverMonths).toBe(5.9);
    // Over six months the basis starts at the first month with entries (June), not before.
    const six = await t.value('cashflow.outlook', { months: 6 });
    expect(six.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(six.fixedCostsMinor).toBe(Math.round((3 * 2800000 + 9000000) / 5));
  });

  it('says the balance is growing when paid services cover the fixed costs, and warns about a negative balance', async () => {
    const box = await account('Касса', 'RUB', 100000, '2026-01-01');
    for (const m of ['2026-08', '2026-09', '2026-10']) {
      await post(box, `${m}-10`, 600000, 'paidServices');
      await post(box, `${m}-11`, -500000, 'rent');
    }
    const growing = await t.value('cashflow.outlook', { months: 3 });
    expect(growing.status).toBe('growing');
    expect(growing.burnMinor).toBe(-100000);
    await post(box, '2026-11-01', -9000000, 'otherExpense');
    const negative = await t.value('cashflow.outlook', { months: 3 });
    expect(negative.status).toBe('negative');
    expect(negative.balanceMinor).toBe(100000 + 300000 - 9000000);
  });

  it('covers exactly one month, then runs out in the current month when the balance is short', async () => {
    const box = await account('Касса', 'RUB', 0, '2026-01-01');
    await post(box, '2026-10-10', 400000, 'donations');
    await post(box, '2026-10-11', -300000, 'rent');
    const o = await t.value('cashflow.outlook', { months: 3 });
    // Basis Aug–Oct (the account opened in January): costs 100000 a month, balance 100000.
    expect(o.fixedCostsMinor).toBe(100000);
    expect(o.status).toBe('runsOut');
    expect(o.coverMonths).toBe(1);
    expect(o.lastMonth).toBe('2026-11');
    expect(o.runsOutMonth).toBe('2026-12');
    await post(box, '2026-11-02', -50000, 'otherExpense');
    const short = await t.value('cashflow.outlook', { months: 3 });
    expect(short.coverMonths).toBe(0.5);
    expect(short.lastMonth).toBeNull();
    expect(short.runsOutMonth).toBe('2026-11');
  });
});

describe('cashflow.export', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-cashflow-'));
    await writeSettings(db, settingsInput({ centreName: '=HYPERLINK("http://evil","Сылва")', language: 'ru' }));
    const box = await account('Касса', 'RUB', 1000000, '2026-09-01');
    const bank = await account('+Банк', 'RUB', 0, '2026-09-01');
    const own = await db.insertInto('cash_categories').values({ code: null, name: '=HYPERLINK("http://evil")', direction: 'expense', created_at: AT }).returning('id').executeTakeFirstOrThrow();
    await post(box, '2026-09-10', 850050, 'paidServices');
    await post(box, '2026-10-05', -500000, 'rent');
    await postEntry(db, { accountId: box, date: '2026-10-06', amountMinor: -12345, categoryId: own.id, source: 'manual', counterparty: '@evil' }, BUILT_IN_ADMIN, AT);
    await transfer(box, bank, '2026-10-07', 100000, 'g1');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function exportFile(format: 'xlsx' | 'csv') {
    const result = await cashflowHandlers['cashflow.export']({ from: '2026-09', to: '2026-10', format }, { actor: BUILT_IN_ADMIN }, { ...t.deps, paths: { dataDir: dir } });
    expect(result.id).toMatch(new RegExp(`^cashflow-2026-09-2026-10-\\d{8}-\\d{6}\\.${format}$`));
    return readFileSync(path.join(dir, 'exports', result.id));
  }

  it('writes a CSV with BOM, ";", the labels in the centre\'s language and formula-safe text', async () => {
    const text = (await exportFile('csv')).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text, { delimiter: ';', restore: false });
    expect(rows[0]![0]).toBe(`'=HYPERLINK("http://evil","Сылва"): движение денег, сентябрь 2026 г. – октябрь 2026 г.`);
    expect(rows[2]).toEqual(['Все счета, RUB', 'сентябрь 2026 г.', 'октябрь 2026 г.', 'Итого']);
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('Платные услуги')).toEqual(['Платные услуги', '8500,50', '0,00', '8500,50']);
    expect(find('Аренда')).toEqual(['Аренда', '0,00', '5000,00', '5000,00']);
    expect(find('Остаток на конец месяца')).toEqual(['Остаток на конец месяца', '18500,50', '13377,05', null]);
    expect(find(`'=HYPERLINK("http://evil")`)).toEqual([`'=HYPERLINK("http://evil")`, '0,00', '123,45', '123,45']);
    // Account names are text too: "+Банк" gets the apostrophe, amounts stay numbers (negative ones too).
    expect(rows.some((r) => r[0]?.startsWith("'+Банк"))).toBe(true);
    expect(rows.every((r) => r.slice(1).every((f) => f === null || !f.startsWith("'")))).toBe(true);
  });

  it('writes an XLSX with numeric amounts in the currency format and text cells that are never formulas', async () => {
    const files = unzipSync(new Uint8Array(await exportFile('xlsx')));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(strings).toContain('<t>=HYPERLINK("http://evil")</t>');
    expect(strings).toContain('Платные услуги');
    expect(strings).toContain('Остаток на начало месяца');
    // Every string cell is a shared string (t="s"); the shared-string index of the evil name is used by one.
    const list = [...strings.matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => m[1]);
    const evil = list.indexOf('=HYPERLINK("http://evil")');
    expect(evil).toBeGreaterThanOrEqual(0);
    expect(sheet).toMatch(new RegExp(`<c r="A\\d+"[^>]*t="s"[^>]*><v>${evil}</v></c>`));
    expect(sheet).toContain('<v>8500.5</v>');
    expect(sheet).toContain('<v>123.45</v>');
    expect(styles).toContain('#,##0.00');
  });
});
