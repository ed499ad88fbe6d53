// Queries of the till: prices, sales, cash-ups, the till's accounts. Each takes an executor (the
// service's transaction or the db); rows are mapped to the shared DTOs here and never leave.
import { fullName } from '../../../../shared/domain/residents';
import { receiptNumber, UNITS, type CashUp, type Payment, type PriceRow, type Sale, type Unit } from '../../../../shared/domain/till';
import type { Executor } from '../../db/schema';

function asUnit(unit: string): Unit {
  return (UNITS as readonly string[]).includes(unit) ? (unit as Unit) : 'piece';
}

/** Paid kinds of the catalogue (archived ones too: their history stays visible). */
export function paidKinds(ex: Executor) {
  return ex
    .selectFrom('service_kinds')
    .select(['id', 'code', 'name', 'archived_at', 'is_paid'])
    .where('is_paid', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function kindById(ex: Executor, id: number) {
  return ex.selectFrom('service_kinds').select(['id', 'code', 'name', 'archived_at', 'is_paid']).where('id', '=', id).executeTakeFirst();
}

/** Every price of the given currency, newest first per kind. */
export async function prices(ex: Executor, currency: string, kindId?: number): Promise<Array<PriceRow & { kindId: number }>> {
  let q = ex
    .selectFrom('service_prices as p')
    .innerJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.kind_id', 'p.price_minor', 'p.currency', 'p.unit', 'p.valid_from', 'u.name as set_by'])
    .where('p.currency', '=', currency)
    .orderBy('p.kind_id')
    .orderBy('p.valid_from', 'desc')
    .orderBy('p.id', 'desc');
  if (kindId !== undefined) q = q.where('p.kind_id', '=', kindId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kindId: r.kind_id,
    priceMinor: r.price_minor,
    currency: r.currency,
    unit: asUnit(r.unit),
    validFrom: r.valid_from,
    setBy: r.set_by,
  }));
}

/** The price of a kind that applies at a moment (the latest valid_from not after it). */
export async function currentPrice(ex: Executor, kindId: number, currency: string, at: string) {
  return ex
    .selectFrom('service_prices')
    .selectAll()
    .where('kind_id', '=', kindId)
    .where('currency', '=', currency)
    .where('valid_from', '<=', at)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The first active account of a kind in a currency: the till's cash box ('cash') or card account ('bank'). */
export function tillAccount(ex: Executor, kind: 'cash' | 'bank', currency: string) {
  return ex
    .selectFrom('cash_accounts')
    .select(['id', 'name', 'currency', 'opening_balance_minor', 'opening_date'])
    .where('kind', '=', kind)
    .where('currency', '=', currency)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** An account's balance at the end of a day: its opening balance (once opened) and every entry up to that day. */
export async function balanceAt(ex: Executor, accountId: number, day: string): Promise<number> {
  const account = await ex
    .selectFrom('cash_accounts')
    .select(['opening_balance_minor', 'opening_date'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const sum = await ex
    .selectFrom('cash_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.val(0)).as('total'))
    .where('account_id', '=', accountId)
    .where('entry_date', '<=', day)
    .executeTakeFirstOrThrow();
  return (account.opening_date <= day ? account.opening_balance_minor : 0) + Number(sum.total);
}

function salesQuery(ex: Executor) {
  return ex
    .selectFrom('sales as s')
    .innerJoin('service_kinds as k', 'k.id', 's.kind_id')
    .innerJoin('service_prices as p', 'p.id', 's.price_id')
    .innerJoin('cash_accounts as a', 'a.id', 's.account_id')
    .innerJoin('users as u', 'u.id', 's.created_by')
    .leftJoin('residents as r', 'r.id', 's.resident_id')
    .leftJoin('sales as rev', 'rev.reverses_sale_id', 's.id')
    .select([
      's.id',
      's.sold_at',
      's.day',
      's.kind_id',
      'k.code as kind_code',
      'k.name as kind_name',
      'p.unit',
      's.unit_price_minor',
      's.quantity',
      's.total_minor',
      's.currency',
      's.payment',
      's.resident_id',
      'r.last_name',
      'r.first_name',
      'r.patronymic',
      's.account_id',
      'a.name as account_name',
      's.entry_id',
      's.reverses_sale_id',
      'rev.id as reversed_by',
      'u.name as sold_by',
    ]);
}

type SaleRow = Awaited<ReturnType<ReturnType<typeof salesQuery>['execute']>>[number];

function toSale(r: SaleRow): Sale {
  return {
    id: r.id,
    receiptNo: receiptNumber(r.id),
    soldAt: r.sold_at,
    day: r.day,
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    unit: asUnit(r.unit),
    unitPriceMinor: r.unit_price_minor,
    quantity: r.quantity,
    totalMinor: r.total_minor,
    currency: r.currency,
    payment: r.payment as Payment,
    residentId: r.resident_id,
    residentName:
      r.resident_id !== null && r.last_name !== null
        ? fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' })
        : null,
    accountId: r.account_id,
    accountName: r.account_name,
    entryId: r.entry_id,
    reversesSaleId: r.reverses_sale_id,
    reversedBySaleId: r.reversed_by,
    soldBy: r.sold_by,
  };
}

export async function saleById(ex: Executor, id: number): Promise<Sale | undefined> {
  const row = await salesQuery(ex).where('s.id', '=', id).executeTakeFirst();
  return row ? toSale(row) : undefined;
}

/** The sales of a day in the order they were made. */
export async function salesOfDay(ex: Executor, day: string): Promise<Sale[]> {
  const rows = await salesQuery(ex).where('s.day', '=', day).orderBy('s.sold_at').orderBy('s.id').execute();
  return rows.map(toSale);
}

function cashUpsQuery(ex: Executor) {
  return ex
    .selectFrom('cash_ups as c')
    .innerJoin('cash_accounts as a', 'a.id', 'c.account_id')
    .innerJoin('users as u', 'u.id', 'c.created_by')
    .select([
      'c.id',
      'c.day',
      'c.account_id',
      'a.name as account_name',
      'c.expected_minor',
      'c.counted_minor',
      'c.difference_minor',
      'c.currency',
      'c.note',
      'c.created_at',
      'u.name as created_by',
    ])
    .orderBy('c.day', 'desc')
    .orderBy('c.id', 'desc');
}

type CashUpRow = Awaited<ReturnType<ReturnType<typeof cashUpsQuery>['execute']>>[number];

function toCashUp(r: CashUpRow): CashUp {
  return {
    id: r.id,
    day: r.day,
    accountId: r.account_id,
    accountName: r.account_name,
    expectedMinor: r.expected_minor,
    countedMinor: r.counted_minor,
    differenceMinor: r.difference_minor,
    currency: r.currency,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function cashUps(ex: Executor, opts: { day?: string; id?: number; limit?: number }): Promise<CashUp[]> {
  let q = cashUpsQuery(ex);
  if (opts.day !== undefined) q = q.where('c.day', '=', opts.day);
  if (opts.id !== undefined) q = q.where('c.id', '=', opts.id);
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return (await q.execute()).map(toCashUp);
}
