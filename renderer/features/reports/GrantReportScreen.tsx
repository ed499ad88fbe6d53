import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COORDINATION, MONEY, type Role } from '../../../shared/api/roles';
import { reportSections, type ReportInput, type ReportTableRow } from '../../../shared/domain/reportTable';
import type { Language } from '../../../shared/domain/settings';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import './results.css';

/** The participants' statuses, in the order of a project's course. */
const PARTICIPANTS = ['recruited', 'active', 'completed', 'droppedOut'] as const;

const has = (roles: readonly Role[], role: Role | undefined) => role !== undefined && roles.includes(role);

/**
 * The grant report (/results/grant?grant=<id>): plan vs actual per budget line and the spending
 * without a line, the participants of the grant's projects by status, and the activity figures of
 * the grant's period (the results report's, without money).
 */
export function GrantReportScreen() {
  const { t, i18n } = useTranslation(['reports', 'common', 'catalogue', 'events']);
  const fmt = useFormat();
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  const [params, setParams] = useSearchParams();
  // The grants to pick from: the treasurer's list, or (coordinators) the projects' grant options.
  const grants = useCall('grants.list', {}, { enabled: has(MONEY, role) });
  const options = useCall('projects.grantOptions', {}, { enabled: !has(MONEY, role) && has(COORDINATION, role) });
  const choices = has(MONEY, role) ? (grants.data ?? []).map((g) => ({ id: g.id, title: g.title, startsOn: g.startsOn, endsOn: g.endsOn })) : (options.data ?? []);
  const asked = Number(params.get('grant'));
  const grantId = Number.isInteger(asked) && asked > 0 ? asked : (choices[0]?.id ?? 0);
  const language = i18n.language as Language;
  const report = useCall('reports.grant', { grantId, language }, { enabled: grantId > 0 });

  if (!status.data) return <p className="loading">{t('common:loading')}</p>;
  const loaded = grants.data !== undefined || options.data !== undefined;
  const r = report.data;
  const money = (m: number | undefined) => (m === undefined || !r ? '—' : fmt.money(m, r.currency));

  return (
    <div className="results grant-report">
      <div className="results-head">
        <h1>{t('reports:grantReport.title')}</h1>
        <Link to="/results" className="results-other">
          {t('reports:funderSafe.back')}
        </Link>
      </div>
      <div className="filters">
        <Field label={t('reports:grantReport.grant')}>
          {(p) =>
            loaded && choices.length === 0 ? (
              <p className="muted" id={p.id}>
                {t('reports:grantReport.none')}
              </p>
            ) : (
              <select {...p} autoFocus value={grantId || ''} onChange={(e) => setParams({ grant: e.target.value }, { replace: true })}>
                {choices.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.title} ({fmt.date(g.startsOn)} – {fmt.date(g.endsOn)})
                  </option>
                ))}
              </select>
            )
          }
        </Field>
      </div>
      <ErrorNotice error={report.error ?? grants.error ?? options.error} />
      {r ? (
        <>
          <section className="card" aria-labelledby="gr-head">
            <h2 id="gr-head">{r.title}</h2>
            <p className="gr-meta">
              {r.funder ? <span>{r.funder} · </span> : null}
              <span>{t('reports:grantReport.period', { from: fmt.date(r.startsOn), to: fmt.date(r.endsOn) })}</span>
              {r.amountMinor !== undefined ? (
                <span>
                  {' '}
                  · {t('reports:grantReport.amount')}: <strong>{money(r.amountMinor)}</strong>
                </span>
              ) : null}
            </p>
          </section>
          <div className="results-figures">
            <section className="card results-figure" aria-labelledby="gr-lines" data-section="lines">
              <h2 id="gr-lines">{t('reports:grantReport.planVsActual')}</h2>
              <DataTable
                className="results-table"
                data={r.lines}
                caption={t('reports:grantReport.planVsActual')}
                empty={t('common:none')}
                rowKey={(l) => String(l.id)}
                // The lines in the grant's own order, as the funder's budget lists them.
                noSort
                foot={
                  <>
                    <tr>
                      <th scope="row">{t('reports:grantReport.unassigned')}</th>
                      <td className="num">—</td>
                      <td className="num">{money(r.unassignedMinor)}</td>
                      <td className="num">—</td>
                      <td className="num">—</td>
                    </tr>
                    <tr className="results-main">
                      <th scope="row">{t('reports:grantReport.total')}</th>
                      <td className="num">{money(r.plannedMinor)}</td>
                      <td className="num">{money(r.actualMinor)}</td>
                      <td className="num">{r.plannedMinor !== undefined && r.actualMinor !== undefined ? money(r.plannedMinor - r.actualMinor) : '—'}</td>
                      <td className="num">{r.plannedMinor && r.actualMinor !== undefined ? fmt.percent(r.actualMinor / r.plannedMinor) : '—'}</td>
                    </tr>
                  </>
                }
                columns={((col) => [
                  col('line', t('reports:grantReport.line'), (l) => l.name, { rowHeader: true }),
                  col('planned', t('reports:grantReport.planned'), (l) => money(l.plannedMinor), { align: 'num' }),
                  col('actual', t('reports:grantReport.actual'), (l) => money(l.actualMinor), { align: 'num' }),
                  col('difference', t('reports:grantReport.difference'), (l) => <span className={(l.differenceMinor ?? 0) < 0 ? 'fd-negative' : undefined}>{money(l.differenceMinor)}</span>, {
                    align: 'num',
                  }),
                  col('percent', t('reports:grantReport.percent'), (l) => (l.percentSpent === undefined ? '—' : fmt.percent(l.percentSpent / 100)), { align: 'num' }),
                ])(columnsOf(r.lines))}
              />
            </section>
            <section className="card results-figure" aria-labelledby="gr-participants" data-section="participants">
              <h2 id="gr-participants">{t('reports:grantReport.participants')}</h2>
              {r.projects.length === 0 ? (
                <p className="muted">{t('reports:grantReport.noProjects')}</p>
              ) : (
                <DataTable
                  className="results-table"
                  data={r.projects}
                  caption={t('reports:grantReport.participants')}
                  empty={t('reports:grantReport.noProjects')}
                  rowKey={(p) => String(p.id)}
                  columns={((col) => [
                    col('project', t('reports:grantReport.project'), (p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>, {
                      value: (p) => p.name,
                      rowHeader: true,
                      footer: t('reports:grantReport.total'),
                    }),
                    ...PARTICIPANTS.map((k) =>
                      col(k, t(`reports:grantReport.${k}`), (p) => fmt.number(p[k]), { value: (p) => p[k], align: 'num', footer: fmt.number(r.participants[k]) }),
                    ),
                  ])(columnsOf(r.projects))}
                />
              )}
            </section>
          </div>
          <Activity activity={r.activity as ReportInput} />
        </>
      ) : report.isLoading ? (
        <p className="loading">{t('common:loading')}</p>
      ) : null}
    </div>
  );
}

