/**
 * What people type for hours and money, read exactly. Money never passes through a float: the
 * digits before and after the decimal separator are read as integers and put together in minor
 * units ("123,45" and "123.45" are both 12345 cents).
 */

const digitsCache = new Map<string, number>();

/** Digits after the decimal separator of a currency (2 for EUR, PLN, UAH, RUB); asked once per currency. */
export function minorDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an unknown currency code: two decimals
  }
  if (digitsCache.size < 1000) digitsCache.set(currency, digits);
  return digits;
}

/** Amounts larger than this many whole units are refused before any arithmetic (a typo anyway). */
const MAX_WHOLE_DIGITS = 12;

/** One formatter per locale and currency (making one costs far more than using it; lists format every row). */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units as a money amount in a locale (for display only). */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(amountMinor / 10 ** digits);
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

// ---------------------------------------------------------------------------------------------
// Amounts as people type them in each UI language (the money fields of the treasurer screens).
// ---------------------------------------------------------------------------------------------

export type AmountError =
  | 'validation.amount'
  | 'validation.amountAmbiguous'
  | 'validation.amountTooLarge'
  | 'validation.amountDecimals'
  | 'validation.amountNegative';
export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: AmountError };

const AMOUNT_LOCALES: Record<string, string> = { en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA', pl: 'pl-PL', el: 'el-GR' };

/** Extra ways people write a currency after (or before) the amount, beyond what Intl prints. */
const CURRENCY_WORDS: Record<string, string[]> = {
  RUB: ['₽', 'руб.', 'руб', 'р.', 'р', 'rub', 'rur'],
  UAH: ['₴', 'грн.', 'грн', 'uah'],
  PLN: ['zł', 'zl', 'pln'],
  EUR: ['€', 'eur', 'euro', 'евро', 'євро', 'ευρώ'],
  JPY: ['¥', 'jp¥', 'jpy', '円'],
};

const currencyTokenCache = new Map<string, string[]>();
/** Every sign, code and word of a currency in the five languages, longest first, lower-case. */
function currencyTokens(currency: string): string[] {
  const cached = currencyTokenCache.get(currency);
  if (cached) return cached;
  const tokens = new Set<string>([currency.toLowerCase(), ...(CURRENCY_WORDS[currency] ?? [])]);
  for (const locale of Object.values(AMOUNT_LOCALES)) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
      try {
        const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency');
        if (part) tokens.add(part.value.toLowerCase());
      } catch {
        // an unknown currency code has no signs
      }
    }
  }
  const list = [...tokens].sort((a, b) => b.length - a.length);
  currencyTokenCache.set(currency, list);
  return list;
}

/** Separators by language: a NumberFormat costs ~0.7 ms to make, and an import reads thousands of amounts. */
const separatorCache = new Map<string, { decimal: string; group: string }>();

/** The separators of a language: decimal sign and thousands group ('space' for any kind of space). */
export function amountSeparators(language: string): { decimal: string; group: string } {
  const cached = separatorCache.get(language);
  if (cached) return { ...cached };
  const locale = AMOUNT_LOCALES[language] ?? 'en-GB';
  const parts = new Intl.NumberFormat(locale, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const groupRaw = parts.find((p) => p.type === 'group')?.value ?? ',';
  const found = { decimal, group: /\s/.test(groupRaw) ? ' ' : groupRaw };
  separatorCache.set(language, found);
  return { ...found };
}

function stripCurrency(text: string, currency: string): string {
  const lower = text.toLowerCase();
  for (const token of currencyTokens(currency)) {
    if (lower.endsWith(token)) return text.slice(0, text.length - token.length).trim();
    if (lower.startsWith(token)) return text.slice(token.length).trim();
  }
  return text;
}

/** "1 234 567" / "1.234.567" → "1234567" when the groups after the first have three digits. */
function joinGroups(text: string, sep: string): string | null {
  const parts = text.split(sep);
  const [first, ...rest] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first) || !rest.every((p) => /^\d{3}$/.test(p))) return null;
  return parts.join('');
}

