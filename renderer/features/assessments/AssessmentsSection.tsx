import { Link, useNavigate } from 'react-router';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
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
  const navigate = useNavigate();
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
        <DataTable
          className="assessments-table"
          data={items}
          caption={t('assessments:section.title')}
          empty={t('assessments:section.none')}
          rowKey={(a) => String(a.id)}
          {...(caseworker ? { onOpen: (a: (typeof items)[number]) => void navigate(`/assessments/${a.id}`) } : {})}
          columns={((col) => [
            col('date', t('assessments:columns.date'), (a) => (caseworker ? <Link to={`/assessments/${a.id}`}>{format.date(a.assessedOn)}</Link> : format.date(a.assessedOn)), {
              value: (a) => a.assessedOn,
            }),
            col(
              'kind',
              t('assessments:columns.kind'),
              (a) => (
                <>
                  {text.kind({ code: a.kindCode, name: a.kindName })}
                  {a.householdId !== null ? <span className="badge">{t('assessments:section.household')}</span> : null}
                </>
              ),
              { value: (a) => text.kind({ code: a.kindCode, name: a.kindName }) },
            ),
            ...(caseworker
              ? [
                  col('needs', t('assessments:columns.needs'), (a) =>
                    (a.needs ?? []).map((n) => `${text.area({ code: n.areaCode, name: n.areaName })} (${text.severity(n.severity)})`).join(', ') || t('common:none'),
                  ),
                ]
              : []),
            col('worker', t('assessments:columns.worker'), (a) => a.workerName, { value: (a) => a.workerName }),
            col('followUp', t('assessments:columns.followUp'), (a) => (a.followUpOn !== null ? format.date(a.followUpOn) : t('common:none')), { value: (a) => a.followUpOn }),
          ])(columnsOf(items))}
        />
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
