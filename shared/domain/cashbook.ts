/**
 * The cash book (treasurer issue): accounts, categories, income and expenses, transfers,
 * reversals and volunteer advances to reimburse. Input schemas (shared by the contract and the
 * forms), the DTOs the core returns, and the pure rules both sides use. Money is integer minor
 * units next to an ISO 4217 code; an entry's amount is signed (in > 0, out < 0).
 */
import { z } from 'zod';
import { isoDateSchema as isoDate, monthKeySchema as monthKey } from './dates';
import { CURRENCIES, type Currency, type Language } from './settings';

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
// DTOs

export interface AccountDto {
  id: number;
  name: string;
  kind: AccountKind;
  currency: Currency;
  openingBalanceMinor: number;
  openingDate: string;
  /** Opening balance plus the sum of every entry. */
  balanceMinor: number;
  entryCount: number;
  archived: boolean;
}

export interface CategoryDto {
  id: number;
  /** Built-in categories have a code (translated); the centre's own have a name. */
  code: string | null;
  name: string | null;
  direction: EntryType;
  archived: boolean;
  entryCount: number;
}

export interface EntryDto {
  id: number;
  accountId: number;
  accountName: string;
  date: string;
  /** Signed minor units: money in > 0, money out < 0. */
  amountMinor: number;
  currency: Currency;
  categoryId: number | null;
  categoryCode: string | null;
  categoryName: string | null;
  source: EntrySourceCode;
  transferGroup: string | null;
  /** For a transfer leg: the other account. */
  otherAccountName: string | null;
  counterparty: string;
  documentNo: string;
  note: string;
  grantId: number | null;
  grantTitle: string | null;
  budgetLineId: number | null;
  budgetLineName: string | null;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
  advanceId: number | null;
  /** The account's balance after this entry (only when the list is of one account). */
  balanceAfterMinor: number | null;
  createdAt: string;
}

export interface EntryList {
  entries: EntryDto[];
  /** How many entries matched (the list shows at most `limit`, newest first). */
  total: number;
  /** When one account is chosen: its balance now. */
  accountBalanceMinor: number | null;
}

export type EntryWarning = 'grantPeriodEnded' | 'grantNotStarted';

export interface PostedEntry {
  entry: EntryDto;
  warnings: EntryWarning[];
}

export interface GrantOption {
  id: number;
  funder: string;
  title: string;
  startsOn: string;
  endsOn: string;
  currency: Currency;
  lines: Array<{ id: number; name: string }>;
}

export interface PendingAdvance {
  id: number;
  taskId: number;
  volunteerId: number;
  volunteerName: string;
  kindCode: string | null;
  kindName: string | null;
  residentName: string;
  /** The day the task was done (else scheduled). */
  date: string;
  amountMinor: number;
  currency: Currency;
  note: string;
  /** The category a settlement uses unless another is chosen. */
  suggestedCategoryCode: 'medicines' | 'otherExpense';
}

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
