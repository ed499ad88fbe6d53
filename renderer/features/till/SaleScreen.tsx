import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY, PAYMENT_KEYS, PAYMENTS, saleInputSchema, saleTotal, type Payment, type Sale } from '../../../shared/domain/till';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { wholeNumber } from '../../ui/formNumbers';
import { setterOf } from '../../ui/PanelForm';
import { useCallForm } from '../../ui/useCallForm';
import { ResidentPicker } from '../requests/ResidentPicker';
import { useTillText } from './tillText';
import { KindCombo } from './KindCombo';
import { takeCarried } from './carry';

/** C (cash) and K (card) by key position, so they work on Cyrillic and Greek layouts too. */
function paymentKey(e: KeyboardEvent): Payment | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.code === 'KeyC') return 'cash';
  if (e.code === 'KeyK') return 'card';
  return null;
}

interface SaleValues {
  /** The paid kind picked in the type-ahead; null until one is. */
  kindId: number | null;
  /** As typed: read with the one number reader (not a whole number goes as NaN, refused by till.sell's schema). */
  quantity: string;
  payment: Payment;
  resident: Pick<ResidentSummary, 'id' | 'fullName'> | null;
}

/** A new sale: nothing picked, one of it, cash, nobody named. */
const NEW_SALE: SaleValues = { kindId: null, quantity: '1', payment: 'cash', resident: null };

/**
 * A sale in a few keystrokes: the kind (type-ahead, focused), the quantity (1), optionally the
 * resident, cash or card (C/K), Enter. Checked with till.sell's own input schema; the total is
 * computed as you type; the receipt opens next.
 */