/** The results report's figures of the grant's period, as /results shows them (without the comparison). */
function Activity(props: { activity: ReportInput }) {
  const { t } = useTranslation(['reports', 'common', 'catalogue', 'events']);
  const fmt = useFormat();
  const sections = reportSections(props.activity, t);
  const show = (r: ReportTableRow) => (r.currency ? fmt.money(r.total, r.currency) : fmt.number(r.total));
  return (
    <section aria-labelledby="gr-activity">
      <h2 id="gr-activity">{t('reports:grantReport.activity')}</h2>
      <p className="muted">{t('reports:grantReport.activityNote', { from: fmt.date(props.activity.from), to: fmt.date(props.activity.to) })}</p>
      <div className="results-figures">
        {sections.map((s) => (
          <section key={s.key} className="card results-figure" aria-labelledby={`gr-fig-${s.key}`} data-figure={s.key}>
            <h3 id={`gr-fig-${s.key}`}>{s.title}</h3>
            <p className="results-definition">{s.definition}</p>
            <DataTable
              className="results-table"
              data={s.rows}
              caption={s.title}
              empty={t('common:none')}
              rowClass={(row) => (row.label === '' ? 'results-main' : undefined)}
              // A figure's lines in their own order: the whole first, then its parts.
              noSort
              columns={((col) => [
                col('row', t('reports:columns.row'), (row) => row.label),
                col('measure', t('reports:columns.measure'), (row) => (
                  <>
                    {row.measure}
                    {row.distinct ? ' *' : ''}
                  </>
                )),
                col('total', t('reports:columns.total'), (row) => show(row), { align: 'num' }),
              ])(columnsOf(s.rows))}
            />
            {s.rows.some((row) => row.distinct) ? <p className="muted results-note">{t('reports:table.distinctNote')}</p> : null}
          </section>
        ))}
      </div>
    </section>
  );
}
