import { describe, expect, it } from 'vitest';
import { decimalNumber, signedWholeNumber, wholeNumber } from './formNumbers';

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

describe('signed whole numbers (a change of stock)', () => {
  it('reads a change with either minus, a plus or no sign', () => {
    expect(signedWholeNumber('−5', null)).toBe(-5);
    expect(signedWholeNumber('-5', null)).toBe(-5);
    expect(signedWholeNumber('–2', null)).toBe(-2);
    expect(signedWholeNumber('+3', null)).toBe(3);
    expect(signedWholeNumber(' 12 ', null)).toBe(12);
    expect(signedWholeNumber('0', null)).toBe(0);
    expect(signedWholeNumber(' ', null)).toBeNull();
  });
  it('gives NaN for what is no whole number, for the schema to refuse', () => {
    for (const typed of ['abc', '1,5', '2.5', '+-5', '−', '5−', '--5', '+']) expect(signedWholeNumber(typed, null), typed).toBeNaN();
  });
});
