/**
 * Pieces of the import wizard: the busy line of long work, the counts and the row-by-row table of
 * a dry run or a run, the past imports, and the download of an import's rejected rows.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { CallOutput } from '../../../shared/api/contract';
import { IMPORT_OUTCOMES, importStepOf, importStepsReported, type ImportKind } from '../../../shared/domain/imports';
import { useCall, useMutate } from '../../app/api';
import { useTaskRun } from '../../app/progress';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { kindLabel, saveBase64 } from './importText';
import { ImportProgress } from './ImportProgress';

export type ImportAnswer = CallOutput<'import.dryRun'>;
type RowOutcome = NonNullable<ImportAnswer['rows']>[number];
type Outcome = (typeof IMPORT_OUTCOMES)[number];

/**
 * Long work under way: what is happening, for how long, and how many rows the work thread has read
 * (its `import` progress) when it says so. The screen stays usable meanwhile.
 */
export function ImportBusy({ what, kind = 'residents' }: { what: 'reading' | 'checking' | 'importing'; kind?: ImportKind }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const run = useTaskRun('import');
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [sawRows, setSawRows] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  // Remembered while rendering (not in an effect): once rows were reported, the reading is over when they stop.
  if (run && run.total > 0 && !sawRows) setSawRows(true);
  const seconds = Math.floor((now - since) / 1000);
  const steps = importStepsReported(kind, what === 'reading' ? 'preview' : what === 'checking' ? 'dryRun' : 'run');
  const at = run && run.total > 0 ? importStepOf(run.done, run.total, steps) : null;
  // The work thread reports its rows read, compared and written, for every kind of list (an in-memory core, in tests, only its rows read).
  // Residents are compared as people (the matcher); the other kinds' rows by their own rules.
  const register = kind === 'residents' ? 'register' : 'registerRows';
  const phase = at ? ({ read: 'rows', compared: register, written: 'writing' } as const)[at.step] : sawRows && what !== 'reading' ? register : 'file';
  return (
    <div className="import-busy card" aria-busy="true">
      <span className="import-spinner" aria-hidden="true" />
      <div>
        <div role="status">
          <strong>{t(`imports:busy.${what}`)}</strong> {t(`imports:busy.phase.${phase}`)}
        </div>
        <ImportProgress run={run} steps={steps} />
        <div className="muted">{t('imports:busy.elapsed', { seconds: format.number(seconds), count: seconds })}</div>
      </div>
    </div>
  );
}

/**
 * The counts of a dry run or a run, in the words of the kind of list: residents are created or
 * updated and make households; the other kinds only add (volunteers, requests, entries posted to
 * the cash book, receipts into stock), so neither "updated" nor "households" is shown for them.
 */
