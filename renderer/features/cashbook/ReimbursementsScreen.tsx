import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingAdvance } from '../../../shared/domain/cashbook';
import { useCall, useMutate } from '../../app/api';
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
      <table className="data-table cb-advances">
        <caption className="visually-hidden">{t('cashbook:nav.reimbursements')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cashbook:reimburse.volunteer')}</th>
            <th scope="col">{t('cashbook:reimburse.task')}</th>
            <th scope="col">{t('cashbook:list.date')}</th>
            <th scope="col" className="num">
              {t('cashbook:list.amount')}
            </th>
            <th scope="col">{t('cashbook:form.category')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('cashbook:list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.data.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty">
                {t('cashbook:reimburse.empty')}
              </td>
            </tr>
          ) : null}
          {pending.data.map((a) => (
            <tr key={a.id}>
              <td>{a.volunteerName}</td>
              <td>
                {kindLabel(a)}
                <div className="muted small-text">{a.residentName}</div>
                {a.note ? <div className="muted small-text">{a.note}</div> : null}
              </td>
              <td className="nowrap">{fmt.date(a.date)}</td>
              <td className="num nowrap cb-strong">{fmt.money(a.amountMinor, a.currency)}</td>
              <td>{t(`cashbook:categories.${a.suggestedCategoryCode}`)}</td>
              <td>
                <button type="button" className="small primary" disabled={settle.isPending || !chosen} onClick={() => void pay(a)} aria-label={t('cashbook:reimburse.payOf', { name: a.volunteerName, amount: fmt.money(a.amountMinor, a.currency) })}>
                  {t('cashbook:reimburse.pay')}
                </button>
                {failure?.id === a.id ? (
                  <div role="alert" className="field-error">
                    {failure.message}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
