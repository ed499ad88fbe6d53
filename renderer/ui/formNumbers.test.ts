import { describe, expect, it } from 'vitest';
import { decimalNumber, wholeNumber } from './formNumbers';

describe('numbers typed into a form', () => {
  it('reads whole numbers; empty is the given value; anything else is NaN for the schema to refuse', () => {
    expect(wholeNumber(' 12 ', null)).toBe(12);
    expect(wholeNumber('-1', 0)).toBe(-1);
    expect(wholeNumber('', 0)).toBe(0);
    expect(wholeNumber('  ', null)).toBeNull();
    expect(wholeNumber('1.5', null)).toBeNaN();
    expect(wholeNumber('tri', null)).toBeNaN();
  });
  it('reads decimals with a point or a comma', () => {
    expect(decimalNumber('1,5', null)).toBe(1.5);
    expect(decimalNumber('0.25', null)).toBe(0.25);
    expect(decimalNumber('2', null)).toBe(2);
    expect(decimalNumber('', null)).toBeNull();
    expect(decimalNumber('1,5,2', null)).toBeNaN();
    expect(decimalNumber('два', null)).toBeNaN();
  });
});
