import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { LeaseView, RentChargeView } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { useCentre, useFundingText } from './fundingText';
import { FormFailure, KeyForm, SaveCancel } from './FundingForm';
import { DateInput } from '../../ui/DateInput';

/** Leases, the monthly rent due (generated), the overdue months and paying them. */
export function RentScreen() {
  const { t } = useTranslation(['funding', 'common']);
  const centre = useCentre();
  const overview = useCall('rent.overview', {});
  const fmt = useFormat();
  const text = useFundingText();
  const pay = useMutate('rent.pay');
  const cancel = useMutate('rent.cancelPayment');
  const [editing, setEditing] = useState<LeaseView | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const accounts = useCall('accounts.list', { includeArchived: false });
  // null: each lease's own paying account.
  const [payFrom, setPayFrom] = useState<number | null>(null);

  if (!centre || !overview.data) return <p className="loading">{t('common:loading')}</p>;
  const o = overview.data;
  const act = async (fn: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await fn();
    } catch (err) {
      setFailure(text.error(err));
    }
  };
  const month = (c: RentChargeView) => text.month(c.monthKey);

  return (
    <div className="fd-rent">
      <FormFailure failure={failure} />
      <section className="card" aria-labelledby="fd-overdue-title">
        <h2 id="fd-overdue-title">
          {t('funding:rent.overdueTitle')}
          {o.overdue.length > 0 ? <span className="badge fd-count">{o.overdue.length}</span> : null}
        </h2>
        <div className="actions fd-toolbar">
          <label htmlFor="fd-pay-from">{t('funding:rent.payFrom')}</label>
          <select id="fd-pay-from" value={payFrom ?? ''} onChange={(e) => setPayFrom(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('funding:rent.leaseAccount')}</option>
            {(accounts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {o.overdue.length === 0 ? (
          <p className="muted">{t('funding:rent.noOverdue')}</p>
        ) : (
          <>
            <ul className="fd-overdue-list">
              {o.overdue.map((c) => (
                <li key={c.id}>
                  <strong>{month(c)}</strong>
                  <span>{t('funding:rent.overdueDetail', { premises: c.premises, date: fmt.date(c.dueOn) })}</span>
                  <strong>{fmt.money(c.amountMinor, c.currency)}</strong>
                  <button type="button" className="small primary" onClick={() => void act(() => pay.mutateAsync(payFrom === null ? { chargeId: c.id } : { chargeId: c.id, accountId: payFrom }))} aria-label={t('funding:rent.payMonth', { month: month(c) })}>
                    {t('funding:rent.pay')}
                  </button>
                </li>
              ))}
            </ul>
            <p className="muted">{t('funding:rent.overdueTotal', { amount: fmt.money(o.overdueMinor, o.overdue[0]?.currency ?? centre.currency) })}</p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="fd-leases-title">
        <div className="fd-card-head">
          <h2 id="fd-leases-title">{t('funding:rent.leases')}</h2>
          <button type="button" onClick={() => setEditing('new')}>
            {t('funding:rent.newLease')}
          </button>
        </div>
        {editing !== null ? <LeaseForm lease={editing === 'new' ? null : editing} today={centre.today} onDone={() => setEditing(null)} /> : null}
        {o.leases.length === 0 ? (
          <p className="muted">{t('funding:rent.noLeases')}</p>
        ) : (
          <DataTable
            className="fd-table"
            data={o.leases}
            caption={t('funding:rent.leases')}
            empty={t('funding:rent.noLeases')}
            rowKey={(l) => String(l.id)}
            columns={((col) => [
              col(
                'premises',
                t('funding:rent.premises'),
                (l) => (
                  <>
                    <strong>{l.premises}</strong>
                    <div className="muted">{l.landlord}</div>
                    {l.ended ? <span className="badge fd-ended">{t('funding:rent.ended')}</span> : null}
                  </>
                ),
                { value: (l) => l.premises },
              ),
              col('market', t('funding:rent.market'), (l) => fmt.money(l.marketRentMinor, l.currency), { value: (l) => l.marketRentMinor, align: 'num' }),
              col('paid', t('funding:rent.paid'), (l) => fmt.money(l.paidRentMinor, l.currency), { value: (l) => l.paidRentMinor, align: 'num' }),
              col('dueDay', t('funding:rent.dueDay'), (l) => t('funding:rent.dueDayValue', { day: l.dueDay })),
              col(
                'period',
                t('funding:rent.period'),
                (l) => (l.endsOn ? t('funding:grants.periodValue', { from: fmt.date(l.startsOn), to: fmt.date(l.endsOn) }) : t('funding:rent.since', { date: fmt.date(l.startsOn) })),
                { value: (l) => l.startsOn },
              ),
              col('account', t('funding:rent.account'), (l) => l.accountName ?? '—'),
              col('actions', <span className="visually-hidden">{t('funding:grant.actions')}</span>, (l) => (
                <button type="button" className="small" onClick={() => setEditing(l)}>
                  {t('funding:rent.edit')}
                </button>
              )),
            ])(columnsOf<LeaseView>(o.leases))}
          />
        )}
      </section>

      <section className="card" aria-labelledby="fd-charges-title">
        <h2 id="fd-charges-title">{t('funding:rent.charges')}</h2>
        <DataTable
          className="fd-table"
          data={o.charges.slice(0, 36)}
          caption={t('funding:rent.charges')}
          empty={t('funding:rent.noCharges')}
          rowKey={(c) => String(c.id)}
          rowClass={(c) => (c.overdue ? 'fd-over' : undefined)}
          columns={((col) => [
            col('month', t('funding:rent.month'), (c) => month(c), { value: (c) => c.dueOn }),
            col('premises', t('funding:rent.premises'), (c) => c.premises, { value: (c) => c.premises }),
            col('due', t('funding:rent.due'), (c) => fmt.date(c.dueOn), { value: (c) => c.dueOn }),
            col('amount', t('funding:rent.amount'), (c) => fmt.money(c.amountMinor, c.currency), { value: (c) => c.amountMinor, align: 'num' }),
            col('discount', t('funding:rent.discount'), (c) => (c.marketMinor > c.amountMinor ? fmt.money(c.marketMinor - c.amountMinor, c.currency) : '—'), {
              value: (c) => c.marketMinor - c.amountMinor,
              align: 'num',
            }),
            col(
              'status',
              t('funding:rent.status'),
              (c) =>
                c.paidOn !== null ? (
                  <>
                    <span>{t('funding:rent.paidOn', { date: fmt.date(c.paidOn) })}</span>
                    <button type="button" className="small" onClick={() => void act(() => cancel.mutateAsync({ chargeId: c.id }))}>
                      {t('funding:rent.cancelPayment')}
                    </button>
                  </>
                ) : c.amountMinor === 0 ? (
                  <span className="muted">{t('funding:rent.free')}</span>
                ) : (
                  <>
                    <span className={c.overdue ? 'fd-negative' : 'muted'}>{c.overdue ? t('funding:rent.overdue') : t('funding:rent.unpaid')}</span>
                    <button type="button" className="small" onClick={() => void act(() => pay.mutateAsync(payFrom === null ? { chargeId: c.id } : { chargeId: c.id, accountId: payFrom }))} aria-label={t('funding:rent.payMonth', { month: month(c) })}>
                      {t('funding:rent.pay')}
                    </button>
                  </>
                ),
              { className: 'fd-row-actions' },
            ),
          ])(columnsOf<RentChargeView>(o.charges))}
        />
      </section>
    </div>
  );
}

interface LeaseValues {
  landlord: string;
  premises: string;
  marketRentMinor: number | null;
  paidRentMinor: number | null;
  dueDay: string;
  startsOn: string;
  endsOn: string;
  accountId: number | null;
  note: string;
}

/** A lease (new or changed), checked with rent.createLease's schema (rent.updateLease wraps the same in { id, data }). */
function LeaseForm({ lease, today, onDone }: { lease: LeaseView | null; today: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const accounts = useCall('accounts.list', { includeArchived: false });
  const centre = useCentre();
  const create = useMutate('rent.createLease');
  const update = useMutate('rent.updateLease');
  const f = useCallForm({
    call: 'rent.createLease',
    defaultValues: {
      landlord: lease?.landlord ?? '',
      premises: lease?.premises ?? '',
      marketRentMinor: lease?.marketRentMinor ?? null,
      paidRentMinor: lease?.paidRentMinor ?? null,
      dueDay: String(lease?.dueDay ?? 5),
      startsOn: lease?.startsOn ?? `${today.slice(0, 7)}-01`,
      endsOn: lease?.endsOn ?? '',
      accountId: lease?.accountId ?? null,
      note: lease?.note ?? '',
    } as LeaseValues,
    // null and a day that is not a number go to the schema as they are: its own messages name the fields.
    toInput: (v: LeaseValues) =>
      ({
        ...v,
        dueDay: /^\d{1,2}$/.test(v.dueDay.trim()) ? Number(v.dueDay) : NaN,
        endsOn: v.endsOn === '' ? null : v.endsOn,
      }) as unknown as CallInput<'rent.createLease'>,
    onCancel: onDone,
    onSubmit: async (data) => {
      if (lease) await update.mutateAsync({ id: lease.id, data });
      else await create.mutateAsync(data);
      onDone();
    },
  });
  const { register, control } = f.form;
  const accountId = useWatch({ control, name: 'accountId' });
  const currency = lease?.currency ?? accounts.data?.find((a) => a.id === accountId)?.currency ?? centre?.currency ?? 'RUB';
  const money = (name: 'marketRentMinor' | 'paidRentMinor', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <MoneyField label={label} currency={currency} value={field.value} onChange={field.onChange} allowZero required error={f.error(name)} />}
    />
  );
  const date = (name: 'startsOn' | 'endsOn', label: string, required: boolean) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field label={label} error={f.error(name)} required={required}>
          {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
        </Field>
      )}
    />
  );

  return (
    <KeyForm className="fd-form fd-lease-form" aria-label={lease ? t('funding:rent.editLease') : t('funding:rent.newLease')} onSubmit={f.submit} onCancel={f.cancel}>
      <RequiredLegend />
      <div className="fd-grid">
        <Field label={t('funding:rent.landlord')} error={f.error('landlord')} className="fd-span-2" required>
          {(p) => <input {...p} {...register('landlord')} autoFocus />}
        </Field>
        <Field label={t('funding:rent.premises')} error={f.error('premises')} className="fd-span-2" required>
          {(p) => <input {...p} {...register('premises')} />}
        </Field>
        {money('marketRentMinor', t('funding:rent.market'))}
        {money('paidRentMinor', t('funding:rent.paid'))}
        <Field label={t('funding:rent.dueDay')} error={f.error('dueDay')} hint={t('funding:rent.dueDayHint')} required>
          {(p) => <input {...p} {...register('dueDay')} inputMode="numeric" />}
        </Field>
        <Field label={t('funding:rent.account')} error={f.error('accountId')}>
          {(p) => (
            <select {...p} {...register('accountId', { setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)) })}>
              <option value="">{t('funding:rent.noAccount')}</option>
              {(accounts.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {date('startsOn', t('funding:rent.startsOn'), true)}
        {date('endsOn', t('funding:rent.endsOn'), false)}
        <Field label={t('funding:rent.note')} className="fd-span-2">
          {(p) => <input {...p} {...register('note')} />}
        </Field>
      </div>
      {f.notice}
      <SaveCancel onCancel={f.cancel ?? onDone} className="actions fd-form-actions">
        <span className="muted">{t('funding:rent.generatedHint')}</span>
      </SaveCancel>
    </KeyForm>
  );
}
