/**
 * The monthly cash flow and the outlook (treasurer issue): input schemas, the DTOs the core
 * returns, and the pure arithmetic both sides can check. Money is integer minor units next to an
 * ISO 4217 code; amounts of different currencies are never added together.
 *
 * How a month reconciles, per account and per currency total:
 *   opening + started + income − expenses + transfers in − transfers out = closing
 *   closing of a month = opening of the next month
 * where `started` is the opening balance of an account opened in that month (its opening_date):
 * before that month the account holds nothing, so its opening balance enters the flow exactly once.
 * Entries with a category count as income or expense by the category's direction (a reversal
 * carries the negated amount, so it reduces the same line); entries without a category are the
 * legs of transfers between accounts, shown separately.
 */
import { z } from 'zod';
import { addMonths, monthKeySchema as monthKey, monthRange } from './dates';
import { ENTRY_TYPES } from './cashbook';
import { money, out, pub } from '../api/fields';

/** The longest range of the cash flow: ten years. */
export const MAX_CASHFLOW_MONTHS = 120;

const rangeShape = {
  from: monthKey,
  to: monthKey,
  accountId: z.number().int().positive().optional(),
};
function checkRange<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((r) => r.from <= r.to, { message: 'validation.dateOrder', path: ['to'] })
    .refine((r) => r.from > '1900' && monthRange(r.from, r.to).length <= MAX_CASHFLOW_MONTHS, { message: 'validation.range', path: ['from'] });
}
export const cashflowRangeSchema = checkRange(z.object(rangeShape));
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const cashflowExportSchema = checkRange(z.object({ ...rangeShape, format: z.enum(EXPORT_FORMATS) }));
export interface CashflowRange {
  from: string;
  to: string;
  accountId?: number | undefined;
}

export const OUTLOOK_BASIS = [3, 6] as const;

// ---------------------------------------------------------------- outputs
// Every field with its field group (shared/api/fields.ts): amounts, the per-currency totals and the
// names of accounts as booked are `money`; months, ids, codes and category names are public.

const str = z.string();
const num = z.number();
const amounts = money(z.array(num));

export const cashflowLineSchema = out({
  categoryId: pub(num),
  /** Built-in category code (translated as cashbook:categories.<code>), or null for the centre's own. */
  code: pub(str.nullable()),
  name: pub(str.nullable()),
  direction: money(z.enum(ENTRY_TYPES)),
  /** Per month of the report; income positive, expenses as positive amounts spent. */
  amountsMinor: amounts,
  totalMinor: money(num),
});
export type CashflowLine = z.output<typeof cashflowLineSchema>;

/** One account, or (accountId null) the total of every account in one currency. */
export const cashflowBlockSchema = out({
  accountId: pub(num.nullable()),
  accountName: money(str.nullable()),
  currency: pub(str),
  /** Per month of the report (same order as `months`). */
  openingMinor: amounts,
  /** Opening balances of accounts opened during the month. */
  startedMinor: amounts,
  incomeMinor: amounts,
  expensesMinor: amounts,
  transfersInMinor: amounts,
  transfersOutMinor: amounts,
  closingMinor: amounts,
  lines: pub(z.array(cashflowLineSchema)),
});
export type CashflowBlock = z.output<typeof cashflowBlockSchema>;

export const cashflowReportSchema = out({
  from: pub(str),
  to: pub(str),
  months: pub(z.array(str)),
  /** One block per account (or just the chosen one). */
  accounts: pub(z.array(cashflowBlockSchema)),
  /** One block per currency, summing the accounts above. */
  totals: money(z.array(cashflowBlockSchema)),
});
export type CashflowReport = z.output<typeof cashflowReportSchema>;

/** The file an export wrote (download it from /api/download/exports/<id>) and its number of rows. */
export const cashflowExportOutputSchema = out({ id: pub(str), rows: pub(num) });

// ---------------------------------------------------------------- computation (pure)

export interface FlowAccount {
  id: number;
  name: string;
  currency: string;
  openingBalanceMinor: number;
  openingDate: string;
}
export interface FlowCategory {
  id: number;
  code: string | null;
  name: string | null;
  direction: 'income' | 'expense';
  sortOrder: number;
}
/** Sums of entries of one account in one month and category (null: transfer legs), split by sign for transfers. */
export interface FlowSum {
  accountId: number;
  monthKey: string;
  categoryId: number | null;
  inMinor: number;
  outMinor: number;
}

