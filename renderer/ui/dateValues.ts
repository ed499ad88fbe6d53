/**
 * The conversions between the contract's date, month and time text ('YYYY-MM-DD', 'YYYY-MM',
 * 'HH:MM') and the values of react-aria's fields (@internationalized/date's CalendarDate and Time),
 * and the display options of a language's date fields. Pure functions (tested in
 * dateValues.test.ts); renderer/ui/DateInput.tsx is their one user.
 */
import { CalendarDate, Time } from '@internationalized/date';
import { daysInMonth, isMonthKey } from '../../shared/domain/dates';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A real day of years 1–9999. Not the contract's 1900–2999 (isIsoDate): while "2026" is typed
 * the field holds the years 2, 20 and 202 for a moment, and a value it could not hold back would
 * empty the field under the fingers. The screen and the core refuse such a year on saving.
 */
function isDay(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A stored 'YYYY-MM-DD' as a CalendarDate; null for '' or anything that is not a real day. */
export function toCalendarDate(value: string | null | undefined): CalendarDate | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDay(year, month, day) ? new CalendarDate(year, month, day) : null;
}

/** A day of any calendar system value (CalendarDate, or null) as 'YYYY-MM-DD'; '' for none. */
export function fromCalendarDate(date: { year: number; month: number; day: number } | null | undefined): string {
  if (!date) return '';
  return isDay(date.year, date.month, date.day) ? `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}` : '';
}

/** A stored 'HH:MM' (00:00–23:59) as a Time; null for '' or anything else. */
export function toTime(value: string | null | undefined): Time | null {
  const m = value ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/** A Time (or null) as 'HH:MM' in 24-hour form; '' for none. */
export function fromTime(time: { hour: number; minute: number } | null | undefined): string {
  if (!time || time.hour < 0 || time.hour > 23 || time.minute < 0 || time.minute > 59) return '';
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

/** A stored 'YYYY-MM' as its year and month; null for '' or anything that is not a month key. */
export function toMonthParts(value: string | null | undefined): { year: number; month: number } | null {
  if (!value || !isMonthKey(value)) return null;
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
}

/** A year and a month (1–12) as 'YYYY-MM'; '' when either is missing or out of range. */
export function fromMonthParts(year: number | null, month: number | null): string {
  if (year === null || month === null || !Number.isInteger(year) || !Number.isInteger(month)) return '';
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return '';
  return `${pad(year, 4)}-${pad(month)}`;
}

/**
 * What a date field's typed segments make: 'empty' (nothing typed), 'partial' (some parts
 * missing), 'typing' (a part is still the 0 of "07"), 'impossible' (every part typed but no such day: 31.02.2026), or the day.
 */
export function typedDay(parts: { year: number | null; month: number | null; day: number | null }): 'empty' | 'partial' | 'typing' | 'impossible' | string {
  const { year, month, day } = parts;
  if (year === null && month === null && day === null) return 'empty';
  if (year === null || month === null || day === null) return 'partial';
  // A 0 is a part being typed ("0" of "07"): the value stays as it was until the next digit
  // (a screen that shows today for '' would otherwise reset the field under the fingers).
  if (year < 1 || month < 1 || day < 1) return 'typing';
  if (month > 12) return 'impossible';
  if (!isDay(year, month, day)) return 'impossible';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether a locale's short numeric date has two-digit days and months: dd.mm.yyyy in ru, uk and
 * pl (Intl gives Polish "7.12.2026" unless asked), d/m/yyyy in el (the Greek way: 7/12/2026).
 */
export function forcesLeadingZeros(locale: string): boolean {
  return !locale.toLowerCase().startsWith('el');
}
