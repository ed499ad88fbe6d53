import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EVENT_KINDS, type EventKind } from '../../../shared/domain/events';
import type { CallOutput } from '../../../shared/api/contract';
import { useCall, usePagedCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
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
  const runs = status.data?.user.role === 'coordinator' || status.data?.user.role === 'admin';
  const set = (k: keyof Filter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [k]: e.target.value });
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
      <EventsTable filter={filter} />
    </div>
  );
}

const eventRows = (page: CallOutput<'events.list'>) => page.events;

function EventsTable({ filter }: { filter: Filter }) {
  const text = useEventText();
  const { t, format } = text;
  const navigate = useNavigate();
  const { from, to, kind } = filter;
  const list = usePagedCall(
    'events.list',
    { ...(from !== '' ? { from } : {}), ...(to !== '' ? { to } : {}), ...(kind !== '' ? { kind } : {}) },
    { pageSize: 50, rows: eventRows },
  );
  if (list.query.isError) return <ErrorNotice error={list.query.error} />;
  if (!list.first) return null;
  return (
    <DataTable
      className="events-table"
      data={list.items}
      caption={t('events:title')}
      empty={t('events:none')}
      rowKey={(e) => String(e.id)}
      rowLabel={(e) => e.title}
      onOpen={(e) => void navigate(`/events/${e.id}`)}
      hasMore={list.hasMore}
      onNeedMore={list.loadMore}
      loadingMore={list.loadingMore}
      listKey={list.listKey}
      columns={((col) => [
        col(
          'date',
          t('events:columns.date'),
          (e) => (
            <>
              {text.when(e)}
              {e.dateFlag === 'farFuture' ? <div className="badge event-flag">{text.flagShort(e.dateFlag)}</div> : null}
            </>
          ),
          { value: (e) => e.startsOn },
        ),
        col(
          'title',
          t('events:columns.title'),
          (e) => (
            <Link to={`/events/${e.id}`}>
              <strong>{e.title}</strong>
            </Link>
          ),
          { value: (e) => e.title },
        ),
        col('kind', t('events:columns.kind'), (e) => text.kind(e.kind), { value: (e) => text.kind(e.kind) }),
        col('place', t('events:columns.place'), (e) => text.where(e) || t('common:none'), { value: (e) => text.where(e) }),
        col(
          'registered',
          t('events:columns.registered'),
          (e) => (e.capacity !== null ? `${format.number(e.figures.registered)} / ${format.number(e.capacity)}` : format.number(e.figures.registered)),
          { value: (e) => e.figures.registered, align: 'num' },
        ),
        col('attended', t('events:columns.attended'), (e) => format.number(e.figures.attended), { value: (e) => e.figures.attended, align: 'num' }),
        col('counted', t('events:columns.counted'), (e) => format.number(e.figures.counted), { value: (e) => e.figures.counted, align: 'num' }),
      ])(columnsOf(list.items))}
    />
  );
}
