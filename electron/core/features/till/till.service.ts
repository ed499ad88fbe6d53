/**
 * The till's rules. A sale takes the kind's current price, computes total = price × quantity and
 * posts one paid-service income entry to the till's account (cash box for cash, bank account for
 * card), all in one transaction. A sale is never edited: a reversing sale (negative quantity) and a
 * reversing cash entry undo it. The cash-up compares the counted cash with the cash account's
 * balance at the end of the day and keeps the difference.
 */
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import {
  saleTotal,
  receiptNumber,
  type CashUp,
  type CashUpInput,
  type KindTotal,
  type Payment,
  type PaymentTotal,
  type PriceList,
  type PricedKind,
  type Receipt,
  type SaleInput,
  type SetPriceInput,
  type TillDay,
} from '../../../../shared/domain/till';
import { fullName } from '../../../../shared/domain/residents';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { categoryIdByCode, postEntry } from '../cashbook/ledger';
import { readSettings } from '../settings/settings.service';
import * as repo from './till.repo';
import { inTransaction } from '../../db/transaction';

function validation(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { fields });
}

async function centre(ex: Executor) {
  const settings = await readSettings(ex);
  if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
  return settings;
}

async function priceList(ex: Executor): Promise<PriceList> {
  const { currency } = await centre(ex);
  const kinds = await repo.paidKinds(ex);
  const all = await repo.prices(ex, currency);
  const out: PricedKind[] = kinds.map((k) => {
    const history = all.filter((p) => p.kindId === k.id).map(({ kindId: _k, ...p }) => p);
    return { kindId: k.id, kindCode: k.code, kindName: k.name, archived: k.archived_at !== null, current: history[0] ?? null, history };
  });
  return { currency, kinds: out };
}

/** The kind of a sale or a price: it must exist, be paid and not archived. */
async function sellableKind(ex: Executor, kindId: number) {
  const kind = await repo.kindById(ex, kindId);
  if (!kind || kind.is_paid !== 1) throw validation([{ path: 'kindId', message: 'validation.unknownKind' }]);
  if (kind.archived_at !== null) throw validation([{ path: 'kindId', message: 'validation.archivedKind' }]);
  return kind;
}

async function tillAccountFor(ex: Executor, payment: Payment, currency: string) {
  const account = await repo.tillAccount(ex, payment === 'cash' ? 'cash' : 'bank', currency);
  if (!account) throw new AppError('noTillAccount', `No active ${payment === 'cash' ? 'cash' : 'bank'} account in ${currency}`, { details: { payment, currency } });
  return account;
}

async function receipt(ex: Executor, saleId: number): Promise<Receipt> {
  const sale = await repo.saleById(ex, saleId);
  if (!sale) throw new AppError('notFound', `Sale ${saleId} not found`);
  const { centreName } = await centre(ex);
  return { centreName, sale };
}

