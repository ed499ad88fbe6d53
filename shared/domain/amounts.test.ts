import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, minutesToHours, parseHours, parseMoney } from './amounts';

describe('parseMoney (minor units, integer arithmetic)', () => {
  it.each([
    ['350.50', 35050],
    ['350,50', 35050],
    ['350,5', 35050],
    ['350', 35000],
    ['0,01', 1],
    ['0.1', 10],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567,89', 123456789],
    ['1.500', 150000],
    ['350.505,1', 35050510],
    ['00012,30', 1230],
    // 0.1 + 0.2 style float traps do not apply: digits are joined, never multiplied as decimals.
    ['1.15', 115],
    ['4.35', 435],
    ['999999999999.99', 99999999999999],
  ])('reads %j as %i', (text, minor) => {
    expect(parseMoney(text, 2)).toBe(minor);
  });

  it.each(['', 'abc', '-5', '12.', '12,', '1.2.3', '1.234.5', '12.345,678', '1.23.456', '1,2.34', '1,2,3', '1e5', '9999999999999'])('refuses %j', (text) => {
    expect(parseMoney(text, 2)).toBeNull();
  });

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
