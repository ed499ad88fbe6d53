import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASEWORK, COORDINATION, MONEY } from '../../../shared/api/roles';
import type { Role } from '../../../shared/api/roles';
import { previousPeriod, reportSections, type ReportInput, type ReportSection, type ReportTableRow } from '../../../shared/domain/reportTable';
import { isIsoDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/settings';
import { mayUse } from '../../app/access';
import { useCall, useMutate } from '../../app/api';
import { downloadUrl } from '../../bridge/host';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { calendarOptions, PRESETS, type PeriodOption, type Preset } from './periods';
import { ResultsCharts } from './ResultsCharts';
import { PeopleList } from './PeopleList';
import './results.css';
import { DateInput } from '../../ui/DateInput';

const has = (roles: readonly Role[], role: Role | undefined) => role !== undefined && roles.includes(role);

/** The label of a period option in the user's language. */
export function usePeriodLabel() {
  const { t } = useTranslation(['reports']);
  const fmt = useFormat();
  return (o: PeriodOption) => {
    const l = o.label;
    if ('month' in l) return new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${l.month}-15T00:00:00Z`));
    if ('q' in l) return t('reports:screen.quarterName', { q: l.q, year: l.year });
    if ('h' in l) return t('reports:screen.halfName', { h: l.h, year: l.year });
    if ('year' in l) return String(l.year);
    return `${l.name} (${fmt.date(o.from)} – ${fmt.date(o.to)})`;
  };
}

/** A row's key for matching it with the previous period's row. */
const rowKey = (r: ReportTableRow) => `${r.label}\u0000${r.measure}`;

/**
 * "Results in numbers": a period (a month, quarter, half-year, year, a grant's or a project's
 * dates, or any dates), every figure with its definition, the previous period of the same length
 * and the change; charts by month, by kind and by settlement; the people behind a number for the
 * roles that see residents; the report as XLSX, CSV or an A4 page to print or save as PDF.
 */
export function ResultsScreen() {
  const { t, i18n } = useTranslation(['reports', 'common', 'catalogue', 'events']);
  const fmt = useFormat();
  const periodLabel = usePeriodLabel();
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  const today = status.data?.today ?? null;
  const [preset, setPreset] = useState<Preset>('half');
  const [choice, setChoice] = useState<string | null>(null);
  const [customFrom, setCustomFrom] = useState('');
  const [customTo, setCustomTo] = useState('');
  const grants = useCall('grants.list', {}, { enabled: preset === 'grant' && has(MONEY, role) });
  const projects = useCall('projects.list', {}, { enabled: preset === 'project' && has(COORDINATION, role) });
  const [list, setList] = useState<{ section: ReportSection; row: ReportTableRow } | null>(null);
  const exportFile = useMutate('reports.export');
  const [file, setFile] = useState<string | null>(null);

  const options: PeriodOption[] = useMemo(() => {
    if (!today) return [];
    if (preset === 'grant') return (grants.data ?? []).map((g) => ({ key: `g${g.id}`, from: g.startsOn, to: g.endsOn, label: { name: g.title } }));
    if (preset === 'project') return (projects.data ?? []).map((p) => ({ key: `p${p.id}`, from: p.startsOn, to: p.endsOn, label: { name: p.name } }));
    if (preset === 'custom') return [];
    return calendarOptions(preset, today);
  }, [preset, today, grants.data, projects.data]);
  const chosen = options.find((o) => o.key === choice) ?? options[0] ?? null;
  const from = preset === 'custom' ? customFrom : (chosen?.from ?? '');
  const to = preset === 'custom' ? customTo : (chosen?.to ?? '');
  const customError = preset !== 'custom' ? {} : !isIsoDate(customFrom) ? { from: 'validation.date' } : !isIsoDate(customTo) ? { to: 'validation.date' } : customFrom > customTo ? { to: 'validation.dateOrder' } : {};
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const language = i18n.language as Language;
  const report = useCall('reports.results', { from, to, language }, { enabled: valid });
  const prev = valid ? previousPeriod(from, to) : { from: '', to: '' };
  const previous = useCall('reports.results', { ...prev, language }, { enabled: valid });

  if (!status.data || !today) return <p className="loading">{t('common:loading')}</p>;
  const canList = has(CASEWORK, role);

  const doExport = async (format: 'xlsx' | 'csv') => {
    setFile(null);
    const result = await exportFile.mutateAsync({ from, to, format, language });
    setFile(result.id);
    const a = document.createElement('a');
    a.href = downloadUrl('exports', result.id);
    a.download = result.id;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  const presetsShown = PRESETS.filter((p) => (p === 'grant' ? has(MONEY, role) : p === 'project' ? has(COORDINATION, role) : true));

  return (
    <div className="results">
      <div className="results-head">
        <h1>{t('reports:title')}</h1>
        <nav className="results-links" aria-label={t('reports:screen.otherReports')}>
          {role !== undefined && mayUse(role, 'reports.aggregates') ? (
            <Link to="/results/funder-safe" className="results-other">
              {t('reports:funderSafe.title')}
            </Link>
          ) : null}
          {role !== undefined && mayUse(role, 'reports.grant') ? (
            <Link to="/results/grant" className="results-other">
              {t('reports:grantReport.title')}
            </Link>
          ) : null}
          {has(COORDINATION, role) ? (
            <Link to="/reports" className="results-other">
              {t('reports:screen.olderReports')}
            </Link>
          ) : null}
        </nav>
      </div>
      <div className="filters" role="group" aria-label={t('reports:screen.periodLabel')}>
        <Field label={t('reports:screen.preset')}>
          {(p) => (
            <select
              {...p}
              autoFocus
              value={preset}
              onChange={(e) => {
                setPreset(e.target.value as Preset);
                setChoice(null);
                setList(null);
                if (e.target.value === 'custom' && valid) {
                  setCustomFrom(from);
                  setCustomTo(to);
                }
              }}
            >
              {presetsShown.map((p) => (
                <option key={p} value={p}>
                  {t(`reports:screen.presets.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {preset === 'custom' ? (
          <>
            <Field label={t('reports:screen.from')} error={customError.from}>
              {(p) => <DateInput {...p} value={customFrom} onChange={setCustomFrom} />}
            </Field>
            <Field label={t('reports:screen.to')} error={customError.to}>
              {(p) => <DateInput {...p} value={customTo} onChange={setCustomTo} />}
            </Field>
          </>
        ) : (
          <Field label={t('reports:screen.which')}>
            {(p) =>
              options.length === 0 ? (
                <p className="muted" id={p.id}>
                  {preset === 'grant' ? t('reports:screen.noGrants') : t('reports:screen.noProjects')}
                </p>
              ) : (
                <select
                  {...p}
                  value={chosen?.key ?? ''}
                  onChange={(e) => {
                    setChoice(e.target.value);
                    setList(null);
                  }}
                >
                  {options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {periodLabel(o)}
                    </option>
                  ))}
                </select>
              )
            }
          </Field>
        )}
        <div className="actions results-export">
          <button type="button" disabled={!valid || exportFile.isPending} onClick={() => void doExport('xlsx').catch(() => undefined)}>
            {t('reports:screen.xlsx')}
          </button>
          <button type="button" disabled={!valid || exportFile.isPending} onClick={() => void doExport('csv').catch(() => undefined)}>
            {t('reports:screen.csv')}
          </button>
          {valid ? (
            <Link className="button" to={`/results/print?from=${from}&to=${to}`}>
              {t('reports:screen.print')}
            </Link>
          ) : null}
        </div>
      </div>
      {valid ? (
        <p className="results-period">
          <strong>
            {fmt.date(from)} – {fmt.date(to)}
          </strong>{' '}
          <span className="muted">{t('reports:screen.previousRange', { from: fmt.date(prev.from), to: fmt.date(prev.to) })}</span>
        </p>
      ) : null}
      {exportFile.isPending ? <p className="muted">{t('reports:screen.busy')}</p> : null}
      {file ? (
        <p className="notice results-file" role="status">
          {t('reports:screen.ready', { file })}{' '}
          <a href={downloadUrl('exports', file)} download={file}>
            {t('reports:screen.download')}
          </a>
        </p>
      ) : null}
      <ErrorNotice error={exportFile.error ?? report.error ?? previous.error} />
      {report.data ? (
        <Figures
          report={report.data}
          previous={previous.data ?? null}
          canList={canList}
          onList={(section, row) => setList({ section, row })}
          list={list ? <PeopleList from={from} to={to} title={list.section.title} row={list.row} onClose={() => setList(null)} /> : null}
          listFor={list ? list.section.key : null}
        />
      ) : report.isLoading ? (
        <p className="loading">{t('common:loading')}</p>
      ) : null}
    </div>
  );
}

