import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_UNIT, UNITS, type PricedKind, type Unit } from '../../../shared/domain/till';
import { isOneOf, MONEY } from '../../../shared/api/roles';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
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

interface PriceValues {
  priceMinor: number | null;
  unit: Unit;
}

/** A kind's price from now on, checked with till.setPrice's own schema (a price is required). */
function PriceForm({ kind, currency, onDone }: { kind: PricedKind | null; currency: string; onDone: () => void }) {
  const { t } = useTranslation(['till', 'common']);
  const text = useTillText();
  const setPrice = useMutate('till.setPrice');
  const f = useCallForm({
    call: 'till.setPrice',
    defaultValues: { priceMinor: kind?.current?.priceMinor ?? null, unit: kind?.current?.unit ?? DEFAULT_UNIT[kind?.kindCode ?? ''] ?? 'piece' } as PriceValues,
    toInput: (v: PriceValues) => ({ kindId: kind?.kindId as number, priceMinor: v.priceMinor as number, unit: v.unit }),
    onCancel: onDone,
    onSubmit: async (input) => {
      await setPrice.mutateAsync(input);
      onDone();
    },
  });
  const { control, register, clearErrors } = f.form;
  if (!kind) return null;

  return (
    <KeyForm className="card till-price-form" aria-labelledby="till-price-title" onSubmit={f.submit} onCancel={f.cancel}>
      <h2 id="till-price-title">{t('till:prices.formTitle', { kind: text.kind(kind) })}</h2>
      <RequiredLegend />
      <div className="form-grid">
        <Controller
          control={control}
          name="priceMinor"
          render={({ field }) => (
            <MoneyField
              label={t('till:prices.amount')}
              currency={currency}
              value={field.value}
              autoFocus
              required
              error={f.error('priceMinor')}
              hint={t('till:prices.amountHint')}
              onChange={(minor) => {
                field.onChange(minor);
                clearErrors('priceMinor');
              }}
            />
          )}
        />
        <Field label={t('till:prices.unit')} error={f.error('unit')}>
          {(p) => (
            <select {...p} {...register('unit', { onChange: () => clearErrors('unit') })}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {text.per(u)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="field-hint">{t('till:prices.keepsOld')}</p>
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={setPrice.isPending || f.saving}>
          {t('till:prices.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}
