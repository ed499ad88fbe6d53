import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  inSeason,
  isIsoDate,
  isoWeekday,
  monthBounds,
  monthRange,
  monthRangeSchema,
  planDates,
  planInputSchema,
  weekStart,
  type PlanSchedule,
} from '../../../../shared/domain/plans';

const weekly = (weekday: number, over: Partial<PlanSchedule> = {}): PlanSchedule => ({
  rule: 'weekly',
  weekday,
  intervalDays: null,
  seasonFromMonth: null,
  seasonToMonth: null,
  startsOn: '2026-01-01',
  endsOn: null,
  ...over,
});
const everyN = (intervalDays: number, startsOn: string, over: Partial<PlanSchedule> = {}): PlanSchedule => ({
  rule: 'everyNDays',
  weekday: null,
  intervalDays,
  seasonFromMonth: null,
  seasonToMonth: null,
  startsOn,
  endsOn: null,
  ...over,
});

describe('calendar dates', () => {
  it('counts days without time zones', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    for (let n = dayNumber('1999-12-25'); n < dayNumber('2031-01-05'); n += 13) expect(dayNumber(fromDayNumber(n))).toBe(n);
  });

  it('agrees with UTC dates day by day over ten years', () => {
    let ms = Date.UTC(2024, 0, 1);
    for (let d = '2024-01-01'; d <= '2033-12-31'; d = addDays(d, 1)) {
      expect(d).toBe(new Date(ms).toISOString().slice(0, 10));
      const js = new Date(ms).getUTCDay();
      expect(isoWeekday(d)).toBe(js === 0 ? 7 : js);
      ms += 86_400_000;
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-16', 365)).toBe('2027-11-16');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-30', '2026-10-24')).toBe(-6);
  });

  it('keeps whole days over the DST weekends of Europe/Warsaw (2026-03-29, 2026-10-25)', () => {
    // A local-time "+1 day" of 24 hours lands on the same calendar day or skips one around these.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-10-25')).toBe(7);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('knows real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('9999-99-99')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(false);
    expect(isIsoDate(' 2026-01-01')).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('finds the Monday of the ISO week', () => {
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('lists months and their bounds', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthRange('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthBounds('2028-01', '2028-02')).toEqual({ first: '2028-01-01', last: '2028-02-29' });
    expect(monthBounds('2026-06', '2026-11')).toEqual({ first: '2026-06-01', last: '2026-11-30' });
  });
});

describe('seasons', () => {
  it('wraps over the new year', () => {
    const octToMar = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => inSeason(m, 10, 3));
    expect(octToMar).toEqual([1, 2, 3, 10, 11, 12]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => inSeason(m, 5, 9))).toEqual([5, 6, 7, 8, 9]);
    expect([1, 12].filter((m) => inSeason(m, 12, 12))).toEqual([12]);
    expect(inSeason(7, null, null)).toBe(true);
  });
});

