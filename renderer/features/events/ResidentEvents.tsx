import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useEventText } from './eventText';
import './events.css';

/** A resident's events on their page: the event, when, and whether they came. */
export function ResidentEvents({ residentId, role }: { residentId: number; role: string | undefined }) {
  if (role !== 'frontdesk' && role !== 'coordinator' && role !== 'admin') return null;
  return <EventsOf residentId={residentId} />;
}

function EventsOf({ residentId }: { residentId: number }) {
  const text = useEventText();
  const { t } = text;
  const list = useCall('events.ofResident', { residentId });
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (!list.data) return null;
  return (
    <section className="event-section resident-events-section" aria-labelledby="resident-events-title">
      <h2 id="resident-events-title">{t('events:resident.title')}</h2>
      {list.data.length === 0 ? (
        <p className="muted">{t('events:resident.none')}</p>
      ) : (
        <ul className="resident-events">
          {list.data.map((x) => (
            <li key={x.attendanceId}>
              <Link to={`/events/${x.eventId}`}>{x.title}</Link> <span className="muted">({text.kind(x.kind)})</span> · {text.when({ startsOn: x.startsOn, startsAt: x.startsAt, endsAt: null })}{' '}
              <span className={`badge event-status-${x.status}`}>{text.status(x.status)}</span>
              {x.atDoor ? <span className="muted"> ({t('events:atDoor')})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
