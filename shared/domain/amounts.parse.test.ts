import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountForInput, formatMoney, parseAmount } from './amounts';
import { LANGUAGES, LOCALE_OF } from './settings';

const ok = (minor: number) => ({ ok: true, minor });
const err = (error: string) => ({ ok: false, error });

describe('parseAmount: what people type in each language', () => {
  it.each([
    // language, typed, currency, result
    ['ru', '1 234,50', 'RUB', ok(123450)],
    ['ru', '1\u00a0234,50', 'RUB', ok(123450)],
    ['ru', '1\u202f234,50 ₽', 'RUB', ok(123450)],
    ['ru', '1234.5', 'RUB', ok(123450)],
    ['ru', '1.234,50', 'RUB', ok(123450)],
    ['ru', '1,234.50', 'RUB', ok(123450)],
    ['ru', '350 руб.', 'RUB', ok(35000)],
    ['ru', '350р', 'RUB', ok(35000)],
    ['ru', '12 345 678', 'RUB', ok(1234567800)],
    ['uk', '250 грн', 'UAH', ok(25000)],
    ['uk', '1 234,5 ₴', 'UAH', ok(123450)],
    ['pl', '1234,50 zł', 'PLN', ok(123450)],
    ['pl', '1 234,50 PLN', 'PLN', ok(123450)],
    ['el', '1.234,50 €', 'EUR', ok(123450)],
    ['el', '1.234', 'EUR', ok(123400)],
    ['el', '1,5', 'EUR', ok(150)],
    ['en', '1,234', 'EUR', ok(123400)],
    ['en', '€1,234.50', 'EUR', ok(123450)],
    ['en', 'RUB 1,234.50', 'RUB', ok(123450)],
    ['en', '.5', 'EUR', ok(50)],
    ['en', '0,01', 'EUR', ok(1)],
    ['ru', '1.234', 'JPY', ok(1234)],
    ['ru', '1 234 ¥', 'JPY', ok(1234)],
    ['en', '999999999999.99', 'EUR', ok(99999999999999)],
  ])('%s: %j in %s', (language, text, currency, expected) => {
    expect(parseAmount(text, language, currency)).toEqual(expected);
  });

  it.each([
    ['ru', '1.234', 'validation.amountAmbiguous'],
    ['ru', '1,234', 'validation.amountAmbiguous'],
    ['uk', '1.234', 'validation.amountAmbiguous'],
    ['pl', '2,500', 'validation.amountAmbiguous'],
    ['en', '1.234', 'validation.amountAmbiguous'],
    ['el', '1,234', 'validation.amountAmbiguous'],
    ['ru', '1 234,567', 'validation.amountDecimals'],
    ['ru', '12,345', 'validation.amountAmbiguous'],
    ['ru', '1,2,3', 'validation.amount'],
    ['ru', '1.23.456', 'validation.amount'],
    ['ru', '12 34', 'validation.amount'],
    ['ru', 'сто', 'validation.amount'],
    ['ru', '12a', 'validation.amount'],
    ['ru', '', 'validation.amount'],
    ['ru', ',', 'validation.amount'],
    ['ru', '12,', 'validation.amount'],
    ['ru', '1e5', 'validation.amount'],
    ['ru', '100 €', 'validation.amount'],
    ['ru', '1,505', 'validation.amountAmbiguous'],
    ['en', '12.345', 'validation.amountAmbiguous'],
    ['en', '1.999', 'validation.amountAmbiguous'],
    ['ru', '10,123', 'validation.amountAmbiguous'],
    ['en', '1,2345', 'validation.amountDecimals'],
    ['en', '1.5', 'validation.amountDecimals', 'JPY'],
    ['ru', '-5', 'validation.amountNegative'],
    ['ru', '-1 234,50 ₽', 'validation.amountNegative'],
    ['ru', '--5', 'validation.amount'],
    ['ru', '9999999999999', 'validation.amountTooLarge'],
  ])('%s: refuses %j (%s)', (language, text, error, currency = 'RUB') => {
    expect(parseAmount(text, language, currency)).toEqual(err(error));
  });

  it('reads a minus when negatives are allowed (a correction, an opening overdraft)', () => {
    expect(parseAmount('-1 234,50 ₽', 'ru', 'RUB', { allowNegative: true })).toEqual(ok(-123450));
    expect(parseAmount('−5', 'el', 'EUR', { allowNegative: true })).toEqual(ok(-500));
    expect(parseAmount('-€5', 'en', 'EUR', { allowNegative: true })).toEqual(ok(-500));
  });

  it('echoes amounts the way the language writes them', () => {
    expect(formatAmountForInput(123450, 'ru', 'RUB')).toBe('1 234,50');
    expect(formatAmountForInput(123450, 'en', 'RUB')).toBe('1,234.50');
    expect(formatAmountForInput(123450, 'el', 'EUR')).toBe('1.234,50');
    expect(formatAmountForInput(123450, 'pl', 'PLN')).toBe('1234,50');
    expect(formatAmountForInput(5, 'uk', 'UAH')).toBe('0,05');
    expect(formatAmountForInput(1234, 'el', 'JPY')).toBe('1.234');
  });
});

describe('parseAmount ∘ format = identity (property)', () => {
  const currencies = ['RUB', 'UAH', 'PLN', 'EUR', 'JPY'] as const;
  const language = fc.constantFrom(...LANGUAGES);
  const currency = fc.constantFrom(...currencies);
  // Up to 12 whole digits: 999 999 999 999,99 for two decimals (the parser's limit).
  const amount = (c: string) => fc.integer({ min: 0, max: c === 'JPY' ? 999_999_999_999 : 99_999_999_999_999 });
  const amountOf = fc.tuple(language, currency).chain(([l, c]) => fc.tuple(fc.constant(l), fc.constant(c), amount(c)));

  it('the field echo reads back to the same minor units', () => {
    fc.assert(
      fc.property(amountOf, ([l, c, minor]) => {
        expect(parseAmount(formatAmountForInput(minor, l, c), l, c)).toEqual({ ok: true, minor });
      }),
      { numRuns: 3000 },
    );
  });

  it('the full Intl currency format (sign, code, groups) reads back too, also negative', () => {
    fc.assert(
      fc.property(amountOf, fc.boolean(), ([l, c, minor], negative) => {
        const value = negative ? -minor : minor;
        const text = formatMoney(value, c, LOCALE_OF[l]);
        expect(parseAmount(text, l, c, { allowNegative: true })).toEqual({ ok: true, minor: value === 0 ? 0 : value });
      }),
      { numRuns: 3000 },
    );
  });

  it('small amounts and the three-digit boundaries read back', () => {
    for (const l of LANGUAGES)
      for (const c of currencies)
        for (const minor of [0, 1, 9, 10, 99, 100, 999, 1000, 1234, 99_999, 100_000, 123_456, 999_999, 1_000_000])
          expect(parseAmount(formatMoney(minor, c, LOCALE_OF[l]), l, c)).toEqual({ ok: true, minor });
  });
});
