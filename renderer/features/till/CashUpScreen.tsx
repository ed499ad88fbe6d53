import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cashUpResult, type CashUp } from '../../../shared/domain/till';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MoneyField } from '../../ui/MoneyField';
import { DateInput } from '../../ui/DateInput';
import { useFormat } from '../../ui/format';
import { useTillText } from './tillText';

/** The difference of a cash-up in words and colour: short (red), over (amber), exact (green). */
function Difference({ c }: { c: Pick<CashUp, 'differenceMinor' | 'currency'> }) {
  const { t } = useTranslation(['till']);
  const format = useFormat();
  const result = cashUpResult(c.differenceMinor);
  return (
    <span className={`till-diff till-diff-${result}`}>
      {t(`till:cashUp.results.${result}`, { amount: format.money(Math.abs(c.differenceMinor), c.currency) })}
    </span>
  );
}

/**
 * The daily cash-up: the day's sales by kind and payment, the cash the box should hold (the cash
 * account's balance at the end of the day), the cash counted, and the difference recorded.
 */
export function CashUpScreen() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const status = useCall('app.status', {});
  const today = status.data?.today ?? '';
  const [dayChoice, setDay] = useState<string | null>(null);
  const day = dayChoice ?? today;
  const summary = useCall('till.day', { day }, { enabled: day !== '' });
  const earlier = useCall('till.cashUps', { limit: 30 });
  const record = useMutate('till.cashUp');
  const [counted, setCounted] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<CashUp | null>(null);
  const d = summary.data;
  const currency = d?.cashAccount?.currency ?? d?.currency ?? 'EUR';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (counted === null) {
      setError('validation.required');
      return;
    }
    setError(undefined);
    try {
      const result = await record.mutateAsync({ day, countedMinor: counted, note });
      setSaved(result);
      setCounted(null);
      setNote('');
    } catch {
      // Shown below.
    }
  };

  return (
    <div className="till-cashup">
      <div className="till-day-pick field inline">
        <label id="till-cashup-day-label" htmlFor="till-cashup-day">
          {t('till:cashUp.day')}
        </label>
        <DateInput
          id="till-cashup-day"
          aria-labelledby="till-cashup-day-label"
          value={day}
          max={today}
          onChange={(v) => {
            if (v) {
              setDay(v);
              setSaved(null);
            }
          }}
        />
        <span className="muted">{day ? format.longDate(day) : ''}</span>
      </div>
      <ErrorNotice error={summary.error} />
      {d ? (
        <div className="till-grid">
          <section className="card" aria-labelledby="till-day-sales">
            <h2 id="till-day-sales">{t('till:cashUp.salesTitle')}</h2>
            <table className="data-table">
              <caption className="visually-hidden">{t('till:cashUp.byKind')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('till:cashUp.byKind')}</th>
                  <th scope="col" className="num">
                    {t('till:cashUp.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('till:cashUp.quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('till:cashUp.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.byKind.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="empty">
                      {t('till:cashUp.noSales')}
                    </td>
                  </tr>
                ) : null}
                {d.byKind.map((k) => (
                  <tr key={k.kindId}>
                    <th scope="row">{text.kind(k)}</th>
                    <td className="num">{format.number(k.count)}</td>
                    <td className="num">{text.quantity(k.unit, k.quantity)}</td>
                    <td className="num nowrap">{format.money(k.totalMinor, d.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tbody className="till-subtotals">
                {d.byPayment.map((p) => (
                  <tr key={p.payment}>
                    <th scope="row">{t(`till:cashUp.byPayment.${p.payment}`)}</th>
                    <td className="num">{format.number(p.count)}</td>
                    <td />
                    <td className="num nowrap">{format.money(p.totalMinor, d.currency)}</td>
                  </tr>
                ))}
                {d.reversals.count > 0 ? (
                  <tr>
                    <th scope="row">{t('till:cashUp.reversals')}</th>
                    <td className="num">{format.number(d.reversals.count)}</td>
                    <td />
                    <td className="num nowrap">{format.money(d.reversals.totalMinor, d.currency)}</td>
                  </tr>
                ) : null}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('till:cashUp.dayTotal')}</th>
                  <td />
                  <td />
                  <td className="num nowrap">{format.money(d.totalMinor, d.currency)}</td>
                </tr>
              </tfoot>
            </table>
            {d.reversals.count > 0 ? <p className="field-hint">{t('till:cashUp.nettedHint')}</p> : null}
          </section>

          <section className="card" aria-labelledby="till-count-title">
            <h2 id="till-count-title">{t('till:cashUp.countTitle')}</h2>
            {d.cashAccount === null ? (
              <p className="notice notice-warning" role="alert">
                {t('common:errors.noTillAccount')}
              </p>
            ) : (
              <>
                <dl className="till-figures">
                  <div>
                    <dt>{t('till:cashUp.tillCash')}</dt>
                    <dd>{format.money(d.tillCashMinor, currency)}</dd>
                  </div>
                  <div className="till-expected">
                    <dt>{t('till:cashUp.expected', { account: d.cashAccount.name })}</dt>
                    <dd data-testid="till-expected">{format.money(d.expectedCashMinor, currency)}</dd>
                  </div>
                </dl>
                <p className="field-hint">{t('till:cashUp.expectedHint')}</p>
                <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="till-count-title">
                  <MoneyField
                    label={t('till:cashUp.counted')}
                    currency={currency}
                    value={counted}
                    autoFocus
                    allowZero
                    error={error}
                    className="till-counted"
                    onChange={(minor) => {
                      setCounted(minor);
                      if (minor !== null) setError(undefined);
                    }}
                  />
                  {counted !== null ? (
                    <p className="till-live-diff">
                      <Difference c={{ differenceMinor: counted - d.expectedCashMinor, currency }} />
                    </p>
                  ) : null}
                  <div className="field">
                    <label htmlFor="till-cashup-note">{t('till:cashUp.note')}</label>
                    <input id="till-cashup-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
                  </div>
                  <ErrorNotice error={record.error} />
                  <div className="actions">
                    <button type="submit" className="primary big" disabled={record.isPending}>
                      {t('till:cashUp.record')}
                    </button>
                  </div>
                </form>
                {saved ? (
                  <div className={`notice till-saved till-saved-${cashUpResult(saved.differenceMinor)}`} role="status">
                    {t('till:cashUp.saved', { counted: format.money(saved.countedMinor, saved.currency), expected: format.money(saved.expectedMinor, saved.currency) })}{' '}
                    <Difference c={saved} />
                  </div>
                ) : null}
              </>
            )}
          </section>
        </div>
      ) : null}

      <section aria-labelledby="till-earlier-title">
        <h2 id="till-earlier-title">{t('till:cashUp.earlier')}</h2>
        <ErrorNotice error={earlier.error} />
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('till:cashUp.day')}</th>
              <th scope="col" className="num">
                {t('till:cashUp.expectedShort')}
              </th>
              <th scope="col" className="num">
                {t('till:cashUp.countedShort')}
              </th>
              <th scope="col">{t('till:cashUp.difference')}</th>
              <th scope="col">{t('till:cashUp.who')}</th>
            </tr>
          </thead>
          <tbody>
            {(earlier.data ?? []).length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  {t('till:cashUp.noneYet')}
                </td>
              </tr>
            ) : null}
            {(earlier.data ?? []).map((c) => (
              <tr key={c.id}>
                <td className="nowrap">
                  {format.date(c.day)}
                  <div className="muted small-text">{c.accountName}</div>
                </td>
                <td className="num nowrap">{format.money(c.expectedMinor, c.currency)}</td>
                <td className="num nowrap">{format.money(c.countedMinor, c.currency)}</td>
                <td>
                  <Difference c={c} />
                  {c.note ? <div className="muted small-text">{c.note}</div> : null}
                </td>
                <td>
                  {c.createdBy}
                  <div className="muted small-text">{format.dateTime(c.createdAt)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
