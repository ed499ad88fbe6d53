import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { useLabels } from '../../ui/labels';

/** The catalogue as a native select (type-ahead by first letters), grouped: volunteer tasks, desk services. */
export const KindSelect = forwardRef<
  HTMLSelectElement,
  { id: string; value: number | null; onChange: (id: number | null) => void; autoFocus?: boolean; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-required'?: boolean; onBlur?: () => void; includeAll?: boolean }
>(function KindSelect({ value, onChange, includeAll, ...rest }, ref) {
  const { t } = useTranslation(['requests', 'catalogue']);
  const labels = useLabels();
  const kinds = useCall('catalogue.list', { includeArchived: false });
  const all = kinds.data ?? [];
  const groups = (['volunteer', 'desk'] as const).map((mode) => ({
    mode,
    kinds: all.filter((k) => k.mode === mode).sort((a, b) => labels.kind(a).localeCompare(labels.kind(b))),
  }));
  return (
    <select ref={ref} {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{includeAll ? t('requests:filters.allKinds') : t('requests:form.chooseKind')}</option>
      {groups.map((g) => (
        <optgroup key={g.mode} label={t(`catalogue:modes.${g.mode}`)}>
          {g.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {labels.kind(k)}
              {k.isPaid ? ` (${t('catalogue:paid')})` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
});
