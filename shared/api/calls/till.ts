// The paid-services till (treasurer issue): price list with history, sales, reversing sales,
// receipts, daily cash-up. Call names: till.*. The front desk sells and cashes up; prices are the
// treasurer's (and admin's).
import { z } from 'zod';
import { call } from '../define';
import { MONEY, TILL } from '../roles';
import {
  cashUpInputSchema,
  saleInputSchema,
  setPriceSchema,
  tillDaySchema,
  cashUpSchema,
  priceListSchema,
  receiptSchema,
  tillDayOutputSchema,
} from '../../domain/till';

const id = z.number().int().positive();

// Sales and cash-ups also announce 'money': they post to the cash book.
export const tillCalls = {
  'till.prices': call({
    reads: ['till', 'catalogue', 'app'],
    output: priceListSchema,
    input: z.object({}),
    roles: TILL,
    summary: "The catalogue's paid kinds with the price that applies now and the history of their prices.",
  }),
  'till.setPrice': call({
    output: priceListSchema,
    input: setPriceSchema,
    roles: MONEY,
    changes: ['till'],
    summary: "Set a paid kind's price and unit from now on, in the centre's currency; earlier sales keep the price they were sold at.",
  }),
  'till.sell': call({
    output: receiptSchema,
    input: saleInputSchema,
    roles: TILL,
    changes: ['till', 'money'],
    summary: "Sell a paid service at its current price (total = price × quantity), posted as paid-service income to the till's cash or bank account; answers with the receipt.",
  }),
  'till.reverse': call({
    output: receiptSchema,
    input: z.object({ saleId: id }),
    roles: TILL,
    changes: ['till', 'money'],
    summary: 'Correct a sale by a reversing sale (negative quantity) and a reversing cash-book entry; a sale is reversed once, a reversal never.',
  }),
  'till.receipt': call({
    reads: ['till', 'app'],
    output: receiptSchema,
    input: z.object({ saleId: id }),
    roles: TILL,
    summary: 'The receipt of a sale (centre, date and time, line, total, payment, number).',
  }),
  'till.day': call({
    reads: ['till', 'money'],
    output: tillDayOutputSchema,
    input: tillDaySchema,
    roles: TILL,
    summary: "A day at the till (today by default): its sales, totals by kind and by payment (reversals netted), the cash expected in the box and that day's cash-ups.",
  }),
  'till.cashUp': call({
    output: cashUpSchema,
    input: cashUpInputSchema,
    roles: TILL,
    changes: ['till'],
    summary: "Record a day's cash-up: the cash counted in the box against the cash account's balance at the end of that day; the difference is kept.",
  }),
  'till.cashUps': call({
    reads: ['till'],
    output: z.array(cashUpSchema),
    input: z.object({ limit: z.number().int().min(1).max(500).default(60) }),
    roles: TILL,
    summary: 'Earlier cash-ups, newest first.',
  }),
};
