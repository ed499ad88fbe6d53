import { describe, expect, it } from 'vitest';
import { isValidPhone, nationalNumber, phoneDigits, phoneQueryVariants, phoneSearchKeys } from './phone';

describe('isValidPhone', () => {
  it.each([
    '+7 (912) 345-67-89',
    '8 912 345 67 89',
    '89123456789',
    '067 123 45 67',
    '+380 67 123 45 67',
    '+38 (067) 123-45-67',
    '+48 601 234 567',
    '601-234-567',
    '+30 210 123 4567',
    '210 123 4567',
    '0030 210 123 4567',
    '2-13-45',
    '12345',
    '  8 912 345 67 89  ',
  ])('accepts %j', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
  });

  it.each([
    '',
    '+',
    'abc',
    '12-34',
    '+7 912 abc',
    '7+9123456789',
    '++79123456789',
    '1234567890123456',
    '8 912 345 67 89 доб. 12',
    '89123456789; drop table residents',
    '８９１２３４５６７８９',
  ])('rejects %j', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
  });
});

describe('phoneDigits', () => {
  it('keeps only digits', () => {
    expect(phoneDigits('+7 (912) 345-67-89')).toBe('79123456789');
  });
});

describe('nationalNumber', () => {
  it.each([
    ['+7 (912) 345-67-89', '9123456789'],
    ['8 912 345 67 89', '9123456789'],
    ['7 912 345 67 89', '9123456789'],
    ['912 345 67 89', '9123456789'],
    ['+380 67 123 45 67', '671234567'],
    ['+38 (067) 123-45-67', '671234567'],
    ['00380671234567', '671234567'],
    ['067 123 45 67', '671234567'],
    ['+48 601 234 567', '601234567'],
    ['48 601 234 567', '601234567'],
    ['601 234 567', '601234567'],
    ['+30 210 123 4567', '2101234567'],
    ['0030 210 123 4567', '2101234567'],
    ['210 123 4567', '2101234567'],
    ['2-13-45', '21345'],
  ])('%s → %s', (raw, national) => {
    expect(nationalNumber(raw)).toBe(national);
  });

  it('gives one number for the ways one phone is written', () => {
    const forms = ['+7 (912) 345-67-89', '8 912 345 67 89', '89123456789', '+79123456789', '7-912-345-67-89'];
    expect(new Set(forms.map(nationalNumber))).toEqual(new Set(['9123456789']));
  });
});

describe('phoneSearchKeys', () => {
  it('lists every suffix of the national number down to three digits', () => {
    expect(phoneSearchKeys('+7 912 345 67 89')).toEqual([
      '9123456789',
      '123456789',
      '23456789',
      '3456789',
      '456789',
      '56789',
      '6789',
      '789',
    ]);
  });

  it('so that any run of typed digits is the prefix of some key', () => {
    const keys = phoneSearchKeys('8 (912) 345-67-89');
    for (const run of ['912', '345', '34567', '4567', '67 89']) {
      const digits = run.replace(/\D/g, '');
      expect(keys.some((k) => k.startsWith(digits)), run).toBe(true);
    }
  });
});

describe('phoneQueryVariants', () => {
  it('offers the digits without a trunk prefix', () => {
    expect(phoneQueryVariants('8 912 345')).toEqual(expect.arrayContaining(['912345']));
    expect(phoneQueryVariants('067 123')).toEqual(expect.arrayContaining(['67123']));
  });

  it('offers the digits without a country code after +', () => {
    expect(phoneQueryVariants('+7 912')).toEqual(expect.arrayContaining(['912']));
    expect(phoneQueryVariants('+48 601')).toEqual(expect.arrayContaining(['601']));
    expect(phoneQueryVariants('+380 67 12')).toEqual(expect.arrayContaining(['6712']));
  });

  it('keeps the digits as typed and drops variants shorter than three digits', () => {
    expect(phoneQueryVariants('345 67')).toEqual(['34567']);
    expect(phoneQueryVariants('12')).toEqual([]);
  });
});
