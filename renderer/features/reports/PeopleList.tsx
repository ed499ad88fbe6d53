import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportPeople, ReportPerson } from '../../../shared/domain/reports';
import type { ReportTableRow } from '../../../shared/domain/reportTable';
import { usePagedCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';

const rows = (page: ReportPeople): ReportPerson[] => page.items;
const total = (page: ReportPeople): number => page.total;

/** The residents behind a number (reports.people), a page at a time; an erased resident stays a line without a name. */
export function PeopleList(props: { from: string; to: string; title: string; row: ReportTableRow; onClose: () => void }) {
  const { t } = useTranslation(['reports', 'common']);
  const fmt = useFormat();
  const navigate = useNavigate();
  const list = props.row.list!;
  const people = usePagedCall('reports.people', { from: props.from, to: props.to, figure: list.figure, ...(list.code !== undefined ? { code: list.code } : {}) }, { pageSize: 100, rows, total });
  const heading = t('reports:screen.listTitle', { figure: props.row.label ? `${props.title}, ${props.row.label}` : props.title });
  // Keyboard: the list takes the focus when it opens; Escape closes it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [heading]);
  return (
    <div
      className="results-people"
      role="region"
      aria-label={heading}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div className="results-people-head">
        <h3 ref={headingRef} tabIndex={-1}>
          {heading}
        </h3>
        <button type="button" className="small" onClick={props.onClose}>
          {t('reports:screen.close')}
        </button>
      </div>
      <ErrorNotice error={people.query.error} />
      {people.total !== undefined ? <p className="muted">{t('reports:screen.listTotal', { count: fmt.number(people.total) } as Record<string, unknown>)}</p> : null}
      <DataTable
        className="results-table"
        data={people.items}
        caption={heading}
        empty={people.first ? t('common:none') : t('common:loading')}
        rowKey={(p) => String(p.residentId)}
        rowLabel={(p) => (p.erased ? t('reports:screen.erased') : p.name)}
        onOpen={(p) => !p.erased && void navigate(`/residents/${p.residentId}`)}
        canOpen={(p) => !p.erased}
        // Pages come with the button below: the core's order until every page is in.
        noSort={people.hasMore}
        columns={((col) => [
          col('name', t('reports:screen.name'), (p) => (p.erased ? <em>{t('reports:screen.erased')}</em> : <Link to={`/residents/${p.residentId}`}>{p.name}</Link>), { value: (p) => p.name }),
          col('settlement', t('reports:screen.settlement'), (p) => p.settlement, { value: (p) => p.settlement }),
        ])(columnsOf(people.items))}
      />
      {people.hasMore ? (
        <button type="button" className="small" disabled={people.loadingMore} onClick={people.loadMore}>
          {t('reports:screen.more')}
        </button>
      ) : null}
    </div>
  );
}
