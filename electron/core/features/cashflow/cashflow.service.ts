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
  let sumsQuery = ex
    .selectFrom('cash_entries')
    .select([
      'account_id',
      'month_key',
      'category_id',
      sql<number>`coalesce(sum(case when amount_minor > 0 then amount_minor else 0 end), 0)`.as('in_minor'),
      sql<number>`coalesce(sum(case when amount_minor < 0 then amount_minor else 0 end), 0)`.as('out_minor'),
    ])
    .where('month_key', '<=', range.to)
    .groupBy(['account_id', 'month_key', 'category_id']);
  if (range.accountId !== undefined) sumsQuery = sumsQuery.where('account_id', '=', range.accountId);
  const sums: FlowSum[] = (await sumsQuery.execute()).map((r) => ({
    accountId: r.account_id,
    monthKey: r.month_key,
    categoryId: r.category_id,
    inMinor: Number(r.in_minor),
    outMinor: Number(r.out_minor),
  }));
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
      : ((await ex.selectFrom('cash_entries').select(sql<string | null>`min(month_key)`.as('m')).where('account_id', 'in', ids).executeTakeFirst())?.m ?? null);
  const starts = [...accounts.map((a) => a.opening_date.slice(0, 7)), ...(firstEntry ? [firstEntry] : [])];
  const earliest = starts.length === 0 ? currentMonth : starts.sort()[0]!;
  const lastComplete = addMonths(currentMonth, -1);
  const firstBasis = addMonths(currentMonth, -basis);
  const months = earliest > lastComplete ? [] : monthRange(firstBasis > earliest ? firstBasis : earliest, lastComplete);

  let paid = 0;
  let fixed = 0;
  if (months.length > 0 && ids.length > 0) {
    const rows = await ex
      .selectFrom('cash_entries')
      .innerJoin('cash_categories', 'cash_categories.id', 'cash_entries.category_id')
      .select(['cash_categories.code', sql<number>`sum(cash_entries.amount_minor)`.as('total')])
      .where('cash_entries.account_id', 'in', ids)
      .where('cash_entries.month_key', '>=', months[0]!)
      .where('cash_entries.month_key', '<=', months[months.length - 1]!)
      .where('cash_categories.code', 'in', ['paidServices', ...FIXED_COST_CODES])
      .groupBy('cash_categories.code')
      .execute();
    for (const r of rows) {
      if (r.code === 'paidServices') paid += Number(r.total);
      else fixed -= Number(r.total);
    }
  }
  const balanceRow =
    ids.length === 0
      ? null
      : await ex
          .selectFrom('cash_entries')
          .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('total'))
          .where('account_id', 'in', ids)
          .where('entry_date', '<=', today)
          .executeTakeFirst();
  const balance = accounts.reduce((s, a) => s + (a.opening_date <= today ? a.opening_balance_minor : 0), 0) + Number(balanceRow?.total ?? 0);
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
