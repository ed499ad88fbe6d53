import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths, isMonthKey } from '../../../shared/domain/dates';
import { MAX_CASHFLOW_MONTHS, type CashflowBlock, type CashflowReport, type ExportFormat, type Outlook } from '../../../shared/domain/cashflow';
import { minorDigits } from '../../../shared/domain/amounts';
import { useCall, useMutate } from '../../app/api';
import { downloadUrl } from '../../bridge/host';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { dateTimeFormat } from '../../ui/intl';
import { CashflowChart } from './CashflowChart';
import './cashflow.css';

/** "2026-11" as a date in the middle of that month (no time-zone surprises). */
const monthDate = (m: string) => new Date(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 15);

/** Monthly cash flow: range and account, chart, table of categories × months, exports, outlook. */
export function CashflowScreen() {
  const { t } = useTranslation(['cashflow', 'cashbook', 'common']);
  const fmt = useFormat();
  const status = useCall('app.status', {});
  const accounts = useCall('accounts.list', { includeArchived: true });
  const today = status.data?.today ?? null;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<number | undefined>(undefined);
  const current = today ? today.slice(0, 7) : null;
  const rangeFrom = from ?? (current ? addMonths(current, -5) : null);
  const rangeTo = to ?? current;
  const rangeOk = rangeFrom !== null && rangeTo !== null && isMonthKey(rangeFrom) && isMonthKey(rangeTo) && rangeFrom <= rangeTo;
  const input = { from: rangeFrom ?? '', to: rangeTo ?? '', ...(accountId !== undefined ? { accountId } : {}) };
  const report = useCall('cashflow.report', input, { enabled: rangeOk });
  const [basis, setBasis] = useState<3 | 6>(3);
  const outlook = useCall('cashflow.outlook', { months: basis });
  const exportFile = useMutate('cashflow.export');
  const [file, setFile] = useState<string | null>(null);

  if (!today || !current || !rangeFrom || !rangeTo) return <p className="loading">{t('common:loading')}</p>;
  // The months to choose from, newest first: next month and the MAX_CASHFLOW_MONTHS - 1 before it (ten years).
  const monthOptions = Array.from({ length: MAX_CASHFLOW_MONTHS }, (_, i) => addMonths(current, 1 - i));
  const monthName = (m: string) => dateTimeFormat(fmt.locale, { month: 'long', year: 'numeric' }).format(monthDate(m));

  const doExport = async (format: ExportFormat) => {
    setFile(null);
    const result = await exportFile.mutateAsync({ ...input, format });
    setFile(result.id);
    // The download leaves through an <a download> to the host's export URL.
    const a = document.createElement('a');
    a.href = downloadUrl('exports', result.id);
    a.download = result.id;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <div className="cashflow">
      <h1>{t('cashflow:title')}</h1>
      <div className="filters" role="group" aria-label={t('cashflow:range.label')}>
        <label>
          <span id="cf-from">{t('cashflow:range.from')}</span>
          <select aria-labelledby="cf-from" value={rangeFrom} onChange={(e) => setFrom(e.target.value)}>
            {monthOptions.map((m) => (
              <option key={m} value={m} disabled={m > rangeTo}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span id="cf-to">{t('cashflow:range.to')}</span>
          <select aria-labelledby="cf-to" value={rangeTo} onChange={(e) => setTo(e.target.value)}>
            {monthOptions.map((m) => (
              <option key={m} value={m} disabled={m < rangeFrom}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span id="cf-account">{t('cashflow:range.account')}</span>
          <select aria-labelledby="cf-account" value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? undefined : Number(e.target.value))}>
            <option value="">{t('cashflow:range.allAccounts')}</option>
            {(accounts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {t('cashflow:table.captionAccount', { account: a.name, currency: a.currency })}
              </option>
            ))}
          </select>
        </label>
        <div className="actions cf-export">
          <button type="button" disabled={!rangeOk || exportFile.isPending} onClick={() => void doExport('xlsx').catch(() => undefined)}>
            {t('cashflow:export.xlsx')}
          </button>
          <button type="button" disabled={!rangeOk || exportFile.isPending} onClick={() => void doExport('csv').catch(() => undefined)}>
            {t('cashflow:export.csv')}
          </button>
        </div>
      </div>
      {!rangeOk ? (
        <p role="alert" className="notice notice-error">
          {t('common:validation.dateOrder')}
        </p>
      ) : null}
      {exportFile.isPending ? <p className="muted">{t('cashflow:export.busy')}</p> : null}
      {file ? (
        <p className="notice cf-file" role="status">
          {t('cashflow:export.ready', { file })}{' '}
          <a href={downloadUrl('exports', file)} download={file}>
            {t('cashflow:export.download')}
          </a>
        </p>
      ) : null}
      <ErrorNotice error={exportFile.error ?? report.error} />

      <OutlookCard outlook={outlook.data} basis={basis} onBasis={setBasis} />

      {report.data ? <Report report={report.data} /> : report.isLoading ? <p className="loading">{t('common:loading')}</p> : null}
    </div>
  );
}

function Report({ report: r }: { report: CashflowReport }) {
  const { t } = useTranslation(['cashflow', 'cashbook', 'common']);
  const fmt = useFormat();
  const monthLabels = r.months.map((m) => dateTimeFormat(fmt.locale, { month: 'short', year: 'numeric' }).format(monthDate(m)));
  if (r.totals.length === 0) return <p className="muted">{t('cashflow:table.noEntries')}</p>;
  return (
    <>
      {r.totals.map((total) => {
        const accountsOf = r.accounts.filter((a) => a.currency === total.currency);
        const single = accountsOf.length === 1 ? accountsOf[0]! : null;
        const caption = t('cashflow:table.captionAccount', { account: single?.accountName ?? t('cashflow:table.allAccounts'), currency: total.currency });
        return (
          <section key={total.currency} className="card cf-block" aria-label={caption}>
            <h2>{caption}</h2>
            <CashflowChart block={total} monthLabels={monthLabels} />
            <FlowTable block={total} months={r.months} monthLabels={monthLabels} caption={caption} />
            {!single && accountsOf.length > 1 ? (
              <details className="cf-accounts">
                <summary>{t('cashflow:table.perAccount')}</summary>
                {accountsOf.map((a) => (
                  <FlowTable
                    key={a.accountId}
                    block={a}
                    months={r.months}
                    monthLabels={monthLabels}
                    caption={t('cashflow:table.captionAccount', { account: a.accountName ?? '', currency: a.currency })}
                    showCaption
                  />
                ))}
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

function FlowTable(props: { block: CashflowBlock; months: string[]; monthLabels: string[]; caption: string; showCaption?: boolean }) {
  const { t } = useTranslation(['cashflow', 'cashbook', 'common']);
  const fmt = useFormat();
  const b = props.block;
  // Amounts without the currency sign: the caption names the currency, and the columns stay narrow.
  const digits = minorDigits(b.currency);
  const numberFormat = new Intl.NumberFormat(fmt.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = (v: number) => numberFormat.format(v / 10 ** digits);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const row = (label: string, values: number[], total: number | null, className?: string) => (
    <tr className={className}>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td key={props.months[i]} className={`num ${v < 0 ? 'cf-negative' : ''}`}>
          {money(v)}
        </td>
      ))}
      <td className="num cf-total">{total === null ? '' : money(total)}</td>
    </tr>
  );
  const group = (label: string) => (
    <tr className="cf-group">
      <th scope="rowgroup" colSpan={props.months.length + 2}>
        {label}
      </th>
    </tr>
  );
  const category = (l: CashflowBlock['lines'][number]) => (l.code !== null ? t(`cashbook:categories.${l.code}`, { defaultValue: l.code }) : (l.name ?? ''));
  return (
    <div className="cf-table-wrap">
      <table className="data-table cf-table">
        <caption className={props.showCaption ? 'cf-caption' : 'visually-hidden'}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cashflow:table.item')}</th>
            {props.monthLabels.map((m, i) => (
              <th scope="col" key={props.months[i]} className="num">
                {m}
              </th>
            ))}
            <th scope="col" className="num">
              {t('cashflow:table.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t('cashflow:table.opening'), b.openingMinor, null, 'cf-balance')}
          {b.startedMinor.some((v) => v !== 0) ? row(t('cashflow:table.started'), b.startedMinor, sum(b.startedMinor)) : null}
          {group(t('cashflow:table.income'))}
          {b.lines.filter((l) => l.direction === 'income').map((l) => (
            <FlowLine key={l.categoryId} label={category(l)} values={l.amountsMinor} total={l.totalMinor} row={row} />
          ))}
          {row(t('cashflow:table.incomeTotal'), b.incomeMinor, sum(b.incomeMinor), 'cf-subtotal')}
          {group(t('cashflow:table.expenses'))}
          {b.lines.filter((l) => l.direction === 'expense').map((l) => (
            <FlowLine key={l.categoryId} label={category(l)} values={l.amountsMinor} total={l.totalMinor} row={row} />
          ))}
          {row(t('cashflow:table.expensesTotal'), b.expensesMinor, sum(b.expensesMinor), 'cf-subtotal')}
          {row(t('cashflow:table.transfersIn'), b.transfersInMinor, sum(b.transfersInMinor))}
          {row(t('cashflow:table.transfersOut'), b.transfersOutMinor, sum(b.transfersOutMinor))}
          {row(t('cashflow:table.closing'), b.closingMinor, null, 'cf-balance')}
        </tbody>
      </table>
    </div>
  );
}

function OutlookCard(props: { outlook: Outlook | undefined; basis: 3 | 6; onBasis: (b: 3 | 6) => void }) {
  const { t } = useTranslation(['cashflow', 'cashbook', 'common']);
  const fmt = useFormat();
  const o = props.outlook;
  const monthName = (m: string) => dateTimeFormat(fmt.locale, { month: 'long', year: 'numeric' }).format(monthDate(m));
  const money = (v: number) => fmt.money(v, o?.currency ?? 'RUB');
  return (
    <section className="card cf-outlook" aria-labelledby="cf-outlook-title">
      <div className="cf-outlook-head">
        <h2 id="cf-outlook-title">{t('cashflow:outlook.title')}</h2>
        <label>
          <span id="cf-basis">{t('cashflow:outlook.basisLabel')}</span>{' '}
          <select aria-labelledby="cf-basis" value={props.basis} onChange={(e) => props.onBasis(Number(e.target.value) === 6 ? 6 : 3)}>
            <option value={3}>{t('cashflow:outlook.months3')}</option>
            <option value={6}>{t('cashflow:outlook.months6')}</option>
          </select>
        </label>
      </div>
      {!o ? (
        <p className="loading">{t('common:loading')}</p>
      ) : o.status === 'noHistory' ? (
        <p>{t('cashflow:outlook.noHistory')}</p>
      ) : (
        <>
          <p className="cf-outlook-main">
            {o.status === 'growing'
              ? t('cashflow:outlook.growing')
              : o.status === 'negative'
                ? t('cashflow:outlook.negative', { balance: money(o.balanceMinor) })
                : o.status === 'lasts'
                  ? t('cashflow:outlook.lasts')
                  : o.lastMonth === null
                    ? t('cashflow:outlook.runsOutNow')
                    : t('cashflow:outlook.runsOut', { month: monthName(o.lastMonth) })}{' '}
            {o.status === 'runsOut' && o.coverMonths !== null
              ? o.coverMonths < 1
                ? t('cashflow:outlook.lessThanOne')
                : t('cashflow:outlook.about', { count: Math.floor(o.coverMonths) })
              : null}
          </p>
          <p>
            {t('cashflow:outlook.figures', {
              income: money(o.paidServicesMinor),
              costs: money(o.fixedCostsMinor),
              currency: o.currency,
              balance: money(o.balanceMinor),
            })}
          </p>
          {o.tranches.length > 0 ? (
            <>
              <p>{t('cashflow:outlook.tranches', { amount: money(o.expectedMinor) })}</p>
              <ul className="cf-tranches">
                {o.tranches.map((tr) => (
                  <li key={tr.id}>{t('cashflow:outlook.tranche', { grant: tr.grantTitle, amount: money(tr.amountMinor), date: fmt.date(tr.expectedOn) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted">{t('cashflow:outlook.basis', { count: o.months.length })}</p>
        </>
      )}
    </section>
  );
}

function FlowLine(props: { label: string; values: number[]; total: number; row: (label: string, values: number[], total: number | null, className?: string) => React.ReactNode }) {
  return <>{props.row(props.label, props.values, props.total, 'cf-line')}</>;
}
