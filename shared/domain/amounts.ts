/**
 * What people type for hours and money, read exactly. Money never passes through a float: the
 * digits before and after the decimal separator are read as integers and put together in minor
 * units ("123,45" and "123.45" are both 12345 cents).
 */

/** Digits after the decimal separator of a currency (2 for EUR, PLN, UAH, RUB). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Amounts larger than this many whole units are refused before any arithmetic (a typo anyway). */
const MAX_WHOLE_DIGITS = 12;

/** "1.234.567" or "1,234" (groups of three) as "1234567" / "1234"; null when not a grouping. */
function ungroup(text: string): string | null {
  if (/^\d+$/.test(text)) return text;
  const seps = new Set(text.replace(/\d/g, ''));
  if (seps.size !== 1) return null;
  const parts = text.split(/[.,]/);
  const [first, ...rest] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first) || rest.length === 0 || !rest.every((p) => /^\d{3}$/.test(p))) return null;
  return parts.join('');
}

/**
 * Reads a typed amount as minor units of a currency with `digits` decimals. Accepts "350.50",
 * "350,50", "350,5", "350", "1 234,56", "1.234,56", "1,234.56" and "1.500" (a thousands group when
 * three digits follow a single separator). Returns null for anything else (letters, signs, too many
 * decimals, a separator at the end).
 */
export function parseMoney(input: string, digits: number): number | null {
  const text = input.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;
  const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  let whole: string | null;
  let fraction = '';
  if (lastSep < 0) {
    whole = text;
  } else {
    const sep = text.charAt(lastSep);
    const before = text.slice(0, lastSep);
    const after = text.slice(lastSep + 1);
    const separators = text.replace(/\d/g, '');
    const mixed = [...separators].some((c) => c !== sep);
    const single = separators.length === 1;
    if (mixed || (single && after.length <= digits)) {
      // The last separator is the decimal one; any others group thousands.
      if (after.length > digits || before.includes(sep)) return null;
      whole = ungroup(before);
      fraction = after;
    } else {
      whole = ungroup(text);
    }
  }
  if (whole === null) return null;
  whole = whole.replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_WHOLE_DIGITS) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as a money amount in a locale (for display only). */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amountMinor / 10 ** digits,
  );
}

export const MAX_TASK_MINUTES = 24 * 60;

/**
 * Reads typed hours as minutes: "2", "1.5", "1,5", ".5" or "1:30". Returns null when it is not a
 * number of hours between 0 and 24. Fractions are rounded to the nearest minute ("0.33" → 20).
 */
export function parseHours(input: string): number | null {
  const text = input.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  let minutes: number;
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else {
    const m = /^(\d{0,2})(?:[.,](\d{1,2}))?$/.exec(text);
    if (!m || (m[1] === '' && m[2] === undefined)) return null;
    const frac = m[2] ?? '';
    minutes = Number(m[1] || '0') * 60 + (frac === '' ? 0 : Math.round((Number(frac) * 60) / 10 ** frac.length));
  }
  return minutes <= MAX_TASK_MINUTES ? minutes : null;
}

/** Minutes as hours for display and for an input ("90" → 1.5). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