export function ImportCounts({ answer, done, kind }: { answer: ImportAnswer; done: boolean; kind: ImportKind }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const residents = kind === 'residents';
  const created = residents ? t(done ? 'imports:counts.created' : 'imports:counts.create') : t(`imports:counts.byKind.${kind}.${done ? 'created' : 'create'}`);
  const items: [string, number][] = [
    [t('imports:counts.rows'), answer.rowCount ?? 0],
    [created, answer.created ?? 0],
    ...(residents ? ([[t(done ? 'imports:counts.updated' : 'imports:counts.update'), answer.updated ?? 0]] as [string, number][]) : []),
    [t('imports:counts.duplicates'), answer.duplicates ?? 0],
    [t('imports:counts.rejected'), answer.rejected ?? 0],
  ];
  if (done && residents) items.push([t('imports:counts.households'), answer.households ?? 0]);
  return (
    <dl className="import-counts" aria-label={t('imports:counts.label')}>
      {items.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.number(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The resident a row duplicates or updates (or was created as), with a link to the page: named as
 * the dry run or run found them (the answer's matchName), so that no page is opened (and audited as
 * a view) for each duplicate a list meets; a resident the row created is named by the row itself.
 */
function ResidentLink({ id, name }: { id: number; name: string | null }) {
  const { t } = useTranslation('imports');
  return <Link to={`/residents/${id}`}>{name ?? t('imports:check.residentNo', { id })}</Link>;
}

/** The outcome of every row, with the spreadsheet's row number and the reason in words. */
export function ImportRowsTable({ answer, done, kind }: { answer: ImportAnswer; done: boolean; kind: ImportKind }) {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormat();
  const [show, setShow] = useState<Outcome | 'all'>('all');
  const rows = useMemo(() => (answer.rows ?? []).filter((r) => show === 'all' || r.outcome === show), [answer.rows, show]);
  // A reason that quotes its cell ("31.02.1950 is not a day in the calendar") gets the cell's text.
  const reasonText = (r: RowOutcome, key: string) => (r.text !== null && r.text !== undefined ? t(`common:${key}`, { text: r.text }) : fieldText(t, key));
  const reason = (r: RowOutcome) => (r.reason ? [r.column, reasonText(r, r.reason)].filter(Boolean).join(': ') : '');
  const columns: ColumnDef<RowOutcome, unknown>[] = [
    { id: 'row', header: t('imports:check.row'), cell: ({ row: { original: r } }) => format.number(r.row) },
    {
      id: 'outcome',
      header: t('imports:check.outcome'),
      cell: ({ row: { original: r } }) => <span className={`badge outcome-${r.outcome}`}>{t(`imports:outcomes.${done ? 'done' : 'would'}.${r.outcome}`)}</span>,
    },
    { id: 'name', header: t('imports:check.name'), cell: ({ row: { original: r } }) => r.name ?? '' },
    { id: 'reason', header: t('imports:check.reason'), cell: ({ row: { original: r } }) => reason(r) },
    {
      id: 'match',
      // A resident for a residents list; a record (volunteer, request, entry, movement) for the others.
      header: kind === 'residents' ? t(done ? 'imports:check.matchDone' : 'imports:check.match') : t(done ? 'imports:check.matchRecordDone' : 'imports:check.matchRecord'),
      cell: ({ row: { original: r } }) =>
        r.matchId !== null && r.matchId !== undefined ? (
          // A resident by name; a record of another kind of list by its number.
          kind === 'residents' ? (
            <ResidentLink id={r.matchId} name={r.matchName ?? (r.outcome === 'create' ? r.name : null)} />
          ) : (
            t('imports:check.recordNo', { id: r.matchId })
          )
        ) : r.matchRow !== null && r.matchRow !== undefined ? (
          t('imports:check.sameRow', { row: format.number(r.matchRow) })
        ) : (
          ''
        ),
    },
  ];
  const listed = answer.rows?.length ?? 0;
  const total = answer.rowCount ?? 0;
  return (
    <div className="import-rows">
      <div className="filters">
        <label>
          {t('imports:check.show')}{' '}
          <select value={show} onChange={(e) => setShow(e.target.value as Outcome | 'all')}>
            <option value="all">{t('imports:check.showAll')}</option>
            {IMPORT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`imports:outcomes.${done ? 'done' : 'would'}.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {listed < total ? <span className="muted">{t('imports:check.firstRows', { count: listed, total: format.number(total) })}</span> : null}
      </div>
      <DataTable
        data={rows}
        columns={columns}
        caption={t('imports:check.caption')}
        empty={t('imports:check.none')}
        rowKey={(r) => String(r.row)}
        rowClass={(r) => `outcome-row-${r.outcome}`}
        columnClass={{ row: 'num' }}
        maxHeight="55vh"
      />
    </div>
  );
}

/** Saves an import's rejected rows (a CSV with the reason beside each row, to fix and import again). */
export function RejectedDownload({ reportId, count, short = false }: { reportId: number; count: number; short?: boolean }) {
  const { t } = useTranslation('imports');
  const sheet = useMutate('import.rejectedSheet');
  if (count === 0) return null;
  return (
    <>
      <button
        type="button"
        className={short ? 'small' : undefined}
        disabled={sheet.isPending}
        onClick={() =>
          sheet.mutate(
            { reportId },
            {
              onSuccess: (s) => {
                if (s.fileName && s.base64) saveBase64(s.fileName, s.base64, 'text/csv');
              },
            },
          )
        }
      >
        {t(short ? 'imports:history.download' : 'imports:done.downloadRejected', { count })}
      </button>
      <ErrorNotice error={sheet.error} />
    </>
  );
}

type Report = CallOutput<'import.reports'>[number];

/** The imports made, newest first. */
export function ImportHistory({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormat();
  const reports = useCall('import.reports', { kind });
  const columns: ColumnDef<Report, unknown>[] = [
    { id: 'at', header: t('imports:history.at'), cell: ({ row: { original: r } }) => (r.at ? format.dateTime(r.at) : '') },
    { id: 'file', header: t('imports:history.file'), cell: ({ row: { original: r } }) => r.fileName },
    { id: 'kind', header: t('imports:history.kind'), cell: ({ row: { original: r } }) => kindLabel(t, r.kind ?? '') },
    { id: 'rows', header: t('imports:counts.rows'), cell: ({ row: { original: r } }) => format.number(r.rowCount ?? 0) },
    { id: 'created', header: t('imports:counts.created'), cell: ({ row: { original: r } }) => format.number(r.created ?? 0) },
    { id: 'updated', header: t('imports:counts.updated'), cell: ({ row: { original: r } }) => format.number(r.updated ?? 0) },
    { id: 'duplicates', header: t('imports:counts.duplicates'), cell: ({ row: { original: r } }) => format.number(r.duplicates ?? 0) },
    { id: 'rejected', header: t('imports:counts.rejected'), cell: ({ row: { original: r } }) => format.number(r.rejected ?? 0) },
    { id: 'sheet', header: t('imports:history.sheet'), cell: ({ row: { original: r } }) => (r.id ? <RejectedDownload reportId={r.id} count={r.rejected ?? 0} short /> : null) },
  ];
  return (
    <section className="card" aria-labelledby="import-history">
      <h2 id="import-history">{t('imports:history.title')}</h2>
      {reports.isError ? <ErrorNotice error={reports.error} /> : null}
      {reports.data ? (
        <DataTable
          data={reports.data}
          columns={columns}
          caption={t('imports:history.title')}
          empty={t('imports:history.empty')}
          rowKey={(r) => String(r.id)}
          columnClass={{ at: 'nowrap', rows: 'num', created: 'num', updated: 'num', duplicates: 'num', rejected: 'num' }}
        />
      ) : (
        <p className="loading">{t('common:loading')}</p>
      )}
    </section>
  );
}
