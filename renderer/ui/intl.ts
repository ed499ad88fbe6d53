import { LOCALE_OF, type Language } from '../../shared/domain/settings';

/**
 * Intl formatters and collators made once per locale and options: creating one costs far more
 * than using it, and a list formats a date or an amount on every row it draws.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const collators = new Map<string, Intl.Collator>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function collator(locale: string, options: Intl.CollatorOptions = {}): Intl.Collator {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = collators.get(key);
  if (!made) {
    made = new Intl.Collator(locale, options);
    collators.set(key, made);
  }
  return made;
}

/** The Intl locale of an i18next language ('ru' → 'ru-RU'); English (en-GB) for anything else. */
export function localeOf(language: string): string {
  return LOCALE_OF[language as Language] ?? 'en-GB';
}
