import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ApiError } from '../../bridge';
import { errorText } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import type { GrantWarning } from '../../../shared/domain/funding';
import type { Currency } from '../../../shared/domain/settings';

/** Labels of the funding screens: categories (the cash book's translations), months, warnings, errors. */
export function useFundingText() {
  const { t } = useTranslation(['funding', 'cashbook', 'common']);
  const fmt = useFormat();
  return {
    category: (c: { code: string | null; name: string | null } | null | undefined) =>
      c ? (c.code !== null ? t(`cashbook:categories.${c.code}`, { defaultValue: c.code }) : (c.name ?? '')) : '',
    month: (key: string) => new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric' }).format(new Date(`${key}-15T12:00:00`)),
    warning: (w: GrantWarning, currency: string): string => {
      switch (w.code) {
        case 'lineOverspent':
          return t('funding:warnings.lineOverspent', { line: w.lineName, amount: fmt.money(w.overMinor, currency) });
        case 'likelyUnspent':
          return t('funding:warnings.likelyUnspent', { amount: fmt.money(w.projectedUnspentMinor, currency), percent: w.percent });
        case 'trancheOverdue':
          return t('funding:warnings.trancheOverdue', { amount: fmt.money(w.amountMinor, currency), date: fmt.date(w.expectedOn) });
        case 'outsidePeriod':
          return t('funding:warnings.outsidePeriod', { count: w.count, amount: fmt.money(w.amountMinor, currency) });
        case 'linesDontAddUp':
          return t('funding:warnings.linesDontAddUp', { planned: fmt.money(w.plannedMinor, currency), amount: fmt.money(w.amountMinor, currency) });
      }
    },
    error: (err: unknown): string => errorText(t, err, { ns: 'funding' }),
  };
}

/** The centre's currency and today, from app.status. */
export function useCentre(): { currency: Currency; today: string } | null {
  const status = useCall('app.status', {});
  const s = status.data;
  if (!s) return null;
  return { currency: s.settings?.currency ?? 'RUB', today: s.today };
}

/** Field messages of a refused call, keyed by the field's path (without a leading "data."/"grant."/"line."). */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.body.fields?.length) return null;
  const out: Record<string, string> = {};
  for (const f of err.body.fields) out[f.path.replace(/^(data|grant|line)\./, '')] = f.message;
  return out;
}
