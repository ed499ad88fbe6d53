import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useTillText } from './tillText';
import { carryLetter, resetCarry } from './carry';

/**
 * The receipt of a sale, as a narrow slip (80 mm) for the browser's print dialog. Enter or Esc goes
 * back to the till; Print (or Ctrl+P) prints only the slip. Right after a sale, a letter typed here goes
 * back to the till into the service field, so the next sale starts at once.
 */
export function ReceiptScreen() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const navigate = useNavigate();
  const fromSale = (useLocation().state as { fromSale?: boolean } | null)?.fromSale === true;
  const id = Number(useParams().id);
  const receipt = useCall('till.receipt', { saleId: id }, { enabled: Number.isInteger(id) && id > 0 });
  const backRef = useRef<HTMLButtonElement>(null);
  const loaded = receipt.data !== undefined;

  useEffect(() => {
    if (loaded) backRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    resetCarry();
    const onKey = (e: KeyboardEvent) => {
      const onButton = (e.target as HTMLElement | null)?.tagName === 'BUTTON';
      if (e.key === 'Escape' || (e.key === 'Enter' && !onButton)) {
        e.preventDefault();
        void navigate('/till');
      } else if (fromSale && e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // Right after a sale the next letters are the next sale's service: back to the till with them.
        const carried = carryLetter(e.key);
        if (carried === 'late') return;
        e.preventDefault();
        if (carried === 'first') void navigate('/till', { state: { typed: true } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, fromSale]);

  useEffect(() => {
    if (!receipt.data) return;
    const before = document.title;
    document.title = t('till:receipt.docTitle', { number: receipt.data.sale.receiptNo });
    return () => {
      document.title = before;
    };
  }, [receipt.data, t]);

  if (receipt.error) return <ErrorNotice error={receipt.error} />;
  if (!receipt.data) return <p className="loading">{t('common:loading')}</p>;
  const { sale, centreName } = receipt.data;
  const reversal = sale.reversesSaleId !== null;
  return (
    <div className="receipt-doc">
      <div className="receipt-toolbar no-print">
        <h1>{t('till:receipt.title')}</h1>
        <div className="actions">
          <button type="button" ref={backRef} className="primary big" onClick={() => void navigate('/till')}>
            {t('till:receipt.back')}
          </button>
          <button type="button" className="big" onClick={() => window.print()}>
            {t('till:receipt.print')}
          </button>
        </div>
        <p className="field-hint">{t('till:receipt.keys')}</p>
      </div>
      <article className="receipt" aria-label={t('till:receipt.number', { number: sale.receiptNo })}>
        <p className="receipt-centre">{centreName}</p>
        <h2 className="receipt-title">{reversal ? t('till:receipt.reversalTitle') : t('till:receipt.slipTitle')}</h2>
        <p className="receipt-meta">
          <span>{t('till:receipt.number', { number: sale.receiptNo })}</span>
          <span>{format.dateTime(sale.soldAt)}</span>
        </p>
        {reversal ? <p className="receipt-note">{t('till:receipt.reverses', { number: String(sale.reversesSaleId).padStart(6, '0') })}</p> : null}
        <table className="receipt-lines">
          <tbody>
            <tr>
              <td>
                <strong>{text.kind(sale)}</strong>
                <div>
                  {t('till:receipt.line', {
                    quantity: text.quantity(sale.unit, sale.quantity),
                    price: format.money(sale.unitPriceMinor, sale.currency),
                  })}
                </div>
              </td>
              <td className="num">{format.money(sale.totalMinor, sale.currency)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('till:receipt.total')}</th>
              <td className="num">{format.money(sale.totalMinor, sale.currency)}</td>
            </tr>
          </tfoot>
        </table>
        <p className="receipt-payment">
          {t('till:receipt.payment')}: <strong>{t(`till:payments.${sale.payment}`)}</strong>
        </p>
        {sale.residentName ? (
          <p className="receipt-small">
            {t('till:receipt.resident')}: {sale.residentName}
          </p>
        ) : null}
        <p className="receipt-small">
          {t('till:receipt.cashier')}: {sale.soldBy}
        </p>
        <p className="receipt-thanks">{t('till:receipt.thanks')}</p>
      </article>
    </div>
  );
}