export function SaleScreen() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const navigate = useNavigate();
  /** Letters typed on the receipt right after the last sale: they start this sale's service. */
  const cameTyping = (useLocation().state as { typed?: boolean } | null)?.typed === true;
  const [carried, setCarried] = useState<string | undefined>(undefined);
  const prices = useCall('till.prices', {});
  const sell = useMutate('till.sell');
  const [withResident, setWithResident] = useState(false);
  const kindRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);

  // Focused in the commit that shows the till (a layout effect), so that no letter typed while the
  // receipt gives way falls on nothing; the receipt keeps the letters until its own listener is
  // gone, then they are taken here (a passive effect runs after the receipt's clean-up).
  useLayoutEffect(() => {
    kindRef.current?.focus();
  }, []);
  useEffect(() => {
    if (!cameTyping) return;
    const letters = takeCarried();
    // The receipt's buffer is outside React: read once it can no longer grow.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (letters !== '') setCarried(letters);
  }, [cameTyping]);

  const f = useCallForm({
    call: 'till.sell',
    defaultValues: NEW_SALE,
    toInput: (v: SaleValues) => ({
      kindId: v.kindId ?? Number.NaN,
      quantity: wholeNumber(v.quantity, Number.NaN),
      residentId: v.resident?.id ?? null,
      payment: v.payment,
    }),
    fieldOf: (path) => (path === 'kindId' || path === 'quantity' ? path : path === 'residentId' ? 'resident' : null),
    onSubmit: async (input) => {
      const receipt = await sell.mutateAsync(input);
      void navigate(`/till/receipt/${receipt.sale.id}`, { state: { fromSale: true } });
    },
    // The focus goes where the first message is: the kind, else the quantity.
    onInvalid: (errors) => (errors.kindId ? kindRef.current?.focus() : quantityRef.current?.focus()),
    // The receipt opens next; the till it gives back to starts a new sale (kind, quantity, resident typed again).
    afterSave: () => NEW_SALE,
  });
  const [kindId, quantityText, payment, resident] = f.form.watch(['kindId', 'quantity', 'payment', 'resident']);
  const set = setterOf(f.form);

  const kinds = (prices.data?.kinds ?? []).filter((k) => !k.archived).sort((a, b) => text.kind(a).localeCompare(text.kind(b)));
  const chosen = kinds.find((k) => k.kindId === kindId) ?? null;
  const price = chosen?.current ?? null;
  const quantity = wholeNumber(quantityText, Number.NaN);
  // The total of a quantity that till.sell would take, as it is typed.
  const quantityOk = saleInputSchema.shape.quantity.safeParse(quantity).success;
  const total = price && quantityOk ? saleTotal(price.priceMinor, quantity) : null;
  const currency = prices.data?.currency ?? 'EUR';
  // Nothing picked: the till's own words (the schema refuses the missing id with zod's).
  const kindError = f.error('kindId') !== undefined && kindId === null ? 'till:sale.chooseKindError' : f.error('kindId');
  // Typed but not a sale's quantity: the till's own sentence, which says what it takes (1 to MAX_QUANTITY).
  const quantityMessage = f.missingOr('quantity');
  const quantityError = quantityMessage === undefined || quantityMessage === 'validation.required' ? quantityMessage : 'till:sale.quantityError';

  /** A kind without a price cannot be sold: its message is shown already, the focus goes back to it. */
  const sellNow = () => {
    if (chosen && !price) {
      kindRef.current?.focus();
      return;
    }
    void f.submit();
  };

  return (
    <div className="till">
      <div className="till-grid">
        <KeyForm className="card till-sale" aria-labelledby="till-sale-title" onSubmit={sellNow}>
          {/* The till's own keys: C / K for the payment anywhere but in a list, Enter sells from any field. */}
          <div
            className="till-sale-keys"
            onKeyDown={(e) => {
              if (e.defaultPrevented) return;
              const target = e.target as HTMLElement;
              const typing = target.tagName === 'SELECT' || target.getAttribute('role') === 'combobox' || target.tagName === 'TEXTAREA';
              const key = paymentKey(e);
              if (key && (e.altKey || !typing)) {
                e.preventDefault();
                set('payment')(key);
                return;
              }
              if (e.key === 'Enter' && target.tagName !== 'BUTTON') {
                e.preventDefault();
                sellNow();
              }
            }}
          >
            <h2 id="till-sale-title">{t('till:sale.title')}</h2>
            <div className={`field ${kindError ? 'field-invalid' : ''}`}>
              <label htmlFor="till-kind">{t('till:sale.kind')}</label>
              <KindCombo
                ref={kindRef}
                kinds={kinds}
                value={kindId}
                invalid={kindError !== undefined || (chosen !== null && !price)}
                initialTyped={carried}
                onPick={(id) => {
                  set('kindId')(id);
                  const next = kinds.find((k) => k.kindId === id);
                  if (next?.current) quantityRef.current?.focus();
                }}
              />
              {chosen && !price ? (
                <div className="field-error" role="alert">
                  {t('till:sale.noPrice')}
                </div>
              ) : kindError ? (
                <div className="field-error" role="alert">
                  {fieldText(t, kindError)}
                </div>
              ) : null}
            </div>
            <div className="till-row">
              <Field label={t('till:sale.quantity')} error={quantityError} errorValues={{ max: MAX_QUANTITY }} className="till-quantity">
                {(p) => (
                  <input
                    {...p}
                    ref={quantityRef}
                    inputMode="numeric"
                    autoComplete="off"
                    value={quantityText}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => set('quantity')(e.target.value)}
                  />
                )}
              </Field>
              <fieldset className="radios till-payment">
                <legend>{t('till:sale.payment')}</legend>
                {PAYMENTS.map((p) => (
                  <label key={p} className="radio">
                    <input type="radio" name="payment" value={p} checked={payment === p} onChange={() => set('payment')(p)} />
                    <span>{t(`till:payments.${p}`)}</span>
                    <kbd aria-hidden="true">{PAYMENT_KEYS[p]}</kbd>
                  </label>
                ))}
              </fieldset>
            </div>
            {resident ? (
              <div className="picked">
                <span className="field-label">{t('till:sale.resident')}</span>
                <strong>{resident.fullName}</strong>
                <button type="button" className="small" onClick={() => set('resident')(null)}>
                  {t('till:sale.removeResident')}
                </button>
              </div>
            ) : withResident ? (
              <ResidentPicker
                label={t('till:sale.resident')}
                autoFocus
                onPick={(r) => {
                  set('resident')({ id: r.id, fullName: r.fullName });
                  setWithResident(false);
                  quantityRef.current?.focus();
                }}
              />
            ) : (
              <button type="button" className="small till-add-resident" onClick={() => setWithResident(true)}>
                {t('till:sale.addResident')}
              </button>
            )}
            <div className="till-total" aria-live="polite">
              <span>{t('till:sale.total')}</span>
              <output aria-label={t('till:sale.total')}>{total !== null ? format.money(total, currency) : '—'}</output>
              {total !== null && price ? (
                <span className="muted till-total-detail">
                  {t('till:sale.totalDetail', { quantity: text.quantity(price.unit, quantity), price: format.money(price.priceMinor, price.currency) })}
                </span>
              ) : null}
            </div>
            {f.notice}
            <div className="actions">
              <button type="submit" className="primary big" disabled={sell.isPending || f.saving || (chosen !== null && !price)}>
                {t('till:sale.sell')}
              </button>
              <span className="field-hint">{t('till:sale.keys')}</span>
            </div>
          </div>
        </KeyForm>
        <TodaySales />
      </div>
    </div>
  );
}

