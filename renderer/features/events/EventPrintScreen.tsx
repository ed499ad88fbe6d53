import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { BANDS, bandTotals } from '../../../shared/domain/events';
import { useEventText } from './eventText';
import '../board/print.css';
import './events.css';

/** Empty rows after the named people, for those who come at the door. */
const EMPTY_ROWS = 8;

/**
 * The printable A4 sign-in sheet of an event: the centre, the event, when and where; the named
 * people (registered beforehand or at the door) with their year of birth and an empty signature
 * column, then empty rows for people who come without registering. window.print() prints it.
 */
export function EventPrintScreen() {
  const id = Number(useParams().id);
  const text = useEventText();
  const { t } = text;
  const event = useCall('events.get', { id });
  const status = useCall('app.status', {});
  const title = event.data ? `${t('events:print.title')} — ${event.data.title}` : t('events:print.title');
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  if (event.isError) return <ErrorNotice error={event.error} />;
  if (!event.data) return <p className="loading">{t('common:loading')}</p>;
  const e = event.data;
  const named = e.attendees.filter((a) => a.fullName !== null);
  return (
    <div className="print-doc">
      <div className="print-toolbar no-print">
        <h1>{t('events:print.title')}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('events:print.print')}
          </button>
          <Link to={`/events/${e.id}`} className="button">
            {t('events:print.back')}
          </Link>
        </div>
      </div>
      <section className="sheet event-sheet">
        <div className="sheet-head">
          <div>
            <p className="sheet-centre">{status.data?.settings?.centreName}</p>
            <h2 className="sheet-title">{t('events:print.title')}</h2>
          </div>
          <dl className="sheet-meta">
            <div>
              <dt>{t('events:columns.title')}</dt>
              <dd>{e.title}</dd>
            </div>
            <div>
              <dt>{t('events:columns.kind')}</dt>
              <dd>{text.kind(e.kind)}</dd>
            </div>
            <div>
              <dt>{t('events:page.when')}</dt>
              <dd>{text.when(e)}</dd>
            </div>
            {text.where(e) ? (
              <div>
                <dt>{t('events:page.where')}</dt>
                <dd>{text.where(e)}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <table className="sheet-table event-sheet-table">
          <colgroup>
            <col className="w-no" />
            <col className="w-name" />
            <col className="w-year" />
            <col className="w-signature" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('events:print.no')}</th>
              <th scope="col">{t('events:print.name')}</th>
              <th scope="col">{t('events:print.birthYear')}</th>
              <th scope="col">{t('events:print.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {named.map((a, i) => (
              <tr key={a.id}>
                <td>{i + 1}</td>
                <td>{a.fullName}</td>
                <td>{a.birthYear ?? ''}</td>
                <td />
              </tr>
            ))}
            {Array.from({ length: EMPTY_ROWS }, (_, i) => (
              <tr key={`empty-${i}`} className="empty-row">
                <td>{named.length + i + 1}</td>
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <p className="event-sheet-heads" data-testid="event-sheet-heads">
          <strong>{t('events:heads.title')}:</strong> {BANDS.map((b) => `${text.band(b)} ${e.headCounts[b]}`).join(', ')}. {t('events:heads.totals', { ...bandTotals(e.headCounts) })}
        </p>
      </section>
    </div>
  );
}
