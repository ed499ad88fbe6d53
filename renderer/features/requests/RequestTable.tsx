import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { RequestSummary } from '../../../shared/domain/requests';
import { DataTable, type DataTableProps } from '../../ui/DataTable';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';

export function StatusBadge({ status }: { status: RequestSummary['status'] }) {
  const labels = useLabels();
  return <span className={`badge status-${status}`}>{labels.status(status)}</span>;
}

export function UrgencyBadge({ urgency }: { urgency: RequestSummary['urgency'] }) {
  const labels = useLabels();
  if (urgency === 'normal') return null;
  return <span className={`badge urgency-${urgency}`}>{labels.urgency(urgency)}</span>;
}

/**
 * Requests as a table; a row opens the request. `show` hides columns that the page already says.
 * A long list draws only the rows in view; with `total` and `onNeedMore` it pages from the core.
 */
export function RequestTable({
  items,
  show = 'all',
  timeOnly = false,
  ...paging
}: {
  items: RequestSummary[];
  show?: 'all' | 'noResident';
  timeOnly?: boolean;
} & Pick<DataTableProps<RequestSummary>, 'caption' | 'total' | 'hasMore' | 'onNeedMore' | 'loadingMore' | 'maxHeight' | 'listKey'>) {
  const { t } = useTranslation(['requests', 'common']);
  const labels = useLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<ColumnDef<RequestSummary, unknown>[]>(() => {
    const cols: ColumnDef<RequestSummary, unknown>[] = [
      { id: 'when', header: t('requests:columns.when'), accessorFn: (r) => r.createdAt, cell: ({ row }) => <span className="nowrap">{timeOnly ? format.time(row.original.createdAt) : format.date(row.original.createdOn)}</span> },
    ];
    if (show === 'all') {
      cols.push({
        id: 'resident',
        header: t('requests:columns.resident'),
        accessorFn: (r) => r.residentName,
        cell: ({ row }) => (
          <span>
            {row.original.residentName}
            {row.original.settlement ? <span className="muted"> · {row.original.settlement}</span> : null}
          </span>
        ),
      });
    }
    cols.push(
      {
        id: 'kind',
        header: t('requests:columns.kind'),
        accessorFn: (r) => labels.kind(r),
        cell: ({ row }) => (
          <span>
            {labels.kind(row.original)} <UrgencyBadge urgency={row.original.urgency} />
          </span>
        ),
      },
      { id: 'description', header: t('requests:columns.description'), cell: ({ row }) => <span className="clip">{row.original.description}</span> },
      { id: 'status', header: t('requests:columns.status'), accessorFn: (r) => labels.status(r.status), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    );
    return cols;
  }, [t, labels, format, show, timeOnly]);
  return (
    <DataTable
      data={items}
      columns={columns}
      {...paging}
      empty={t('requests:empty')}
      rowKey={(r) => String(r.id)}
      onOpen={(r) => void navigate(`/requests/${r.id}`)}
      rowLabel={(r) => t('requests:rowLabel', { id: r.id, name: r.residentName, kind: labels.kind(r) })}
    />
  );
}
