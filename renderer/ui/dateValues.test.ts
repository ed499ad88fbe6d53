import { describe, expect, it } from 'vitest';
import { CalendarDate, Time } from '@internationalized/date';
import { forcesLeadingZeros, fromCalendarDate, fromMonthParts, fromTime, toCalendarDate, toMonthParts, toTime, typedDay } from './dateValues';

describe('date values ⇄ CalendarDate', () => {
  it('reads a stored day and writes it back unchanged', () => {
    const d = toCalendarDate('2026-12-07');
    expect(d?.year).toBe(2026);
    expect(d?.month).toBe(12);
    expect(d?.day).toBe(7);
    expect(fromCalendarDate(d)).toBe('2026-12-07');
    expect(fromCalendarDate(new CalendarDate(2024, 2, 29))).toBe('2024-02-29');
    expect(fromCalendarDate(new CalendarDate(1905, 1, 1))).toBe('1905-01-01');
    // While "2026" is typed the field holds the year 2 for a moment: kept, so the typing goes on (the core refuses it if saved).
    expect(fromCalendarDate(new CalendarDate(2, 12, 7))).toBe('0002-12-07');
    expect(toCalendarDate('0002-12-07')?.year).toBe(2);
  });

  it('gives null for empty, malformed and impossible days, and "" back for none', () => {
    for (const bad of ['', undefined, null, '2026-02-30', '2023-02-29', '2026-13-01', '07.12.2026', '2026-1-7', '0000-01-01']) {
      expect(toCalendarDate(bad)).toBeNull();
    }
    expect(fromCalendarDate(null)).toBe('');
    expect(fromCalendarDate({ year: 2026, month: 2, day: 31 })).toBe('');
  });
});

describe('time values ⇄ Time', () => {
  it('reads and writes 24-hour HH:MM', () => {
    const t = toTime('19:05');
    expect(t?.hour).toBe(19);
    expect(t?.minute).toBe(5);
    expect(fromTime(t)).toBe('19:05');
    expect(fromTime(new Time(0, 0))).toBe('00:00');
    expect(fromTime(new Time(23, 59))).toBe('23:59');
    expect(fromTime(new Time(9, 30, 45))).toBe('09:30');
  });

  it('refuses what is not a time of day', () => {
    for (const bad of ['', undefined, '24:00', '7:05', '12:60', '7 pm', '12:00:00']) expect(toTime(bad)).toBeNull();
    expect(fromTime(null)).toBe('');
  });
});

describe('month values', () => {
  it('reads and writes YYYY-MM', () => {
    expect(toMonthParts('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(fromMonthParts(2026, 3)).toBe('2026-03');
    expect(fromMonthParts(2026, 12)).toBe('2026-12');
  });

  it('gives nothing until both parts are chosen, and refuses what is not a month', () => {
    expect(fromMonthParts(null, 3)).toBe('');
    expect(fromMonthParts(2026, null)).toBe('');
    expect(fromMonthParts(2026, 13)).toBe('');
    for (const bad of ['', '2026-13', '2026-00', '2026-3', '03.2026']) expect(toMonthParts(bad)).toBeNull();
  });
});

describe('typed segments', () => {
  it('tells empty, partial, impossible and real days apart', () => {
    expect(typedDay({ year: null, month: null, day: null })).toBe('empty');
    expect(typedDay({ year: 2026, month: null, day: 7 })).toBe('partial');
    expect(typedDay({ year: 2026, month: 2, day: 31 })).toBe('impossible');
    expect(typedDay({ year: 2026, month: 12, day: 0 })).toBe('typing');
    expect(typedDay({ year: 2026, month: 0, day: 7 })).toBe('typing');
    expect(typedDay({ year: 2025, month: 2, day: 29 })).toBe('impossible');
    expect(typedDay({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
    expect(typedDay({ year: 2026, month: 12, day: 7 })).toBe('2026-12-07');
  });
});

describe('leading zeros per locale', () => {
  it('dd.mm.yyyy in ru, uk, pl and en; d/m/yyyy in el', () => {
    expect(['ru-RU', 'uk-UA', 'pl-PL', 'en-GB'].map(forcesLeadingZeros)).toEqual([true, true, true, true]);
    expect(forcesLeadingZeros('el-GR')).toBe(false);
  });
});
