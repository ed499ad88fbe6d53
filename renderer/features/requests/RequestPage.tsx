import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { allowedTransitions } from '../../../shared/domain/requests';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';
import { StatusBadge, UrgencyBadge } from './RequestTable';
import { RequestTasks } from '../tasks/RequestTasks';

export function RequestPage() {
  const { t } = useTranslation(['requests', 'common']);
  const labels = useLabels();
  const format = useFormat();
  const location = useLocation();
  const id = Number(useParams().id);
  const request = useCall('requests.get', { id });
  const setStatus = useMutate('requests.setStatus');
  const [note, setNote] = useState('');
  const justCreated = (location.state as { justCreated?: boolean } | null)?.justCreated === true;

  if (request.isError) return <ErrorNotice error={request.error} />;
  if (!request.data) return <p className="loading">{t('common:loading')}</p>;
  const r = request.data;
  return (
    <div>
      {justCreated ? (
        <div className="notice notice-success" role="status">
          {t('requests:created', { id: r.id })} <Link to="/requests/new">{t('requests:logAnother')}</Link>
        </div>
      ) : null}
      <div className="page-head">
        <h1>
          {t('requests:detailTitle', { id: r.id, kind: labels.kind(r) })} <StatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} />
        </h1>
      </div>
      <dl className="card details">
        <dt>{t('requests:form.resident')}</dt>
        <dd>
          <Link to={`/residents/${r.residentId}`}>{r.residentName}</Link>
          {r.settlement ? <span className="muted"> · {r.settlement}</span> : null}
        </dd>
        <dt>{t('requests:form.channel')}</dt>
        <dd>{labels.channel(r.channel)}</dd>
        <dt>{t('requests:form.description')}</dt>
        <dd className="pre">{r.description || t('common:none')}</dd>
        <dt>{t('requests:loggedBy')}</dt>
        <dd>{t('requests:loggedAt', { when: format.dateTime(r.createdAt), who: r.createdBy })}</dd>
      </dl>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('requests:changeStatus')}</h2>
        <div className="field">
          <label htmlFor="status-note">{t('requests:statusNote')}</label>
          <input id="status-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="actions">
          {allowedTransitions(r.status).map((s) => (
            <button
              key={s}
              type="button"
              className={s === 'done' ? 'primary' : undefined}
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ id: r.id, status: s, note }, { onSuccess: () => setNote('') })}
            >
              {t(`requests:moveTo.${s}`)}
            </button>
          ))}
        </div>
        <ErrorNotice error={setStatus.error} />
      </section>
      <RequestTasks requestId={r.id} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('requests:history')}</h2>
        <ol className="history">
          {r.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.changedAt}>{format.dateTime(h.changedAt)}</time>{' '}
              {h.fromStatus === null
                ? t('requests:historyCreated', { who: h.changedBy })
                : t('requests:historyChanged', { who: h.changedBy, from: labels.status(h.fromStatus), to: labels.status(h.toStatus) })}
              {h.note ? <span className="muted"> · {h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