function emptyBlock(accountId: number | null, accountName: string | null, currency: string, n: number): CashflowBlock {
  const zeros = () => new Array<number>(n).fill(0);
  return {
    accountId,
    accountName,
    currency,
    openingMinor: zeros(),
    startedMinor: zeros(),
    incomeMinor: zeros(),
    expensesMinor: zeros(),
    transfersInMinor: zeros(),
    transfersOutMinor: zeros(),
    closingMinor: zeros(),
    lines: [],
  };
}

/**
 * The report from the accounts, the categories and the sums of entries per account, month and
 * category (every month, also those before `from`, which make up the opening balances).
 */
export function computeCashflow(from: string, to: string, accounts: FlowAccount[], categories: FlowCategory[], sums: FlowSum[]): CashflowReport {
  const months = monthRange(from, to);
  const n = months.length;
  const index = new Map(months.map((m, i) => [m, i]));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const blocks: CashflowBlock[] = [];
  const totals = new Map<string, CashflowBlock>();
  const shown = accounts.filter((a) => a.openingDate.slice(0, 7) <= to);

  for (const account of shown) {
    const block = emptyBlock(account.id, account.name, account.currency, n);
    const openedMonth = account.openingDate.slice(0, 7);
    let before = openedMonth < from ? account.openingBalanceMinor : 0;
    const lines = new Map<number, CashflowLine>();
    for (const s of sums) {
      if (s.accountId !== account.id) continue;
      if (s.monthKey < from) {
        before += s.inMinor + s.outMinor;
        continue;
      }
      const i = index.get(s.monthKey);
      if (i === undefined) continue;
      if (s.categoryId === null) {
        block.transfersInMinor[i]! += s.inMinor;
        block.transfersOutMinor[i]! += -s.outMinor;
        continue;
      }
      const category = categoryById.get(s.categoryId);
      const direction = category?.direction ?? (s.inMinor + s.outMinor >= 0 ? 'income' : 'expense');
      let line = lines.get(s.categoryId);
      if (!line) {
        line = { categoryId: s.categoryId, code: category?.code ?? null, name: category?.name ?? null, direction, amountsMinor: new Array<number>(n).fill(0), totalMinor: 0 };
        lines.set(s.categoryId, line);
      }
      const net = s.inMinor + s.outMinor;
      const amount = direction === 'income' ? net : -net;
      line.amountsMinor[i]! += amount;
      line.totalMinor += amount;
      if (direction === 'income') block.incomeMinor[i]! += amount;
      else block.expensesMinor[i]! += amount;
    }
    const openedAt = index.get(openedMonth);
    if (openedAt !== undefined) block.startedMinor[openedAt] = account.openingBalanceMinor;
    let balance = before;
    for (let i = 0; i < n; i++) {
      block.openingMinor[i] = balance;
      balance += block.startedMinor[i]! + block.incomeMinor[i]! - block.expensesMinor[i]! + block.transfersInMinor[i]! - block.transfersOutMinor[i]!;
      block.closingMinor[i] = balance;
    }
    block.lines = sortLines([...lines.values()], categoryById);
    blocks.push(block);

    let total = totals.get(account.currency);
    if (!total) {
      total = emptyBlock(null, null, account.currency, n);
      totals.set(account.currency, total);
    }
    addInto(total, block);
  }
  for (const total of totals.values()) total.lines = sortLines(total.lines, categoryById);
  return { from, to, months, accounts: blocks, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

function addInto(total: CashflowBlock, block: CashflowBlock) {
  const keys = ['openingMinor', 'startedMinor', 'incomeMinor', 'expensesMinor', 'transfersInMinor', 'transfersOutMinor', 'closingMinor'] as const;
  for (const k of keys) block[k].forEach((v, i) => (total[k][i]! += v));
  for (const line of block.lines) {
    let into = total.lines.find((l) => l.categoryId === line.categoryId);
    if (!into) {
      into = { ...line, amountsMinor: new Array<number>(line.amountsMinor.length).fill(0), totalMinor: 0 };
      total.lines.push(into);
    }
    line.amountsMinor.forEach((v, i) => (into.amountsMinor[i]! += v));
    into.totalMinor += line.totalMinor;
  }
}

function sortLines(lines: CashflowLine[], categories: Map<number, FlowCategory>): CashflowLine[] {
  const order = (l: CashflowLine) => [l.direction === 'income' ? 0 : 1, categories.get(l.categoryId)?.sortOrder ?? 1e9, l.categoryId] as const;
  return lines.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

// ---------------------------------------------------------------- outlook

/** Categories whose average makes the fixed monthly costs of the outlook. */
export const FIXED_COST_CODES = ['rent', 'salaries', 'utilities'] as const;
/** The longest look ahead: beyond it the outlook says "more than 10 years". */
export const OUTLOOK_HORIZON_MONTHS = 120;

export const OUTLOOK_STATUSES = ['noHistory', 'growing', 'runsOut', 'lasts', 'negative'] as const;
export type OutlookStatus = (typeof OUTLOOK_STATUSES)[number];

export const outlookTrancheSchema = out({
  id: pub(num),
  grantId: pub(num),
  grantTitle: money(str),
  expectedOn: pub(str),
  amountMinor: money(num),
});
export type OutlookTranche = z.output<typeof outlookTrancheSchema>;

export const outlookSchema = out({
  currency: pub(str),
  status: pub(z.enum(OUTLOOK_STATUSES)),
  /** The complete months averaged (oldest first). */
  months: pub(z.array(str)),
  paidServicesMinor: money(num),
  fixedCostsMinor: money(num),
  /** Fixed costs minus paid-service income per month (negative when income covers the costs). */
  burnMinor: money(num),
  balanceMinor: money(num),
  expectedMinor: money(num),
  tranches: pub(z.array(outlookTrancheSchema)),
  /** Months the money covers from the current month (one decimal), null when not running out. */
  coverMonths: money(num.nullable()),
  /** The last month fully paid ('YYYY-MM'); null when the money does not run out or no month is covered. */
  lastMonth: money(str.nullable()),
  /** The month the money runs out ('YYYY-MM'). */
  runsOutMonth: money(str.nullable()),
});
export type Outlook = z.output<typeof outlookSchema>;

/**
 * Month by month from the current one: add the tranches expected that month (overdue ones count in
 * the current month), take one month of costs net of paid-service income. The current month is
 * counted as a whole month (the cautious side).
 */
export function projectOutlook(args: {
  currency: string;
  currentMonth: string;
  months: string[];
  paidServicesMinor: number;
  fixedCostsMinor: number;
  balanceMinor: number;
  tranches: OutlookTranche[];
}): Outlook {
  const burn = args.fixedCostsMinor - args.paidServicesMinor;
  const expected = args.tranches.reduce((s, t) => s + t.amountMinor, 0);
  const base = {
    currency: args.currency,
    months: args.months,
    paidServicesMinor: args.paidServicesMinor,
    fixedCostsMinor: args.fixedCostsMinor,
    burnMinor: burn,
    balanceMinor: args.balanceMinor,
    expectedMinor: expected,
    tranches: args.tranches,
    coverMonths: null,
    lastMonth: null,
    runsOutMonth: null,
  };
  if (args.months.length === 0 || (args.paidServicesMinor === 0 && args.fixedCostsMinor === 0)) return { ...base, status: 'noHistory' };
  if (args.balanceMinor < 0) return { ...base, status: 'negative' };
  if (burn <= 0) return { ...base, status: 'growing' };
  const dueIn = (month: string) => args.tranches.filter((t) => (month === args.currentMonth ? t.expectedOn.slice(0, 7) <= month : t.expectedOn.slice(0, 7) === month)).reduce((s, t) => s + t.amountMinor, 0);
  let balance = args.balanceMinor;
  let covered = 0;
  let lastMonth: string | null = null;
  for (let k = 0; k < OUTLOOK_HORIZON_MONTHS; k++) {
    const month = addMonths(args.currentMonth, k);
    balance += dueIn(month);
    if (balance >= burn) {
      balance -= burn;
      covered++;
      lastMonth = month;
      continue;
    }
    covered += balance / burn;
    return { ...base, status: 'runsOut', coverMonths: Math.floor(covered * 10) / 10, lastMonth, runsOutMonth: month };
  }
  return { ...base, status: 'lasts', coverMonths: covered, lastMonth };
}
