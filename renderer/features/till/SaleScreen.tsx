import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY, PAYMENT_KEYS, PAYMENTS, saleTotal, type Payment, type Sale } from '../../../shared/domain/till';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { useFormat } from '../../ui/format';
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

/**
 * A sale in a few keystrokes: the kind (type-ahead, focused), the quantity (1), optionally the
 * resident, cash or card (C/K), Enter. The total is computed as you type; the receipt opens next.
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
  const [kindId, setKindId] = useState<number | null>(null);
  const [quantityText, setQuantityText] = useState('1');
  const [payment, setPayment] = useState<Payment>('cash');
  const [resident, setResident] = useState<Pick<ResidentSummary, 'id' | 'fullName'> | null>(null);
  const [withResident, setWithResident] = useState(false);
  const [error, setError] = useState<string | null>(null);
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

  const kinds = (prices.data?.kinds ?? []).filter((k) => !k.archived).sort((a, b) => text.kind(a).localeCompare(text.kind(b)));
  const chosen = kinds.find((k) => k.kindId === kindId) ?? null;
  const price = chosen?.current ?? null;
  const quantity = /^\d{1,5}$/.test(quantityText.trim()) ? Number(quantityText.trim()) : null;
  const quantityOk = quantity !== null && quantity >= 1 && quantity <= MAX_QUANTITY;
  const total = price && quantityOk ? saleTotal(price.priceMinor, quantity) : null;
  const currency = prices.data?.currency ?? 'EUR';

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!chosen) {
      setError('chooseKind');
      kindRef.current?.focus();
      return;
    }
    if (!price) {
      setError('noPrice');
      kindRef.current?.focus();
      return;
    }
    if (!quantityOk) {
      setError('quantity');
      quantityRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const receipt = await sell.mutateAsync({ kindId: chosen.kindId, quantity, residentId: resident?.id ?? null, payment });
      void navigate(`/till/receipt/${receipt.sale.id}`, { state: { fromSale: true } });
    } catch {
      // Shown by the ErrorNotice below.
    }
  };

  return (
    <div className="till">
      <div className="till-grid">
        <form
          className="card till-sale"
          noValidate
          aria-labelledby="till-sale-title"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.defaultPrevented) return;
            const target = e.target as HTMLElement;
            const typing = target.tagName === 'SELECT' || target.getAttribute('role') === 'combobox' || target.tagName === 'TEXTAREA';
            const key = paymentKey(e);
            if (key && (e.altKey || !typing)) {
              e.preventDefault();
              setPayment(key);
              return;
            }
            if (e.key === 'Enter' && target.tagName !== 'BUTTON') {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <h2 id="till-sale-title">{t('till:sale.title')}</h2>
          <div className="field">
            <label htmlFor="till-kind">{t('till:sale.kind')}</label>
            <KindCombo
              ref={kindRef}
              kinds={kinds}
              value={kindId}
              invalid={error === 'chooseKind' || (chosen !== null && !price)}
              initialTyped={carried}
              onPick={(id) => {
                setKindId(id);
                setError(null);
                const next = kinds.find((k) => k.kindId === id);
                if (next?.current) quantityRef.current?.focus();
              }}
            />
            {chosen && !price ? (
              <div className="field-error" role="alert">
                {t('till:sale.noPrice')}
              </div>
            ) : null}
            {error === 'chooseKind' ? (
              <div className="field-error" role="alert">
                {t('till:sale.chooseKindError')}
              </div>
            ) : null}
          </div>
          <div className="till-row">
            <div className={`field ${error === 'quantity' ? 'field-invalid' : ''}`}>
              <label htmlFor="till-quantity">{t('till:sale.quantity')}</label>
              <input
                id="till-quantity"
                ref={quantityRef}
                inputMode="numeric"
                autoComplete="off"
                value={quantityText}
                aria-invalid={error === 'quantity'}
                onFocus={(e) => e.target.select()}
                onChange={(e) => setQuantityText(e.target.value)}
              />
              {error === 'quantity' ? (
                <div className="field-error" role="alert">
                  {t('till:sale.quantityError', { max: MAX_QUANTITY })}
                </div>
              ) : null}
            </div>
            <fieldset className="radios till-payment">
              <legend>{t('till:sale.payment')}</legend>
              {PAYMENTS.map((p) => (
                <label key={p} className="radio">
                  <input type="radio" name="payment" value={p} checked={payment === p} onChange={() => setPayment(p)} />
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
              <button type="button" className="small" onClick={() => setResident(null)}>
                {t('till:sale.removeResident')}
              </button>
            </div>
          ) : withResident ? (
            <ResidentPicker
              label={t('till:sale.resident')}
              autoFocus
              onPick={(r) => {
                setResident(r);
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
            {total !== null && price && quantity !== null ? (
              <span className="muted till-total-detail">
                {t('till:sale.totalDetail', { quantity: text.quantity(price.unit, quantity), price: format.money(price.priceMinor, price.currency) })}
              </span>
            ) : null}
          </div>
          <ErrorNotice error={sell.error} />
          <div className="actions">
            <button type="submit" className="primary big" disabled={sell.isPending || (chosen !== null && !price)}>
              {t('till:sale.sell')}
            </button>
            <span className="field-hint">{t('till:sale.keys')}</span>
          </div>
        </form>
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
