import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { taskInput } from '../tasks/tasks.builders';
import type { CallName } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/api/errors';
import type { AccountDto } from '../../../../shared/domain/cashbook';
import { cashbookCalls } from '../../../../shared/api/calls/cashbook';
import { cashbookValidInputs } from './cashbook.builders';
import { ensureDefaultAccounts } from './accounts';
import { postEntry } from './ledger';
import { writeSettings } from '../settings/settings.service';
import { redactFor, viewSchema } from '../../../../shared/api/fields';
import { contract } from '../../../../shared/api/contract';

const NOW = '2026-11-16T09:30:00.000Z';
const TODAY = '2026-11-16';

let t: TestCore;
let cash: AccountDto;
let bank: AccountDto;
let cat: (code: string) => number;

function errorOf(envelope: Envelope<unknown>) {
  return envelope.ok ? undefined : envelope.error;
}

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  // Set-up's own call belongs to another feature (and asks for more than the centre's settings):
  // write the settings and add the default accounts as set-up does.
  await writeSettings(t.deps.db, settingsInput());
  await ensureDefaultAccounts(t.deps.db, new Date(NOW));
  const accounts = await t.value('accounts.list', {});
  cash = accounts.find((a) => a.kind === 'cash')!;
  bank = accounts.find((a) => a.kind === 'bank')!;
  const categories = await t.value('cashbook.categories', {});
  cat = (code) => categories.find((c) => c.code === code)?.id ?? -1;
});
afterEach(async () => {
  await t.close();
});

const expense = (over: Record<string, unknown> = {}) => ({
  type: 'expense' as const,
  date: TODAY,
  accountId: cash.id,
  amountMinor: 350000,
  categoryId: cat('utilities'),
  counterparty: 'Пермэнергосбыт',
  documentNo: 'СФ-1021',
  note: 'Свет за октябрь',
  ...over,
});

/** Every account's balance recomputed from the rows themselves. */
function reconcile(): Array<{ id: number; expected: number }> {
  return t.sqlite
    .prepare(
      'select a.id, a.opening_balance_minor + coalesce((select sum(amount_minor) from cash_entries e where e.account_id = a.id), 0) as expected from cash_accounts a order by a.id',
    )
    .all() as Array<{ id: number; expected: number }>;
}

describe('accounts', () => {
  it('a new centre gets a cash box and a bank account in its currency, named in its language, once', async () => {
    const list = await t.value('accounts.list', {});
    expect(list.map((a) => [a.name, a.kind, a.currency, a.balanceMinor])).toEqual([
      ['Касса', 'cash', 'RUB', 0],
      ['Расчётный счёт', 'bank', 'RUB', 0],
    ]);
    await ensureDefaultAccounts(t.deps.db, new Date(NOW));
    await ensureDefaultAccounts(t.deps.db, new Date(NOW));
    expect(await t.value('accounts.list', {})).toHaveLength(2);
  });

  it('the first-run set-up opens them in the chosen currency and language', async () => {
    const fresh = await createTestCore({ now: NOW });
    expect(await fresh.value('accounts.list', {})).toEqual([]);
    await fresh.value('setup.complete', { centreName: 'Κέντρο', country: 'GR', currency: 'EUR', language: 'el', demo: false });
    expect((await fresh.value('accounts.list', {})).map((a) => [a.name, a.kind, a.currency])).toEqual([
      ['Ταμείο', 'cash', 'EUR'],
      ['Τραπεζικός λογαριασμός', 'bank', 'EUR'],
    ]);
    await fresh.close();
  });

  it('does nothing before set-up', async () => {
    const fresh = await createTestCore({ now: NOW });
    await ensureDefaultAccounts(fresh.deps.db, new Date(NOW));
    expect(await fresh.value('accounts.list', {})).toEqual([]);
    await fresh.close();
  });

  it('creates, edits and archives; the currency is locked once there are entries', async () => {
    const eur = await t.value('accounts.create', { name: 'Евро', kind: 'other', currency: 'EUR', openingBalanceMinor: 12000, openingDate: '2026-11-01' });
    expect(eur.balanceMinor).toBe(12000);
    const edited = await t.value('accounts.update', { id: eur.id, data: { name: 'Евро (конверт)', kind: 'other', currency: 'PLN', openingBalanceMinor: 5000, openingDate: '2026-11-01' } });
    expect([edited.name, edited.currency, edited.balanceMinor]).toEqual(['Евро (конверт)', 'PLN', 5000]);
    await t.value('cashbook.post', expense({ accountId: cash.id }));
    const locked = await t.call('accounts.update', { id: cash.id, data: { name: 'Касса', kind: 'cash', currency: 'EUR', openingBalanceMinor: 0, openingDate: TODAY } });
    expect(errorOf(locked)).toMatchObject({ code: 'validation', fields: [{ path: 'data.currency', message: 'validation.currencyLocked' }] });
    await t.value('accounts.setArchived', { id: eur.id, archived: true });
    expect((await t.value('accounts.list', {})).map((a) => a.id)).not.toContain(eur.id);
    expect((await t.value('accounts.list', { includeArchived: true })).find((a) => a.id === eur.id)?.archived).toBe(true);
    const onArchived = await t.call('cashbook.post', expense({ accountId: eur.id }));
    expect(errorOf(onArchived)).toMatchObject({ code: 'validation', fields: [{ path: 'accountId', message: 'validation.archivedAccount' }] });
  });
});

