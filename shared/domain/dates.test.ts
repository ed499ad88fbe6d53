import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, isoWeekday, mondayOf, monthBounds, monthKeyOf, monthRange } from './dates';

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
  });

  it('bounds a range of months and refuses impossible dates', () => {
    expect(monthBounds('2026-01', '2026-02')).toEqual({ first: '2026-01-01', last: '2026-02-28' });
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
