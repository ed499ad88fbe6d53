/**
 * Counting "distinct per month" at city scale in one sort: each row's month becomes its place in
 * the period's months (monthIndexSql), a group (a resident, a household) sums the distinct bits of
 * its months into 64-bit masks (60 months a mask: maskColumns), and a month's count is the sum of
 * its bit over the groups (bitSum). One GROUP BY replaces a DISTINCT per (group, month), a GROUP BY
 * per month and a DISTINCT per group.
 */
import { sql, type RawBuilder } from 'kysely';

/** Months per mask. */
export const MASK_MONTHS = 60;

/** A day's ('YYYY-MM-DD…') month as its place after `firstMonth` ('YYYY-MM'; 0 for that month). */
export function monthIndexSql(firstMonth: string, day: RawBuilder<unknown>): RawBuilder<number> {
  const base = Number(firstMonth.slice(0, 4)) * 12 + Number(firstMonth.slice(5, 7));
  return sql<number>`(cast(substr(${day}, 1, 4) as integer) * 12 + cast(substr(${day}, 6, 2) as integer) - ${sql.lit(base)})`;
}

/**
 * The mask columns `<name>0`, `<name>1`, … of a group over `months` months: bit j of `<name>c`
 * is set when a row of the group (matching `when`, if given) has month index c·60+j.
 */
export function maskColumns(months: number, mi: RawBuilder<unknown>, name: string, when?: RawBuilder<unknown>): RawBuilder<unknown> {
  const chunks = Math.max(1, Math.ceil(months / MASK_MONTHS));
  return sql.join(
    Array.from({ length: chunks }, (_, c) => {
      const lo = c * MASK_MONTHS;
      const cond = when === undefined ? sql`` : sql`${when} and `;
      return sql`sum(distinct case when ${cond}${mi} >= ${sql.lit(lo)} and ${mi} < ${sql.lit(lo + MASK_MONTHS)} then 1 << (${mi} - ${sql.lit(lo)}) end) as ${sql.ref(`${name}${c}`)}`;
    }),
  );
}

/** Month i's bit of a mask expression (`mask(c)` gives the mask of chunk c): 0 or 1, 0 for a null mask. */
export function monthBit(i: number, mask: (chunk: string) => RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`((coalesce(${mask(String(Math.floor(i / MASK_MONTHS)))}, 0) >> ${sql.lit(i % MASK_MONTHS)}) & 1)`;
}

/** `sum(<month i's bit>) as <prefix>i` for every month: how many groups have month i. */
export function bitSums(months: number, prefix: string, mask: (chunk: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql.join(Array.from({ length: months }, (_, i) => sql`sum(${monthBit(i, mask)}) as ${sql.ref(`${prefix}${i}`)}`));
}
