import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { addMonths } from '../../../shared/domain/dates';
import { MANUAL_IN_KIND_KINDS, type InKindView, type ManualInKindKind } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { Controller } from 'react-hook-form';
import type { CallInput } from '../../../shared/api/contract';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { useCentre, useFundingText } from './fundingText';
import { FormFailure, KeyForm, SaveCancel } from './FundingForm';
import { AidTakeIn } from './AidTakeIn';
import { DateInput, MonthInput } from '../../ui/DateInput';

/** In-kind contributions: the volunteer hour rate, the ledger (rent discounts, goods, services) and the co-financing report. */
export function InKindScreen() {
  const { t } = useTranslation(['funding', 'common']);
  const centre = useCentre();
  if (!centre) return <p className="loading">{t('common:loading')}</p>;
  const toMonth = centre.today.slice(0, 7);
  return <InKindBody today={centre.today} currency={centre.currency} initialFrom={addMonths(toMonth, -5)} initialTo={toMonth} />;
}

function InKindBody(props: { today: string; currency: string; initialFrom: string; initialTo: string }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const [fromMonth, setFromMonth] = useState(props.initialFrom);
  const [toMonth, setToMonth] = useState(props.initialTo);
  const range = fromMonth <= toMonth ? { fromMonth, toMonth } : { fromMonth: toMonth, toMonth: fromMonth };
  const report = useCall('inKind.report', range);
  const list = useCall('inKind.list', range);
  const remove = useMutate('inKind.remove');
  const [editing, setEditing] = useState<InKindView | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const money = (m: number) => fmt.money(m, props.currency);
  const hours = (minutes: number) => t('funding:inKind.hoursValue', { hours: fmt.number(Math.round(minutes / 6) / 10) });

  return (
    <div className="fd-inkind">
      <RateCard currency={props.currency} />
      <div className="actions fd-toolbar">
        <label id="fd-from-label" htmlFor="fd-from">{t('funding:inKind.from')}</label>
        <MonthInput id="fd-from" aria-labelledby="fd-from-label" value={fromMonth} onChange={(v) => v && setFromMonth(v)} />
        <label id="fd-to-label" htmlFor="fd-to">{t('funding:inKind.to')}</label>
        <MonthInput id="fd-to" aria-labelledby="fd-to-label" value={toMonth} onChange={(v) => v && setToMonth(v)} />
      </div>

      <section className="card" aria-labelledby="fd-cofin-title">
        <h2 id="fd-cofin-title">{t('funding:inKind.report')}</h2>
        <p className="muted">{t('funding:inKind.reportHint')}</p>
        {report.data ? (
          <DataTable
            className="fd-table fd-cofin"
            data={report.data.months}
            caption={t('funding:inKind.report')}
            empty={t('common:none')}
            rowKey={(m) => m.month}
            noSort
            columns={((col, totals) => [
              col('month', t('funding:rent.month'), (m) => text.month(m.month), { footer: t('funding:inKind.total'), rowHeader: true }),
              col('rentDiscount', t('funding:inKind.kinds.rentDiscount'), (m) => money(m.rentDiscountMinor), { align: 'num', footer: money(totals.rentDiscountMinor) }),
              col('goods', t('funding:inKind.kinds.goods'), (m) => money(m.goodsMinor), { align: 'num', footer: money(totals.goodsMinor) }),
              col('services', t('funding:inKind.kinds.services'), (m) => money(m.servicesMinor), { align: 'num', footer: money(totals.servicesMinor) }),
              col('volunteerHours', t('funding:inKind.volunteerHours'), (m) => hours(m.volunteerMinutes), { align: 'num', footer: hours(totals.volunteerMinutes) }),
              col('volunteerValue', t('funding:inKind.volunteerValue'), (m) => money(m.volunteerMinor), { align: 'num', footer: money(totals.volunteerMinor) }),
              col('total', t('funding:inKind.total'), (m) => money(m.totalMinor), { align: 'num', className: 'fd-strong', footer: money(totals.totalMinor) }),
            ])(columnsOf(report.data.months), report.data.totals)}
          />
        ) : (
          <p className="loading">{t('common:loading')}</p>
        )}
      </section>

      <AidTakeIn />

      <section className="card" aria-labelledby="fd-ledger-title">
        <div className="fd-card-head">
          <h2 id="fd-ledger-title">{t('funding:inKind.ledger')}</h2>
          <button type="button" onClick={() => setEditing('new')}>
            {t('funding:inKind.add')}
          </button>
        </div>
        {editing !== null ? <InKindForm row={editing === 'new' ? null : editing} today={props.today} currency={props.currency} onDone={() => setEditing(null)} /> : null}
        <FormFailure failure={failure} />
        <DataTable
          className="fd-table"
          data={list.data ?? []}
          caption={t('funding:inKind.ledger')}
          empty={t('funding:inKind.empty')}
          rowKey={(r) => String(r.id)}
          columns={((col) => [
            col('date', t('funding:inKind.date'), (r) => fmt.date(r.date), { value: (r) => r.date }),
            col('kind', t('funding:inKind.kind'), (r) => t(`funding:inKind.kinds.${r.kind}`), { value: (r) => t(`funding:inKind.kinds.${r.kind}`) }),
            col('donor', t('funding:inKind.donor'), (r) => r.donor, { value: (r) => r.donor }),
            col('description', t('funding:inKind.description'), (r) => (
              <>
                {r.description}
                {r.grantTitle ? <div className="muted">{t('funding:inKind.forGrant', { grant: r.grantTitle })}</div> : null}
                {r.aidMovementId !== null ? <div className="muted">{t('funding:aidTakeIn.fromAid')}</div> : null}
                {r.aidCorrected ? <div className="fd-warning-text">{t('funding:aidTakeIn.receiptCorrected')}</div> : null}
              </>
            )),
            col('value', t('funding:inKind.value'), (r) => fmt.money(r.valueMinor, r.currency), { value: (r) => r.valueMinor, align: 'num' }),
            col(
              'actions',
              <span className="visually-hidden">{t('funding:grant.actions')}</span>,
              (r) =>
                r.generated ? (
                  <span className="muted">{t('funding:inKind.generated')}</span>
                ) : (
                  <>
                    <button type="button" className="small" onClick={() => setEditing(r)}>
                      {t('funding:rent.edit')}
                    </button>
                    <ConfirmButton
                      size="small"
                      label={t('funding:inKind.delete')}
                      question={t('funding:inKind.confirmDelete')}
                      confirmLabel={t('funding:inKind.delete')}
                      busy={remove.isPending}
                      onAsk={() => setFailure(null)}
                      onConfirm={() => remove.mutateAsync({ id: r.id }).catch((err: unknown) => setFailure(text.error(err)))}
                    />
                  </>
                ),
              { className: 'fd-row-actions' },
            ),
          ])(columnsOf<InKindView>(list.data))}
        />
      </section>
    </div>
  );
}

