import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { useCaseText } from './caseText';
import './cases.css';

/**
 * /caseload[?worker=ID]: a worker's open cases with the next review day, the actions whose due day
 * has passed and the reviews that are overdue. The signed-in user's own by default; coordinators
 * and admins may look at another worker's.
 */
export function CaseloadScreen() {
  const { t } = useCaseText();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const workerParam = Number(params.get('worker') ?? '');
  const workerId = Number.isInteger(workerParam) && workerParam > 0 ? workerParam : undefined;
  const load = useCall('cases.caseload', workerId !== undefined ? { workerId } : {});
  if (load.isError) return <ErrorNotice error={load.error} />;
  if (!load.data) return <p className="loading">{t('common:loading')}</p>;
  const l = load.data;
  const dash = t('common:none');
  return (
    <div className="caseload-screen">
      <h1>{t('cases:caseload.heading', { name: l.workerName })}</h1>
      <div className="caseload-worker">
        <Field label={t('cases:caseload.worker')}>
          {(p) => (
            <select {...p} value={String(l.workerId)} onChange={(e) => setParams({ worker: e.target.value })}>
              {l.workers.map((w) => (
                <option key={w.id} value={String(w.id)}>
                  {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="caseload-summary card" role="group" aria-label={t('cases:caseload.summary')}>
        <div>
          {t('cases:caseload.openCases', { count: l.cases.length })}
        </div>
        <div className={l.overdueActions.length > 0 ? 'case-overdue' : undefined}>
          {t('cases:caseload.overdueActions', { count: l.overdueActions.length })}
        </div>
        <div className={l.reviewsOverdue > 0 ? 'case-overdue' : undefined}>
          {t('cases:caseload.reviewsOverdue', { count: l.reviewsOverdue })}
        </div>
      </div>
      <h2>{t('cases:caseload.casesTitle')}</h2>
      {l.cases.length === 0 ? <p className="field-hint">{t('cases:caseload.noCases')}</p> : null}
      {l.cases.length > 0 ? (
        <DataTable
          className="caseload-table"
          data={l.cases}
          caption={t('cases:caseload.casesTitle')}
          empty={t('cases:caseload.noCases')}
          rowKey={(c) => String(c.id)}
          rowLabel={(c) => c.subjectName || t('cases:screen.title', { id: c.id })}
          onOpen={(c) => void navigate(`/cases/${c.id}`)}
          columns={((col) => [
            col(
              'case',
              t('cases:section.case'),
              (c) => (
                <>
                  <Link to={`/cases/${c.id}`}>{c.subjectName || t('cases:screen.title', { id: c.id })}</Link>
                  {c.householdId !== null ? <span className="badge">{t('cases:section.household')}</span> : null}
                </>
              ),
              { value: (c) => c.subjectName },
            ),
            col('openedOn', t('cases:fields.openedOn'), (c) => format.date(c.openedOn), { value: (c) => c.openedOn }),
            col(
              'nextReviewOn',
              t('cases:fields.nextReviewOn'),
              (c) => (
                <span className={c.reviewOverdue ? 'case-overdue' : undefined}>
                  {c.nextReviewOn ? format.date(c.nextReviewOn) : dash}
                  {c.reviewOverdue ? ` · ${t('cases:overdue')}` : null}
                </span>
              ),
              { value: (c) => c.nextReviewOn },
            ),
            col('openActions', t('cases:caseload.openActionsColumn'), (c) => c.openActions, { value: (c) => c.openActions, align: 'num' }),
            col('overdueActions', t('cases:caseload.overdueColumn'), (c) => <span className={c.overdueActions > 0 ? 'case-overdue' : undefined}>{c.overdueActions}</span>, {
              value: (c) => c.overdueActions,
              align: 'num',
            }),
          ])(columnsOf(l.cases))}
        />
      ) : null}
      <h2>{t('cases:caseload.overdueTitle')}</h2>
      {l.overdueActions.length === 0 ? <p className="field-hint">{t('cases:caseload.noOverdue')}</p> : null}
      {l.overdueActions.length > 0 ? (
        <DataTable
          className="caseload-overdue"
          data={l.overdueActions}
          caption={t('cases:caseload.overdueTitle')}
          empty={t('cases:caseload.noOverdue')}
          rowKey={(a) => String(a.actionId)}
          rowLabel={(a) => `${a.text} · ${a.subjectName || t('cases:screen.title', { id: a.caseId })}`}
          onOpen={(a) => void navigate(`/cases/${a.caseId}`)}
          columns={((col) => [
            col('dueOn', t('cases:fields.dueOn'), (a) => format.date(a.dueOn), { value: (a) => a.dueOn, className: 'case-overdue' }),
            col('action', t('cases:fields.action'), (a) => a.text),
            col('responsible', t('cases:fields.responsible'), (a) => a.responsible, { value: (a) => a.responsible }),
            col('case', t('cases:section.case'), (a) => <Link to={`/cases/${a.caseId}`}>{a.subjectName || t('cases:screen.title', { id: a.caseId })}</Link>, { value: (a) => a.subjectName }),
          ])(columnsOf(l.overdueActions))}
        />
      ) : null}
    </div>
  );
}