/**
 * Reads an amount typed in a UI language as minor units of `currency`, never through a float.
 *
 * Accepted everywhere: digits with one decimal sign, "." or "," ("1234.5", "1234,50"); thousands
 * groups of three digits separated by spaces (incl. NBSP and narrow NBSP), "." or ","
 * ("1 234,50", "1.234,50", "1,234.50"); a currency sign, code or word before or after
 * ("1 234,50 ₽", "€1,234.50", "100 грн"); a leading minus when `allowNegative`.
 *
 * The one real ambiguity is a single "." or "," followed by exactly three digits ("1.234",
 * "1,234"): a thousands group or three decimals? Decided per language:
 * - when the sign is the language's own thousands separator it is a group: "1,234" in English
 *   and "1.234" in Greek are 1 234;
 * - in Russian, Ukrainian and Polish (thousands are spaces) both are refused as ambiguous, as are
 *   "1.234" in English and "1,234" in Greek (a decimal sign followed by three decimals for a
 *   currency with two): the message asks to write "1234" or "1 234,00";
 * - for a currency without decimals (JPY) it is always a group.
 * Anything else is refused: letters, "1,2,3", "1.23.456", more decimals than the currency has
 * (`validation.amountDecimals`), a minus when negatives are not allowed, more than 12 whole digits.
 */
export function parseAmount(input: string, language: string, currency: string, options: { allowNegative?: boolean } = {}): ParsedAmount {
  const digits = minorDigits(currency);
  let text = input
    .replace(/[\s\u00a0\u202f\u2007\u2009]+/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/[’']/g, ' ')
    .trim();
  let negative = false;
  const takeSign = () => {
    if (text.startsWith('-')) {
      if (negative) return false;
      negative = true;
      text = text.slice(1).trim();
    }
    return true;
  };
  if (!takeSign()) return { ok: false, error: 'validation.amount' };
  text = stripCurrency(text, currency);
  if (!takeSign()) return { ok: false, error: 'validation.amount' };
  text = stripCurrency(text, currency);
  if (/^[.,]\d+$/.test(text)) text = `0${text}`;
  if (!/^\d$|^\d[\d., ]*\d$/.test(text) || /[., ]{2}/.test(text)) return { ok: false, error: 'validation.amount' };

  const { decimal: localeDecimal, group: localeGroup } = amountSeparators(language);
  const marks = text.replace(/[\d ]/g, '');
  const kinds = new Set(marks);
  let wholeText: string;
  let fraction = '';
  let decimalSign: string | null = null;
  if (kinds.size === 2) {
    decimalSign = text.charAt(Math.max(text.lastIndexOf('.'), text.lastIndexOf(',')));
  } else if (kinds.size === 1) {
    const sign = marks.charAt(0);
    if (marks.length === 1) {
      const after = text.slice(text.indexOf(sign) + 1);
      if (after.length !== 3 || text.includes(' ')) decimalSign = sign;
      else if (digits === 0) decimalSign = null;
      else if (sign === localeGroup && digits !== 3) decimalSign = null;
      else if (sign === localeDecimal && digits >= 3) decimalSign = sign;
      else return { ok: false, error: 'validation.amountAmbiguous' };
    }
  }
  if (decimalSign !== null) {
    const at = text.lastIndexOf(decimalSign);
    if (text.indexOf(decimalSign) !== at) return { ok: false, error: 'validation.amount' };
    wholeText = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return { ok: false, error: 'validation.amount' };
  } else {
    wholeText = text;
  }
  // The whole part: plain digits, or groups with one kind of separator (space, "." or ",").
  const groupMarks = new Set(wholeText.replace(/\d/g, ''));
  let whole: string | null;
  if (groupMarks.size === 0) whole = wholeText;
  else if (groupMarks.size === 1) whole = joinGroups(wholeText, [...groupMarks][0] as string);
  else whole = null;
  if (whole === null || whole === '') return { ok: false, error: 'validation.amount' };
  if (fraction.length > digits) return { ok: false, error: 'validation.amountDecimals' };
  whole = whole.replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_WHOLE_DIGITS) return { ok: false, error: 'validation.amountTooLarge' };
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (negative && minor !== 0 && !options.allowNegative) return { ok: false, error: 'validation.amountNegative' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** Minor units as the text a money field shows after reading it ("1 234,50" in Russian), no currency sign. */
export function formatAmountForInput(minor: number, language: string, currency: string): string {
  const digits = minorDigits(currency);
  const locale = AMOUNT_LOCALES[language] ?? 'en-GB';
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, '0');
  // The whole part through Intl (grouping of the locale), the fraction joined as digits: no float.
  const parts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, minimumFractionDigits: 0 }).formatToParts(whole);
  const wholeText = parts.map((p) => p.value).join('').replace(/[\u00a0\u202f]/g, ' ');
  return digits > 0 ? `${sign}${wholeText}${amountSeparators(language).decimal}${fraction}` : `${sign}${wholeText}`;
}
