import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AggregateCell, AggregateTable } from '../../../shared/domain/aggregates';
import { MAX_THRESHOLD, MIN_THRESHOLD } from '../../../shared/domain/aggregates';
import type { Language } from '../../../shared/domain/settings';
import { mayUse } from '../../app/access';
import { useCall, useMutate } from '../../app/api';
import { downloadUrl } from '../../bridge/host';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { wholeNumber } from '../../ui/formNumbers';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useFormat } from '../../ui/format';
import { usePeriodPicker } from './PeriodPicker';
import './results.css';

/** Starts a download of a file in the data folder's exports. */
function download(id: string) {
  const a = document.createElement('a');
  a.href = downloadUrl('exports', id);
  a.download = id;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * The funder-safe tables (/results/funder-safe): counts of the people reached in a period by kind
 * of contact, service, age band, settlement and living situation, and events' head counts, with
 * every count below the centre's threshold shown as "<5"; the threshold (set by the roles that
 * reports.setThreshold allows); the tables as XLSX or CSV for the funder.
 */
export function FunderSafeScreen() {
  const { t, i18n } = useTranslation(['reports', 'aggregates', 'events', 'catalogue', 'common']);
  const fmt = useFormat();
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  const today = status.data?.today ?? null;
  const { period, controls } = usePeriodPicker(today, role);
  const threshold = useCall('reports.threshold', {});
  const report = useCall('reports.aggregates', { from: period.from, to: period.to }, { enabled: period.valid });
  const exportFile = useMutate('reports.aggregatesExport');
  const [file, setFile] = useState<string | null>(null);
  const language = i18n.language as Language;

  if (!status.data || !today) return <p className="loading">{t('common:loading')}</p>;
  const mayEdit = role !== undefined && mayUse(role, 'reports.setThreshold');

  const doExport = async (format: 'xlsx' | 'csv') => {
    setFile(null);
    const result = await exportFile.mutateAsync({ from: period.from, to: period.to, format, language });
    setFile(result.id);
    download(result.id);
  };

  const r = report.data;
  return (
    <div className="results funder-safe">
      <div className="results-head">
        <h1>{t('reports:funderSafe.title')}</h1>
        <Link to="/results" className="results-other">
          {t('reports:funderSafe.back')}
        </Link>
      </div>
      <p className="muted">{t('reports:funderSafe.intro')}</p>
      <div className="filters" role="group" aria-label={t('reports:screen.periodLabel')}>
        {controls}
        <div className="actions results-export">
          <button type="button" disabled={!period.valid || exportFile.isPending} onClick={() => void doExport('xlsx').catch(() => undefined)}>
            {t('reports:screen.xlsx')}
          </button>
          <button type="button" disabled={!period.valid || exportFile.isPending} onClick={() => void doExport('csv').catch(() => undefined)}>
            {t('reports:screen.csv')}
          </button>
        </div>
      </div>
      {threshold.data ? <ThresholdBox current={threshold.data.threshold} isDefault={threshold.data.isDefault} mayEdit={mayEdit} /> : null}
      {exportFile.isPending ? <p className="muted">{t('reports:screen.busy')}</p> : null}
      {file ? (
        <p className="notice results-file" role="status">
          {t('reports:screen.ready', { file })}{' '}
          <a href={downloadUrl('exports', file)} download={file}>
            {t('reports:screen.download')}
          </a>
        </p>
      ) : null}
      <ErrorNotice error={exportFile.error ?? report.error ?? threshold.error} />
      {r ? (
        <>
          <p className="results-period">
            <strong>
              {fmt.date(r.from)} – {fmt.date(r.to)}
            </strong>
          </p>
          <dl className="fs-reached">
            <dt>{t('aggregates:export.peopleReached')}</dt>
            <dd>
              <Count cell={r.peopleReached} threshold={r.threshold} />
            </dd>
          </dl>
          <ul className="fs-notes muted">
            <li>{t('aggregates:export.threshold', { max: r.threshold - 1, threshold: r.threshold })}</li>
            <li>{t('aggregates:export.ageYear', { year: r.ageYear })}</li>
            <li>{t('aggregates:export.noSex')}</li>
          </ul>
          <div className="results-figures fs-tables">
            {r.tables.map((table) => (
              <TableCard key={table.id} table={table} threshold={r.threshold} />
            ))}
          </div>
        </>
      ) : report.isLoading ? (
        <p className="loading">{t('common:loading')}</p>
      ) : null}
    </div>
  );
}

