/**
 * The paid-services till: prices with a history, sales (a correction is a reversing sale, never an
 * edit), receipts and the daily cash-up. Money is integer minor units with an ISO 4217 code; a
 * sale's total is its unit price times its quantity, exactly.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './dates';

/** Units a paid service is sold by (translated in till:units.<unit>). */
export const UNITS = ['page', 'copy', 'piece', 'photo', 'set', 'form', 'hour'] as const;
export type Unit = (typeof UNITS)[number];

export const PAYMENTS = ['cash', 'card'] as const;
export type Payment = (typeof PAYMENTS)[number];
/** The keys that choose the payment at the till (by key position: C and K on a Latin layout). */
export const PAYMENT_KEYS: Record<Payment, string> = { cash: 'C', card: 'K' };

/** The unit a built-in paid kind is usually sold by (the price form starts with it). */
export const DEFAULT_UNIT: Record<string, Unit> = {
  printing: 'page',
  copies: 'copy',
  lamination: 'piece',
  documentPhotos: 'set',
  formTyping: 'form',
};

export const MAX_QUANTITY = 10_000;
/** A price above this (in minor units) is a typo: 100 million whole units. */
export const MAX_PRICE_MINOR = 10_000_000_000;

/** The total of a sale line: unit price × quantity, in minor units (negative for a reversal). */
export function saleTotal(unitPriceMinor: number, quantity: number): number {
  const total = unitPriceMinor * quantity;
  if (!Number.isSafeInteger(total)) throw new RangeError('Sale total out of range');
  // -0 would print as "-0,00".
  return total === 0 ? 0 : total;
}

/** The receipt number printed on a receipt (the sale's id, zero-padded). */
export function receiptNumber(saleId: number): string {
  return String(saleId).padStart(6, '0');
}

export type CashUpResult = 'exact' | 'short' | 'over';

/** Counted − expected: below zero the box is short, above it over. */
export function cashUpResult(differenceMinor: number): CashUpResult {
  return differenceMinor === 0 ? 'exact' : differenceMinor < 0 ? 'short' : 'over';
}

const id = z.number('validation.required').int().positive('validation.required');

export const setPriceSchema = z.object({
  kindId: id,
  priceMinor: z.number('validation.required').int('validation.number').positive('validation.range').max(MAX_PRICE_MINOR, 'validation.range'),
  unit: z.enum(UNITS),
});
export type SetPriceInput = z.output<typeof setPriceSchema>;

export const saleInputSchema = z.object({
  kindId: id,
  quantity: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_QUANTITY, 'validation.range').default(1),
  residentId: id.nullable().default(null),
  payment: z.enum(PAYMENTS).default('cash'),
});
export type SaleInput = z.output<typeof saleInputSchema>;

export const cashUpInputSchema = z.object({
  day: isoDate,
  countedMinor: z.number('validation.required').int('validation.number').min(0, 'validation.range').max(MAX_PRICE_MINOR, 'validation.range'),
  note: z.string().trim().max(500, 'validation.tooLong').default(''),
});
export type CashUpInput = z.output<typeof cashUpInputSchema>;

export const tillDaySchema = z.object({ day: isoDate.optional() });

export interface PriceRow {
  id: number;
  priceMinor: number;
  currency: string;
  unit: Unit;
  /** ISO timestamp from which the price applies. */
  validFrom: string;
  setBy: string;
}

export interface PricedKind {
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  archived: boolean;
  /** The price that applies now in the centre's currency; null: the kind cannot be sold yet. */
  current: PriceRow | null;
  /** Newest first, the current one included. */
  history: PriceRow[];
}

export interface PriceList {
  currency: string;
  kinds: PricedKind[];
}

export interface Sale {
  id: number;
  receiptNo: string;
  soldAt: string;
  day: string;
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  unit: Unit;
  unitPriceMinor: number;
  /** Negative on a reversing sale. */
  quantity: number;
  totalMinor: number;
  currency: string;
  payment: Payment;
  residentId: number | null;
  residentName: string | null;
  accountId: number;
  accountName: string;
  entryId: number | null;
  reversesSaleId: number | null;
  /** The reversing sale, when this one has been reversed. */
  reversedBySaleId: number | null;
  soldBy: string;
}

export interface Receipt {
  centreName: string;
  sale: Sale;
}

export interface KindTotal {
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  unit: Unit;
  /** Sales less reversals. */
  count: number;
  quantity: number;
  totalMinor: number;
}

export interface PaymentTotal {
  payment: Payment;
  count: number;
  totalMinor: number;
}

export interface CashUp {
  id: number;
  day: string;
  accountId: number;
  accountName: string;
  expectedMinor: number;
  countedMinor: number;
  differenceMinor: number;
  currency: string;
  note: string;
  createdAt: string;
  createdBy: string;
}

export interface TillDay {
  day: string;
  currency: string;
  sales: Sale[];
  byKind: KindTotal[];
  byPayment: PaymentTotal[];
  reversals: { count: number; totalMinor: number };
  totalMinor: number;
  /** The till's cash account (null: none yet, the treasurer has to open one). */
  cashAccount: { id: number; name: string; currency: string } | null;
  /** Cash taken by the till that day (cash sales less cash reversals). */
  tillCashMinor: number;
  /** The cash account's balance at the end of the day (opening balance + every entry up to it). */
  expectedCashMinor: number;
  /** Cash-ups recorded for this day, newest first. */
  cashUps: CashUp[];
}
