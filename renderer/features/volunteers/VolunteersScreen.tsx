import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import {
  SPECIALISTS,
  VOLUNTEER_STATUSES,
  type Specialist,
  type VolunteerStatus,
  type VolunteerSummary,
} from '../../../shared/domain/volunteers';
import { useCall } from '../../app/api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';
import { useCanCoordinate, useVolunteerLabels } from './volunteerLabels';
import { SkillBadges, VolunteerStatusBadge } from './VolunteerBadges';
import './volunteers.css';

/**
 * Volunteers and specialists: a folding search (name, settlement, phone) with filters by status,
 * skill, specialty and settlement. ArrowDown in the search box goes to the rows, Enter opens one.
 */
export function VolunteersScreen() {
  const { t } = useTranslation(['volunteers', 'common']);
  const labels = useVolunteerLabels();
  const navigate = useNavigate();
  const canEdit = useCanCoordinate();
  const tableRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<VolunteerStatus | ''>('');
  const [skillId, setSkillId] = useState('');
  const [specialist, setSpecialist] = useState<Specialist | ''>('');
  const [settlement, setSettlement] = useState('');
  const query = useDebounced(q.trim(), 120);
  const skills = useCall('skills.list', { includeArchived: false });
  const everyone = useCall('volunteers.search', { q: '', limit: 500 });
  const results = useCall('volunteers.search', {
    q: query,
    status: status || undefined,
    skillId: skillId ? Number(skillId) : undefined,
    specialist: specialist || undefined,
    settlement: settlement || undefined,
    limit: 200,
  });
  const settlements = useMemo(() => [...new Set((everyone.data ?? []).map((v) => v.settlement).filter(Boolean))].sort(), [everyone.data]);

  const columns = useMemo<ColumnDef<VolunteerSummary, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('volunteers:columns.name'),
        accessorFn: (v) => v.fullName,
        cell: ({ row }) => (
          <>
            <strong>{row.original.fullName}</strong>
            {row.original.specialist !== null ? <div className="muted">{labels.specialist(row.original.specialist)}</div> : null}
          </>
        ),
      },
      { id: 'settlement', header: t('volunteers:columns.settlement'), accessorFn: (v) => v.settlement, cell: ({ row }) => row.original.settlement },
      { id: 'phone', header: t('volunteers:columns.phone'), cell: ({ row }) => <span className="nowrap">{row.original.phones.join(', ')}</span> },
      {
        id: 'skills',
        header: t('volunteers:columns.skills'),
        cell: ({ row }) => <SkillBadges skills={row.original.skills} />,
      },
      {
        id: 'regularity',
        header: t('volunteers:columns.regularity'),
        accessorFn: (v) => (v.isRegular ? 0 : 1),
        cell: ({ row }) => (row.original.isRegular ? t('volunteers:regular') : t('volunteers:occasional')),
      },
      { id: 'status', header: t('volunteers:columns.status'), accessorFn: (v) => labels.status(v.status), cell: ({ row }) => <VolunteerStatusBadge status={row.original.status} /> },
    ],
    [t, labels],
  );

  const rows = () => Array.from(tableRef.current?.querySelectorAll<HTMLElement>('tbody tr.clickable') ?? []);
  const moveInTable = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const list = rows();
    const index = list.indexOf(e.target as HTMLElement);
    if (index < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && index === 0) searchRef.current?.focus();
    else list[Math.min(Math.max(index + (e.key === 'ArrowDown' ? 1 : -1), 0), list.length - 1)]?.focus();
  };

  return (
    <div>
      <div className="page-head">
        <h1>{t('volunteers:title')}</h1>
        {canEdit ? (
          <Link to="/volunteers/new" className="button primary">
            {t('volunteers:new')}
          </Link>
        ) : null}
      </div>
      <div className="filters">
        <input
          ref={searchRef}
          type="search"
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              rows()[0]?.focus();
            }
          }}
          placeholder={t('volunteers:search.placeholder')}
          aria-label={t('volunteers:search.label')}
        />
        <label>
          {t('volunteers:filters.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as VolunteerStatus | '')}>
            <option value="">{t('volunteers:filters.anyStatus')}</option>
            {VOLUNTEER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('volunteers:filters.skill')}
          <select value={skillId} onChange={(e) => setSkillId(e.target.value)}>
            <option value="">{t('volunteers:filters.anySkill')}</option>
            {(skills.data ?? []).map((s) => (
              <option key={s.id} value={String(s.id)}>
                {labels.skill(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('volunteers:filters.specialist')}
          <select value={specialist} onChange={(e) => setSpecialist(e.target.value as Specialist | '')}>
            <option value="">{t('volunteers:filters.anySpecialist')}</option>
            {SPECIALISTS.map((s) => (
              <option key={s} value={s}>
                {labels.specialist(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('volunteers:filters.settlement')}
          <select value={settlement} onChange={(e) => setSettlement(e.target.value)}>
            <option value="">{t('volunteers:filters.allSettlements')}</option>
            {settlements.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={results.error} />
      {results.data ? (
        <>
          <p className="muted">{t('volunteers:shown', { count: results.data.length })}</p>
          <div ref={tableRef} onKeyDown={moveInTable}>
            <DataTable
              data={results.data}
              columns={columns}
              caption={t('volunteers:title')}
              empty={query ? t('volunteers:search.noneFor', { query }) : t('volunteers:search.none')}
              onOpen={(v) => void navigate(`/volunteers/${v.id}`)}
              rowLabel={(v) => v.fullName}
            />
          </div>
          {results.data.length === 0 && query && canEdit ? (
            <p>
              <Link to={`/volunteers/new?name=${encodeURIComponent(query)}`} className="button">
                {t('volunteers:search.createNamed', { name: query })}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
