import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingAdvance } from '../../../shared/domain/cashbook';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { useFormat } from '../../ui/format';
import { useCashbookText, useCentre } from './cashbookText';

/** Money volunteers advanced on tasks, to reimburse: one click posts the expense and settles the advance. */
export function ReimbursementsScreen() {
  const { t } = useTranslation(['cashbook', 'common', 'catalogue']);
  const fmt = useFormat();
  const text = useCashbookText();
  const centre = useCentre();
  const pending = useCall('cashbook.pendingAdvances', {});
  const accounts = useCall('accounts.list', {});
  const settle = useMutate('cashbook.settleAdvance');
  const [accountId, setAccountId] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);

  if (!centre || !pending.data || !accounts.data) return <p className="loading">{t('common:loading')}</p>;
  const usable = accounts.data;
  const chosen = usable.find((a) => a.id === accountId) ?? usable.find((a) => a.kind === 'cash' && a.currency === centre.currency) ?? usable[0] ?? null;

  const pay = async (a: PendingAdvance) => {
    if (!chosen) return;
    setFailure(null);
    try {
      const entry = await settle.mutateAsync({ id: a.id, accountId: chosen.id });
      setDone(t('cashbook:reimburse.done', { name: a.volunteerName, amount: fmt.money(a.amountMinor, a.currency), account: entry.accountName }));
    } catch (err) {
      setFailure({ id: a.id, message: text.error(err) });
    }
  };

  const kindLabel = (a: PendingAdvance) => (a.kindCode !== null ? t(`catalogue:kinds.${a.kindCode}`, { defaultValue: a.kindName ?? a.kindCode }) : (a.kindName ?? ''));

  return (
    <>
      <p className="lead">{t('cashbook:reimburse.lead')}</p>
      <div className="filters">
        <label>
          {t('cashbook:reimburse.fromAccount')}
          <select value={chosen?.id ?? ''} onChange={(e) => setAccountId(Number(e.target.value))}>
            {usable.map((a) => (
              <option key={a.id} value={a.id}>
                {t('cashbook:form.accountOption', { name: a.name, currency: a.currency })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {done ? (
        <div className="notice notice-success" role="status">
          {done}
        </div>
      ) : null}
      <DataTable
        className="cb-advances"
        data={pending.data}
        caption={t('cashbook:nav.reimbursements')}
        empty={t('cashbook:reimburse.empty')}
        rowKey={(a) => String(a.id)}
        columns={((col) => [
          col('volunteer', t('cashbook:reimburse.volunteer'), (a) => a.volunteerName, { value: (a) => a.volunteerName }),
          col('task', t('cashbook:reimburse.task'), (a) => (
            <>
              {kindLabel(a)}
              <div className="muted small-text">{a.residentName}</div>
              {a.note ? <div className="muted small-text">{a.note}</div> : null}
            </>
          )),
          col('date', t('cashbook:list.date'), (a) => fmt.date(a.date), { value: (a) => a.date, className: 'nowrap' }),
          col('amount', t('cashbook:list.amount'), (a) => fmt.money(a.amountMinor, a.currency), { value: (a) => a.amountMinor, align: 'num', className: 'cb-strong' }),
          col('category', t('cashbook:form.category'), (a) => t(`cashbook:categories.${a.suggestedCategoryCode}`)),
          col('actions', <span className="visually-hidden">{t('cashbook:list.actions')}</span>, (a) => (
            <>
              <button type="button" className="small primary" disabled={settle.isPending || !chosen} onClick={() => void pay(a)} aria-label={t('cashbook:reimburse.payOf', { name: a.volunteerName, amount: fmt.money(a.amountMinor, a.currency) })}>
                {t('cashbook:reimburse.pay')}
              </button>
              {failure?.id === a.id ? (
                <div role="alert" className="field-error">
                  {failure.message}
                </div>
              ) : null}
            </>
          )),
        ])(columnsOf(pending.data))}
      />
    </>
  );
}
