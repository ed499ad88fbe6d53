import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge, useProjectText } from './projectText';
import './projects.css';

/**
 * A resident's participations in projects, on their page: the project, when they were recruited,
 * their social contract, their status and what they attended. Coordinators and admins only (the
 * front desk does not see casework); for the others the section is not there.
 */
export function ResidentProjects({ residentId, role }: { residentId: number; role: string | undefined }) {
  if (role !== 'coordinator' && role !== 'admin') return null;
  return <Participations residentId={residentId} />;
}

function Participations({ residentId }: { residentId: number }) {
  const text = useProjectText();
  const { t, format } = text;
  const list = useCall('projects.ofResident', { residentId });
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (!list.data) return null;
  return (
    <section className="project-section resident-projects-section" aria-labelledby="resident-projects-title">
      <h2 id="resident-projects-title">{t('projects:resident.title')}</h2>
      {list.data.length === 0 ? (
        <p className="muted">{t('projects:resident.none')}</p>
      ) : (
        <ul className="resident-projects">
          {list.data.map((x) => (
            <li key={x.participantId}>
              <Link to={`/projects/${x.projectId}`}>
                <strong>{x.projectName}</strong>
              </Link>{' '}
              <StatusBadge status={x.status} />
              <div>
                {t('projects:resident.recruited', { date: format.date(x.recruitedOn) })}
                {', '}
                {x.contractOn !== null ? t('projects:resident.contract', { date: format.date(x.contractOn) }) : t('projects:resident.noContract')}
                {x.endedOn !== null ? ` · ${t('projects:resident.ended', { status: text.status(x.status), date: format.date(x.endedOn) })}` : null}
              </div>
              {x.activities.length > 0 ? (
                <div className="muted">
                  {x.activities.map((a) => `${a.name} (${text.kind(a.kind)}): ${t('projects:sessions', { count: a.sessions })}`).join('; ')}
                </div>
              ) : null}
              {x.dropReason ? <div className="muted">{x.dropReason}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
