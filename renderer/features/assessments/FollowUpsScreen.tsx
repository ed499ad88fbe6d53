import { useState } from 'react';
import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { useAssessmentText } from './assessmentText';
import './assessments.css';
import { DateInput } from '../../ui/DateInput';

/** /assessments/due: the follow-ups due by a day (today by default), the earliest first; the signed-in worker's or everyone's. */
export function FollowUpsScreen() {
  const text = useAssessmentText();
  const { t } = text;
  const format = useFormat();
  const status = useCall('app.status', {});
  const [until, setUntil] = useState<string | null>(null);
  const [mine, setMine] = useState(true);
  const day = until ?? status.data?.today ?? '';
  const due = useCall('assessments.dueFollowUps', { until: day, ...(mine && status.data ? { workerId: status.data.user.id } : {}) }, { enabled: day !== '' });
  return (
    <div>
      <h1>{t('assessments:due.title')}</h1>
      <div className="assessment-due-filters">
        <Field label={t('assessments:due.until')}>{(p) => <DateInput {...p} value={day} onChange={(v) => setUntil(v || null)} />}</Field>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <span>{t('assessments:due.mine')}</span>
        </label>
      </div>
      <ErrorNotice error={due.error ?? status.error} />
      {due.data && due.data.items.length === 0 ? <p className="muted">{t('assessments:due.none')}</p> : null}
      {due.data && due.data.items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('assessments:columns.followUp')}</th>
              <th scope="col">{t('assessments:due.who')}</th>
              <th scope="col">{t('assessments:columns.kind')}</th>
              <th scope="col">{t('assessments:columns.date')}</th>
              <th scope="col">{t('assessments:columns.worker')}</th>
            </tr>
          </thead>
          <tbody>
            {due.data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/assessments/${a.id}`}>{a.followUpOn !== null ? format.date(a.followUpOn) : ''}</Link>
                </td>
                <td>
                  {a.subjectName ?? t('common:none')}
                  {a.householdId !== null ? <span className="badge">{t('assessments:section.household')}</span> : null}
                </td>
                <td>{text.kind({ code: a.kindCode, name: a.kindName })}</td>
                <td>{format.date(a.assessedOn)}</td>
                <td>{a.workerName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
