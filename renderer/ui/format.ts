import { useTranslation } from 'react-i18next';
import { LOCALE_OF, type Language } from '../../shared/domain/settings';
import { formatMoney } from '../../shared/domain/amounts';
import { dateToShow } from '../../shared/domain/dates';

/** A stored date or timestamp through Intl; a value that is not a real date is shown as stored (never throws). */
function show(stored: string, format: Intl.DateTimeFormat): string {
  const d = dateToShow(stored);
  return d === null ? stored : format.format(d);
}

/** Dates and numbers through Intl in the user's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE_OF[i18n.language as Language] ?? 'en-GB';
  return {
    locale,
    date: (iso: string) => show(iso, new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })),
    dateTime: (iso: string) => show(iso, new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })),
    time: (iso: string) => show(iso, new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    /** A share from 0 to 1 as a whole percentage, e.g. 0.45 → "45 %" (pl, ru, uk, el) or "45%" (en). */
    percent: (share: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    /** Integer minor units in the account's currency, e.g. 123450 RUB → "1 234,50 ₽". */
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale),
    longDate: (iso: string) => show(iso, new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })),
  };
}