describe('planDates', () => {
  it('weekly: every Tuesday, both ends included', () => {
    expect(planDates(weekly(2), '2026-11-17', '2026-12-08')).toEqual(['2026-11-17', '2026-11-24', '2026-12-01', '2026-12-08']);
    expect(planDates(weekly(2), '2026-11-18', '2026-11-23')).toEqual([]);
    expect(planDates(weekly(7), '2026-11-16', '2026-11-22')).toEqual(['2026-11-22']);
    expect(planDates(weekly(1), '2026-11-16', '2026-11-16')).toEqual(['2026-11-16']);
  });

  it('weekly: over a month end, a year end and the leap day of 2028', () => {
    expect(planDates(weekly(4), '2026-12-20', '2027-01-10')).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
    expect(planDates(weekly(2), '2028-02-20', '2028-03-10', )).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
    expect(planDates(weekly(5), '2026-01-26', '2026-02-10')).toEqual(['2026-01-30', '2026-02-06']);
  });

  it('weekly: Sundays on the DST weekends stay Sundays', () => {
    expect(planDates(weekly(7), '2026-03-16', '2026-04-06')).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
    expect(planDates(weekly(7), '2026-10-12', '2026-11-02')).toEqual(['2026-10-18', '2026-10-25', '2026-11-01']);
    expect(planDates(weekly(1), '2026-03-27', '2026-04-01')).toEqual(['2026-03-30']);
    expect(planDates(weekly(1), '2026-10-23', '2026-10-28')).toEqual(['2026-10-26']);
  });

  it('everyNDays counts from startsOn, not from the range', () => {
    const p = everyN(7, '2026-11-03');
    expect(planDates(p, '2026-11-01', '2026-11-30')).toEqual(['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
    expect(planDates(p, '2026-11-11', '2026-11-30')).toEqual(['2026-11-17', '2026-11-24']);
    expect(planDates(p, '2026-11-17', '2026-11-17')).toEqual(['2026-11-17']);
    expect(planDates(everyN(3, '2026-11-16'), '2026-11-16', '2026-11-25')).toEqual(['2026-11-16', '2026-11-19', '2026-11-22', '2026-11-25']);
    expect(planDates(everyN(1, '2026-11-16'), '2026-11-10', '2026-11-18')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
  });

  it('everyNDays across the leap day and the DST changes', () => {
    expect(planDates(everyN(14, '2028-02-01'), '2028-02-01', '2028-03-31')).toEqual(['2028-02-01', '2028-02-15', '2028-02-29', '2028-03-14', '2028-03-28']);
    expect(planDates(everyN(1, '2026-03-27'), '2026-03-27', '2026-03-31')).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(planDates(everyN(1, '2026-10-23'), '2026-10-24', '2026-10-27')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(planDates(everyN(7, '2026-03-22'), '2026-03-01', '2026-04-12')).toEqual(['2026-03-22', '2026-03-29', '2026-04-05', '2026-04-12']);
    expect(planDates(everyN(366, '2027-03-01'), '2027-01-01', '2029-12-31')).toEqual(['2027-03-01', '2028-03-01', '2029-03-02']);
  });

  it('respects startsOn and endsOn (included)', () => {
    expect(planDates(weekly(2, { startsOn: '2026-11-20' }), '2026-11-16', '2026-12-02')).toEqual(['2026-11-24', '2026-12-01']);
    expect(planDates(weekly(2, { endsOn: '2026-11-24' }), '2026-11-16', '2026-12-31')).toEqual(['2026-11-17', '2026-11-24']);
    expect(planDates(weekly(2, { endsOn: '2026-11-16' }), '2026-11-17', '2026-12-31')).toEqual([]);
    expect(planDates(everyN(7, '2027-01-05'), '2026-11-16', '2026-12-31')).toEqual([]);
    expect(planDates(weekly(2), '2026-12-01', '2026-11-01')).toEqual([]);
  });

  it('firewood every 3 weeks from October to March', () => {
    const firewood = everyN(21, '2026-09-07', { seasonFromMonth: 10, seasonToMonth: 3 });
    const dates = planDates(firewood, '2026-09-01', '2027-05-31');
    // 2026-09-07 and 09-28 are out of season; counting continues through the off-season.
    expect(dates).toEqual([
      '2026-10-19',
      '2026-11-09',
      '2026-11-30',
      '2026-12-21',
      '2027-01-11',
      '2027-02-01',
      '2027-02-22',
      '2027-03-15',
    ]);
    expect(planDates(firewood, '2027-04-01', '2027-09-30')).toEqual([]);
    expect(planDates(firewood, '2027-10-01', '2027-10-31')).toEqual(['2027-10-11']);
  });

  it('a weekly season within one year, and a one-month season', () => {
    expect(planDates(weekly(6, { seasonFromMonth: 5, seasonToMonth: 5 }), '2026-04-20', '2026-06-10')).toEqual([
      '2026-05-02',
      '2026-05-09',
      '2026-05-16',
      '2026-05-23',
      '2026-05-30',
    ]);
    expect(planDates(weekly(3, { seasonFromMonth: 12, seasonToMonth: 1 }), '2026-11-20', '2027-02-10')).toEqual([
      '2026-12-02',
      '2026-12-09',
      '2026-12-16',
      '2026-12-23',
      '2026-12-30',
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
    ]);
  });

  it('gives nothing for a broken schedule', () => {
    expect(planDates(weekly(0), '2026-11-01', '2026-11-30')).toEqual([]);
    expect(planDates({ ...weekly(1), weekday: null }, '2026-11-01', '2026-11-30')).toEqual([]);
    expect(planDates(everyN(0, '2026-11-01'), '2026-11-01', '2026-11-30')).toEqual([]);
  });
});

describe('planInputSchema', () => {
  const base = { residentId: 1, kindId: 1, rule: 'weekly', weekday: 2, startsOn: '2026-11-16' } as const;
  const issues = (input: unknown) => {
    const r = planInputSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('accepts a minimal weekly plan and fills defaults', () => {
    expect(planInputSchema.parse(base)).toEqual({
      ...base,
      intervalDays: null,
      seasonFromMonth: null,
      seasonToMonth: null,
      partOfDay: null,
      estimatedMinutes: null,
      volunteerId: null,
      endsOn: null,
      note: '',
    });
  });

  it('asks for the field of the rule, both ends of a season, an end after the start', () => {
    expect(issues({ ...base, weekday: null })).toEqual(['weekday:validation.required']);
    expect(issues({ ...base, rule: 'everyNDays' })).toEqual(['intervalDays:validation.required']);
    expect(issues({ ...base, seasonFromMonth: 10 })).toEqual(['seasonToMonth:validation.required']);
    expect(issues({ ...base, seasonToMonth: 3 })).toEqual(['seasonFromMonth:validation.required']);
    expect(issues({ ...base, endsOn: '2026-11-15' })).toEqual(['endsOn:validation.dateOrder']);
    expect(issues({ ...base, endsOn: '2026-11-16' })).toEqual([]);
  });

  it('rejects out-of-range values with i18n keys', () => {
    expect(issues({ ...base, weekday: 8 })).toEqual(['weekday:validation.range']);
    expect(issues({ ...base, rule: 'everyNDays', intervalDays: 367 })).toEqual(['intervalDays:validation.range']);
    expect(issues({ ...base, rule: 'everyNDays', intervalDays: 0 })).toEqual(['intervalDays:validation.range']);
    expect(issues({ ...base, seasonFromMonth: 13, seasonToMonth: 3 })).toEqual(['seasonFromMonth:validation.range']);
    expect(issues({ ...base, startsOn: '2026-02-30' })).toEqual(['startsOn:validation.date']);
    expect(issues({ ...base, startsOn: 20261116 })).toEqual(['startsOn:validation.date']);
    expect(issues({ ...base, residentId: 0 })).toEqual(['residentId:validation.unknownResident']);
    expect(issues({ ...base, note: 'x'.repeat(1001) })).toEqual(['note:validation.tooLong']);
  });

  it('month ranges: in order, at most ten years', () => {
    expect(monthRangeSchema.safeParse({ from: '2026-01', to: '2026-12' }).success).toBe(true);
    expect(monthRangeSchema.safeParse({ from: '2026-12', to: '2026-01' }).success).toBe(false);
    expect(monthRangeSchema.safeParse({ from: '2026-13', to: '2027-01' }).success).toBe(false);
    expect(monthRangeSchema.safeParse({ from: '2016-01', to: '2025-12' }).success).toBe(true);
    expect(monthRangeSchema.safeParse({ from: '2016-01', to: '2026-01' }).success).toBe(false);
  });
});
