/**
 * Grants with budget lines and tranches, the annual budget, leases and rent due, in-kind
 * contributions (treasurer issue). Input schemas shared by the contract and the forms, the DTOs the
 * core returns, and the pure rules both sides use: grant warnings (overspent line, money likely to
 * be unspent), rent months, co-financing arithmetic. Money is integer minor units with a currency.
 */
import { z } from 'zod';
import { addMonths, daysBetween, daysInMonth, isIsoDate, isMonthKey, isoDateSchema as isoDate, monthKeySchema as monthKey, monthRange } from './dates';
import { CURRENCIES } from './settings';
import { ENTRY_TYPES } from './cashbook';
import { money, out, pub } from '../api/fields';

/** The largest amount a plan, grant, lease or contribution may carry (100 million roubles). */
export const MAX_FUNDING_MINOR = 10_000_000_000;
/** Money likely to stay unspent at the end above this share of the grant is warned about. */
export const UNSPENT_WARNING_SHARE = 0.1;
export const IN_KIND_KINDS = ['rentDiscount', 'goods', 'services'] as const;
export type InKindKind = (typeof IN_KIND_KINDS)[number];
/** Kinds a treasurer records by hand (rent discounts are generated from the leases). */
export const MANUAL_IN_KIND_KINDS = ['goods', 'services'] as const;
export type ManualInKindKind = (typeof MANUAL_IN_KIND_KINDS)[number];
/** The settings key of the value of one volunteer hour (minor units of the centre's currency). */
export const VOLUNTEER_RATE_KEY = 'money.volunteerHourRate';

const id = z.number('validation.required').int('validation.required').positive('validation.required');
const requiredText = (max: number) => z.string('validation.required').trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong').default('');
/** Zero or more (a plan, a market rent). */
export const amountSchema = z.number('validation.amountFormat').int('validation.amountFormat').min(0, 'validation.amountFormat').max(MAX_FUNDING_MINOR, 'validation.amountTooLarge');
/** More than zero (a tranche, a contribution). */
export const positiveSchema = amountSchema.min(1, 'validation.amountPositive');

export const budgetLineInputSchema = z.object({ name: requiredText(150), plannedMinor: amountSchema });
export type BudgetLineInput = z.input<typeof budgetLineInputSchema>;

export const grantInputSchema = z
  .object({
    funder: requiredText(200),
    title: requiredText(300),
    startsOn: isoDate,
    endsOn: isoDate,
    currency: z.enum(CURRENCIES),
    amountMinor: amountSchema,
    note: text(2000),
  })
  .refine((g) => !isIsoDate(g.startsOn) || !isIsoDate(g.endsOn) || g.startsOn <= g.endsOn, { path: ['endsOn'], message: 'validation.dateOrder' });
export type GrantInput = z.input<typeof grantInputSchema>;
export type GrantData = z.output<typeof grantInputSchema>;

export const grantCreateSchema = z.object({ grant: grantInputSchema, lines: z.array(budgetLineInputSchema).max(50).default([]) });

export const trancheInputSchema = z.object({ grantId: id, expectedOn: isoDate, amountMinor: positiveSchema, note: text(500) });
export type TrancheInput = z.input<typeof trancheInputSchema>;
export const receiveTrancheSchema = z.object({ id, accountId: id, date: isoDate.optional() });

export const budgetSetSchema = z.object({ year: z.number().int().min(1900).max(2999), categoryId: id, plannedMinor: amountSchema });

export const leaseInputSchema = z
  .object({
    landlord: requiredText(200),
    premises: requiredText(300),
    marketRentMinor: amountSchema,
    paidRentMinor: amountSchema,
    dueDay: z.number('validation.range').int('validation.range').min(1, 'validation.range').max(28, 'validation.range'),
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
    accountId: id.nullable().default(null),
    note: text(1000),
  })
  .refine((l) => l.endsOn === null || !isIsoDate(l.startsOn) || !isIsoDate(l.endsOn) || l.startsOn <= l.endsOn, {
    path: ['endsOn'],
    message: 'validation.dateOrder',
  });
