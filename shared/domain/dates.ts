/**
 * Calendar dates as the centre writes them: 'YYYY-MM-DD' days and 'YYYY-MM' month keys, with
 * integer day arithmetic (no Date objects, no time zones, no DST). The one set of date helpers for
 * every feature (plans, tasks, the board, money reports), and the contract's one date schema and
 * one month schema.
 */
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const zz = z0 + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The day number of a date (days since 1970-01-01); throws on anything but YYYY-MM-DD. */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function fromDayNumber(n: number): string {
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week of a date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function isMonthKey(s: string): boolean {
  return MONTH_KEY.test(s);
}

// ---------------------------------------------------------------------------------------------
// The contract's dates and months: every date or month field of every call uses these two.
// Messages are i18n keys of the `common` namespace (months reuse 'validation.date').

/**
 * A real calendar day written YYYY-MM-DD: leap years, months 01–12, the day within its month
 * (2024-02-29 yes; 2023-02-29, 2024-02-30, 2024-13-01, 2024-04-31 no). zod's ISO date checks the
 * calendar and gives the served JSON Schema (/api/contract.json) `format: "date"`; the refinement
 * adds the years isIsoDate allows (1900–2999), which the JSON Schema does not show. Both abort, so
 * a bad date gets one issue and refinements built on this schema do not run on it.
 */
export const isoDateSchema = z.iso
  .date({ error: 'validation.date', abort: true })
  .refine(isIsoDate, { error: 'validation.date', abort: true });

/** A month key written YYYY-MM with a month 01–12 (the served JSON Schema shows the pattern). */
export const monthKeySchema = z.string('validation.date').regex(MONTH_KEY, 'validation.date');

/** The month keys from `from` to `to`, both included ('2026-11' … '2027-02'). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  // Zod runs an object's refinements even when a field failed its own check: a `to` of
  // '1e309-…' read as a year would count months for ever. Only two month keys make a range.
  if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) return out;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The first and last day of a range of months. */
export function monthBounds(from: string, to: string): { first: string; last: string } {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  return { first: `${from}-01`, last: `${to}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** The Monday of the ISO week holding the date (same as weekStart). */
export const mondayOf = weekStart;

/** The month key `n` months after (or before, when negative) a month key. */
export function addMonths(monthKey: string, n: number): string {
  const index = Number(monthKey.slice(0, 4)) * 12 + Number(monthKey.slice(5, 7)) - 1 + n;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** The month key of a date ('2026-11-23' → '2026-11'). */
export function monthKeyOf(date: string): string {
  return date.slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Showing stored dates

/**
 * The Date to hand to Intl for a stored day ('YYYY-MM-DD', taken at noon so no time zone moves it
 * to another day; `utc` for formatters set to UTC) or timestamp; null when the text is not a real
 * one. A database from before the contract checked the calendar may hold '2024-13-01' (Intl throws
 * "Invalid time value") or '2024-02-30' (which `new Date` silently rolls over to 1 March): callers
 * show such text as stored, so one bad value never breaks a page or an export.
 */
export function dateToShow(stored: string, zone: 'local' | 'utc' = 'local'): Date | null {
  if (ISO_DATE.test(stored)) return isIsoDate(stored) ? new Date(`${stored}T12:00:00${zone === 'utc' ? 'Z' : ''}`) : null;
  const d = new Date(stored);
  return Number.isNaN(d.getTime()) ? null : d;
}
