/**
 * Long lists (requests, the cash book, the audit log) page with a cursor: the next page starts
 * after the last row shown, found with the same index that orders the list, so page 1,000 costs
 * what page 1 costs. Their totals are counted up to LIST_COUNT_CAP matches: counting every one of
 * 200,000 requests or a million audit entries on every page would cost more than the page itself,
 * and "more than 1,000" is all a person reads from such a number (a count through a big town's
 * residents to 10,000 took 25 ms, over a list page's budget).
 */
import { z } from 'zod';
import { out, pub } from '../api/fields';
import { isoDateSchema } from './dates';

export const LIST_COUNT_CAP = 1_000;

/** The total of a list page: the number of matches, counted up to LIST_COUNT_CAP. */
export const cappedTotalShape = {
  /** How many rows match, at most LIST_COUNT_CAP. */
  total: pub(z.number()),
  /** More rows match than `total` says (the count stopped at LIST_COUNT_CAP). */
  totalCapped: pub(z.boolean()),
};

/** A counted total as a list answers it: `count` is what the capped count query found (at most cap + 1). */
export function cappedTotal(count: number, cap = LIST_COUNT_CAP): { total: number; totalCapped: boolean } {
  return count > cap ? { total: cap, totalCapped: true } : { total: count, totalCapped: false };
}

/**
 * Where the next page starts: after the row with this day and id (requests by the day they were
 * logged, cash-book entries by their date; newest first, the id breaking ties). A list answers
 * `nextCursor` null on its last page.
 */
export const dayCursorSchema = out({ on: pub(z.string()), id: pub(z.number()) });
export type DayCursor = z.output<typeof dayCursorSchema>;
export const dayCursorInputSchema = z.object({ on: isoDateSchema, id: z.number().int().positive() });
