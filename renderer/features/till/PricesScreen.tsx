import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_UNIT, UNITS, type PricedKind, type Unit } from '../../../shared/domain/till';
import { isOneOf, MONEY } from '../../../shared/api/roles';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { useTillText } from './tillText';

/** The price list: each paid kind's current price and unit, its history; the treasurer sets prices. */
export function PricesScreen() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const status = useCall('app.status', {});
  const prices = useCall('till.prices', {});
  const [editing, setEditing] = useState<number | null>(null);
  const canEdit = status.data ? isOneOf(MONEY, status.data.user.role) : false;
  const kinds = prices.data?.kinds ?? [];
  return (
    <div className="till-prices">
      <p className="lead">{canEdit ? t('till:prices.leadEdit') : t('till:prices.leadRead')}</p>
      <ErrorNotice error={prices.error} />
      <DataTable
        data={kinds}
        caption={t('till:prices.kind')}
        empty={t('till:prices.noPaidKinds')}
        rowKey={(k) => String(k.kindId)}
        columns={((col) => [
          col(
            'kind',
            t('till:prices.kind'),
            (k) => (
              <>
                {text.kind(k)}
                {k.archived ? <span className="badge">{t('till:prices.archived')}</span> : null}
              </>
            ),
            { value: (k) => text.kind(k), rowHeader: true },
          ),
          col(
            'price',
            t('till:prices.price'),
            (k) =>
              k.current ? (
                t('till:prices.perUnit', { price: format.money(k.current.priceMinor, k.current.currency), per: text.per(k.current.unit) })
              ) : (
                <span className="till-no-price">{t('till:prices.none')}</span>
              ),
            { value: (k) => k.current?.priceMinor, align: 'num' },
          ),
          col('since', t('till:prices.since'), (k) => (k.current ? format.dateTime(k.current.validFrom) : '—'), { value: (k) => k.current?.validFrom, className: 'nowrap' }),
          col('history', t('till:prices.history'), (k) =>
            k.history.length > 1 ? (
              <details>
                <summary>{t('till:prices.earlier', { count: k.history.length - 1 })}</summary>
                <ul className="till-history">
                  {k.history.slice(1).map((h) => (
                    <li key={h.id}>
                      {t('till:prices.historyLine', {
                        price: t('till:prices.perUnit', { price: format.money(h.priceMinor, h.currency), per: text.per(h.unit) }),
                        date: format.dateTime(h.validFrom),
                        who: h.setBy,
                      })}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <span className="muted">{t('till:prices.noHistory')}</span>
            )
          ),
          ...(canEdit
            ? [
                col('actions', <span className="visually-hidden">{t('till:today.actions')}</span>, (k) =>
                  !k.archived ? (
                    <button type="button" className="small" onClick={() => setEditing(k.kindId)} aria-label={t('till:prices.setFor', { kind: text.kind(k) })}>
                      {t('till:prices.set')}
                    </button>
                  ) : null,
                ),
              ]
            : []),
        ])(columnsOf<PricedKind>(kinds))}
      />
      {canEdit && editing !== null && prices.data ? (
        <PriceForm key={editing} kind={kinds.find((k) => k.kindId === editing) ?? null} currency={prices.data.currency} onDone={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

function PriceForm({ kind, currency, onDone }: { kind: PricedKind | null; currency: string; onDone: () => void }) {
  const { t } = useTranslation(['till', 'common']);
  const text = useTillText();
  const setPrice = useMutate('till.setPrice');
  const [priceMinor, setPriceMinor] = useState<number | null>(kind?.current?.priceMinor ?? null);
  const [unit, setUnit] = useState<Unit>(kind?.current?.unit ?? DEFAULT_UNIT[kind?.kindCode ?? ''] ?? 'piece');
  const [error, setError] = useState<string | undefined>(undefined);
  if (!kind) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (priceMinor === null) {
      setError('validation.required');
      return;
    }
    setError(undefined);
    try {
      await setPrice.mutateAsync({ kindId: kind.kindId, priceMinor, unit });
      onDone();
    } catch {
      // Shown below.
    }
  };

  return (
    <form
      className="card till-price-form"
      noValidate
      aria-labelledby="till-price-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <h2 id="till-price-title">{t('till:prices.formTitle', { kind: text.kind(kind) })}</h2>
      <div className="form-grid">
        <MoneyField
          label={t('till:prices.amount')}
          currency={currency}
          value={priceMinor}
          autoFocus
          error={error}
          hint={t('till:prices.amountHint')}
          onChange={(minor) => {
            setPriceMinor(minor);
            if (minor !== null) setError(undefined);
          }}
        />
        <div className="field">
          <label htmlFor="till-price-unit">{t('till:prices.unit')}</label>
          <select id="till-price-unit" value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {text.per(u)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="field-hint">{t('till:prices.keepsOld')}</p>
      <ErrorNotice error={setPrice.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={setPrice.isPending}>
          {t('till:prices.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
