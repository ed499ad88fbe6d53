import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/domain/dates';
import type { LeaseView, RentChargeView } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { useCentre, useFundingText } from './fundingText';
import { FormFailure, KeyForm, SaveCancel, useFormErrors } from './FundingForm';
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

function LeaseForm({ lease, today, onDone }: { lease: LeaseView | null; today: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const accounts = useCall('accounts.list', { includeArchived: false });
  const centre = useCentre();
  const create = useMutate('rent.createLease');
  const update = useMutate('rent.updateLease');
  const [landlord, setLandlord] = useState(lease?.landlord ?? '');
  const [premises, setPremises] = useState(lease?.premises ?? '');
  const [market, setMarket] = useState<number | null>(lease?.marketRentMinor ?? null);
  const [paid, setPaid] = useState<number | null>(lease?.paidRentMinor ?? null);
  const [dueDay, setDueDay] = useState(String(lease?.dueDay ?? 5));
  const [startsOn, setStartsOn] = useState(lease?.startsOn ?? `${today.slice(0, 7)}-01`);
  const [endsOn, setEndsOn] = useState(lease?.endsOn ?? '');
  const [accountId, setAccountId] = useState<number | null>(lease?.accountId ?? null);
  const [note, setNote] = useState(lease?.note ?? '');
  const { errors, failure, attempt } = useFormErrors();
  const currency = lease?.currency ?? accounts.data?.find((a) => a.id === accountId)?.currency ?? centre?.currency ?? 'RUB';

  const submit = async () => {
    const next: Record<string, string> = {};
    if (landlord.trim() === '') next.landlord = 'validation.required';
    if (premises.trim() === '') next.premises = 'validation.required';
    if (market === null) next.marketRentMinor = 'validation.required';
    if (paid === null) next.paidRentMinor = 'validation.required';
    const day = /^\d{1,2}$/.test(dueDay.trim()) ? Number(dueDay) : NaN;
    if (!(day >= 1 && day <= 28)) next.dueDay = 'validation.range';
    if (!isIsoDate(startsOn)) next.startsOn = 'validation.date';
    if (endsOn !== '' && !isIsoDate(endsOn)) next.endsOn = 'validation.date';
    else if (endsOn !== '' && endsOn < startsOn) next.endsOn = 'validation.dateOrder';
    const data = { landlord, premises, marketRentMinor: market ?? 0, paidRentMinor: paid ?? 0, dueDay: day, startsOn, endsOn: endsOn === '' ? null : endsOn, accountId, note };
    await attempt(next, async () => {
      if (lease) await update.mutateAsync({ id: lease.id, data });
      else await create.mutateAsync(data);
      onDone();
    });
  };

  return (
    <KeyForm className="fd-form fd-lease-form" aria-label={lease ? t('funding:rent.editLease') : t('funding:rent.newLease')} onSubmit={submit} onCancel={onDone}>
      <div className="fd-grid">
        <Field label={t('funding:rent.landlord')} error={errors.landlord} className="fd-span-2">
          {(p) => <input {...p} autoFocus value={landlord} onChange={(e) => setLandlord(e.target.value)} />}
        </Field>
        <Field label={t('funding:rent.premises')} error={errors.premises} className="fd-span-2">
          {(p) => <input {...p} value={premises} onChange={(e) => setPremises(e.target.value)} />}
        </Field>
        <MoneyField label={t('funding:rent.market')} currency={currency} value={market} onChange={setMarket} allowZero error={errors.marketRentMinor} />
        <MoneyField label={t('funding:rent.paid')} currency={currency} value={paid} onChange={setPaid} allowZero error={errors.paidRentMinor} />
        <Field label={t('funding:rent.dueDay')} error={errors.dueDay} hint={t('funding:rent.dueDayHint')}>
          {(p) => <input {...p} inputMode="numeric" value={dueDay} onChange={(e) => setDueDay(e.target.value)} />}
        </Field>
        <Field label={t('funding:rent.account')} error={errors.accountId}>
          {(p) => (
            <select {...p} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('funding:rent.noAccount')}</option>
              {(accounts.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('funding:rent.startsOn')} error={errors.startsOn}>
          {(p) => <DateInput {...p} value={startsOn} onChange={setStartsOn} />}
        </Field>
        <Field label={t('funding:rent.endsOn')} error={errors.endsOn}>
          {(p) => <DateInput {...p} value={endsOn} onChange={setEndsOn} />}
        </Field>
        <Field label={t('funding:rent.note')} className="fd-span-2">
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <FormFailure failure={failure} />
      <SaveCancel onCancel={onDone} className="actions fd-form-actions">        <span className="muted">{t('funding:rent.generatedHint')}</span>      </SaveCancel>
    </KeyForm>
  );
}