function RateCard({ currency }: { currency: string }) {
  const { t } = useTranslation(['funding', 'common']);
  const rate = useCall('inKind.rate', {});
  const set = useMutate('inKind.setRate');
  const [value, setValue] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = value ?? rate.data?.rateMinor ?? null;
  const submit = async () => {
    if (shown === null) return;
    await set.mutateAsync({ rateMinor: shown });
    setSaved(true);
  };
  return (
    <KeyForm className="card fd-rate" onSubmit={submit}>
      <MoneyField
        label={t('funding:inKind.rate')}
        hint={t('funding:inKind.rateHint')}
        currency={currency}
        value={shown}
        allowZero
        onChange={(v) => {
          setValue(v);
          setSaved(false);
        }}
      />
      <button type="submit" className="primary" disabled={set.isPending}>
        {t('funding:inKind.saveRate')}
      </button>
      {saved ? (
        <span role="status" className="fd-saved">
          {t('funding:saved')}
        </span>
      ) : null}
    </KeyForm>
  );
}

interface InKindValues {
  date: string;
  kind: ManualInKindKind;
  donor: string;
  description: string;
  valueMinor: number | null;
  grantId: number | null;
}

/** An in-kind contribution (new or changed), checked with inKind.create's schema (inKind.update wraps the same in { id, data }). */
function InKindForm({ row, today, currency, onDone }: { row: InKindView | null; today: string; currency: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const grants = useCall('grants.list', {});
  const create = useMutate('inKind.create');
  const update = useMutate('inKind.update');
  const f = useCallForm({
    call: 'inKind.create',
    defaultValues: {
      date: row?.date ?? today,
      kind: row && row.kind !== 'rentDiscount' ? row.kind : 'goods',
      donor: row?.donor ?? '',
      description: row?.description ?? '',
      valueMinor: row?.valueMinor ?? null,
      grantId: row?.grantId ?? null,
    } as InKindValues,
    // null goes to the schema as it is: its own message names the field.
    toInput: (v: InKindValues) => v as unknown as CallInput<'inKind.create'>,
    onCancel: onDone,
    onSubmit: async (data) => {
      if (row) await update.mutateAsync({ id: row.id, data });
      else await create.mutateAsync(data);
      onDone();
    },
  });
  const { register, control } = f.form;

  return (
    <KeyForm className="fd-form" aria-label={t('funding:inKind.add')} onSubmit={f.submit} onCancel={f.cancel}>
      <RequiredLegend />
      <div className="fd-grid">
        <fieldset className="radios fd-span-2">
          <legend>{t('funding:inKind.kind')}</legend>
          {MANUAL_IN_KIND_KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" value={k} {...register('kind')} />
              <span>{t(`funding:inKind.kinds.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <Field label={t('funding:inKind.date')} error={f.error('date')} required>
              {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
            </Field>
          )}
        />
        <Controller
          control={control}
          name="valueMinor"
          render={({ field }) => (
            <MoneyField label={t('funding:inKind.value')} currency={currency} value={field.value} onChange={field.onChange} error={f.error('valueMinor')} required />
          )}
        />
        <Field label={t('funding:inKind.description')} error={f.error('description')} className="fd-span-2" required>
          {(p) => <input {...p} {...register('description')} autoFocus />}
        </Field>
        <Field label={t('funding:inKind.donor')} error={f.error('donor')}>
          {(p) => <input {...p} {...register('donor')} />}
        </Field>
        <Field label={t('funding:inKind.grant')} error={f.error('grantId')}>
          {(p) => (
            <select {...p} {...register('grantId', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}>
              <option value="">{t('funding:inKind.noGrant')}</option>
              {(grants.data ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {f.notice}
      <SaveCancel onCancel={f.cancel ?? onDone} className="actions fd-form-actions" />
    </KeyForm>
  );
}