describe('categories', () => {
  it('lists built-in ones by code, adds, renames and archives the centre’s own', async () => {
    const list = await t.value('cashbook.categories', {});
    expect(list.filter((c) => c.code !== null)).toHaveLength(12);
    expect(list[0]?.direction).toBe('income');
    const own = await t.value('cashbook.createCategory', { name: 'Праздники', direction: 'expense' });
    expect(own).toMatchObject({ code: null, name: 'Праздники', direction: 'expense', archived: false });
    const dup = await t.call('cashbook.createCategory', { name: ' праздники ', direction: 'income' });
    expect(errorOf(dup)).toMatchObject({ code: 'validation', fields: [{ path: 'name', message: 'validation.nameTaken' }] });
    expect((await t.value('cashbook.renameCategory', { id: own.id, name: 'Праздники и подарки' })).name).toBe('Праздники и подарки');
    expect(errorOf(await t.call('cashbook.renameCategory', { id: cat('rent'), name: 'Аренда' }))?.code).toBe('badRequest');
    await t.value('cashbook.setCategoryArchived', { id: own.id, archived: true });
    const refused = await t.call('cashbook.post', expense({ categoryId: own.id }));
    expect(errorOf(refused)).toMatchObject({ fields: [{ path: 'categoryId', message: 'validation.archivedCategory' }] });
  });

  it('refuses an income category on an expense', async () => {
    const r = await t.call('cashbook.post', expense({ categoryId: cat('donations') }));
    expect(errorOf(r)).toMatchObject({ fields: [{ path: 'categoryId', message: 'validation.categoryDirection' }] });
  });
});