function Figures(props: {
  report: ReportInput;
  previous: ReportInput | null;
  canList: boolean;
  onList: (section: ReportSection, row: ReportTableRow) => void;
  list: React.ReactNode;
  listFor: string | null;
}) {
  const { t } = useTranslation(['reports', 'common', 'catalogue', 'events']);
  const fmt = useFormat();
  const sections = reportSections(props.report, t);
  const before = new Map((props.previous ? reportSections(props.previous, t) : []).map((s) => [s.key, new Map(s.rows.map((r) => [rowKey(r), r]))]));
  const show = (value: number, row: ReportTableRow) => (row.currency ? fmt.money(value, row.currency) : fmt.number(value));
  const change = (now: number, then: number | undefined, row: ReportTableRow) => {
    if (then === undefined) return '—';
    const diff = Math.round((now - then) * 10) / 10;
    if (diff === 0) return t('reports:screen.noChange');
    const sign = diff > 0 ? '+' : '−';
    const amount = row.currency ? fmt.money(Math.abs(diff), row.currency) : fmt.number(Math.abs(diff));
    return then > 0 ? `${sign}${amount} (${sign}${fmt.percent(Math.abs(diff) / then)})` : `${sign}${amount}`;
  };
  return (
    <>
      <ResultsCharts report={props.report} />
      <div className="results-figures">
        {sections.map((s) => (
          <section key={s.key} className="card results-figure" aria-labelledby={`fig-${s.key}`} data-figure={s.key}>
            <h2 id={`fig-${s.key}`}>{s.title}</h2>
            <p className="results-definition">{s.definition}</p>
            <DataTable
              className="results-table"
              data={s.rows}
              caption={s.title}
              empty={t('common:none')}
              rowClass={(r) => (r.label === '' ? 'results-main' : undefined)}
              // A figure's lines in their own order: the whole first, then its parts.
              noSort
              columns={((col) => [
                col('row', t('reports:columns.row'), (r) => r.label),
                col('measure', t('reports:columns.measure'), (r) => (
                  <>
                    {r.measure}
                    {r.currency ? `, ${r.currency}` : ''}
                    {r.distinct ? ' *' : ''}
                  </>
                )),
                col(
                  'total',
                  t('reports:screen.thisPeriod'),
                  (r) =>
                    props.canList && r.list !== undefined && r.total > 0 ? (
                      <button
                        type="button"
                        className="link results-number"
                        aria-label={t('reports:screen.openList', { figure: r.label ? `${s.title}, ${r.label}` : s.title, measure: r.measure }) + `: ${show(r.total, r)}`}
                        onClick={() => props.onList(s, r)}
                      >
                        {show(r.total, r)}
                      </button>
                    ) : (
                      show(r.total, r)
                    ),
                  { align: 'num' },
                ),
                col(
                  'previous',
                  t('reports:screen.previous'),
                  (r) => {
                    const then = before.get(s.key)?.get(rowKey(r))?.total;
                    return then === undefined ? '—' : show(then, r);
                  },
                  { align: 'num' },
                ),
                col('change', t('reports:screen.change'), (r) => change(r.total, before.get(s.key)?.get(rowKey(r))?.total, r), { align: 'num' }),
              ])(columnsOf(s.rows))}
            />
            {s.rows.some((r) => r.distinct) ? <p className="muted results-note">{t('reports:table.distinctNote')}</p> : null}
            {props.listFor === s.key ? props.list : null}
          </section>
        ))}
      </div>
    </>
  );
}
