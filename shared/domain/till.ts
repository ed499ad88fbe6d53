/**
 * The paid-services till: prices with a history, sales (a correction is a reversing sale, never an
 * edit), receipts and the daily cash-up. Money is integer minor units with an ISO 4217 code; a
 * sale's total is its unit price times its quantity, exactly.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './dates';
import { identity, out, pub, till } from '../api/fields';

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

// ---------------------------------------------------------------------------------------------
// Outputs: every field with its field group (shared/api/fields.ts). The till's own figures (prices,
// totals, the cash box and its cash-up) are the `till` group, which the front desk receives.

const text = z.string();
const num = z.number();

export const priceRowSchema = out({
  id: pub(num),
  priceMinor: till(num),
  currency: pub(text),
  unit: pub(z.enum(UNITS)),
  /** ISO timestamp from which the price applies. */
  validFrom: pub(text),
  setBy: pub(text),
});
export type PriceRow = z.output<typeof priceRowSchema>;

export const pricedKindSchema = out({
  kindId: pub(num),
  kindCode: pub(text.nullable()),
  kindName: pub(text.nullable()),
  archived: pub(z.boolean()),
  /** The price that applies now in the centre's currency; null: the kind cannot be sold yet. */
  current: pub(priceRowSchema.nullable()),
  /** Newest first, the current one included. */
  history: pub(z.array(priceRowSchema)),
});
export type PricedKind = z.output<typeof pricedKindSchema>;

export const priceListSchema = out({
  currency: pub(text),
  kinds: pub(z.array(pricedKindSchema)),
});
export type PriceList = z.output<typeof priceListSchema>;

export const saleSchema = out({
  id: pub(num),
  receiptNo: till(text),
  soldAt: pub(text),
  day: pub(text),
  kindId: pub(num),
  kindCode: pub(text.nullable()),
  kindName: pub(text.nullable()),
  unit: pub(z.enum(UNITS)),
  unitPriceMinor: till(num),
  /** Negative on a reversing sale. */
  quantity: pub(num),
  totalMinor: till(num),
  currency: pub(text),
  payment: pub(z.enum(PAYMENTS)),
  residentId: pub(num.nullable()),
  /** Who paid: a name the treasurer may see, like the front desk. */
  residentName: identity(text.nullable()),
  accountId: pub(num),
  accountName: till(text),
  entryId: pub(num.nullable()),
  reversesSaleId: pub(num.nullable()),
  /** The reversing sale, when this one has been reversed. */
  reversedBySaleId: pub(num.nullable()),
  soldBy: pub(text),
});
export type Sale = z.output<typeof saleSchema>;

export const receiptSchema = out({
  centreName: pub(text),
  sale: pub(saleSchema),
});
export type Receipt = z.output<typeof receiptSchema>;

export const kindTotalSchema = out({
  kindId: pub(num),
  kindCode: pub(text.nullable()),
  kindName: pub(text.nullable()),
  unit: pub(z.enum(UNITS)),
  /** Sales less reversals. */
  count: pub(num),
  quantity: pub(num),
  totalMinor: till(num),
});
export type KindTotal = z.output<typeof kindTotalSchema>;

export const paymentTotalSchema = out({
  payment: pub(z.enum(PAYMENTS)),
  count: pub(num),
  totalMinor: till(num),
});
export type PaymentTotal = z.output<typeof paymentTotalSchema>;

export const cashUpSchema = out({
  id: pub(num),
  day: pub(text),
  accountId: pub(num),
  accountName: till(text),
  expectedMinor: till(num),
  countedMinor: till(num),
  differenceMinor: till(num),
  currency: pub(text),
  /** The cash-up's own note (why the box was short), part of the till's records. */
  note: till(text),
  createdAt: pub(text),
  createdBy: pub(text),
});
export type CashUp = z.output<typeof cashUpSchema>;

export const tillDayOutputSchema = out({
  day: pub(text),
  currency: pub(text),
  sales: pub(z.array(saleSchema)),
  byKind: pub(z.array(kindTotalSchema)),
  byPayment: pub(z.array(paymentTotalSchema)),
  reversals: pub(out({ count: pub(num), totalMinor: till(num) })),
  totalMinor: till(num),
  /** The till's cash account (null: none yet, the treasurer has to open one). */
  cashAccount: till(out({ id: pub(num), name: till(text), currency: pub(text) }).nullable()),
  /** Cash taken by the till that day (cash sales less cash reversals). */
  tillCashMinor: till(num),
  /** The cash account's balance at the end of the day (opening balance + every entry up to it). */
  expectedCashMinor: till(num),
  /** Cash-ups recorded for this day, newest first. */
  cashUps: pub(z.array(cashUpSchema)),
});
export type TillDay = z.output<typeof tillDayOutputSchema>;
