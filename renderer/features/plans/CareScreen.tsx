import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { daysBetween, type CareEntry, type EnsureCheckInsResult } from '../../../shared/domain/plans';
import { useCall, useMutate } from '../../app/api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePlanFormat, useToday } from './planText';
import './plans.css';

/**
 * Residents under regular care, the most overdue first (in the warning colour): last contact,
 * next check-in due, the next planned check-in. Filters by settlement and "overdue only"; one
 * button gives everyone without one a check-in plan. Enter on a row opens the resident.
 */
export function CareScreen() {
  const { t } = useTranslation(['plans', 'common']);
  const fmt = usePlanFormat();
  const today = useToday();
  const navigate = useNavigate();
  const [settlement, setSettlement] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [result, setResult] = useState<EnsureCheckInsResult | null>(null);
  const settlements = useCall('residents.settlements', {});
  const list = useCall('care.list', { settlement: settlement || undefined, overdueOnly });
  const ensure = useMutate('plans.ensureCheckIns');
  const items = useMemo(() => list.data ?? [], [list.data]);
  const overdue = items.filter((e) => e.overdue).length;
  const withoutPlan = items.filter((e) => !e.hasCheckInPlan).length;

  const columns = useMemo<ColumnDef<CareEntry, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('plans:care.columns.name'),
        cell: ({ row }) => (
          <>
            <strong className="care-name">{row.original.fullName}</strong>
            <div className="muted">{row.original.address}</div>
          </>
        ),
      },
      {
        id: 'phone',
        header: t('plans:care.columns.phone'),
        cell: ({ row }) =>
          row.original.phones.map((phone) => (
            <div key={phone} className="nowrap">
              {phone}
            </div>
          )),
      },
      {
        id: 'last',
        header: t('plans:care.columns.lastContact'),
        cell: ({ row }) => {
          const e = row.original;
          if (e.lastContactOn === null) return <span className="muted">{t('plans:care.never')}</span>;
          return (
            <>
              <span className="nowrap">{fmt.date(e.lastContactOn)}</span>
              {e.lastContactKindCode ? <div className="muted">{t(`catalogue:kinds.${e.lastContactKindCode}`)}</div> : null}
            </>
          );
        },
      },
      {
        id: 'due',
        header: t('plans:care.columns.due'),
        cell: ({ row }) => {
          const e = row.original;
          const status = e.overdue
            ? t('plans:care.overdue', { count: e.daysOverdue })
            : e.nextDueOn <= today
              ? t('plans:care.dueToday')
              : t('plans:care.dueIn', { count: daysBetween(today, e.nextDueOn) });
          return (
            <>
              <span className="nowrap">{fmt.date(e.nextDueOn)}</span>
              <div className={e.overdue ? 'care-overdue-text' : 'muted'}>{status}</div>
            </>
          );
        },
      },
      { id: 'interval', header: t('plans:care.columns.interval'), cell: ({ row }) => t('plans:rule.everyNDays', { count: row.original.checkinIntervalDays }) },
      {
        id: 'next',
        header: t('plans:care.columns.nextCheckIn'),
        cell: ({ row }) => {
          const e = row.original;
          if (e.nextCheckInOn) return <span className="nowrap">{fmt.day(e.nextCheckInOn)}</span>;
          return <span className="muted">{e.hasCheckInPlan ? t('plans:care.notYet') : t('plans:care.noPlan')}</span>;
        },
      },
    ],
    [t, fmt, today],
  );

  return (
    <div className="care-screen">
      <div className="page-head">
        <h1>{t('plans:care.title')}</h1>
        <button
          type="button"
          className="primary"
          disabled={ensure.isPending}
          onClick={() => {
            setResult(null);
            ensure.mutate({}, { onSuccess: setResult });
          }}
        >
          {t('plans:care.ensure')}
        </button>
      </div>
      {result ? (
        <div className="notice notice-success" role="status">
          {result.created === 0 ? t('plans:care.ensureNone') : `${t('plans:care.ensureCreated', { count: result.created })} ${t('plans:care.ensureTasks', { count: result.tasksCreated })}`}
        </div>
      ) : null}
      <ErrorNotice error={ensure.error} />
      <div className="filters" role="group" aria-label={t('plans:care.filters')}>
        <label>
          <span>{t('plans:care.settlement')}</span>
          <select value={settlement} onChange={(e) => setSettlement(e.target.value)}>
            <option value="">{t('plans:care.allSettlements')}</option>
            {(settlements.data ?? []).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox care-overdue-only">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          <span>{t('plans:care.overdueOnly')}</span>
        </label>
      </div>
      <ErrorNotice error={list.error} />
      {list.data ? (
        <>
          <p className="care-summary">
            {overdueOnly ? null : `${t('plans:care.count', { count: items.length })} `}
            <span className={overdue > 0 ? 'care-overdue-text' : undefined}>{overdue > 0 ? t('plans:care.overdueCount', { count: overdue }) : t('plans:care.noneOverdue')}</span>
            {withoutPlan > 0 ? ` ${t('plans:care.withoutPlan', { count: withoutPlan })}` : null}
          </p>
          <CareTable items={items} columns={columns} empty={overdueOnly ? t('plans:care.emptyOverdue') : t('plans:care.empty')} onOpen={(e) => void navigate(`/residents/${e.residentId}`)} rowLabel={(e) => e.fullName} />
        </>
      ) : null}
    </div>
  );
}

/** The shared DataTable, with overdue rows marked (class on the row, for the warning colour). */
function CareTable(props: { items: CareEntry[]; columns: ColumnDef<CareEntry, unknown>[]; empty: string; onOpen: (e: CareEntry) => void; rowLabel: (e: CareEntry) => string }) {
  return (
    <div className="care-table">
      <DataTable data={props.items} columns={props.columns} empty={props.empty} onOpen={props.onOpen} rowLabel={props.rowLabel} />
    </div>
  );
}
