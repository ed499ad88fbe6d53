import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../../../shared/domain/requests';
import type { CallOutput } from '../../../shared/api/contract';
import { useCall, usePagedCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { RequestTable } from './RequestTable';
import { KindSelect } from './KindSelect';
import { DateInput } from '../../ui/DateInput';

const PAGE = 100;
type StatusFilter = 'open' | 'all' | RequestStatus;
const listRows = (page: CallOutput<'requests.list'>) => page.items;
const listTotal = (page: CallOutput<'requests.list'>) => page.total;

export function RequestsScreen() {
  const { t } = useTranslation(['requests', 'common']);
  const labels = useLabels();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [kindId, setKindId] = useState<number | null>(null);
  const [settlement, setSettlement] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const settlements = useCall('residents.settlements', {});
  const statuses: RequestStatus[] = status === 'open' ? [...OPEN_STATUSES] : status === 'all' ? [] : [status];
  // Paged from the core as the list is scrolled; only the rows in view are drawn.
  const list = usePagedCall(
    'requests.list',
    { statuses, kindId: kindId ?? undefined, settlement: settlement || undefined, from: from || undefined, to: to || undefined },
    { pageSize: PAGE, rows: listRows, total: listTotal },
  );

  return (
    <div>
      <div className="page-head">
        <h1>{t('requests:title')}</h1>
        <Link to="/requests/new" className="button primary">
          {t('requests:new')}
        </Link>
      </div>
      <div className="filters" role="group" aria-label={t('requests:filters.label')}>
        <label>
          <span>{t('requests:filters.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="open">{t('requests:filters.open')}</option>
            <option value="all">{t('requests:filters.all')}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('requests:filters.kind')}</span>
          <KindSelect id="filter-kind" value={kindId} onChange={setKindId} includeAll aria-invalid={false} aria-describedby={undefined} />
        </label>
        <label>
          <span>{t('requests:filters.settlement')}</span>
          <select value={settlement} onChange={(e) => setSettlement(e.target.value)}>
            <option value="">{t('requests:filters.allSettlements')}</option>
            {(settlements.data ?? []).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="date-filter">
          <span id="rq-from-label">{t('requests:filters.from')}</span>
          <DateInput aria-labelledby="rq-from-label" value={from} onChange={setFrom} />
        </div>
        <div className="date-filter">
          <span id="rq-to-label">{t('requests:filters.to')}</span>
          <DateInput aria-labelledby="rq-to-label" value={to} onChange={setTo} />
        </div>
      </div>
      <ErrorNotice error={list.query.error} />
      {list.total !== undefined ? (
        <>
          {/* The core counts up to 10,000 matches; beyond, it says "more than". */}
          <p className="muted">{list.first?.totalCapped ? t('requests:foundMore', { count: list.total }) : t('requests:found', { count: list.total })}</p>
          <RequestTable
            items={list.items}
            total={list.first?.totalCapped ? undefined : list.total}
            hasMore={list.hasMore}
            listKey={list.listKey}
            onNeedMore={list.loadMore}
            loadingMore={list.loadingMore}
            caption={t('requests:title')}
          />
        </>
      ) : null}
    </div>
  );
}
