import { Link, useSearchParams } from 'react-router';
import { useCall } from '../../app/api';
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
        <table className="data-table caseload-table">
          <thead>
            <tr>
              <th scope="col">{t('cases:section.case')}</th>
              <th scope="col">{t('cases:fields.openedOn')}</th>
              <th scope="col">{t('cases:fields.nextReviewOn')}</th>
              <th scope="col">{t('cases:caseload.openActionsColumn')}</th>
              <th scope="col">{t('cases:caseload.overdueColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {l.cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>{c.subjectName || t('cases:screen.title', { id: c.id })}</Link>
                  {c.householdId !== null ? <span className="badge">{t('cases:section.household')}</span> : null}
                </td>
                <td>{format.date(c.openedOn)}</td>
                <td className={c.reviewOverdue ? 'case-overdue' : undefined}>
                  {c.nextReviewOn ? format.date(c.nextReviewOn) : dash}
                  {c.reviewOverdue ? ` · ${t('cases:overdue')}` : null}
                </td>
                <td>{c.openActions}</td>
                <td className={c.overdueActions > 0 ? 'case-overdue' : undefined}>{c.overdueActions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t('cases:caseload.overdueTitle')}</h2>
      {l.overdueActions.length === 0 ? <p className="field-hint">{t('cases:caseload.noOverdue')}</p> : null}
      {l.overdueActions.length > 0 ? (
        <table className="data-table caseload-overdue">
          <thead>
            <tr>
              <th scope="col">{t('cases:fields.dueOn')}</th>
              <th scope="col">{t('cases:fields.action')}</th>
              <th scope="col">{t('cases:fields.responsible')}</th>
              <th scope="col">{t('cases:section.case')}</th>
            </tr>
          </thead>
          <tbody>
            {l.overdueActions.map((a) => (
              <tr key={a.actionId}>
                <td className="case-overdue">{format.date(a.dueOn)}</td>
                <td>{a.text}</td>
                <td>{a.responsible}</td>
                <td>
                  <Link to={`/cases/${a.caseId}`}>{a.subjectName || t('cases:screen.title', { id: a.caseId })}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
