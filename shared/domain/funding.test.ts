import { describe, expect, it } from 'vitest';
import { coFinancingMonth, elapsedShare, grantWarnings, percentOf, projectedUnspent, rentDiscount, rentDueOn, rentMonths, volunteerValueMinor } from './funding';

const base = { startsOn: '2026-01-01', endsOn: '2026-12-31', amountMinor: 1_000_000, lines: [], tranches: [], outsidePeriod: { count: 0, amountMinor: 0 } };

describe('grant warnings', () => {
  it('projects the spending pace linearly to the end date', () => {
    // Half of the period elapsed (1 Jan – 2 Jul is 183 of 365 days), 40 % spent → 80 % projected, 20 % unspent.
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(183 / 365);
    expect(projectedUnspent(1_000_000, 400_000, '2026-01-01', '2026-12-31', '2026-07-02')).toBe(1_000_000 - Math.round(400_000 / (183 / 365)));
    // Before the start nothing is projected; after the end what is left stays unspent.
    expect(projectedUnspent(1_000_000, 0, '2026-01-01', '2026-12-31', '2025-12-31')).toBe(0);
    expect(projectedUnspent(1_000_000, 950_000, '2026-01-01', '2026-12-31', '2027-01-05')).toBe(50_000);
    // Spending ahead of pace never gives a negative remainder.
    expect(projectedUnspent(1_000_000, 900_000, '2026-01-01', '2026-12-31', '2026-02-01')).toBe(0);
  });

  it('warns above 10 % likely unspent, and not at 10 % or below', () => {
    const at = (spent: number, today: string) => grantWarnings({ ...base, today, spentMinor: spent }).map((w) => w.code);
    expect(at(400_000, '2026-07-02')).toEqual(['likelyUnspent']);
    expect(at(460_000, '2026-07-02')).toEqual([]);
    expect(at(900_000, '2027-01-01')).toEqual([]);
    expect(at(899_999, '2027-01-01')).toEqual(['likelyUnspent']);
    expect(at(0, '2025-12-01')).toEqual([]);
  });

  it('lists overspent lines, overdue tranches, spending outside the period and lines that do not add up', () => {
    const w = grantWarnings({
      ...base,
      today: '2026-12-31',
      spentMinor: 1_000_000,
      lines: [
        { id: 1, name: 'A', plannedMinor: 600_000, actualMinor: 700_000 },
        { id: 2, name: 'B', plannedMinor: 300_000, actualMinor: 300_000 },
      ],
      tranches: [
        { id: 5, expectedOn: '2026-03-01', amountMinor: 500_000, received: true },
        { id: 6, expectedOn: '2026-10-01', amountMinor: 500_000, received: false },
        { id: 7, expectedOn: '2027-01-01', amountMinor: 1, received: false },
      ],
      outsidePeriod: { count: 2, amountMinor: 12_000 },
    });
    expect(w).toEqual([
      { code: 'lineOverspent', lineId: 1, lineName: 'A', overMinor: 100_000 },
      { code: 'trancheOverdue', trancheId: 6, expectedOn: '2026-10-01', amountMinor: 500_000 },
      { code: 'outsidePeriod', count: 2, amountMinor: 12_000 },
      { code: 'linesDontAddUp', plannedMinor: 900_000, amountMinor: 1_000_000 },
    ]);
  });

  it('computes whole percents', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(5, 0)).toBe(100);
  });
});

describe('rent', () => {
  it('owes rent from the start month to the end month or the current one', () => {
    expect(rentMonths({ startsOn: '2026-10-20', endsOn: null }, '2027-01-03')).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
    expect(rentMonths({ startsOn: '2026-01-01', endsOn: '2026-02-10' }, '2026-11-16')).toEqual(['2026-01', '2026-02']);
    expect(rentMonths({ startsOn: '2026-12-01', endsOn: null }, '2026-11-16')).toEqual([]);
    // At most ten years back.
    const old = rentMonths({ startsOn: '1900-01-01', endsOn: null }, '2026-11-16');
    expect(old).toHaveLength(120);
    expect(old[0]).toBe('2016-12');
  });

  it('is due on the due day, never before the lease starts', () => {
    expect(rentDueOn('2026-02', 28, '2026-01-01')).toBe('2026-02-28');
    expect(rentDueOn('2026-03', 5, '2026-03-15')).toBe('2026-03-15');
    expect(rentDueOn('2026-04', 5, '2026-03-15')).toBe('2026-04-05');
    expect(rentDiscount(2_500_000, 500_000)).toBe(2_000_000);
    expect(rentDiscount(500_000, 700_000)).toBe(0);
  });
});

describe('co-financing', () => {
  it('values minutes at an hourly rate in whole minor units, half up', () => {
    expect(volunteerValueMinor(60, 25_000)).toBe(25_000);
    expect(volunteerValueMinor(90, 25_000)).toBe(37_500);
    expect(volunteerValueMinor(1, 100)).toBe(2); // 1.666… → 2
    expect(volunteerValueMinor(1, 90)).toBe(2); // 1.5 → 2
    expect(volunteerValueMinor(1, 89)).toBe(1);
    expect(volunteerValueMinor(0, 25_000)).toBe(0);
  });

  it('totals a month from its parts', () => {
    const m = coFinancingMonth('2026-10', { rentDiscountMinor: 2_000_000, goodsMinor: 3, servicesMinor: 4, volunteerMinutes: 120 }, 10_000);
    expect(m.volunteerMinor).toBe(20_000);
    expect(m.totalMinor).toBe(2_020_007);
  });
});
