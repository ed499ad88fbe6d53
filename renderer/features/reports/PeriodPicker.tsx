import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONEY, type Role } from '../../../shared/api/roles';
import { isIsoDate } from '../../../shared/domain/dates';
import { useCall } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { calendarOptions, type PeriodOption, type Preset } from './periods';
import { usePeriodLabel } from './ResultsScreen';

/** The presets of the funder-safe tables: the calendar's periods, a grant's (for the roles that see grants) or any dates. */
const FUNDER_PRESETS = ['month', 'quarter', 'half', 'year', 'grant', 'custom'] as const satisfies readonly Preset[];
type FunderPreset = (typeof FUNDER_PRESETS)[number];

export interface PickedPeriod {
  from: string;
  to: string;
  valid: boolean;
}

/**
 * A period as /results picks it: a kind of period, then which one (newest first), or any two
 * dates. Returns the picked days and the controls to show.
 */
export function usePeriodPicker(today: string | null, role: Role | undefined): { period: PickedPeriod; controls: React.ReactNode } {
  const { t } = useTranslation(['reports', 'common']);
  const periodLabel = usePeriodLabel();
  const [preset, setPreset] = useState<FunderPreset>('half');
  const [choice, setChoice] = useState<string | null>(null);
  const [customFrom, setCustomFrom] = useState('');
  const [customTo, setCustomTo] = useState('');
  const seesGrants = role !== undefined && (MONEY as readonly Role[]).includes(role);
  const grants = useCall('grants.list', {}, { enabled: preset === 'grant' && seesGrants });
  const options: PeriodOption[] = useMemo(() => {
    if (!today || preset === 'custom') return [];
    if (preset === 'grant') return (grants.data ?? []).map((g) => ({ key: `g${g.id}`, from: g.startsOn, to: g.endsOn, label: { name: g.title } }));
    return calendarOptions(preset, today);
  }, [preset, today, grants.data]);
  const chosen = options.find((o) => o.key === choice) ?? options[0] ?? null;
  const from = preset === 'custom' ? customFrom : (chosen?.from ?? '');
  const to = preset === 'custom' ? customTo : (chosen?.to ?? '');
  const customError = preset !== 'custom' ? {} : !isIsoDate(customFrom) ? { from: 'validation.date' } : !isIsoDate(customTo) ? { to: 'validation.date' } : customFrom > customTo ? { to: 'validation.dateOrder' } : {};
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const shown = FUNDER_PRESETS.filter((p) => p !== 'grant' || seesGrants);

  const controls = (
    <>
      <Field label={t('reports:screen.preset')}>
        {(p) => (
          <select
            {...p}
            autoFocus
            value={preset}
            onChange={(e) => {
              const next = e.target.value as FunderPreset;
              if (next === 'custom' && valid) {
                setCustomFrom(from);
                setCustomTo(to);
              }
              setPreset(next);
              setChoice(null);
            }}
          >
            {shown.map((p) => (
              <option key={p} value={p}>
                {t(`reports:screen.presets.${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {preset === 'custom' ? (
        <>
          <Field label={t('reports:screen.from')} error={customError.from}>
            {(p) => <DateInput {...p} value={customFrom} onChange={setCustomFrom} />}
          </Field>
          <Field label={t('reports:screen.to')} error={customError.to}>
            {(p) => <DateInput {...p} value={customTo} onChange={setCustomTo} />}
          </Field>
        </>
      ) : (
        <Field label={t('reports:screen.which')}>
          {(p) =>
            options.length === 0 ? (
              <p className="muted" id={p.id}>
                {t('reports:screen.noGrants')}
              </p>
            ) : (
              <select {...p} value={chosen?.key ?? ''} onChange={(e) => setChoice(e.target.value)}>
                {options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {periodLabel(o)}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
      )}
    </>
  );
  return { period: { from, to, valid }, controls };
}
