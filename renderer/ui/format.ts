import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/domain/amounts';
import { dateToShow } from '../../shared/domain/dates';
import { dateTimeFormat, localeOf, numberFormat } from './intl';

/** A stored date or timestamp through Intl; a value that is not a real date is shown as stored (never throws). */
function show(stored: string, format: Intl.DateTimeFormat): string {
  const d = dateToShow(stored);
  return d === null ? stored : format.format(d);
}

/** Dates and numbers through Intl in the user's locale (the same object while the language stays). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => formatFor(locale), [locale]);
}

function formatFor(locale: string) {
  return {
    locale,
    date: (iso: string) => show(iso, dateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })),
    dateTime: (iso: string) => show(iso, dateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    time: (iso: string) => show(iso, dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    number: (n: number) => numberFormat(locale).format(n),
    /** A share from 0 to 1 as a whole percentage, e.g. 0.45 → "45 %" (pl, ru, uk, el) or "45%" (en). */
    percent: (share: number) => numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    /** Integer minor units in the account's currency, e.g. 123450 RUB → "1 234,50 ₽". */
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale),
    longDate: (iso: string) => show(iso, dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })),
  };
}