export type LeaseInput = z.input<typeof leaseInputSchema>;
export type LeaseData = z.output<typeof leaseInputSchema>;

export const payRentSchema = z.object({ chargeId: id, accountId: id.optional(), date: isoDate.optional() });

export const inKindInputSchema = z.object({
  date: isoDate,
  kind: z.enum(MANUAL_IN_KIND_KINDS),
  donor: text(200),
  description: requiredText(500),
  valueMinor: positiveSchema,
  grantId: id.nullable().default(null),
});
export type InKindInput = z.input<typeof inKindInputSchema>;
export type InKindData = z.output<typeof inKindInputSchema>;

export const monthRangeSchema = z
  .object({ fromMonth: monthKey, toMonth: monthKey })
  .refine((r) => !isMonthKey(r.fromMonth) || !isMonthKey(r.toMonth) || r.fromMonth <= r.toMonth, { path: ['toMonth'], message: 'validation.dateOrder' })
  .refine((r) => !isMonthKey(r.fromMonth) || !isMonthKey(r.toMonth) || monthRange(r.fromMonth, r.toMonth).length <= 120, { path: ['toMonth'], message: 'validation.tooLong' });

// ---------------------------------------------------------------------------------------------
// Outputs: every field with its field group (shared/api/fields.ts). On the treasurer's calls
// (grants.*, budget.*, rent.*, inKind.*) amounts, funders, landlords, premises, donors, notes and
// descriptions are `money`; ids, dates, codes and the names of lines and categories are public.

const str = z.string();
const num = z.number();
const flag = z.boolean();
const currency = z.enum(CURRENCIES);

export const grantWarningSchema = z.union([
  out({ code: pub(z.literal('lineOverspent')), lineId: pub(num), lineName: money(str), overMinor: money(num) }),
  out({ code: pub(z.literal('likelyUnspent')), projectedUnspentMinor: money(num), percent: money(num) }),
  out({ code: pub(z.literal('trancheOverdue')), trancheId: pub(num), expectedOn: pub(str), amountMinor: money(num) }),
  out({ code: pub(z.literal('outsidePeriod')), count: pub(num), amountMinor: money(num) }),
  out({ code: pub(z.literal('linesDontAddUp')), plannedMinor: money(num), amountMinor: money(num) }),
]);
export type GrantWarning = z.output<typeof grantWarningSchema>;

const grantSummaryShape = {
  id: pub(num),
  funder: money(str),
  title: pub(str),
  startsOn: pub(str),
  endsOn: pub(str),
  currency: pub(currency),
  amountMinor: money(num),
  spentMinor: money(num),
  receivedMinor: money(num),
  percentSpent: money(num),
  percentElapsed: pub(num),
  ended: pub(flag),
  warnings: pub(z.array(grantWarningSchema)),
};
export const grantSummarySchema = out(grantSummaryShape);
export type GrantSummary = z.output<typeof grantSummarySchema>;

export const budgetLineViewSchema = out({
  id: pub(num),
  name: pub(str),
  plannedMinor: money(num),
  /** Money spent: minus the sum of the line's entries, reversals included. */
  actualMinor: money(num),
  remainingMinor: money(num),
  percentSpent: money(num),
  overspent: money(flag),
});
export type BudgetLineView = z.output<typeof budgetLineViewSchema>;

export const trancheViewSchema = out({
  id: pub(num),
  expectedOn: pub(str),
  amountMinor: money(num),
  note: money(str),
  receivedEntryId: pub(num.nullable()),
  receivedOn: pub(str.nullable()),
  accountName: money(str.nullable()),
  overdue: pub(flag),
});
export type TrancheView = z.output<typeof trancheViewSchema>;

