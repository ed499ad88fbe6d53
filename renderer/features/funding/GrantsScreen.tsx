import { useRef, useState } from 'react';
import { Controller, useFieldArray, useWatch, type Path } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, type Currency } from '../../../shared/domain/settings';
import type { CallInput } from '../../../shared/api/contract';
import type { GrantSummary } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { PercentBar } from './PercentBar';
import { useCentre } from './fundingText';
import { KeyForm } from './FundingForm';
import { DateInput } from '../../ui/DateInput';

/** Grants with their progress; a new grant with its budget lines. */
export function GrantsScreen() {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const centre = useCentre();
  const grants = useCall('grants.list', {});
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  if (!centre || !grants.data) return <p className="loading">{t('common:loading')}</p>;

  return (
    <div className="fd-grants">
      <div className="actions fd-toolbar">
        {!creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('funding:grants.new')}
          </button>
        ) : null}
      </div>
      {creating ? <GrantForm currency={centre.currency} today={centre.today} onDone={(id) => (id === null ? setCreating(false) : void navigate(`/funding/grants/${id}`))} /> : null}
      {grants.data.length === 0 ? (
        <p className="muted">{t('funding:grants.empty')}</p>
      ) : (
        <DataTable
          className="fd-table"
          data={grants.data}
          caption={t('funding:grants.title')}
          empty={t('funding:grants.empty')}
          rowKey={(g) => String(g.id)}
          rowLabel={(g) => g.title}
          onOpen={(g) => void navigate(`/funding/grants/${g.id}`)}
          columns={((col) => [
            col(
              'grant',
              t('funding:grants.grant'),
              (g) => (
                <>
                  <Link to={`/funding/grants/${g.id}`} className="fd-grant-title">
                    {g.title}
                  </Link>
                  <div className="muted">{g.funder}</div>
                  {g.ended ? <span className="badge fd-ended">{t('funding:grants.ended')}</span> : null}
                  {g.warnings.length > 0 ? <span className="badge fd-warn-badge">{t('funding:grants.warningCount', { count: g.warnings.length })}</span> : null}
                </>
              ),
              { value: (g) => g.title },
            ),
            col('period', t('funding:grants.period'), (g) => t('funding:grants.periodValue', { from: fmt.date(g.startsOn), to: fmt.date(g.endsOn) }), { value: (g) => g.startsOn }),
            col('amount', t('funding:grants.amount'), (g) => fmt.money(g.amountMinor, g.currency), { value: (g) => g.amountMinor, align: 'num' }),
            col('spent', t('funding:grants.spent'), (g) => fmt.money(g.spentMinor, g.currency), { value: (g) => g.spentMinor, align: 'num' }),
            col(
              'progress',
              t('funding:grants.progress'),
              (g) => (
                <>
                  <PercentBar tone="time" percent={g.percentElapsed} label={t('funding:grant.elapsed')} />
                  <PercentBar percent={g.percentSpent} label={t('funding:grant.spentPercent')} />
                </>
              ),
              { className: 'fd-progress-cell' },
            ),
          ])(columnsOf<GrantSummary>(grants.data))}
        />
      )}
    </div>
  );
}

interface GrantValues {
  funder: string;
  title: string;
  startsOn: string;
  endsOn: string;
  currency: Currency;
  amountMinor: number | null;
  note: string;
  lines: { name: string; plannedMinor: number | null }[];
}

/** The lines that are filled in (an empty row is left out), with their rows' indexes. */
const keptLines = (v: GrantValues) => v.lines.map((l, row) => ({ ...l, row })).filter((l) => l.name.trim() !== '' || l.plannedMinor !== null);

