import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../../shared/domain/aid';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { useFormat } from '../../ui/format';
import { useFundingText } from './fundingText';
import { FormFailure } from './FundingForm';

/**
 * Aid received with a value (aid.receive) that the in-kind ledger does not hold yet: the treasurer
 * takes each one in as donated goods (its donor, date, value, the item and quantity as its text),
 * optionally for a grant as co-financing. Each row's Take-in button is a plain button (Tab, Enter).
 */
export function AidTakeIn() {
  const { t } = useTranslation(['funding', 'aid', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const list = useCall('inKind.aidToTakeIn', {});
  const grants = useCall('grants.list', {});
  const takeIn = useMutate('inKind.takeInAid');
  const [grantId, setGrantId] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const receipts = list.data?.receipts ?? [];
  const what = (r: (typeof receipts)[number]) => `${itemLabel({ name: r.itemName, size: r.size })}: ${t(`aid:unit.${r.unit}`, { count: r.effective })}`;

  return (
    <section className="card" aria-labelledby="fd-aid-title">
      <div className="fd-card-head">
        <h2 id="fd-aid-title">{t('funding:aidTakeIn.title')}</h2>
        <div className="fd-aid-grant">
          <label htmlFor="fd-aid-grant">{t('funding:inKind.grant')}</label>{' '}
          <select id="fd-aid-grant" value={grantId ?? ''} onChange={(e) => setGrantId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('funding:inKind.noGrant')}</option>
            {(grants.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted">{t('funding:aidTakeIn.hint')}</p>
      <FormFailure failure={failure} />
      {done ? (
        <p role="status" className="fd-saved">
          {done}
        </p>
      ) : null}
      <DataTable
        className="fd-table"
        data={receipts}
        caption={t('funding:aidTakeIn.title')}
        empty={list.data ? t('funding:aidTakeIn.empty') : t('common:loading')}
        rowKey={(r) => String(r.movementId)}
        columns={((col) => [
          col('date', t('funding:inKind.date'), (r) => fmt.date(r.on), { value: (r) => r.on }),
          col('description', t('funding:inKind.description'), (r) => (
            <>
              {what(r)}
              {r.corrected ? <div className="fd-warning-text">{t('funding:aidTakeIn.corrected', { recorded: t(`aid:unit.${r.unit}`, { count: r.quantity }) })}</div> : null}
            </>
          )),
          col('donor', t('funding:inKind.donor'), (r) => r.fromWhom, { value: (r) => r.fromWhom }),
          col('value', t('funding:inKind.value'), (r) => fmt.money(r.valueMinor, r.currency), { value: (r) => r.valueMinor, align: 'num' }),
          col(
            'actions',
            <span className="visually-hidden">{t('funding:grant.actions')}</span>,
            (r) => (
          <button
            type="button"
            className="small"
            disabled={takeIn.isPending}
            aria-label={t('funding:aidTakeIn.takeInLabel', { what: what(r) })}
            onClick={() => {
              setFailure(null);
              setDone(null);
              takeIn
                .mutateAsync({ movementId: r.movementId, grantId, description: what(r) })
                .then(() => setDone(t('funding:aidTakeIn.done', { what: what(r) })))
                .catch((err: unknown) => setFailure(text.error(err)));
            }}
          >
            {t('funding:aidTakeIn.takeIn')}
          </button>
            ),
            { className: 'fd-row-actions' },
          ),
        ])(columnsOf(receipts))}
      />
      {list.data && list.data.total > receipts.length ? <p className="muted">{t('funding:aidTakeIn.more', { count: list.data.total - receipts.length })}</p> : null}
    </section>
  );
}