export const grantEntryViewSchema = out({
  id: pub(num),
  date: pub(str),
  amountMinor: money(num),
  lineId: pub(num.nullable()),
  lineName: money(str.nullable()),
  categoryCode: money(str.nullable()),
  categoryName: money(str.nullable()),
  counterparty: money(str),
  note: money(str),
  source: pub(str),
  reversesEntryId: pub(num.nullable()),
  outsidePeriod: money(flag),
});
export type GrantEntryView = z.output<typeof grantEntryViewSchema>;

export const grantViewSchema = out({
  ...grantSummaryShape,
  note: money(str),
  lines: pub(z.array(budgetLineViewSchema)),
  /** Expenses on the grant without a budget line. */
  unassignedMinor: money(num),
  plannedMinor: money(num),
  expectedMinor: money(num),
  projectedUnspentMinor: money(num),
  tranches: pub(z.array(trancheViewSchema)),
  entries: pub(z.array(grantEntryViewSchema)),
});
export type GrantView = z.output<typeof grantViewSchema>;

export const budgetRowSchema = out({
  categoryId: pub(num),
  code: pub(str.nullable()),
  name: pub(str.nullable()),
  direction: money(z.enum(ENTRY_TYPES)),
  plannedMinor: money(num),
  actualMinor: money(num),
  differenceMinor: money(num),
  percent: money(num),
});
export type BudgetRow = z.output<typeof budgetRowSchema>;

const budgetTotalSchema = out({ plannedMinor: money(num), actualMinor: money(num), differenceMinor: money(num) });

export const annualBudgetSchema = out({
  year: pub(num),
  currency: pub(currency),
  income: money(z.array(budgetRowSchema)),
  expense: money(z.array(budgetRowSchema)),
  totals: money(
    out({
      income: money(budgetTotalSchema),
      expense: money(budgetTotalSchema),
      /** Income minus expenses. */
      net: money(budgetTotalSchema),
    }),
  ),
});
export type AnnualBudget = z.output<typeof annualBudgetSchema>;

export const leaseViewSchema = out({
  id: pub(num),
  landlord: money(str),
  premises: money(str),
  currency: pub(currency),
  marketRentMinor: money(num),
  paidRentMinor: money(num),
  dueDay: pub(num),
  startsOn: pub(str),
  endsOn: pub(str.nullable()),
  accountId: pub(num.nullable()),
  accountName: money(str.nullable()),
  note: money(str),
  ended: pub(flag),
  unpaidCount: pub(num),
  overdueCount: pub(num),
});
export type LeaseView = z.output<typeof leaseViewSchema>;

export const rentChargeViewSchema = out({
  id: pub(num),
  leaseId: pub(num),
  landlord: money(str),
  premises: money(str),
  monthKey: pub(str),
  dueOn: pub(str),
  amountMinor: money(num),
  marketMinor: money(num),
  currency: pub(currency),
  entryId: pub(num.nullable()),
  paidOn: pub(str.nullable()),
  overdue: pub(flag),
});
export type RentChargeView = z.output<typeof rentChargeViewSchema>;

export const rentOverviewSchema = out({
  leases: pub(z.array(leaseViewSchema)),
  charges: pub(z.array(rentChargeViewSchema)),
  overdue: pub(z.array(rentChargeViewSchema)),
  overdueMinor: money(num),
});
export type RentOverview = z.output<typeof rentOverviewSchema>;

export const overdueCountSchema = out({ count: pub(num) });

export const inKindViewSchema = out({
  id: pub(num),
  date: pub(str),
  monthKey: pub(str),
  kind: pub(z.enum(IN_KIND_KINDS)),
  donor: money(str),
  description: money(str),
  valueMinor: money(num),
  currency: pub(currency),
  grantId: pub(num.nullable()),
  grantTitle: money(str.nullable()),
  /** Generated rows (rent discounts) change only with their lease. */
  generated: pub(flag),
  /** The aid receipt it was taken in from (aid.receive with a value), or null. */
  aidMovementId: pub(num.nullable()),
  /** The aid receipt was corrected (aid.correct) after it was recorded: check the value. */
  aidCorrected: pub(flag),
});
export type InKindView = z.output<typeof inKindViewSchema>;

