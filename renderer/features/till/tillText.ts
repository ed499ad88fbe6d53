import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/domain/till';
import { useLabels } from '../../ui/labels';

/** Translated names for the till: kinds, units, quantities ("3 pages"). */
export function useTillText() {
  const { t } = useTranslation(['till']);
  const labels = useLabels();
  return {
    kind: (k: { kindCode: string | null; kindName: string | null }) => labels.kind(k),
    /** "per page", as a price is quoted. */
    per: (u: Unit) => t(`till:per.${u}`),
    quantity: (u: Unit, count: number) => t(`till:quantities.${u}`, { count }),
  };
}