describe('entries', () => {
  it('posts income and expenses with the sign from the type; the balance follows', async () => {
    const out = await t.value('cashbook.post', expense());
    expect(out.entry).toMatchObject({ amountMinor: -350000, currency: 'RUB', source: 'manual', categoryCode: 'utilities', counterparty: 'Пермэнергосбыт' });
    expect(out.warnings).toEqual([]);
    await t.value('cashbook.post', { ...expense(), type: 'income', amountMinor: 1000000, categoryId: cat('donations'), counterparty: 'Прихожане' });
    expect((await t.value('accounts.list', {})).find((a) => a.id === cash.id)?.balanceMinor).toBe(650000);
  });

  it('refuses zero and negative amounts at the contract', async () => {
    for (const amountMinor of [0, -100, 1.5]) {
      const r = await t.raw('cashbook.post', expense({ amountMinor }));
      expect(errorOf(r)?.code).toBe('validation');
    }
  });

  it('grant lines: a line of another grant is refused; after the period it is a warning', async () => {
    const db = t.deps.db;
    const grant = async (title: string, endsOn: string) =>
      (
        await db
          .insertInto('grants')
          .values({ funder: 'Фонд президентских грантов', title, starts_on: '2026-01-01', ends_on: endsOn, currency: 'RUB', amount_minor: 50000000, created_at: NOW, created_by: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const g1 = await grant('Тёплый дом', '2026-12-31');
    const g2 = await grant('Старшее поколение', '2026-10-31');
    const line = async (grantId: number, name: string) =>
      (await db.insertInto('budget_lines').values({ grant_id: grantId, name, planned_minor: 10000000, created_at: NOW }).returning('id').executeTakeFirstOrThrow()).id;
    const l1 = await line(g1, 'Дрова');
    const l2 = await line(g2, 'Оплата куратора');
    const wrong = await t.call('cashbook.post', expense({ grantId: g1, budgetLineId: l2 }));
    expect(errorOf(wrong)).toMatchObject({ code: 'validation', fields: [{ path: 'budgetLineId', message: 'validation.budgetLineOfGrant' }] });
    const ok = await t.value('cashbook.post', expense({ grantId: g1, budgetLineId: l1 }));
    expect(ok.warnings).toEqual([]);
    expect(ok.entry).toMatchObject({ grantTitle: 'Тёплый дом', budgetLineName: 'Дрова' });
    const late = await t.value('cashbook.post', expense({ grantId: g2, budgetLineId: l2, categoryId: cat('salaries') }));
    expect(late.warnings).toEqual(['grantPeriodEnded']);
    // A line alone brings its grant.
    expect((await t.value('cashbook.post', expense({ budgetLineId: l1 }))).entry.grantId).toBe(g1);
    const options = await t.value('cashbook.grantOptions', {});
    expect(options.find((o) => o.id === g1)?.lines).toEqual([{ id: l1, name: 'Дрова' }]);
  });

  it('transfers: two legs summing to zero; different currencies refused', async () => {
    const legs = await t.value('cashbook.transfer', { date: TODAY, fromAccountId: cash.id, toAccountId: bank.id, amountMinor: 500000, documentNo: '', note: 'Сдали выручку' });
    expect(legs.map((l) => [l.accountId, l.amountMinor, l.source, l.otherAccountName])).toEqual([
      [cash.id, -500000, 'transfer', 'Расчётный счёт'],
      [bank.id, 500000, 'transfer', 'Касса'],
    ]);
    expect(legs[0]?.transferGroup).toBe(legs[1]?.transferGroup);
    const eur = await t.value('accounts.create', { name: 'EUR', kind: 'bank', currency: 'EUR', openingBalanceMinor: 0, openingDate: TODAY });
    const r = await t.call('cashbook.transfer', { date: TODAY, fromAccountId: cash.id, toAccountId: eur.id, amountMinor: 100 });
    expect(errorOf(r)?.code).toBe('currencyMismatch');
    const same = await t.call('cashbook.transfer', { date: TODAY, fromAccountId: cash.id, toAccountId: cash.id, amountMinor: 100 });
    expect(errorOf(same)).toMatchObject({ code: 'validation', fields: [{ path: 'toAccountId', message: 'validation.sameAccount' }] });
  });
});

describe('reversals', () => {
  it('a reversal negates the entry and links to it; a reversal and a second reversal are refused', async () => {
    const { entry } = await t.value('cashbook.post', expense());
    const [rev] = await t.value('cashbook.reverse', { id: entry.id, note: 'Ошибка' });
    expect(rev).toMatchObject({ amountMinor: 350000, accountId: cash.id, categoryId: entry.categoryId, source: 'reversal', reversesEntryId: entry.id, date: TODAY });
    const list = await t.value('cashbook.list', {});
    expect(list.entries.find((e) => e.id === entry.id)?.reversedByEntryId).toBe(rev?.id);
    expect(errorOf(await t.call('cashbook.reverse', { id: entry.id }))?.code).toBe('alreadyReversed');
    expect(errorOf(await t.call('cashbook.reverse', { id: rev!.id }))?.code).toBe('reversalOfReversal');
    expect((await t.value('accounts.list', {})).find((a) => a.id === cash.id)?.balanceMinor).toBe(0);
  });

  it('reversing a transfer reverses both legs (from either leg)', async () => {
    const legs = await t.value('cashbook.transfer', { date: TODAY, fromAccountId: cash.id, toAccountId: bank.id, amountMinor: 70000 });
    const revs = await t.value('cashbook.reverse', { id: legs[1]!.id, date: '2026-11-17' });
    expect(revs.map((r) => [r.accountId, r.amountMinor, r.reversesEntryId])).toEqual([
      [bank.id, -70000, legs[1]!.id],
      [cash.id, 70000, legs[0]!.id],
    ]);
    expect(errorOf(await t.call('cashbook.reverse', { id: legs[0]!.id }))?.code).toBe('alreadyReversed');
    const balances = await t.value('accounts.list', {});
    expect(balances.map((a) => a.balanceMinor)).toEqual([0, 0]);
  });

  it('entries from the till, rent and grant tranches are corrected there', async () => {
    const id = await t.deps.db.transaction().execute((trx) =>
      postEntry(trx, { accountId: cash.id, date: TODAY, amountMinor: 3000, categoryId: cat('paidServices'), source: 'sale' }, { id: 1, role: 'admin' }, NOW),
    );
    expect(errorOf(await t.call('cashbook.reverse', { id }))?.code).toBe('correctAtSource');
  });

  it('the database itself refuses changing an amount and deleting an entry', async () => {
    const { entry } = await t.value('cashbook.post', expense());
    expect(() => t.sqlite.prepare('update cash_entries set amount_minor = 1 where id = ?').run(entry.id)).toThrow(/reversal/);
    expect(() => t.sqlite.prepare('update cash_entries set account_id = ? where id = ?').run(bank.id, entry.id)).toThrow(/reversal/);
    expect(() => t.sqlite.prepare('delete from cash_entries where id = ?').run(entry.id)).toThrow(/reversal/);
    // The note may still be corrected.
    t.sqlite.prepare("update cash_entries set note = 'Свет, октябрь' where id = ?").run(entry.id);
  });

  it('balances always reconcile with the entries after any mix of postings, transfers and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('post' as const), income: fc.boolean(), bank: fc.boolean(), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
            fc.record({ op: fc.constant('transfer' as const), toBank: fc.boolean(), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
            fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
          ),
          { maxLength: 25 },
        ),
        async (ops) => {
          // A model of the balances kept beside the core: what every account should hold.
          const before = await t.value('accounts.list', { includeArchived: true });
          const model = new Map(before.map((a) => [a.id, a.balanceMinor]));
          const add = (id: number, amount: number) => model.set(id, (model.get(id) ?? 0) + amount);
          for (const o of ops) {
            if (o.op === 'post') {
              add(o.bank ? bank.id : cash.id, o.income ? o.amount : -o.amount);
              await t.value('cashbook.post', {
                ...expense({ accountId: o.bank ? bank.id : cash.id, amountMinor: o.amount }),
                type: o.income ? 'income' : 'expense',
                categoryId: o.income ? cat('donations') : cat('supplies'),
              });
            } else if (o.op === 'transfer') {
              add(o.toBank ? cash.id : bank.id, -o.amount);
              add(o.toBank ? bank.id : cash.id, o.amount);
              await t.value('cashbook.transfer', { date: TODAY, fromAccountId: o.toBank ? cash.id : bank.id, toAccountId: o.toBank ? bank.id : cash.id, amountMinor: o.amount });
            } else {
              const { entries } = await t.value('cashbook.list', {});
              const open = entries.filter((e) => e.source !== 'reversal' && e.reversedByEntryId === null);
              const target = open[o.pick % Math.max(open.length, 1)];
              if (target) {
                const reversals = await t.value('cashbook.reverse', { id: target.id });
                const originals = entries.filter((e) => reversals.some((r) => r.reversesEntryId === e.id));
                expect(originals).toHaveLength(target.source === 'transfer' ? 2 : 1);
                for (const e of originals) add(e.accountId, -e.amountMinor);
              }
            }
          }
          const accounts = await t.value('accounts.list', { includeArchived: true });
          const expected = reconcile();
          expect(accounts.map((a) => ({ id: a.id, expected: a.balanceMinor }))).toEqual(expected);
          expect(accounts.map((a) => [a.id, a.balanceMinor])).toEqual(accounts.map((a) => [a.id, model.get(a.id)]));
          // Transfer groups net to zero, and every reversal cancels exactly its original.
          const groups = t.sqlite.prepare('select transfer_group, sum(amount_minor) as s from cash_entries where transfer_group is not null group by transfer_group').all() as Array<{ s: number }>;
          for (const g of groups) expect(g.s).toBe(0);
          const pairs = t.sqlite.prepare('select r.amount_minor + o.amount_minor as s from cash_entries r join cash_entries o on o.id = r.reverses_entry_id').all() as Array<{ s: number }>;
          for (const p of pairs) expect(p.s).toBe(0);
          // The monthly totals kept by the trigger are the entries' own sums.
          expect(t.sqlite.prepare('select * from cash_month_totals order by account_id, month_key, category_key').all()).toEqual(
            t.sqlite
              .prepare(
                `select account_id, month_key, coalesce(category_id, 0) as category_key, sum(max(amount_minor, 0)) as in_minor,
                   sum(min(amount_minor, 0)) as out_minor, count(*) as entries
                 from cash_entries group by 1, 2, 3 order by 1, 2, 3`,
              )
              .all(),
          );
          // The running balance of one account ends at its balance.
          const one = await t.value('cashbook.list', { accountId: cash.id });
          expect(one.entries[0]?.balanceAfterMinor ?? one.accountBalanceMinor).toBe(accounts.find((a) => a.id === cash.id)?.balanceMinor);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('the list', () => {
  it('filters by account, months, category and folded text, with a running balance for one account', async () => {
    await t.value('accounts.update', { id: cash.id, data: { name: 'Касса', kind: 'cash', currency: 'RUB', openingBalanceMinor: 100000, openingDate: '2026-09-01' } });
    await t.value('cashbook.post', expense({ date: '2026-09-10', amountMinor: 20000, categoryId: cat('transport'), counterparty: 'АЗС «Лукойл»', note: 'Бензин' }));
    await t.value('cashbook.post', expense({ date: '2026-10-05', amountMinor: 30000, categoryId: cat('supplies'), counterparty: 'Ёлочка', note: 'Бумага' }));
    await t.value('cashbook.post', { ...expense({ date: '2026-11-02', amountMinor: 50000, counterparty: 'Жители' }), type: 'income', categoryId: cat('donations') });
    await t.value('cashbook.post', expense({ date: '2026-11-03', accountId: bank.id, amountMinor: 7000, categoryId: cat('utilities') }));

    const all = await t.value('cashbook.list', {});
    expect(all.total).toBe(4);
    expect(all.entries.map((e) => e.date)).toEqual(['2026-11-03', '2026-11-02', '2026-10-05', '2026-09-10']);
    expect(all.entries.every((e) => e.balanceAfterMinor === null)).toBe(true);

    const box = await t.value('cashbook.list', { accountId: cash.id });
    expect(box.entries.map((e) => e.balanceAfterMinor)).toEqual([100000, 50000, 80000]);
    expect(box.accountBalanceMinor).toBe(100000);

    const octNov = await t.value('cashbook.list', { accountId: cash.id, fromMonth: '2026-10', toMonth: '2026-11' });
    expect(octNov.entries.map((e) => [e.date, e.balanceAfterMinor])).toEqual([
      ['2026-11-02', 100000],
      ['2026-10-05', 50000],
    ]);
    expect((await t.value('cashbook.list', { categoryId: cat('supplies') })).entries.map((e) => e.counterparty)).toEqual(['Ёлочка']);
    expect((await t.value('cashbook.list', { text: 'елочка' })).entries.map((e) => e.note)).toEqual(['Бумага']);
    expect((await t.value('cashbook.list', { text: 'БЕНЗ' })).total).toBe(1);
    expect((await t.value('cashbook.list', { fromMonth: '2026-12' })).entries).toEqual([]);

    // Pages: newest first, each from where the last ended; the total and the running balance stay those of the whole list.
    const page1 = await t.value('cashbook.list', { limit: 2 });
    const page2 = await t.value('cashbook.list', { limit: 2, cursor: page1.nextCursor ?? undefined });
    expect(page2.total).toBe(4);
    expect(page2.entries.map((e) => e.date)).toEqual(['2026-10-05', '2026-09-10']);
    const boxFirst = await t.value('cashbook.list', { accountId: cash.id, limit: 1 });
    const boxPage = await t.value('cashbook.list', { accountId: cash.id, limit: 1, cursor: boxFirst.nextCursor ?? undefined });
    expect(boxPage.entries.map((e) => [e.date, e.balanceAfterMinor])).toEqual([['2026-10-05', 50000]]);
    expect(boxPage.accountBalanceMinor).toBe(100000);
  });
});

describe('pages of the list', () => {
  it('pages with a cursor, newest first, and keeps the running balance and the filters on every page', async () => {
    await t.value('accounts.update', { id: cash.id, data: { name: 'Касса', kind: 'cash', currency: 'RUB', openingBalanceMinor: 100000, openingDate: '2026-09-01' } });
    const days = ['2026-09-10', '2026-10-05', '2026-10-05', '2026-10-31', '2026-11-02', '2026-11-02', '2026-11-03'];
    for (const [i, date] of days.entries()) {
      await t.value('cashbook.post', expense({ date, amountMinor: 1000 * (i + 1), categoryId: cat(i % 2 === 0 ? 'supplies' : 'transport') }));
      await t.value('cashbook.post', expense({ date, accountId: bank.id, amountMinor: 7, categoryId: cat('utilities') }));
    }
    const whole = await t.value('cashbook.list', { accountId: cash.id });
    expect(whole.entries.map((e) => e.balanceAfterMinor)).toEqual([72000, 79000, 85000, 90000, 94000, 97000, 99000]);
    const pages: Array<Array<[string, number | null]>> = [];
    let cursor: { on: string; id: number } | undefined;
    do {
      const page: Awaited<ReturnType<typeof t.value<'cashbook.list'>>> = await t.value('cashbook.list', { accountId: cash.id, limit: 3, ...(cursor ? { cursor } : {}) });
      expect({ total: page.total, capped: page.totalCapped, balance: page.accountBalanceMinor }).toEqual({ total: 7, capped: false, balance: 72000 });
      pages.push(page.entries.map((e) => [e.date, e.balanceAfterMinor]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages.flat()).toEqual(whole.entries.map((e) => [e.date, e.balanceAfterMinor]));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    // A category with an account: the balances over all of the account's entries.
    const transport = await t.value('cashbook.list', { accountId: cash.id, categoryId: cat('transport'), limit: 2 });
    expect(transport.entries.map((e) => e.balanceAfterMinor)).toEqual([79000, 90000]);
    const rest = await t.value('cashbook.list', { accountId: cash.id, categoryId: cat('transport'), limit: 2, cursor: transport.nextCursor ?? undefined });
    expect({ balances: rest.entries.map((e) => e.balanceAfterMinor), next: rest.nextCursor }).toEqual({ balances: [97000], next: null });
    // Months are whole months on every account.
    expect((await t.value('cashbook.list', { fromMonth: '2026-10', toMonth: '2026-10' })).total).toBe(6);
  });
});

describe('volunteer advances', () => {
  async function advance(kindCode: string, amountMinor: number) {
    const kinds = await t.value('catalogue.list', {});
    const kindId = kinds.find((k) => k.code === kindCode)!.id;
    const residentId = (await t.value('residents.create', residentInput())).id;
    const volunteer = await t.value('volunteers.create', volunteerInput({ lastName: 'Петрова', firstName: 'Нина', skillIds: [] }));
    const task = await t.value('tasks.create', taskInput({ residentId, kindId, volunteerIds: [volunteer.id] }));
    await t.value('tasks.complete', { id: task.id, outcome: { doneOn: TODAY, minutes: [], note: '', advances: [{ volunteerId: volunteer.id, amountMinor, note: 'Аптека «Вита»' }] } });
    return (await t.value('cashbook.pendingAdvances', {})).find((a) => a.taskId === task.id)!;
  }

  it('settles once: an expense to the volunteer (medicines for a medicine task) and the advance marked settled', async () => {
    const a = await advance('medicinePurchase', 84650);
    expect(a).toMatchObject({ amountMinor: 84650, currency: 'RUB', suggestedCategoryCode: 'medicines', date: TODAY });
    expect(a.volunteerName).toContain('Петрова');
    const entry = await t.value('cashbook.settleAdvance', { id: a.id, accountId: cash.id });
    expect(entry).toMatchObject({ amountMinor: -84650, source: 'advance', advanceId: a.id, categoryCode: 'medicines', counterparty: a.volunteerName });
    expect(await t.value('cashbook.pendingAdvances', {})).toEqual([]);
    expect((await t.value('tasks.advances', { settled: true })).map((x) => x.id)).toEqual([a.id]);
    expect(errorOf(await t.call('cashbook.settleAdvance', { id: a.id, accountId: cash.id }))?.code).toBe('alreadySettled');
    expect(reconcile().find((r) => r.id === cash.id)?.expected).toBe(-84650);
    // Reversing the reimbursement makes the advance pending again.
    await t.value('cashbook.reverse', { id: entry.id });
    expect((await t.value('cashbook.pendingAdvances', {})).map((x) => x.id)).toEqual([a.id]);
  });

  it('other tasks default to other expenses; a foreign-currency account is refused and nothing is written', async () => {
    const a = await advance('groceries', 12000);
    expect(a.suggestedCategoryCode).toBe('otherExpense');
    const eur = await t.value('accounts.create', { name: 'EUR', kind: 'cash', currency: 'EUR', openingBalanceMinor: 0, openingDate: TODAY });
    const before = t.dump();
    expect(errorOf(await t.call('cashbook.settleAdvance', { id: a.id, accountId: eur.id }))?.code).toBe('currencyMismatch');
    expect(t.dump()).toEqual(before);
    expect((await t.value('cashbook.settleAdvance', { id: a.id, accountId: bank.id })).categoryCode).toBe('otherExpense');
  });
});

describe('roles', () => {
  const inputs = cashbookValidInputs();
  const names = Object.keys(cashbookCalls) as Array<keyof typeof cashbookCalls>;
  it.each(['coordinator', 'frontdesk'] as const)('%s gets forbidden on every accounts.* and cashbook.* call', async (role) => {
    for (const name of names) {
      const r = await t.raw(name as CallName, inputs[name], { id: 1, role });
      expect(errorOf(r)?.code, name).toBe('forbidden');
    }
  });
  it('the treasurer may use them', async () => {
    const r = await t.call('accounts.list', {}, { id: 1, role: 'treasurer' });
    expect(r.ok).toBe(true);
  });
});

describe('field policy', () => {
  it('declares every member the cash book’s write calls return, so the treasurer receives them all', async () => {
    await t.value('cashbook.post', { ...expense({ amountMinor: 100_000, type: 'income', categoryId: cat('donations'), counterparty: 'Прихожане' }) });
    const posted = await t.value('cashbook.post', expense());
    const transfer = await t.value('cashbook.transfer', { date: TODAY, fromAccountId: cash.id, toAccountId: bank.id, amountMinor: 10_000, documentNo: '', note: '' });
    const reversed = await t.value('cashbook.reverse', { id: posted.entry.id });
    const outputs: Array<[string, unknown]> = [
      ['cashbook.post', posted],
      ['cashbook.transfer', transfer],
      ['cashbook.reverse', reversed],
      ['cashbook.list', await t.value('cashbook.list', { accountId: cash.id })],
    ];
    // Declared exactly (strict: no undeclared member) and received whole by the treasurer.
    for (const [name, value] of outputs) expect(viewSchema(contract[name as CallName].output, 'treasurer').safeParse(value).error, name).toBeUndefined();
    const redacted = outputs.map(([name, value]) => [name, redactFor(contract[name as CallName].output, 'treasurer', value)]);
    expect(redacted).toEqual(outputs);
    // The front desk receives none of it.
    for (const [name, value] of outputs) expect(JSON.stringify(redactFor(contract[name as CallName].output, 'frontdesk', value))).not.toMatch(/amountMinor|balanceMinor|Пермэнергосбыт/);
  });
});
