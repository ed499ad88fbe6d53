import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COORDINATION, MONEY, type Role } from '../../../shared/api/roles';
import { reportSections, type ReportInput, type ReportTableRow } from '../../../shared/domain/reportTable';
import type { Language } from '../../../shared/domain/settings';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import './results.css';

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
              <table className="results-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports:grantReport.line')}</th>
                    <th scope="col" className="num">
                      {t('reports:grantReport.planned')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports:grantReport.actual')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports:grantReport.difference')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports:grantReport.percent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.lines.map((l) => (
                    <tr key={l.id}>
                      <th scope="row">{l.name}</th>
                      <td className="num">{money(l.plannedMinor)}</td>
                      <td className="num">{money(l.actualMinor)}</td>
                      <td className={`num${(l.differenceMinor ?? 0) < 0 ? ' fd-negative' : ''}`}>{money(l.differenceMinor)}</td>
                      <td className="num">{l.percentSpent === undefined ? '—' : fmt.percent(l.percentSpent / 100)}</td>
                    </tr>
                  ))}
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
                </tbody>
              </table>
            </section>
            <section className="card results-figure" aria-labelledby="gr-participants" data-section="participants">
              <h2 id="gr-participants">{t('reports:grantReport.participants')}</h2>
              {r.projects.length === 0 ? (
                <p className="muted">{t('reports:grantReport.noProjects')}</p>
              ) : (
                <table className="results-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports:grantReport.project')}</th>
                      {(['recruited', 'active', 'completed', 'droppedOut'] as const).map((k) => (
                        <th key={k} scope="col" className="num">
                          {t(`reports:grantReport.${k}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[...r.projects, { id: 0, name: t('reports:grantReport.total'), ...r.participants }].map((p) => (
                      <tr key={p.id} className={p.id === 0 ? 'results-main' : undefined}>
                        <th scope="row">{p.id === 0 ? p.name : <Link to={`/projects/${p.id}`}>{p.name}</Link>}</th>
                        <td className="num">{fmt.number(p.recruited)}</td>
                        <td className="num">{fmt.number(p.active)}</td>
                        <td className="num">{fmt.number(p.completed)}</td>
                        <td className="num">{fmt.number(p.droppedOut)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
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
            <table className="results-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports:columns.row')}</th>
                  <th scope="col">{t('reports:columns.measure')}</th>
                  <th scope="col" className="num">
                    {t('reports:columns.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.rows.map((row, i) => (
                  <tr key={i} className={row.label === '' ? 'results-main' : undefined}>
                    <td>{row.label}</td>
                    <td>
                      {row.measure}
                      {row.distinct ? ' *' : ''}
                    </td>
                    <td className="num">{show(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.rows.some((row) => row.distinct) ? <p className="muted results-note">{t('reports:table.distinctNote')}</p> : null}
          </section>
        ))}
      </div>
    </section>
  );
}
