import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, minutesToHours, parseHours } from './amounts';

describe('money helpers', () => {
  it('knows the decimals of the centre currencies', () => {
    for (const c of ['EUR', 'PLN', 'UAH', 'RUB']) expect(minorDigits(c)).toBe(2);
  });

  it('formats minor units in the UI locale', () => {
    expect(formatMoney(35050, 'EUR', 'en-GB')).toBe('€350.50');
    expect(formatMoney(35050, 'PLN', 'pl-PL').replace(/\s/g, ' ')).toBe('350,50 zł');
  });
});

describe('parseHours (minutes)', () => {
  it.each([
    ['2', 120],
    ['1.5', 90],
    ['1,5', 90],
    ['.5', 30],
    ['0.25', 15],
    ['0.33', 20],
    ['1:30', 90],
    ['0', 0],
    ['24', 1440],
    [' 3 ', 180],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseHours(text)).toBe(minutes);
  });

  it.each(['', 'abc', '1.', '24.5', '25', '-1', '1:75', '1.555'])('refuses %j', (text) => {
    expect(parseHours(text)).toBeNull();
  });

  it('shows minutes as hours', () => {
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(20)).toBe(0.33);
  });
});
