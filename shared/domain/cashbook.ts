/**
 * The cash book (treasurer issue): accounts, categories, income and expenses, transfers,
 * reversals and volunteer advances to reimburse. Input schemas (shared by the contract and the
 * forms), the DTOs the core returns, and the pure rules both sides use. Money is integer minor
 * units next to an ISO 4217 code; an entry's amount is signed (in > 0, out < 0).
 */
import { z } from 'zod';
import { isoDateSchema as isoDate, monthKeySchema as monthKey } from './dates';
import { CURRENCIES, type Language } from './settings';
import { identity, money, out, pub } from '../api/fields';
import { cappedTotalShape, dayCursorInputSchema, dayCursorSchema } from './paging';

export const ACCOUNT_KINDS = ['cash', 'bank', 'other'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const ENTRY_TYPES = ['income', 'expense'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export const ENTRY_SOURCES = ['manual', 'sale', 'rent', 'advance', 'tranche', 'transfer', 'reversal'] as const;
export type EntrySourceCode = (typeof ENTRY_SOURCES)[number];

/** The built-in categories (migration 20261123_1900_money), translated as cashbook:categories.<code>. */
export const BUILT_IN_CATEGORIES = [
  'paidServices',
  'donations',
  'grantTranche',
  'membershipFees',
  'otherIncome',
  'rent',
  'utilities',
  'salaries',
  'supplies',
  'medicines',
  'transport',
  'otherExpense',
] as const;

/** The largest amount one entry may carry: 10 billion minor units (100 million roubles). */
export const MAX_ENTRY_MINOR = 10_000_000_000;

const id = z.number('validation.required').int('validation.required').positive('validation.required');
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong').default('');
/** A positive amount as typed in a form (the direction comes from the form, not the sign). */
export const positiveAmountSchema = z
  .number('validation.amount')
  .int('validation.amount')
  .min(1, 'validation.amountPositive')
  .max(MAX_ENTRY_MINOR, 'validation.amountTooLarge');

export const accountInputSchema = z.object({
  name: z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  kind: z.enum(ACCOUNT_KINDS),
  currency: z.enum(CURRENCIES),
  openingBalanceMinor: z.number('validation.amount').int('validation.amount').min(-MAX_ENTRY_MINOR, 'validation.amountTooLarge').max(MAX_ENTRY_MINOR, 'validation.amountTooLarge').default(0),
  openingDate: isoDate,
});
export type AccountInput = z.input<typeof accountInputSchema>;
export type AccountData = z.output<typeof accountInputSchema>;

export const categoryInputSchema = z.object({
  name: z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  direction: z.enum(ENTRY_TYPES),
});
export type CategoryInput = z.input<typeof categoryInputSchema>;

export const entryInputSchema = z.object({
  type: z.enum(ENTRY_TYPES),
  date: isoDate,
  accountId: id,
  amountMinor: positiveAmountSchema,
  categoryId: id,
  counterparty: text(200),
  documentNo: text(100),
  note: text(1000),
  grantId: id.nullable().default(null),
  budgetLineId: id.nullable().default(null),
});
export type EntryInput = z.input<typeof entryInputSchema>;
export type EntryData = z.output<typeof entryInputSchema>;

export const transferInputSchema = z
  .object({
    date: isoDate,
    fromAccountId: id,
    toAccountId: id,
    amountMinor: positiveAmountSchema,
    documentNo: text(100),
    note: text(1000),
  })
  .refine((t) => t.fromAccountId !== t.toAccountId, { path: ['toAccountId'], message: 'validation.sameAccount' });
export type TransferInput = z.input<typeof transferInputSchema>;
export type TransferData = z.output<typeof transferInputSchema>;

export const reverseInputSchema = z.object({
  id,
  /** The day of the reversal (today when left out). */
  date: isoDate.optional(),
  note: text(1000),
});

export const entryFiltersSchema = z.object({
  accountId: id.optional(),
  fromMonth: monthKey.optional(),
  toMonth: monthKey.optional(),
  categoryId: id.optional(),
  text: z.string().trim().max(200).default(''),
  /** The page after this entry (the previous page's `nextCursor`). */
  cursor: dayCursorInputSchema.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type EntryFilters = z.input<typeof entryFiltersSchema>;

export const settleAdvanceInputSchema = z.object({
  id,
  accountId: id,
  date: isoDate.optional(),
  /** The expense category (by default medicines for medicine tasks, else other expenses). */
  categoryId: id.optional(),
});

// ---------------------------------------------------------------------------------------------
// Outputs: every field with its field group (shared/api/fields.ts). On the cash book's calls
// (accounts.*, cashbook.*) the booking texts (counterparty, document number, note) and the names of
// accounts, categories, grants and lines an entry is booked on are `money`; the names of accounts
// and categories in their own lists are public, as are ids, dates and codes.

const str = z.string();
const num = z.number();

export const accountDtoSchema = out({
  id: pub(num),
  name: pub(str),
  kind: pub(z.enum(ACCOUNT_KINDS)),
  currency: pub(z.enum(CURRENCIES)),
  openingBalanceMinor: money(num),
  openingDate: pub(str),
  /** Opening balance plus the sum of every entry. */
  balanceMinor: money(num),
  entryCount: pub(num),
  archived: pub(z.boolean()),
});
export type AccountDto = z.output<typeof accountDtoSchema>;

export const categoryDtoSchema = out({
  id: pub(num),
  /** Built-in categories have a code (translated); the centre's own have a name. */
  code: pub(str.nullable()),
  name: pub(str.nullable()),
  direction: money(z.enum(ENTRY_TYPES)),
  archived: pub(z.boolean()),
  entryCount: pub(num),
});
export type CategoryDto = z.output<typeof categoryDtoSchema>;

export const entryDtoSchema = out({
  id: pub(num),
  accountId: pub(num),
  accountName: money(str),
  date: pub(str),
  /** Signed minor units: money in > 0, money out < 0. */
  amountMinor: money(num),
  currency: pub(z.enum(CURRENCIES)),
  categoryId: pub(num.nullable()),
  categoryCode: money(str.nullable()),
  categoryName: money(str.nullable()),
  source: pub(z.enum(ENTRY_SOURCES)),
  transferGroup: money(str.nullable()),
  /** For a transfer leg: the other account. */
  otherAccountName: money(str.nullable()),
  counterparty: money(str),
  documentNo: money(str),
  note: money(str),
  grantId: pub(num.nullable()),
  grantTitle: money(str.nullable()),
  budgetLineId: pub(num.nullable()),
  budgetLineName: money(str.nullable()),
  reversesEntryId: pub(num.nullable()),
  reversedByEntryId: pub(num.nullable()),
  advanceId: pub(num.nullable()),
  /** The account's balance after this entry (only when the list is of one account). */
  balanceAfterMinor: money(num.nullable()),
  createdAt: pub(str),
});
export type EntryDto = z.output<typeof entryDtoSchema>;

export const entryListSchema = out({
  /** A page of the matching entries, newest first (by date, then number). */
  entries: pub(z.array(entryDtoSchema)),
  /** How many entries match, counted up to 1,000 (`totalCapped`: more match). */
  ...cappedTotalShape,
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: pub(dayCursorSchema.nullable()),
  /** When one account is chosen: its balance now. */
  accountBalanceMinor: money(num.nullable()),
});
export type EntryList = z.output<typeof entryListSchema>;

export const ENTRY_WARNINGS = ['grantPeriodEnded', 'grantNotStarted'] as const;
export type EntryWarning = (typeof ENTRY_WARNINGS)[number];

export const postedEntrySchema = out({
  entry: pub(entryDtoSchema),
  warnings: pub(z.array(z.enum(ENTRY_WARNINGS))),
});
export type PostedEntry = z.output<typeof postedEntrySchema>;

export const grantOptionSchema = out({
  id: pub(num),
  funder: money(str),
  title: pub(str),
  startsOn: pub(str),
  endsOn: pub(str),
  currency: pub(z.enum(CURRENCIES)),
  lines: pub(z.array(out({ id: pub(num), name: pub(str) }))),
});
export type GrantOption = z.output<typeof grantOptionSchema>;

/** The category a volunteer's reimbursement uses unless another is chosen. */
export const ADVANCE_CATEGORY_CODES = ['medicines', 'otherExpense'] as const;

export const pendingAdvanceSchema = out({
  id: pub(num),
  taskId: pub(num),
  volunteerId: pub(num),
  volunteerName: pub(str),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  residentName: identity(str),
  /** The day the task was done (else scheduled). */
  date: pub(str),
  amountMinor: money(num),
  currency: pub(z.enum(CURRENCIES)),
  note: money(str),
  /** The category a settlement uses unless another is chosen. */
  suggestedCategoryCode: money(z.enum(ADVANCE_CATEGORY_CODES)),
});
export type PendingAdvance = z.output<typeof pendingAdvanceSchema>;

// ---------------------------------------------------------------------------------------------
// Rules

/** The signed amount of an entry typed as a positive number in an income or an expense form. */
export function signedAmount(type: EntryType, positiveMinor: number): number {
  return type === 'income' ? positiveMinor : -positiveMinor;
}

/** A warning (never a refusal) for an entry on a grant outside the grant's period. */
export function grantPeriodWarning(grant: { startsOn: string; endsOn: string }, date: string): EntryWarning | null {
  if (date > grant.endsOn) return 'grantPeriodEnded';
  if (date < grant.startsOn) return 'grantNotStarted';
  return null;
}

/** Kinds of help whose advances are medicines bought for a resident (built-in code, or the centre's own name). */
export function isMedicinesKind(code: string | null, name: string | null): boolean {
  if (code !== null) return code === 'medicinePurchase';
  return name !== null && /medic|лекарств|лік|lek|φάρμακ/i.test(name);
}

/** The default category of a volunteer's reimbursement. */
export function advanceCategoryCode(kind: { code: string | null; name: string | null }): 'medicines' | 'otherExpense' {
  return isMedicinesKind(kind.code, kind.name) ? 'medicines' : 'otherExpense';
}

/** Balances reconcile: the opening balance plus the sum of the entries. */
export function balanceOf(openingMinor: number, amounts: readonly number[]): number {
  return amounts.reduce((sum, a) => sum + a, openingMinor);
}

/** The names of the two accounts a new centre starts with, in the centre's language. */
export const DEFAULT_ACCOUNT_NAMES: Record<Language, { cash: string; bank: string }> = {
  en: { cash: 'Cash box', bank: 'Bank account' },
  ru: { cash: 'Касса', bank: 'Расчётный счёт' },
  uk: { cash: 'Каса', bank: 'Розрахунковий рахунок' },
  pl: { cash: 'Kasa', bank: 'Rachunek bankowy' },
  el: { cash: 'Ταμείο', bank: 'Τραπεζικός λογαριασμός' },
};