/** Take one aid receipt with a value into the in-kind ledger (goods; optional grant as co-financing). */
export const takeInAidInputSchema = z.object({
  movementId: id,
  grantId: id.nullable().default(null),
  /** The row's text (the screen writes the item and quantity in the user's language); '' lets the core write it. */
  description: text(500),
});
export type TakeInAidInput = z.input<typeof takeInAidInputSchema>;

/** Aid receipts with a value not yet taken into the in-kind ledger, newest first. */
export const aidToTakeInSchema = out({
  receipts: pub(
    z.array(
      out({
        movementId: pub(num),
        on: pub(str),
        itemName: pub(str),
        size: pub(str),
        unit: pub(str),
        /** As recorded. */
        quantity: pub(num),
        /** After corrections. */
        effective: pub(num),
        corrected: pub(flag),
        fromWhom: money(str),
        valueMinor: money(num),
        currency: pub(str),
      }),
    ),
  ),
  /** All such receipts (the list shows the newest AID_TAKE_IN_LIMIT). */
  total: pub(num),
});
export type AidToTakeIn = z.output<typeof aidToTakeInSchema>;
/** The most receipts the take-in list shows at once. */
export const AID_TAKE_IN_LIMIT = 200;

export const removedInKindSchema = out({ id: pub(num) });

/** The value of one volunteer hour (minor units of the centre's currency; 0 when not set). */
export const volunteerRateSchema = out({ rateMinor: money(num), currency: pub(str) });
export type VolunteerRate = z.output<typeof volunteerRateSchema>;

const coFinancingPartsShape = {
  rentDiscountMinor: money(num),
  goodsMinor: money(num),
  servicesMinor: money(num),
  volunteerMinutes: pub(num),
  volunteerMinor: money(num),
  totalMinor: money(num),
};
export const coFinancingMonthSchema = out({ month: pub(str), ...coFinancingPartsShape });
export type CoFinancingMonth = z.output<typeof coFinancingMonthSchema>;

export const coFinancingReportSchema = out({
  currency: pub(currency),
  rateMinor: money(num),
  months: pub(z.array(coFinancingMonthSchema)),
  totals: money(out(coFinancingPartsShape)),
});
export type CoFinancingReport = z.output<typeof coFinancingReportSchema>;

// ---------------------------------------------------------------------------------------------
// Rules

/** Whole percent of a part in a total (0 when the total is 0), for bars and labels. */
export function percentOf(part: number, total: number): number {
  if (total <= 0) return part > 0 ? 100 : 0;
  return Math.round((part * 100) / total);
}

/** How much of a period has elapsed on a day: 0 before it starts, 1 from its last day on. */
export function elapsedShare(startsOn: string, endsOn: string, today: string): number {
  if (today < startsOn) return 0;
  if (today >= endsOn) return 1;
  const total = daysBetween(startsOn, endsOn) + 1;
  return (daysBetween(startsOn, today) + 1) / total;
}

/**
 * What is likely to stay unspent at the end: the spending pace so far projected linearly to the
 * end date (after the end: what is left). Before the grant starts nothing is projected (0).
 */
export function projectedUnspent(budgetMinor: number, spentMinor: number, startsOn: string, endsOn: string, today: string): number {
  const share = elapsedShare(startsOn, endsOn, today);
  if (share === 0) return 0;
  const projected = Math.round(spentMinor / share);
  return Math.max(0, budgetMinor - projected);
}

