import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, type Currency } from '../../../shared/domain/settings';
import { isIsoDate } from '../../../shared/domain/dates';
import type { GrantSummary } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { PercentBar } from './PercentBar';
import { useCentre } from './fundingText';
import { FormFailure, KeyForm, useFormErrors } from './FundingForm';
import { DateInput } from '../../ui/DateInput';

interface LineDraft {
  key: number;
  name: string;
  planned: number | null;
}

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

/** A new grant: funder, title, period, currency, amount, note and its budget lines. */
function GrantForm(props: { currency: Currency; today: string; onDone: (id: number | null) => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const create = useMutate('grants.create');
  const year = props.today.slice(0, 4);
  const [funder, setFunder] = useState('');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState(`${year}-12-31`);
  const [currency, setCurrency] = useState<Currency>(props.currency);
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ key: 1, name: '', planned: null }]);
  const { errors, failure, attempt } = useFormErrors();
  const nextKey = useRef(2);
  /** The line just added: its name field takes the focus when it appears. */
  const focusLine = useRef<number | null>(null);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (funder.trim() === '') next.funder = 'validation.required';
    if (title.trim() === '') next.title = 'validation.required';
    if (!isIsoDate(startsOn)) next.startsOn = 'validation.date';
    if (!isIsoDate(endsOn)) next.endsOn = 'validation.date';
    else if (isIsoDate(startsOn) && endsOn < startsOn) next.endsOn = 'validation.dateOrder';
    if (amount === null) next.amountMinor = 'validation.required';
    const kept = lines.filter((l) => l.name.trim() !== '' || l.planned !== null);
    kept.forEach((l, i) => {
      if (l.name.trim() === '') next[`lines.${i}.name`] = 'validation.required';
      if (l.planned === null) next[`lines.${i}.plannedMinor`] = 'validation.required';
    });
    await attempt(next, async () => {
      const v = await create.mutateAsync({
        grant: { funder, title, startsOn, endsOn, currency, amountMinor: amount ?? 0, note },
        lines: kept.map((l) => ({ name: l.name, plannedMinor: l.planned ?? 0 })),
      });
      props.onDone(v.id);
    });
  };

  const plannedSum = lines.reduce((s, l) => s + (l.planned ?? 0), 0);
  const fmt = useFormat();

  return (
    <KeyForm className="card fd-form" aria-labelledby="fd-grant-form-title" onSubmit={submit} onCancel={() => props.onDone(null)}>
      <h2 id="fd-grant-form-title">{t('funding:grants.new')}</h2>
      <div className="fd-grid">
        <Field label={t('funding:grants.funder')} error={errors.funder} className="fd-span-2">
          {(p) => <input {...p} autoFocus value={funder} onChange={(e) => setFunder(e.target.value)} />}
        </Field>
        <Field label={t('funding:grants.titleField')} error={errors.title} className="fd-span-2">
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('funding:grants.startsOn')} error={errors.startsOn}>
          {(p) => <DateInput {...p} value={startsOn} onChange={setStartsOn} />}
        </Field>
        <Field label={t('funding:grants.endsOn')} error={errors.endsOn}>
          {(p) => <DateInput {...p} value={endsOn} onChange={setEndsOn} />}
        </Field>
        <Field label={t('funding:grants.currency')}>
          {(p) => (
            <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value as Currency)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MoneyField label={t('funding:grants.amount')} currency={currency} value={amount} onChange={setAmount} error={errors.amountMinor} allowZero />
        <Field label={t('funding:grants.note')} className="fd-span-4">
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="fd-lines">
        <legend>{t('funding:grants.lines')}</legend>
        {lines.map((l, i) => (
          <div key={l.key} className="fd-line-row">
            <Field label={t('funding:grants.lineName', { n: i + 1 })} error={errors[`lines.${i}.name`]}>
              {(p) => (
                <input
                  {...p}
                  ref={(el) => {
                    if (el && focusLine.current === l.key) {
                      focusLine.current = null;
                      el.focus();
                    }
                  }}
                  value={l.name}
                  onChange={(e) => setLines(lines.map((x) => (x.key === l.key ? { ...x, name: e.target.value } : x)))}
                />
              )}
            </Field>
            <MoneyField
              label={t('funding:grants.linePlanned', { n: i + 1 })}
              currency={currency}
              value={l.planned}
              allowZero
              error={errors[`lines.${i}.plannedMinor`]}
              onChange={(v) => setLines((all) => all.map((x) => (x.key === l.key ? { ...x, planned: v } : x)))}
            />
            {lines.length > 1 ? (
              <button type="button" className="small" onClick={() => setLines(lines.filter((x) => x.key !== l.key))}>
                {t('funding:grants.removeLine')}
              </button>
            ) : null}
          </div>
        ))}
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setLines([...lines, { key: nextKey.current, name: '', planned: null }]);
              focusLine.current = nextKey.current;
              nextKey.current += 1;
            }}
          >
            {t('funding:grants.addLine')}
          </button>
          <span className="muted">{t('funding:grants.linesTotal', { amount: fmt.money(plannedSum, currency) })}</span>
        </div>
      </fieldset>
      <FormFailure failure={failure} />
      <div className="actions fd-form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('funding:grants.save')}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t('funding:cancel')}
        </button>
        <span className="muted">{t('funding:ctrlEnter')}</span>
      </div>
    </KeyForm>
  );
}
