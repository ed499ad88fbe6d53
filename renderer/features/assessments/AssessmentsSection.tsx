import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useAssessmentText } from './assessmentText';
import './assessments.css';

/**
 * The "Assessments" section of a resident's page: their assessments and their household's, the
 * latest first. Coordinators and admins see the needs found, open an assessment and record one;
 * the front desk sees only that an assessment was made (kind, date, worker, follow-up).
 */
export function AssessmentsSection({ residentId }: { residentId: number }) {
  const text = useAssessmentText();
  const { t } = text;
  const format = useFormat();
  const status = useCall('app.status', {});
  const list = useCall('assessments.ofResident', { residentId });
  const role = status.data?.user.role;
  const caseworker = role === 'coordinator' || role === 'admin';
  const items = list.data?.items ?? [];
  return (
    <section className="card assessments-section" aria-labelledby="assessments-title">
      <div className="page-head">
        <h2 id="assessments-title">{t('assessments:section.title')}</h2>
        {caseworker ? (
          <div className="actions">
            <Link to={`/residents/${residentId}/assessments/new`} className="button">
              {t('assessments:section.record')}
            </Link>
          </div>
        ) : null}
      </div>
      <ErrorNotice error={list.error} />
      {list.data && items.length === 0 ? <p className="muted">{t('assessments:section.none')}</p> : null}
      {items.length > 0 ? (
        <table className="data-table assessments-table">
          <thead>
            <tr>
              <th scope="col">{t('assessments:columns.date')}</th>
              <th scope="col">{t('assessments:columns.kind')}</th>
              {caseworker ? <th scope="col">{t('assessments:columns.needs')}</th> : null}
              <th scope="col">{t('assessments:columns.worker')}</th>
              <th scope="col">{t('assessments:columns.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{caseworker ? <Link to={`/assessments/${a.id}`}>{format.date(a.assessedOn)}</Link> : format.date(a.assessedOn)}</td>
                <td>
                  {text.kind({ code: a.kindCode, name: a.kindName })}
                  {a.householdId !== null ? <span className="badge">{t('assessments:section.household')}</span> : null}
                </td>
                {caseworker ? <td>{(a.needs ?? []).map((n) => `${text.area({ code: n.areaCode, name: n.areaName })} (${text.severity(n.severity)})`).join(', ') || t('common:none')}</td> : null}
                <td>{a.workerName}</td>
                <td>{a.followUpOn !== null ? format.date(a.followUpOn) : t('common:none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {caseworker ? (
        <div className="section-links">
          <Link to="/assessments/due">{t('assessments:section.due')}</Link>
          <Link to="/assessments/lists">{t('assessments:section.lists')}</Link>
        </div>
      ) : null}
    </section>
  );
}