/** The warnings of a grant; pure, so the rule is tested without a database. */
export function grantWarnings(g: {
  startsOn: string;
  endsOn: string;
  amountMinor: number;
  today: string;
  lines: Array<{ id: number; name: string; plannedMinor: number; actualMinor: number }>;
  spentMinor: number;
  tranches: Array<{ id: number; expectedOn: string; amountMinor: number; received: boolean }>;
  outsidePeriod: { count: number; amountMinor: number };
}): GrantWarning[] {
  const out: GrantWarning[] = [];
  for (const l of g.lines) {
    if (l.actualMinor > l.plannedMinor) out.push({ code: 'lineOverspent', lineId: l.id, lineName: l.name, overMinor: l.actualMinor - l.plannedMinor });
  }
  const planned = g.lines.reduce((s, l) => s + l.plannedMinor, 0);
  const budget = budgetOf(g.amountMinor, planned);
  const unspent = projectedUnspent(budget, g.spentMinor, g.startsOn, g.endsOn, g.today);
  if (budget > 0 && unspent > budget * UNSPENT_WARNING_SHARE) {
    out.push({ code: 'likelyUnspent', projectedUnspentMinor: unspent, percent: percentOf(unspent, budget) });
  }
  for (const tr of g.tranches) {
    if (!tr.received && tr.expectedOn < g.today) out.push({ code: 'trancheOverdue', trancheId: tr.id, expectedOn: tr.expectedOn, amountMinor: tr.amountMinor });
  }
  if (g.outsidePeriod.count > 0) out.push({ code: 'outsidePeriod', count: g.outsidePeriod.count, amountMinor: g.outsidePeriod.amountMinor });
  if (g.lines.length > 0 && g.amountMinor > 0 && planned !== g.amountMinor) out.push({ code: 'linesDontAddUp', plannedMinor: planned, amountMinor: g.amountMinor });
  return out;
}

/** What a grant's progress is measured against: its amount, else the sum of its lines' plans. */
export function budgetOf(amountMinor: number, plannedMinor: number): number {
  return amountMinor > 0 ? amountMinor : plannedMinor;
}

/** Rent due is generated for at most this many months back (an old lease typed in does not make a century of rows). */
export const RENT_MONTHS_BACK = 120;

/** The months a lease owes rent for, up to the current month: from its start (at most ten years back) to its end (if any). */
export function rentMonths(lease: { startsOn: string; endsOn: string | null }, today: string): string[] {
  const current = today.slice(0, 7);
  const earliest = addMonths(current, -(RENT_MONTHS_BACK - 1));
  const from = lease.startsOn.slice(0, 7) < earliest ? earliest : lease.startsOn.slice(0, 7);
  const to = lease.endsOn !== null && lease.endsOn.slice(0, 7) < current ? lease.endsOn.slice(0, 7) : current;
  return from <= to ? monthRange(from, to) : [];
}

/** The due date of a month's rent: the due day of that month, never before the lease starts. */
export function rentDueOn(monthKey: string, dueDay: number, startsOn: string): string {
  const y = Number(monthKey.slice(0, 4));
  const m = Number(monthKey.slice(5, 7));
  const day = Math.min(dueDay, daysInMonth(y, m));
  const due = `${monthKey}-${String(day).padStart(2, '0')}`;
  return due < startsOn ? startsOn : due;
}

/** The landlord's discount of a month: market rent minus the rent paid (never negative). */
export function rentDiscount(marketMinor: number, paidMinor: number): number {
  return Math.max(0, marketMinor - paidMinor);
}

/** Volunteer minutes valued at an hourly rate, in whole minor units (half up). */
export function volunteerValueMinor(minutes: number, rateMinorPerHour: number): number {
  return Math.floor((minutes * rateMinorPerHour + 30) / 60);
}

/** One month of co-financing: its parts and their total. */
export function coFinancingMonth(
  month: string,
  parts: { rentDiscountMinor: number; goodsMinor: number; servicesMinor: number; volunteerMinutes: number },
  rateMinor: number,
): CoFinancingMonth {
  const volunteerMinor = volunteerValueMinor(parts.volunteerMinutes, rateMinor);
  return {
    month,
    ...parts,
    volunteerMinor,
    totalMinor: parts.rentDiscountMinor + parts.goodsMinor + parts.servicesMinor + volunteerMinor,
  };
}

/** The last twelve months up to a day's month (for the default report range). */
export function lastTwelveMonths(today: string): { fromMonth: string; toMonth: string } {
  const toMonth = today.slice(0, 7);
  return { fromMonth: addMonths(toMonth, -11), toMonth };
}