/** A new grant: funder, title, period, currency, amount, note and its budget lines, checked with grants.create's schema. */
function GrantForm(props: { currency: Currency; today: string; onDone: (id: number | null) => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const create = useMutate('grants.create');
  const year = props.today.slice(0, 4);
  const cancel = () => props.onDone(null);
  const f = useCallForm({
    call: 'grants.create',
    defaultValues: {
      funder: '',
      title: '',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      currency: props.currency,
      amountMinor: null,
      note: '',
      lines: [{ name: '', plannedMinor: null }],
    } as GrantValues,
    // null goes to the schema as it is: its own message names the field.
    toInput: (v: GrantValues) =>
      ({
        grant: { funder: v.funder, title: v.title, startsOn: v.startsOn, endsOn: v.endsOn, currency: v.currency, amountMinor: v.amountMinor, note: v.note },
        lines: keptLines(v).map((l) => ({ name: l.name, plannedMinor: l.plannedMinor })),
      }) as unknown as CallInput<'grants.create'>,
    // "grant.title" → title; "lines.<kept>.name" → the row it came from.
    fieldOf: (path, v) => {
      if (path.startsWith('grant.')) return path.slice(6).split('.')[0] as Path<GrantValues>;
      const m = /^lines\.(\d+)\.(name|plannedMinor)/.exec(path);
      const row = m ? keptLines(v)[Number(m[1])]?.row : undefined;
      return m && row !== undefined ? (`lines.${row}.${m[2]}` as Path<GrantValues>) : null;
    },
    onCancel: cancel,
    onSubmit: async (input) => {
      const v = await create.mutateAsync(input);
      props.onDone(v.id);
    },
  });
  const { register, control } = f.form;
  const lines = useFieldArray({ control, name: 'lines' });
  const currency = useWatch({ control, name: 'currency' });
  const planned = useWatch({ control, name: 'lines' });
  /** The line just added: its name field takes the focus when it appears. */
  const focusLine = useRef<number | null>(null);

  const plannedSum = planned.reduce((s, l) => s + (l.plannedMinor ?? 0), 0);
  const fmt = useFormat();
  const money = (name: 'amountMinor' | `lines.${number}.plannedMinor`, label: string, required: boolean) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <MoneyField label={label} currency={currency} value={field.value} onChange={field.onChange} error={f.error(name)} allowZero required={required} />}
    />
  );

  return (
    <KeyForm className="card fd-form" aria-labelledby="fd-grant-form-title" onSubmit={f.submit} onCancel={f.cancel}>
      <h2 id="fd-grant-form-title">{t('funding:grants.new')}</h2>
      <RequiredLegend />
      <div className="fd-grid">
        <Field label={t('funding:grants.funder')} error={f.error('funder')} className="fd-span-2" required>
          {(p) => <input {...p} {...register('funder')} autoFocus />}
        </Field>
        <Field label={t('funding:grants.titleField')} error={f.error('title')} className="fd-span-2" required>
          {(p) => <input {...p} {...register('title')} />}
        </Field>
        <Controller
          control={control}
          name="startsOn"
          render={({ field }) => (
            <Field label={t('funding:grants.startsOn')} error={f.error('startsOn')} required>
              {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
            </Field>
          )}
        />
        <Controller
          control={control}
          name="endsOn"
          render={({ field }) => (
            <Field label={t('funding:grants.endsOn')} error={f.error('endsOn')} required>
              {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
            </Field>
          )}
        />
        <Field label={t('funding:grants.currency')} required>
          {(p) => (
            <select {...p} {...register('currency')}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        {money('amountMinor', t('funding:grants.amount'), true)}
        <Field label={t('funding:grants.note')} className="fd-span-4">
          {(p) => <input {...p} {...register('note')} />}
        </Field>
      </div>
      <fieldset className="fd-lines">
        <legend>{t('funding:grants.lines')}</legend>
        {lines.fields.map((l, i) => {
          const name = register(`lines.${i}.name`);
          return (
            <div key={l.id} className="fd-line-row">
              <Field label={t('funding:grants.lineName', { n: i + 1 })} error={f.error(`lines.${i}.name`)}>
                {(p) => (
                  <input
                    {...p}
                    {...name}
                    ref={(el) => {
                      name.ref(el);
                      if (el && focusLine.current === i) {
                        focusLine.current = null;
                        el.focus();
                      }
                    }}
                  />
                )}
              </Field>
              {money(`lines.${i}.plannedMinor`, t('funding:grants.linePlanned', { n: i + 1 }), false)}
              {lines.fields.length > 1 ? (
                <button type="button" className="small" onClick={() => lines.remove(i)}>
                  {t('funding:grants.removeLine')}
                </button>
              ) : null}
            </div>
          );
        })}
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              focusLine.current = lines.fields.length;
              lines.append({ name: '', plannedMinor: null }, { shouldFocus: false });
            }}
          >
            {t('funding:grants.addLine')}
          </button>
          <span className="muted">{t('funding:grants.linesTotal', { amount: fmt.money(plannedSum, currency) })}</span>
        </div>
      </fieldset>
      {f.notice}
      <div className="actions fd-form-actions">
        <button type="submit" className="primary" disabled={create.isPending || f.saving}>
          {t('funding:grants.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('funding:cancel')}
        </button>
        <span className="muted">{t('funding:ctrlEnter')}</span>
      </div>
    </KeyForm>
  );
}
