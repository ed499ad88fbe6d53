import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
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
  const navigate = useNavigate();
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
        <DataTable
          data={due.data.items}
          caption={t('assessments:due.title')}
          empty={t('assessments:due.none')}
          rowKey={(a) => String(a.id)}
          onOpen={(a) => void navigate(`/assessments/${a.id}`)}
          rowLabel={(a) => `${a.subjectName ?? t('common:none')} · ${text.kind({ code: a.kindCode, name: a.kindName })}`}
          columns={((col) => [
            col('followUp', t('assessments:columns.followUp'), (a) => <Link to={`/assessments/${a.id}`}>{a.followUpOn !== null ? format.date(a.followUpOn) : ''}</Link>, { value: (a) => a.followUpOn }),
            col(
              'who',
              t('assessments:due.who'),
              (a) => (
                <>
                  {a.subjectName ?? t('common:none')}
                  {a.householdId !== null ? <span className="badge">{t('assessments:section.household')}</span> : null}
                </>
              ),
              { value: (a) => a.subjectName },
            ),
            col('kind', t('assessments:columns.kind'), (a) => text.kind({ code: a.kindCode, name: a.kindName }), { value: (a) => text.kind({ code: a.kindCode, name: a.kindName }) }),
            col('date', t('assessments:columns.date'), (a) => format.date(a.assessedOn), { value: (a) => a.assessedOn }),
            col('worker', t('assessments:columns.worker'), (a) => a.workerName, { value: (a) => a.workerName }),
          ])(columnsOf(due.data.items))}
        />
      ) : null}
    </div>
  );
}
