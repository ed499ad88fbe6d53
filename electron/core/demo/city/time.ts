/** Time helpers of the city generator: instants in ms, calendar days as YYYY-MM-DD (UTC). */
import type { Rng } from '../demo';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY_MS = 86_400_000;

export function dayStart(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** ISO weekday of an instant's day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(ms: number): number {
  return ((new Date(ms).getUTCDay() + 6) % 7) + 1;
}

/** A moment in the working hours of the day of `ms`: 06:00–15:00 UTC is 9–18 in Kyiv in summer. */
export function workMoment(rng: Rng, ms: number): number {
  return dayStart(ms) + 6 * HOUR + rng.int(0, 9 * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
}

/** The same working moment `days` later (never before `after` + 30 minutes). */
export function laterWorkMoment(rng: Rng, after: number, minDays: number, maxDays: number): number {
  return Math.max(after + 30 * MINUTE, workMoment(rng, after + rng.int(minDays, maxDays) * DAY_MS));
}
