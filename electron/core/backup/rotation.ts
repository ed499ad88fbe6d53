/**
 * Which backups to keep: a pure function, no I/O. The caller lists the backups it has (with the
 * result of their verification), asks for a plan and deletes what the plan says.
 *
 * The scheme is the usual grandfather-father-son rotation, applied to automatic backups only:
 *
 * - **daily**: the newest verified auto backup of each of the last `daily` calendar days that have
 *   one (days without a backup, such as holidays, do not use up a slot);
 * - **weekly**: the newest verified auto backup of each of the last `weekly` ISO weeks that have one;
 * - **monthly**: the newest verified auto backup of each of the last `monthly` months that have one.
 *
 * The three sets overlap (today's backup is also this week's and this month's newest), so at most
 * `daily + weekly + monthly` auto backups are kept. Days, weeks and months are calendar ones in
 * `timeZone` (default: the machine's), so a backup made at 00:30 local time belongs to that local
 * day even when it is still the previous day in UTC, and DST changes do not move anything.
 *
 * Safety rules, which take precedence over the scheme:
 *
 * 1. Manual, pre-restore and pre-migration backups are the admin's: they are never removed.
 * 2. The newest verified auto backup is always kept (even with a policy of zeros).
 * 3. An auto backup that failed verification is worthless as a backup and is removed, EXCEPT that
 *    nothing at all is removed while there is no verified backup of any kind: if verification is
 *    failing across the board (a broken disk, a bug in the checker), the unverified copies may be
 *    all that is left, and the admin must look at them before anything is deleted.
 * 4. A backup dated after `now` (made while the clock was wrong) cannot be placed in time: it is
 *    kept and takes no part in the rotation. The same goes for an unreadable date.
 *
 * Call it only with backups whose verification has finished: a backup still being verified counts
 * as unverified here and would be removed.
 */

export type BackupKind = 'auto' | 'manual' | 'preRestore' | 'preMigration';

export interface BackupEntry {
  id: string;
  /** ISO 8601 instant. */
  createdAt: string;
  /** The backup was reopened and passed its checks. */
  verified: boolean;
  kind: BackupKind;
}

export interface RotationPolicy {
  /** Newest backup of each of this many most recent days that have backups. */
  daily: number;
  /** Newest backup of each of this many most recent ISO weeks that have backups. */
  weekly: number;
  /** Newest backup of each of this many most recent months that have backups. */
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = Object.freeze({ daily: 7, weekly: 4, monthly: 12 });

export interface RotationPlan {
  /** Ids to keep, in the order of the input. */
  keep: string[];
  /** Ids to delete, in the order of the input. */
  remove: string[];
}

/** The calendar of an instant in a time zone. */
export interface CalendarKeys {
  /** YYYY-MM-DD */
  day: string;
  /** ISO 8601 week, YYYY-Www (the year is the ISO week-numbering year). */
  week: string;
  /** YYYY-MM */
  month: string;
}

/**
 * The local date of `instant` in `timeZone` (undefined: the machine's), as calendar keys. Reuse
 * `calendarOf(timeZone)` for many instants: building the formatter is the slow part.
 */
export function calendarOf(timeZone?: string): (instant: Date) => CalendarKeys {
  const format = dateFormat(timeZone);
  return (instant) => {
    let year = NaN;
    let month = NaN;
    let day = NaN;
    for (const part of format.formatToParts(instant)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
    }
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
      throw new RangeError(`Cannot read the local date of ${instant.toISOString()}`);
    }
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const { isoYear, isoWeek } = isoWeekOf(year, month, day);
    return {
      day: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      week: `${pad(isoYear, 4)}-W${pad(isoWeek)}`,
      month: `${pad(year, 4)}-${pad(month)}`,
    };
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** A formatter of local dates; cached for named zones (not for the machine's, which TZ can change). */
function dateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const cached = timeZone === undefined ? undefined : formats.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' });
  if (timeZone !== undefined && formats.size < 100) formats.set(timeZone, format);
  return format;
}

/**
 * ISO 8601 week of a calendar date: weeks start on Monday and week 1 is the one that contains the
 * year's first Thursday, so 29 December can be in week 1 of the next year and 1 January in week
 * 52 or 53 of the previous one. Pure calendar arithmetic (in UTC, where there is no DST).
 */
function isoWeekOf(year: number, month: number, day: number): { isoYear: number; isoWeek: number } {
  const DAY_MS = 86_400_000;
  const date = Date.UTC(year, month - 1, day);
  const weekday = ((new Date(date).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
  const ordinal = Math.round((date - Date.UTC(year, 0, 1)) / DAY_MS) + 1; // 1 … 366
  const week = Math.floor((ordinal - weekday + 10) / 7);
  if (week < 1) return { isoYear: year - 1, isoWeek: weeksInIsoYear(year - 1) };
  if (week > weeksInIsoYear(year)) return { isoYear: year + 1, isoWeek: 1 };
  return { isoYear: year, isoWeek: week };
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
function weeksInIsoYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // Sunday 0 … Saturday 6
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

function checkPolicy(policy: RotationPolicy): void {
  for (const key of ['daily', 'weekly', 'monthly'] as const) {
    const n = policy[key];
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Rotation policy: ${key} must be a whole number ≥ 0, got ${String(n)}`);
  }
}

/** Plans which backups to keep and which to delete; see the comment at the top of this file. */
export function planRotation(entries: BackupEntry[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION, timeZone?: string): RotationPlan {
  checkPolicy(policy);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('planRotation: invalid `now`');
  const calendar = calendarOf(timeZone);

  // The auto backups that take part: dated, and not in the future.
  const placed = entries
    .filter((e) => e.kind === 'auto')
    .map((e) => ({ entry: e, at: Date.parse(e.createdAt) }))
    .filter((x) => Number.isFinite(x.at) && x.at <= nowMs);

  // Verified ones, newest first (ties broken by id, so the plan does not depend on input order).
  const verified = placed
    .filter((x) => x.entry.verified)
    .sort((a, b) => b.at - a.at || (a.entry.id < b.entry.id ? 1 : a.entry.id > b.entry.id ? -1 : 0))
    .map((x) => ({ id: x.entry.id, keys: calendar(new Date(x.at)) }));

  const kept = new Set<string>();
  // Rule 2: the newest verified auto backup.
  if (verified[0]) kept.add(verified[0].id);
  // Grandfather-father-son: walking from newest to oldest, the first backup met in a day (week,
  // month) is that period's newest; take it while fewer than `limit` periods have been taken. No
  // early exit: in a zone whose clocks go back across midnight, local dates are not monotonic.
  const buckets: ReadonlyArray<readonly [number, (k: CalendarKeys) => string]> = [
    [policy.daily, (k) => k.day],
    [policy.weekly, (k) => k.week],
    [policy.monthly, (k) => k.month],
  ];
  for (const [limit, period] of buckets) {
    const taken = new Set<string>();
    for (const { id, keys } of verified) {
      const key = period(keys);
      if (taken.has(key) || taken.size >= limit) continue;
      taken.add(key);
      kept.add(id);
    }
  }

  // Rule 3: while no verified backup exists anywhere, remove nothing.
  const anyVerified = entries.some((e) => e.verified);
  const removed = new Set<string>();
  if (anyVerified) {
    for (const { entry } of placed) if (!kept.has(entry.id)) removed.add(entry.id);
  }

  const keep: string[] = [];
  const remove: string[] = [];
  for (const e of entries) (removed.has(e.id) ? remove : keep).push(e.id);
  return { keep, remove };
}