export function tillService(deps: CoreDeps) {
  const { db, clock } = deps;

  return {
    prices: () => priceList(db),

    async setPrice(input: SetPriceInput, actor: Actor): Promise<PriceList> {
      return inTransaction(db, async (trx) => {
        const { currency } = await centre(trx);
        await sellableKind(trx, input.kindId);
        const now = clock.now().toISOString();
        await trx
          .insertInto('service_prices')
          .values({ kind_id: input.kindId, price_minor: input.priceMinor, currency, unit: input.unit, valid_from: now, created_at: now, created_by: actor.id })
          .execute();
        return priceList(trx);
      });
    },

    async sell(input: SaleInput, actor: Actor): Promise<Receipt> {
      return inTransaction(db, async (trx) => {
        const { currency } = await centre(trx);
        await sellableKind(trx, input.kindId);
        let residentName = '';
        if (input.residentId !== null) {
          const r = await trx.selectFrom('residents').select(['last_name', 'first_name', 'patronymic']).where('id', '=', input.residentId).executeTakeFirst();
          if (!r) throw validation([{ path: 'residentId', message: 'validation.unknownResident' }]);
          residentName = fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic });
        }
        const now = clock.now().toISOString();
        const day = clock.today();
        const price = await repo.currentPrice(trx, input.kindId, currency, now);
        if (!price) throw new AppError('noPrice', `Kind ${input.kindId} has no price in ${currency}`, { details: { kindId: input.kindId } });
        const account = await tillAccountFor(trx, input.payment, currency);
        const total = saleTotal(price.price_minor, input.quantity);
        const sale = await trx
          .insertInto('sales')
          .values({
            sold_at: now,
            day,
            kind_id: input.kindId,
            price_id: price.id,
            unit_price_minor: price.price_minor,
            quantity: input.quantity,
            total_minor: total,
            currency,
            payment: input.payment,
            resident_id: input.residentId,
            account_id: account.id,
            entry_id: null,
            reverses_sale_id: null,
            created_at: now,
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const entryId = await postEntry(
          trx,
          {
            accountId: account.id,
            date: day,
            amountMinor: total,
            categoryId: await categoryIdByCode(trx, 'paidServices'),
            source: 'sale',
            counterparty: residentName,
            documentNo: receiptNumber(sale.id),
          },
          actor,
          now,
        );
        await trx.updateTable('sales').set({ entry_id: entryId }).where('id', '=', sale.id).execute();
        return receipt(trx, sale.id);
      });
    },

    async reverse(saleId: number, actor: Actor): Promise<Receipt> {
      return inTransaction(db, async (trx) => {
        const original = await trx.selectFrom('sales').selectAll().where('id', '=', saleId).executeTakeFirst();
        if (!original) throw new AppError('notFound', `Sale ${saleId} not found`);
        if (original.reverses_sale_id !== null) throw new AppError('reversalOfReversal', `Sale ${saleId} is itself a reversal`);
        const done = await trx.selectFrom('sales').select('id').where('reverses_sale_id', '=', saleId).executeTakeFirst();
        const entryReversed =
          original.entry_id !== null &&
          (await trx.selectFrom('cash_entries').select('id').where('reverses_entry_id', '=', original.entry_id).executeTakeFirst()) !== undefined;
        if (done || entryReversed) throw new AppError('alreadyReversed', `Sale ${saleId} is already reversed`, { details: done ? { reversalId: done.id } : {} });
        const originalEntry =
          original.entry_id === null
            ? undefined
            : await trx.selectFrom('cash_entries').select(['category_id', 'counterparty']).where('id', '=', original.entry_id).executeTakeFirst();
        const now = clock.now().toISOString();
        const day = clock.today();
        const quantity = -original.quantity;
        const total = saleTotal(original.unit_price_minor, quantity);
        const reversal = await trx
          .insertInto('sales')
          .values({
            sold_at: now,
            day,
            kind_id: original.kind_id,
            price_id: original.price_id,
            unit_price_minor: original.unit_price_minor,
            quantity,
            total_minor: total,
            currency: original.currency,
            payment: original.payment,
            resident_id: original.resident_id,
            account_id: original.account_id,
            entry_id: null,
            reverses_sale_id: original.id,
            created_at: now,
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const entryId = await postEntry(
          trx,
          {
            accountId: original.account_id,
            date: day,
            amountMinor: total,
            categoryId: originalEntry?.category_id ?? (await categoryIdByCode(trx, 'paidServices')),
            source: 'reversal',
            reversesEntryId: original.entry_id,
            counterparty: originalEntry?.counterparty ?? '',
            documentNo: receiptNumber(reversal.id),
            note: receiptNumber(original.id),
          },
          actor,
          now,
        );
        await trx.updateTable('sales').set({ entry_id: entryId }).where('id', '=', reversal.id).execute();
        return receipt(trx, reversal.id);
      });
    },

    receipt: (saleId: number) => receipt(db, saleId),

    async day(day: string | undefined): Promise<TillDay> {
      const theDay = day ?? clock.today();
      const { currency } = await centre(db);
      const sales = await repo.salesOfDay(db, theDay);
      const byKind = new Map<number, KindTotal>();
      const byPayment = new Map<Payment, PaymentTotal>();
      const reversals = { count: 0, totalMinor: 0 };
      let totalMinor = 0;
      for (const s of sales) {
        const sign = s.reversesSaleId === null ? 1 : -1;
        const k = byKind.get(s.kindId) ?? { kindId: s.kindId, kindCode: s.kindCode, kindName: s.kindName, unit: s.unit, count: 0, quantity: 0, totalMinor: 0 };
        k.count += sign;
        k.quantity += s.quantity;
        k.totalMinor += s.totalMinor;
        byKind.set(s.kindId, k);
        const p = byPayment.get(s.payment) ?? { payment: s.payment, count: 0, totalMinor: 0 };
        p.count += sign;
        p.totalMinor += s.totalMinor;
        byPayment.set(s.payment, p);
        if (sign < 0) {
          reversals.count += 1;
          reversals.totalMinor += s.totalMinor;
        }
        totalMinor += s.totalMinor;
      }
      const account = await repo.tillAccount(db, 'cash', currency);
      const tillCashMinor = account ? sales.filter((s) => s.accountId === account.id).reduce((sum, s) => sum + s.totalMinor, 0) : 0;
      return {
        day: theDay,
        currency,
        sales,
        byKind: [...byKind.values()],
        byPayment: (['cash', 'card'] as const).map((p) => byPayment.get(p) ?? { payment: p, count: 0, totalMinor: 0 }),
        reversals,
        totalMinor,
        cashAccount: account ? { id: account.id, name: account.name, currency: account.currency } : null,
        tillCashMinor,
        expectedCashMinor: account ? await repo.balanceAt(db, account.id, theDay) : 0,
        cashUps: await repo.cashUps(db, { day: theDay }),
      };
    },

    async cashUp(input: CashUpInput, actor: Actor): Promise<CashUp> {
      if (input.day > clock.today()) throw validation([{ path: 'day', message: 'validation.dateInFuture' }]);
      return inTransaction(db, async (trx) => {
        const { currency } = await centre(trx);
        const account = await tillAccountFor(trx, 'cash', currency);
        const expected = await repo.balanceAt(trx, account.id, input.day);
        const now = clock.now().toISOString();
        const row = await trx
          .insertInto('cash_ups')
          .values({
            day: input.day,
            account_id: account.id,
            expected_minor: expected,
            counted_minor: input.countedMinor,
            difference_minor: input.countedMinor - expected,
            currency: account.currency,
            note: input.note,
            created_at: now,
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const [saved] = await repo.cashUps(trx, { id: row.id });
        if (!saved) throw new AppError('internal', 'Cash-up not saved');
        return saved;
      });
    },

    cashUps: (limit: number) => repo.cashUps(db, { limit }),
  };
}
