import { describe, expect, it } from 'vitest';
import { cashflowRangeSchema } from './cashflow';
import { addDays, addMonths, dateToShow, daysBetween, isIsoDate, isoDateSchema, isoWeekday, monthKeySchema, mondayOf, monthBounds, monthKeyOf, monthRange } from './dates';
import { agreementDateSchema } from './volunteers';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('knows weekdays and Mondays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('moves month keys by whole months in both directions', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
    expect(monthKeyOf('2026-11-23')).toBe('2026-11');
    for (let n = -30; n <= 30; n++) expect(monthRange('2026-05', addMonths('2026-05', n)).length).toBe(n >= 0 ? n + 1 : 0);
    // A field that failed its own check still reaches an object's refinements: no range, at once.
    expect(monthRange('2026-06', '1e309-Αθηνά')).toEqual([]);
    expect(monthRange('0-1', '2026-06')).toEqual([]);
    expect(cashflowRangeSchema.safeParse({ from: '2026-06', to: '1e309-Αθηνά' }).success).toBe(false);
  });

  it('bounds a range of months and refuses impossible dates', () => {
    expect(monthBounds('2026-01', '2026-02')).toEqual({ first: '2026-01-01', last: '2026-02-28' });
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe("the contract's date and month schemas", () => {
  const issues = (schema: typeof isoDateSchema | typeof monthKeySchema, value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('accept real calendar days only (leap years, months 01–12, the day within its month)', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-02-28', '2024-04-30', '2024-12-31', '2026-01-01', '1900-01-01', '2999-12-31']) {
      expect(issues(isoDateSchema, ok), ok).toEqual([]);
    }
    for (const bad of ['2023-02-29', '1900-02-29', '2100-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-04-31', '2024-06-31', '2024-01-00', '2024-01-32']) {
      expect(issues(isoDateSchema, bad), bad).toEqual(['validation.date']);
    }
  });

  it('refuse other shapes, other types and years outside 1900–2999 with the one message', () => {
    for (const bad of ['', '2024-2-01', '24-02-01', ' 2024-02-01', '2024-02-01 ', '2024-02-01T00:00', '20240201', '2024/02/01', '1899-12-31', '3000-01-01', '0000-01-01', 20240201, null, undefined]) {
      expect(issues(isoDateSchema, bad), String(bad)).toEqual(['validation.date']);
    }
  });

  it('accept month keys with a month 01–12 only', () => {
    for (const ok of ['2026-12', '2026-01', '2024-02']) expect(issues(monthKeySchema, ok), ok).toEqual([]);
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-12-01', '202612', '', 202612, null]) {
      expect(issues(monthKeySchema, bad), String(bad)).toEqual(['validation.date']);
    }
  });

  it('a schema built on the date schema (the agreement date, from 1990) leaves the shared one as it was', () => {
    expect(issues(agreementDateSchema, '1989-12-31')).toEqual(['validation.date']);
    expect(issues(agreementDateSchema, '2024-02-30')).toEqual(['validation.date']);
    expect(issues(agreementDateSchema, '2024-02-29')).toEqual([]);
    expect(issues(isoDateSchema, '1989-12-31')).toEqual([]);
  });
});

describe('showing stored dates', () => {
  it('gives a Date for real days and timestamps, and null for text that is not one (shown as stored)', () => {
    expect(dateToShow('2024-02-29', 'utc')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(dateToShow('2026-11-16T09:30:00.000Z')?.toISOString()).toBe('2026-11-16T09:30:00.000Z');
    // `new Date` would throw in Intl ('2024-13-01') or roll over to 1 March ('2024-02-30').
    for (const bad of ['2024-13-01', '2024-02-30', '2023-02-29', '2024-00-10', 'garbage', '']) expect(dateToShow(bad), bad).toBeNull();
    const format = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' });
    const show = (stored: string) => {
      const d = dateToShow(stored, 'utc');
      return d === null ? stored : format.format(d);
    };
    expect(show('2024-13-01')).toBe('2024-13-01');
    expect(show('2024-02-29')).toMatch(/29 февраля 2024/);
  });
});
