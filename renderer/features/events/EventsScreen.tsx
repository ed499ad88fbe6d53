import { useState } from 'react';
import { Link } from 'react-router';
import { EVENT_KINDS, type EventKind } from '../../../shared/domain/events';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { DateInput } from '../../ui/DateInput';
import { useEventText } from './eventText';
import './events.css';

interface Filter {
  from: string;
  to: string;
  kind: EventKind | '';
}

/**
 * Events, campaigns and outreach of a period, the latest first, page by page: the kind, when and
 * where, how many registered and attended by name, how many counted without names, and a flag
 * for an event in the past or more than a year ahead. Coordinators and admins add new ones.
 */
export function EventsScreen() {
  const text = useEventText();
  const { t } = text;
  const status = useCall('app.status', {});
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', kind: '' });
  // The cursor of each page shown after the first.
  const [cursors, setCursors] = useState<Array<{ startsOn: string; id: number }>>([]);
  const runs = status.data?.user.role === 'coordinator' || status.data?.user.role === 'admin';
  const set = (k: keyof Filter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [k]: e.target.value });
    setCursors([]);
  };
  return (
    <div>
      <div className="page-head">
        <h1>{t('events:title')}</h1>
        {runs ? (
          <div className="actions">
            <Link to="/events/new" className="button primary">
              {t('events:new')}
            </Link>
          </div>
        ) : null}
      </div>
      <form className="card events-filter" aria-label={t('events:filter.label')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('events:filter.from')}>{(p) => <DateInput {...p} value={filter.from} onChange={(v) => set('from')({ target: { value: v } })} />}</Field>
        <Field label={t('events:filter.to')}>{(p) => <DateInput {...p} value={filter.to} onChange={(v) => set('to')({ target: { value: v } })} />}</Field>
        <Field label={t('events:filter.kind')}>
          {(p) => (
            <select {...p} value={filter.kind} onChange={set('kind')}>
              <option value="">{t('events:filter.allKinds')}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {text.kind(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <table className="data-table events-table">
        <thead>
          <tr>
            <th scope="col">{t('events:columns.date')}</th>
            <th scope="col">{t('events:columns.title')}</th>
            <th scope="col">{t('events:columns.kind')}</th>
            <th scope="col">{t('events:columns.place')}</th>
            <th scope="col" className="num">{t('events:columns.registered')}</th>
            <th scope="col" className="num">{t('events:columns.attended')}</th>
            <th scope="col" className="num">{t('events:columns.counted')}</th>
          </tr>
        </thead>
        {[undefined, ...cursors].map((cursor, i) => (
          <EventsPage key={cursor ? `${cursor.startsOn}-${cursor.id}` : 'first'} filter={filter} cursor={cursor} last={i === cursors.length} onMore={(c) => setCursors([...cursors, c])} />
        ))}
      </table>
    </div>
  );
}

function EventsPage(props: { filter: Filter; cursor: { startsOn: string; id: number } | undefined; last: boolean; onMore: (c: { startsOn: string; id: number }) => void }) {
  const text = useEventText();
  const { t, format } = text;
  const { from, to, kind } = props.filter;
  const page = useCall('events.list', {
    ...(from !== '' ? { from } : {}),
    ...(to !== '' ? { to } : {}),
    ...(kind !== '' ? { kind } : {}),
    ...(props.cursor ? { cursor: props.cursor } : {}),
    limit: 50,
  });
  if (page.isError) {
    return (
      <tbody>
        <tr>
          <td colSpan={7}>
            <ErrorNotice error={page.error} />
          </td>
        </tr>
      </tbody>
    );
  }
  if (!page.data) return null;
  const { events, next } = page.data;
  return (
    <tbody>
      {events.length === 0 && props.cursor === undefined ? (
        <tr>
          <td colSpan={7} className="muted">
            {t('events:none')}
          </td>
        </tr>
      ) : null}
      {events.map((e) => (
        <tr key={e.id}>
          <td className="nowrap">
            {text.when(e)}
            {e.dateFlag === 'farFuture' ? <div className="badge event-flag">{text.flagShort(e.dateFlag)}</div> : null}
          </td>
          <td>
            <Link to={`/events/${e.id}`}>
              <strong>{e.title}</strong>
            </Link>
          </td>
          <td>{text.kind(e.kind)}</td>
          <td>{text.where(e) || t('common:none')}</td>
          <td className="num">{e.capacity !== null ? `${format.number(e.figures.registered)} / ${format.number(e.capacity)}` : format.number(e.figures.registered)}</td>
          <td className="num">{format.number(e.figures.attended)}</td>
          <td className="num">{format.number(e.figures.counted)}</td>
        </tr>
      ))}
      {props.last && next !== null ? (
        <tr>
          <td colSpan={7}>
            <button type="button" onClick={() => props.onMore(next)}>
              {t('events:more')}
            </button>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
