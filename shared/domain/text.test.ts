import { describe, expect, it } from 'vitest';
import { fold, foldedWords, nameKey, prefixUpperBound } from './text';

describe('fold', () => {
  it.each([
    ['ИВАНОВ', 'иванов'],
    ['Пётр', 'петр'],
    ['ПЁТР', 'петр'],
    ['Łukasz', 'lukasz'],
    ['ŁUKASZ', 'lukasz'],
    ['Żółć', 'zolc'],
    ['Αθηνά', 'αθηνα'],
    ['ΣΟΦΙΑ', 'σοφια'],
    ['Οδυσσέας', 'οδυσσεασ'],
    ['ΟΔΥΣΣΕΑΣ', 'οδυσσεασ'],
    ['Ϊ', 'ι'],
    ['ΐ', 'ι'],
    ['Straße', 'strasse'],
    ['Søren', 'soren'],
    ['Đorđe', 'dorde'],
    ['Ærø', 'aero'],
    ['İstanbul', 'istanbul'],
    ['Crème Brûlée', 'creme brulee'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps Cyrillic letters whole: й, ї, є, ґ are letters, not accented и, і, е, г', () => {
    expect(fold('Йошкар')).toBe('йошкар');
    expect(fold('ЇЖАКЕВИЧ')).toBe('їжакевич');
    expect(fold('Євгенія')).toBe('євгенія');
    expect(fold('Ґонта')).toBe('ґонта');
    expect(fold('Ірина')).toBe('ірина');
    expect(fold('Їжак')).not.toBe(fold('Іжак'));
    expect(fold('Йод')).not.toBe(fold('Иод'));
  });

  it('gives the same result for composed and decomposed input', () => {
    const composed = 'Пётр Αθηνά Żółć'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(fold(decomposed)).toBe(fold(composed));
  });

  it('drops apostrophes of every kind inside words', () => {
    expect(fold("Мар'яна")).toBe('маряна');
    expect(fold('Мар’яна')).toBe('маряна');
    expect(fold('Марʼяна')).toBe('маряна');
    expect(fold("O'Neill")).toBe('oneill');
  });

  it("treats ' and ’ alike, so a Ukrainian name typed with ' finds one stored with ’ (uk strings write ’)", () => {
    expect(fold("Ім'я")).toBe(fold('Ім’я'));
    expect(fold("В'ячеслав Сем'янів")).toBe(fold('В’ячеслав Семʼянів'));
    expect(foldedWords("Олег Дем'яненко")).toEqual(foldedWords('Олег Дем’яненко'));
  });

  it('is idempotent', () => {
    for (const s of ['Пётр', 'ΣΟΦΙΑΣ', 'Żółć', "Мар'яна", 'Straße', 'Їжак']) {
      expect(fold(fold(s))).toBe(fold(s));
    }
  });

  it('leaves digits and plain ASCII lower case alone', () => {
    expect(fold('abc 123')).toBe('abc 123');
  });
});

describe('foldedWords', () => {
  it('splits on anything but letters and digits and drops empty words', () => {
    expect(foldedWords("  Мар'яна  Ivanova-Petrova, д.12/4 ")).toEqual(['маряна', 'ivanova', 'petrova', 'д', '12', '4']);
  });

  it('returns nothing for punctuation only', () => {
    expect(foldedWords(' -,.;/ ')).toEqual([]);
    expect(foldedWords('')).toEqual([]);
  });
});

describe('prefixUpperBound', () => {
  it('bounds exactly the strings that start with the prefix', () => {
    const prefix = 'иван';
    const upper = prefixUpperBound(prefix);
    const inRange = (s: string) => s >= prefix && s < upper;
    expect(inRange('иван')).toBe(true);
    expect(inRange('иванов')).toBe(true);
    expect(inRange('иванʼ')).toBe(true);
    expect(inRange('ивам')).toBe(false);
    expect(inRange('ивао')).toBe(false);
    expect(inRange('ива')).toBe(false);
  });

  it('increments the last code point, also outside the BMP', () => {
    expect(prefixUpperBound('ab')).toBe('ac');
    expect(prefixUpperBound('a😀')).toBe('a😁');
  });

  it('is above everything for an empty prefix', () => {
    expect(prefixUpperBound('')).toBe('\u{10FFFF}');
  });
});

describe('nameKey', () => {
  it('ignores word order, case and ё', () => {
    expect(nameKey('Иванов', 'Пётр', 'Сергеевич')).toBe(nameKey('ПЕТР', 'сергеевич', 'иванов'));
    expect(nameKey('Иванов Пётр Сергеевич')).toBe(nameKey('Иванов', 'Пётр', 'Сергеевич'));
  });

  it('differs for different names', () => {
    expect(nameKey('Иванов', 'Пётр')).not.toBe(nameKey('Иванова', 'Пётр'));
  });
});
