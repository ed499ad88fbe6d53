import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportSections, type ReportTableRow } from '../../../shared/domain/reportTable';
import { isIsoDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/settings';
import { useCall } from '../../app/api';
import { host } from '../../bridge/host';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import '../board/print.css';
import './results.css';

/**
 * The results report as an A4 document (/results/print?from=…&to=…): the same rows and definitions
 * as the screen and the files, months as columns up to a year. window.print() is the browser's
 * print dialog in browser mode and Electron's in the desktop app; the desktop host also saves a PDF
 * directly (printToPDF).
 */
export function ResultsPrintScreen() {
  const { t, i18n } = useTranslation(['reports', 'common', 'catalogue', 'events']);
  const fmt = useFormat();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const status = useCall('app.status', {});
  const report = useCall('reports.results', { from, to, language: i18n.language as Language }, { enabled: valid });
  const [saved, setSaved] = useState<string | null>(null);
  const title = `${t('reports:title')} ${from} – ${to}`;
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  const show = (value: number, row: ReportTableRow) => (row.currency ? fmt.money(value, row.currency) : fmt.number(value));
  const r = report.data;
  const withMonths = r !== undefined && r.months.length <= 12;
  // Within one calendar year the month's short name is enough ("січ."); across years "01.26".
  const oneYear = r !== undefined && r.from.slice(0, 4) === r.to.slice(0, 4);
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(fmt.locale, oneYear ? { month: 'short', timeZone: 'UTC' } : { month: '2-digit', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-15T00:00:00Z`));

  return (
    <div className="print-doc results-doc">
      <div className="print-toolbar no-print">
        <h1>{t('reports:title')}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('reports:screen.print')}
          </button>
          {host.printToPdf ? (
            <button type="button" className="big" onClick={() => void host.printToPdf?.(title).then((file) => setSaved(file))}>
              {t('reports:screen.savePdf')}
            </button>
          ) : null}
          <Link to="/results" className="button">
            {t('reports:screen.back')}
          </Link>
        </div>
        <p className="field-hint">{t('reports:screen.printHint')}</p>
        {saved ? (
          <p className="notice notice-success" role="status">
            {t('reports:screen.savedPdf', { file: saved })}
          </p>
        ) : null}
      </div>
      {!valid ? (
        <p role="alert" className="notice notice-error">
          {t('common:validation.dateOrder')}
        </p>
      ) : null}
      <ErrorNotice error={report.error} />
      {r ? (
        <article className="sheet">
          <header className="sheet-head">
            <div>
              <p className="sheet-centre">{status.data?.settings?.centreName}</p>
              <h2 className="sheet-title">{t('reports:title')}</h2>
            </div>
            <div>
              <p className="strong">
                {fmt.date(r.from)} – {fmt.date(r.to)}
              </p>
            </div>
          </header>
          {reportSections(r, t).map((s) => (
            <section key={s.key} data-figure={s.key}>
              <h3>{s.title}</h3>
              <p className="definition">{s.definition}</p>
              <table className="sheet-table results-sheet-table">
                <colgroup>
                  <col className="w-label" />
                  <col className="w-measure" />
                  <col className="w-total" />
                  {withMonths ? r.months.map((m) => <col key={m} />) : null}
                </colgroup>
                <thead>
                  <tr>
                    <th>{t('reports:columns.row')}</th>
                    <th>{t('reports:columns.measure')}</th>
                    <th className="n">{t('reports:columns.total')}</th>
                    {withMonths ? r.months.map((m) => <th key={m} className="n">{monthName(m)}</th>) : null}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((row, i) => (
                    <tr key={i} className={row.label === '' ? 'main' : undefined}>
                      <td>{row.label}</td>
                      <td>
                        {row.measure}
                        {row.currency ? `, ${row.currency}` : ''}
                        {row.distinct ? ' *' : ''}
                      </td>
                      <td className="n">{show(row.total, row)}</td>
                      {withMonths ? r.months.map((m, j) => <td key={m} className="n">{row.byMonth ? show(row.byMonth[j] ?? 0, row) : ''}</td>) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.rows.some((x) => x.distinct) ? <p className="note">* {t('reports:table.distinctNote')}</p> : null}
            </section>
          ))}
        </article>
      ) : report.isLoading ? (
        <p className="loading no-print">{t('common:loading')}</p>
      ) : null}
    </div>
  );
}
