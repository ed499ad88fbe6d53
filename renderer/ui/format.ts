import { useTranslation } from 'react-i18next';
import { LOCALE_OF, type Language } from '../../shared/domain/settings';
import { formatMoney } from '../../shared/domain/amounts';

/** Dates and numbers through Intl in the user's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALE_OF[i18n.language as Language] ?? 'en-GB';
  return {
    locale,
    date: (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    time: (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    /** Integer minor units in the account's currency, e.g. 123450 RUB → "1 234,50 ₽". */
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale),
    longDate: (iso: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00`)),
  };
}
