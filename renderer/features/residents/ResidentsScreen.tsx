import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, usePagedCall } from '../../app/api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';

const PAGE = 100;
const residentRows = (page: ResidentSummary[]) => page;

/** The register: a search over every resident, paged from the core as the list is scrolled. */
export function ResidentsScreen() {
  const { t } = useTranslation(['residents', 'common']);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [settlement, setSettlement] = useState('');
  const query = useDebounced(q.trim(), 120);
  const settlements = useCall('residents.settlements', {});
  const results = usePagedCall('residents.search', { q: query, settlement: settlement || undefined }, { pageSize: PAGE, rows: residentRows });
  const columns = useMemo<ColumnDef<ResidentSummary, unknown>[]>(
    () => [
      { id: 'name', header: t('residents:columns.name'), accessorFn: (r) => r.fullName, cell: ({ row }) => <strong>{row.original.fullName}</strong> },
      { id: 'born', header: t('residents:columns.born'), accessorFn: (r) => r.birthYear ?? undefined, sortUndefined: 'last', meta: { align: 'num' }, cell: ({ row }) => row.original.birthYear ?? '' },
      { id: 'address', header: t('residents:columns.address'), accessorFn: (r) => r.address, cell: ({ row }) => row.original.address },
      { id: 'phone', header: t('residents:columns.phone'), cell: ({ row }) => row.original.phones.join(', ') },
      {
        id: 'care',
        header: t('residents:columns.care'),
        cell: ({ row }) => (row.original.regularCare ? <span className="badge care">{t('residents:regularCareBadge')}</span> : null),
      },
    ],
    [t],
  );
  return (
    <div>
      <div className="page-head">
        <h1>{t('residents:title')}</h1>
        <div className="actions">
          <Link to="/residents/duplicates" className="button">
            {t('residents:duplicatesList.open')}
          </Link>
          <Link to="/residents/new" className="button primary">
            {t('residents:new')}
          </Link>
        </div>
      </div>
      <div className="filters">
        <input
          type="search"
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('residents:search.placeholder')}
          aria-label={t('residents:search.label')}
        />
        <select value={settlement} onChange={(e) => setSettlement(e.target.value)} aria-label={t('residents:columns.settlement')}>
          <option value="">{t('residents:allSettlements')}</option>
          {(settlements.data ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={results.query.error} />
      {results.first ? (
        <>
          <p className="muted">{t('residents:shown', { count: results.items.length })}</p>
          {results.hasMore ? <p className="field-hint">{t('common:moreOnScroll')}</p> : null}
          <DataTable
            data={results.items}
            hasMore={results.hasMore}
            listKey={results.listKey}
            onNeedMore={results.loadMore}
            loadingMore={results.loadingMore}
            caption={t('residents:title')}
            rowKey={(r) => String(r.id)}
            columns={columns}
            empty={t('residents:search.none', { query })}
            onOpen={(r) => void navigate(`/residents/${r.id}`)}
            rowLabel={(r) => r.fullName}
          />
        </>
      ) : null}
    </div>
  );
}