/** A count, or "<5" with what it means for a screen reader. */
function Count(props: { cell: AggregateCell; threshold: number }) {
  const { t } = useTranslation(['reports']);
  const fmt = useFormat();
  if (props.cell.suppressed || props.cell.value === null) {
    const hint = t('reports:funderSafe.suppressed', { threshold: props.threshold });
    return (
      <span className="fs-hidden" title={hint} aria-label={`${props.cell.shown}: ${hint}`}>
        {props.cell.shown}
      </span>
    );
  }
  return <>{fmt.number(props.cell.value)}</>;
}

function TableCard(props: { table: AggregateTable; threshold: number }) {
  const { t } = useTranslation(['aggregates', 'events', 'catalogue', 'reports']);
  const { table } = props;
  const label = (key: string) => t(key.includes(':') ? key : `aggregates:${key}`);
  const title = t(`aggregates:tables.${table.id}`);
  // The rows by their index; with column totals the last row is the totals row (drawn under the body).
  const totalRow = table.colTotals && table.rows.length > 0 ? table.rows.length - 1 : null;
  const body = table.rows.map((_, r) => r).filter((r) => r !== totalRow);
  const rowText = (r: number) => (table.rowsAreNames[r] ? table.rows[r] : label(table.rows[r] ?? ''));
  const cellsOf = (r: number) =>
    (table.cells[r] ?? []).map((c, i) => (
      <td key={i} className="num">
        <Count cell={c} threshold={props.threshold} />
      </td>
    ));
  return (
    <section className="card results-figure" aria-labelledby={`fs-${table.id}`} data-table={table.id}>
      <h2 id={`fs-${table.id}`}>{title}</h2>
      {table.rows.length === 0 ? (
        <p className="muted">{t('reports:funderSafe.empty')}</p>
      ) : (
        <DataTable
          className="results-table"
          data={body}
          caption={title}
          empty={t('reports:funderSafe.empty')}
          rowKey={(r) => String(r)}
          // Rows in the table's own order (age bands, the settlements as counted).
          noSort
          foot={
            totalRow !== null ? (
              <tr className="results-main">
                <th scope="row">{rowText(totalRow)}</th>
                {cellsOf(totalRow)}
              </tr>
            ) : undefined
          }
          columns={((col) => [
            col('row', t('reports:columns.row'), rowText, { rowHeader: true }),
            ...table.columns.map((c, i) =>
              col(`c${i}`, label(c), (r) => {
                const cell = table.cells[r]?.[i];
                return cell ? <Count cell={cell} threshold={props.threshold} /> : null;
              }, { align: 'num' }),
            ),
          ])(columnsOf(body))}
        />
      )}
      {!table.colTotals && !table.rowTotals && table.rows.length > 0 ? <p className="muted results-note">{t('aggregates:export.overlap')}</p> : null}
    </section>
  );
}

/** The centre's threshold: shown to everyone here, changed by the roles reports.setThreshold allows. */
function ThresholdBox(props: { current: number; isDefault: boolean; mayEdit: boolean }) {
  const { t } = useTranslation(['reports', 'common']);
  const save = useMutate('reports.setThreshold');
  const [saved, setSaved] = useState(false);
  const f = useCallForm({
    call: 'reports.setThreshold',
    defaultValues: { threshold: String(props.current) },
    // As typed: not a whole number goes as NaN; the range is reports.setThreshold's own.
    toInput: (v: { threshold: string }) => ({ threshold: wholeNumber(v.threshold, Number.NaN) }),
    onSubmit: async (input) => {
      setSaved(false);
      await save.mutateAsync(input);
      setSaved(true);
    },
  });
  const error = f.error('threshold');
  const threshold = f.form.register('threshold', {
    onChange: () => {
      setSaved(false);
      // Checked as it is typed, as before: the schema's message at once.
      void f.form.trigger('threshold');
    },
  });
  return (
    <section className="card fs-threshold" aria-labelledby="fs-threshold-title">
      <h2 id="fs-threshold-title">{t('reports:funderSafe.threshold')}</h2>
      <p>
        {t('reports:funderSafe.thresholdNow', { threshold: props.current })}
        {props.isDefault ? ` ${t('reports:funderSafe.isDefault')}` : ''}
      </p>
      {props.mayEdit ? (
        <KeyForm className="fs-threshold-form" onSubmit={f.submit}>
          <Field label={t('reports:funderSafe.newThreshold')} error={error} hint={t('reports:funderSafe.thresholdHint', { min: MIN_THRESHOLD, max: MAX_THRESHOLD })}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...threshold} />}
          </Field>
          <button type="submit" disabled={save.isPending || f.saving || error !== undefined}>
            {t('reports:funderSafe.saveThreshold')}
          </button>
          {saved ? (
            <span role="status" className="muted">
              {t('reports:funderSafe.saved')}
            </span>
          ) : null}
          {f.notice}
        </KeyForm>
      ) : null}
    </section>
  );
}
