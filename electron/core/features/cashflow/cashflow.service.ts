/**
 * The monthly cash flow and the outlook: read-only sums over cash_entries. The arithmetic lives in
 * shared/domain/cashflow.ts (pure); this file only queries.
 */
import { sql } from 'kysely';
import { addMonths, monthRange } from '../../../../shared/domain/dates';
import {
  computeCashflow,
  FIXED_COST_CODES,
  projectOutlook,
  type CashflowRange,
  type CashflowReport,
  type FlowSum,
  type Outlook,
} from '../../../../shared/domain/cashflow';
import { AppError } from '../../../../shared/api/errors';
import type { CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { readSettings } from '../settings/settings.service';

/** A month key before every month (computeCashflow adds a sum of an earlier month to the opening balance). */
const BEFORE_RANGE = '0000-00';

export async function cashflowReport(ex: Executor, range: { from: string; to: string; accountId?: number | undefined }): Promise<CashflowReport> {
  let accountsQuery = ex
    .selectFrom('cash_accounts')
    .select(['id', 'name', 'currency', 'opening_balance_minor', 'opening_date', 'sort_order'])
    .orderBy('sort_order')
    .orderBy('id');
  if (range.accountId !== undefined) accountsQuery = accountsQuery.where('id', '=', range.accountId);
  const accounts = await accountsQuery.execute();
  if (range.accountId !== undefined && accounts.length === 0) throw new AppError('notFound', `Account ${range.accountId} not found`);
  const categories = await ex.selectFrom('cash_categories').select(['id', 'code', 'name', 'direction', 'sort_order']).execute();
  // The monthly totals kept with the entries (cash_month_totals): the range's months as they are,
  // every month before it as one opening sum per account.
  let inRange = ex
    .selectFrom('cash_month_totals')
    .select(['account_id', 'month_key', 'category_key', 'in_minor', 'out_minor'])
    .where('month_key', '>=', range.from)
    .where('month_key', '<=', range.to);
  let before = ex
    .selectFrom('cash_month_totals')
    .select(['account_id', sql<number>`sum(in_minor + out_minor)`.as('net')])
    .where('month_key', '<', range.from)
    .groupBy('account_id');
  if (range.accountId !== undefined) {
    inRange = inRange.where('account_id', '=', range.accountId);
    before = before.where('account_id', '=', range.accountId);
  }
  const sums: FlowSum[] = [
    ...(await before.execute()).map((r) => ({ accountId: r.account_id, monthKey: BEFORE_RANGE, categoryId: null, inMinor: Number(r.net), outMinor: 0 })),
    ...(await inRange.execute()).map((r) => ({
      accountId: r.account_id,
      monthKey: r.month_key,
      categoryId: r.category_key === 0 ? null : r.category_key,
      inMinor: r.in_minor,
      outMinor: r.out_minor,
    })),
  ];
  return computeCashflow(
    range.from,
    range.to,
    accounts.map((a) => ({ id: a.id, name: a.name, currency: a.currency, openingBalanceMinor: a.opening_balance_minor, openingDate: a.opening_date })),
    categories.map((c) => ({ id: c.id, code: c.code, name: c.name, direction: c.direction, sortOrder: c.sort_order })),
    sums,
  );
}

/**
 * The outlook in the centre's currency: averages of the last `basis` complete months (not before
 * the month the first account of that currency was opened or the first entry), the balance of
 * every account in that currency up to today, and the grant tranches not yet received.
 */
export async function cashflowOutlook(ex: Executor, today: string, basis: number): Promise<Outlook> {
  const settings = await readSettings(ex);
  if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
  const currency = settings.currency;
  const currentMonth = today.slice(0, 7);
  const accounts = await ex.selectFrom('cash_accounts').select(['id', 'opening_balance_minor', 'opening_date']).where('currency', '=', currency).execute();
  const ids = accounts.map((a) => a.id);
  const firstEntry =
    ids.length === 0
      ? null
      : ((await ex.selectFrom('cash_month_totals').select(sql<string | null>`min(month_key)`.as('m')).where('account_id', 'in', ids).executeTakeFirst())?.m ?? null);
  const starts = [...accounts.map((a) => a.opening_date.slice(0, 7)), ...(firstEntry ? [firstEntry] : [])];
  const earliest = starts.length === 0 ? currentMonth : starts.sort()[0]!;
  const lastComplete = addMonths(currentMonth, -1);
  const firstBasis = addMonths(currentMonth, -basis);
  const months = earliest > lastComplete ? [] : monthRange(firstBasis > earliest ? firstBasis : earliest, lastComplete);

  let paid = 0;
  let fixed = 0;
  if (months.length > 0 && ids.length > 0) {
    const rows = await ex
      .selectFrom('cash_month_totals as t')
      .innerJoin('cash_categories as c', 'c.id', 't.category_key')
      .select(['c.code', sql<number>`sum(t.in_minor + t.out_minor)`.as('total')])
      .where('t.account_id', 'in', ids)
      .where('t.month_key', '>=', months[0]!)
      .where('t.month_key', '<=', months[months.length - 1]!)
      .where('c.code', 'in', ['paidServices', ...FIXED_COST_CODES])
      .groupBy('c.code')
      .execute();
    for (const r of rows) {
      if (r.code === 'paidServices') paid += Number(r.total);
      else fixed -= Number(r.total);
    }
  }
  // Up to today: the months before this one from the totals, this month's entries up to today
  // from the (account, date, amount) index.
  let entriesTotal = 0;
  if (ids.length > 0) {
    const earlier = await ex
      .selectFrom('cash_month_totals')
      .select(sql<number>`coalesce(sum(in_minor + out_minor), 0)`.as('total'))
      .where('account_id', 'in', ids)
      .where('month_key', '<', currentMonth)
      .executeTakeFirstOrThrow();
    const thisMonth = await ex
      .selectFrom('cash_entries')
      .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('total'))
      .where('account_id', 'in', ids)
      .where('entry_date', '>=', `${currentMonth}-01`)
      .where('entry_date', '<=', today)
      .executeTakeFirstOrThrow();
    entriesTotal = Number(earlier.total) + Number(thisMonth.total);
  }
  const balance = accounts.reduce((s, a) => s + (a.opening_date <= today ? a.opening_balance_minor : 0), 0) + entriesTotal;
  const tranches = await ex
    .selectFrom('grant_tranches')
    .innerJoin('grants', 'grants.id', 'grant_tranches.grant_id')
    .select(['grant_tranches.id', 'grant_tranches.grant_id', 'grants.title', 'grant_tranches.expected_on', 'grant_tranches.amount_minor'])
    .where('grant_tranches.received_entry_id', 'is', null)
    .where('grants.currency', '=', currency)
    .orderBy('grant_tranches.expected_on')
    .orderBy('grant_tranches.id')
    .execute();
  const n = months.length;
  return projectOutlook({
    currency,
    currentMonth,
    months,
    paidServicesMinor: n === 0 ? 0 : Math.round(paid / n),
    fixedCostsMinor: n === 0 ? 0 : Math.round(fixed / n),
    balanceMinor: balance,
    tranches: tranches.map((t) => ({ id: t.id, grantId: t.grant_id, grantTitle: t.title, expectedOn: t.expected_on, amountMinor: t.amount_minor })),
  });
}

export function cashflowService(deps: CoreDeps) {
  return {
    report: (range: CashflowRange) => cashflowReport(deps.db, range),
    outlook: (basis: number) => cashflowOutlook(deps.db, deps.clock.today(), basis),
  };
}
