import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { errorText } from '../../ui/ErrorNotice';
import type { Currency } from '../../../shared/domain/settings';

/** Labels of the cash book: categories (built-in ones translated), and errors with the cash book's own wording first. */
export function useCashbookText() {
  const { t } = useTranslation(['cashbook', 'common']);
  return {
    category: (c: { code: string | null; name: string | null } | null | undefined) =>
      c ? (c.code !== null ? t(`cashbook:categories.${c.code}`, { defaultValue: c.code }) : (c.name ?? '')) : '',
    error: (err: unknown): string => errorText(t, err, { ns: 'cashbook' }),
  };
}

/** The centre's currency (the default of new accounts) and today, from app.status. */
export function useCentre(): { currency: Currency; today: string } | null {
  const status = useCall('app.status', {});
  const s = status.data;
  if (!s) return null;
  return { currency: s.settings?.currency ?? 'RUB', today: s.today };
}
