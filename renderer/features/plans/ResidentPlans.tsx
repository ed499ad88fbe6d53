import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { HelpPlan, MarkLeftResult } from '../../../shared/domain/plans';
import { useCall } from '../../app/api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { EndPlanDialog } from './EndPlanDialog';
import { MarkLeftDialog } from './MarkLeftDialog';
import { PlanForm } from './PlanForm';
import { usePlanFormat, useToday } from './planText';
import './plans.css';

type Editing = { mode: 'new' } | { mode: 'edit'; plan: HelpPlan } | null;
type Notice = { kind: 'saved'; plan: HelpPlan } | { kind: 'ended'; plan: HelpPlan } | { kind: 'left'; result: MarkLeftResult } | null;

/**
 * A resident's help plans on their page: what, when, who, the next date, open and done tasks; add,
 * change or end a plan; and "Moved away or died" for the resident. A resident who has left is
 * said first, and nothing new can be planned for them.
 */
export function ResidentPlans({ residentId }: { residentId: number }) {
  const { t } = useTranslation(['plans', 'common']);
  const labels = useLabels();
  const fmt = usePlanFormat();
  const today = useToday();
  const [showEnded, setShowEnded] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [ending, setEnding] = useState<HelpPlan | null>(null);
  const [markingLeft, setMarkingLeft] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // A saved or ended plan, or a resident marked as left: the focus goes to what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const resident = useCall('residents.get', { id: residentId });
  const plans = useCall('plans.list', { residentId, includeEnded: showEnded });
  const r = resident.data?.resident;
  const left = r?.leftOn ? { on: r.leftOn, reason: r.leftReason ?? 'moved' } : null;
  const isLeft = left !== null;
  const items = useMemo(() => plans.data?.items ?? [], [plans.data]);
  const activeCount = items.filter((p) => p.active).length;

  const what = useCallback((p: HelpPlan) => [labels.kind(p), fmt.rule(p), fmt.season(p)].filter(Boolean).join(' · '), [labels, fmt]);

  const columns = useMemo<ColumnDef<HelpPlan, unknown>[]>(
    () => [
      {
        id: 'kind',
        header: t('plans:columns.kind'),
        cell: ({ row }) => (
          <>
            <strong>{labels.kind(row.original)}</strong>
            {row.original.note ? <div className="muted clip">{row.original.note}</div> : null}
          </>
        ),
      },
      {
        id: 'schedule',
        header: t('plans:columns.schedule'),
        cell: ({ row }) => {
          const p = row.original;
          const details = [
            fmt.season(p),
            p.partOfDay ? t(`plans:partOfDay.${p.partOfDay}`) : '',
            p.estimatedMinutes !== null ? t('plans:hoursShort', { count: fmt.hoursCount(p.estimatedMinutes) }) : '',
          ].filter(Boolean);
          return (
            <>
              <div>{fmt.rule(p)}</div>
              {details.length > 0 ? <div className="muted">{details.join(' · ')}</div> : null}
            </>
          );
        },
      },
      { id: 'volunteer', header: t('plans:columns.volunteer'), cell: ({ row }) => row.original.volunteerName ?? t('plans:noVolunteer') },
      {
        id: 'next',
        header: t('plans:columns.next'),
        cell: ({ row }) => {
          const p = row.original;
          if (!p.active) {
            return (
              <span className="badge plan-ended">
                {p.endsOn ? t('plans:endedOn', { date: fmt.date(p.endsOn) }) : t('plans:ended')}
                {p.endedReason ? ` · ${fmt.endReason(p.endedReason)}` : ''}
              </span>
            );
          }
          return p.nextOn ? <span className="nowrap plan-next">{fmt.day(p.nextOn)}</span> : <span className="muted">{t('plans:noNextDate', { count: plans.data?.horizonDays ?? 0 })}</span>;
        },
      },
      {
        id: 'tasks',
        header: t('plans:columns.tasks'),
        cell: ({ row }) => (
          <span className="nowrap">
            {t('plans:openTasks', { count: row.original.openTasks })}
            <br />
            {t('plans:doneTasks', { count: row.original.doneTasks })}
          </span>
        ),
      },
      {
        id: 'actions',
        header: t('plans:columns.actions'),
        cell: ({ row }) =>
          row.original.active && !isLeft ? (
            <div className="row-actions">
              <button type="button" className="small" aria-label={t('plans:editLabel', { what: what(row.original) })} onClick={() => setEditing({ mode: 'edit', plan: row.original })}>
                {t('common:edit')}
              </button>
              <button type="button" className="small danger" aria-label={t('plans:endLabel', { what: what(row.original) })} onClick={() => setEnding(row.original)}>
                {t('plans:endPlan')}
              </button>
            </div>
          ) : null,
      },
    ],
    [t, labels, fmt, isLeft, what, plans.data?.horizonDays],
  );

  return (
    <section className="resident-plans" aria-labelledby="resident-plans-title">
      {left ? (
        <div className="notice notice-warning resident-left" role="status">
          <strong>{t(`plans:left.banner.${left.reason}`, { date: fmt.date(left.on) })}</strong> {t('plans:left.bannerDetail')}
        </div>
      ) : null}
      <div className="page-head">
        <h2 id="resident-plans-title">{t('plans:title', { count: activeCount })}</h2>
        <div className="actions">
          {!left ? (
            <>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setNotice(null);
                  setEditing({ mode: 'new' });
                }}
              >
                {t('plans:add')}
              </button>
              <button type="button" className="danger" onClick={() => setMarkingLeft(true)}>
                {t('plans:left.button')}
              </button>
            </>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
            <span>{t('plans:showEnded')}</span>
          </label>
        </div>
      </div>

      {notice?.kind === 'saved' ? (
        <div ref={noticeRef} tabIndex={-1} className="notice notice-success plan-notice" role="status">
          {t('plans:savedNotice', { what: what(notice.plan) })}{' '}
          {notice.plan.nextOn ? t('plans:savedNext', { date: fmt.day(notice.plan.nextOn) }) : t('plans:noNextDate', { count: plans.data?.horizonDays ?? 0 })}
        </div>
      ) : null}
      {notice?.kind === 'ended' ? (
        <div ref={noticeRef} tabIndex={-1} className="notice notice-success plan-notice" role="status">
          {t('plans:endedNotice', { what: what(notice.plan) })}
        </div>
      ) : null}
      {notice?.kind === 'left' ? (
        <div ref={noticeRef} tabIndex={-1} className="notice notice-success plan-notice" role="status">
          {t(`plans:left.done.${notice.result.leftReason}`, { date: fmt.date(notice.result.leftOn) })}{' '}
          {t('plans:left.plansEnded', { count: notice.result.plansEnded })} {t('plans:left.tasksCancelled', { count: notice.result.tasksCancelled })}{' '}
          {t('plans:left.requestsCancelled', { count: notice.result.requestsCancelled })}
        </div>
      ) : null}

      {editing && r ? (
        <PlanForm
          key={editing.mode === 'edit' ? editing.plan.id : 'new'}
          residentId={residentId}
          settlement={r.settlement}
          today={today}
          plan={editing.mode === 'edit' ? editing.plan : undefined}
          onCancel={() => setEditing(null)}
          onSaved={(plan) => {
            setEditing(null);
            setNotice({ kind: 'saved', plan });
          }}
        />
      ) : null}

      <ErrorNotice error={plans.error} />
      {plans.data ? <DataTable data={items} columns={columns} empty={left ? t('plans:emptyLeft') : t('plans:empty')} caption={t('plans:title', { count: activeCount })} /> : null}

      {ending ? (
        <EndPlanDialog
          plan={ending}
          today={today}
          what={what(ending)}
          onClose={() => setEnding(null)}
          onEnded={(plan) => {
            setEnding(null);
            setNotice({ kind: 'ended', plan });
          }}
        />
      ) : null}
      {markingLeft && r ? (
        <MarkLeftDialog
          residentId={residentId}
          name={r.fullName}
          today={today}
          activePlans={activeCount}
          onClose={() => setMarkingLeft(false)}
          onDone={(result) => {
            setMarkingLeft(false);
            setEditing(null);
            setNotice({ kind: 'left', result });
          }}
        />
      ) : null}
    </section>
  );
}