/** Today's sales with their reversals; a sale is corrected only by reversing it. */
function TodaySales() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const navigate = useNavigate();
  const day = useCall('till.day', {});
  const reverse = useMutate('till.reverse');
  const sales = [...(day.data?.sales ?? [])].reverse();
  const canReverse = (s: Sale) => s.reversesSaleId === null && s.reversedBySaleId === null;
  return (
    <section className="card till-today" aria-labelledby="till-today-title">
      <h2 id="till-today-title">
        {t('till:today.title')}
        {day.data ? <span className="count">{format.money(day.data.totalMinor, day.data.currency)}</span> : null}
      </h2>
      <ErrorNotice error={day.error ?? reverse.error} />
      {day.data ? (
        <DataTable
          className="till-sales"
          data={sales}
          caption={t('till:today.title')}
          empty={t('till:today.empty')}
          rowKey={(s) => String(s.id)}
          rowClass={(s) => (s.reversesSaleId !== null || s.reversedBySaleId !== null ? 'till-reversed' : undefined)}
          // Enter (or a click) on a sale opens its receipt.
          onOpen={(s) => void navigate(`/till/receipt/${s.id}`)}
          columns={((col) => [
            col(
              'time',
              t('till:today.time'),
              (s) => (
                <>
                  {format.time(s.soldAt)}
                  <div className="muted small-text">{t('till:receipt.numberShort', { number: s.receiptNo })}</div>
                </>
              ),
              { value: (s) => s.soldAt, className: 'nowrap' },
            ),
            col(
              'what',
              t('till:today.what'),
              (s) => (
                <>
                  <strong>{text.kind(s)}</strong> · {text.quantity(s.unit, Math.abs(s.quantity))}
                  <div className="muted small-text">
                    {t(`till:payments.${s.payment}`)}
                    {s.residentName ? ` · ${s.residentName}` : ''}
                    {s.reversesSaleId !== null ? ` · ${t('till:today.reversalOf', { number: String(s.reversesSaleId).padStart(6, '0') })}` : ''}
                    {s.reversedBySaleId !== null ? ` · ${t('till:today.reversed')}` : ''}
                  </div>
                </>
              ),
              { value: (s) => text.kind(s) },
            ),
            col('total', t('till:today.total'), (s) => format.money(s.totalMinor, s.currency), { value: (s) => s.totalMinor, align: 'num' }),
            col(
              'actions',
              <span className="visually-hidden">{t('till:today.actions')}</span>,
              (s) => (
                <div className="row-actions">
                  <button type="button" className="small" onClick={() => void navigate(`/till/receipt/${s.id}`)}>
                    {t('till:today.receipt')}
                  </button>
                  {canReverse(s) ? (
                    <ConfirmButton
                      size="small"
                      label={t('till:today.reverse')}
                      confirmLabel={t('till:today.confirmReverse')}
                      busy={reverse.isPending}
                      onConfirm={() => reverse.mutateAsync({ saleId: s.id }).catch(() => undefined)}
                    />
                  ) : null}
                </div>
              ),
              { className: 'nowrap' },
            ),
          ])(columnsOf(sales))}
        />
      ) : day.isLoading ? (
        <p className="loading">{t('common:loading')}</p>
      ) : null}
    </section>
  );
}
