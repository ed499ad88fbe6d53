import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { WEEKDAYS, type MonthMinutes, type VolunteerTask } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ApiError } from '../../bridge';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useFormat } from '../../ui/format';
import { useLabels } from '../../ui/labels';
import { TaskStatusBadge } from '../tasks/TaskStatusBadge';
import { useCanCoordinate, useVolunteerLabels } from './volunteerLabels';
import { SkillBadges, VolunteerStatusBadge } from './VolunteerBadges';
import './volunteers.css';

type Outcome = { kind: 'paused'; openTasks: number } | { kind: 'activated' };

/** Upcoming or past tasks: the date opens the task, the name opens the resident. */
function TaskTable({ items, past, caption }: { items: VolunteerTask[]; past: boolean; caption: string }) {
  const { t } = useTranslation(['volunteers']);
  const labels = useLabels();
  const vLabels = useVolunteerLabels();
  const format = useFormat();
  const columns = useMemo<ColumnDef<VolunteerTask, unknown>[]>(() => {
    const list: ColumnDef<VolunteerTask, unknown>[] = [
      {
        id: 'date',
        header: t('volunteers:taskColumns.date'),
        cell: ({ row }) => {
          const task = row.original;
          const when = task.startTime ?? (task.partOfDay !== null ? vLabels.part(task.partOfDay) : null);
          return (
            <Link to={`/tasks/${task.id}`} className="nowrap">
              {format.date(task.scheduledOn)}
              {when !== null ? <span className="muted"> · {when}</span> : null}
            </Link>
          );
        },
      },
      {
        id: 'resident',
        header: t('volunteers:taskColumns.resident'),
        cell: ({ row }) => (
          <>
            <Link to={`/residents/${row.original.residentId}`}>{row.original.residentName}</Link>
            {row.original.settlement ? <span className="muted"> · {row.original.settlement}</span> : null}
          </>
        ),
      },
      { id: 'kind', header: t('volunteers:taskColumns.kind'), cell: ({ row }) => labels.kind(row.original) },
      { id: 'status', header: t('volunteers:taskColumns.status'), cell: ({ row }) => <TaskStatusBadge status={row.original.status} /> },
    ];
    if (past) {
      list.push({
        id: 'time',
        header: t('volunteers:taskColumns.time'),
        cell: ({ row }) => (row.original.minutesSpent !== null ? <span className="nowrap">{vLabels.hours(row.original.minutesSpent)}</span> : null),
      });
    }
    return list;
  }, [t, labels, vLabels, format, past]);
  return (
    <DataTable data={items} columns={columns} caption={caption} empty={past ? t('volunteers:page.noPast') : t('volunteers:page.noUpcoming')} />
  );
}

/** Hours of done tasks by month, as bars scaled to the busiest month. */
function HoursByMonth({ months }: { months: MonthMinutes[] }) {
  const { t } = useTranslation(['volunteers']);
  const labels = useVolunteerLabels();
  const max = Math.max(1, ...months.map((m) => m.minutes));
  const total = months.reduce((sum, m) => sum + m.minutes, 0);
  return (
    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('volunteers:page.hours')}</h2>
      <table className="hours-table">
        <caption className="visually-hidden">{t('volunteers:page.hours')}</caption>
        <tbody>
          {[...months].reverse().map((m) => (
            <tr key={m.month}>
              <th scope="row">{labels.month(m.month)}</th>
              <td className="hours-bar-cell" aria-hidden="true">
                {m.minutes > 0 ? <span className="hours-bar" style={{ width: `${(m.minutes / max) * 100}%` }} /> : null}
              </td>
              <td className="hours-value">{labels.hours(m.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hours-total">{t('volunteers:page.hoursTotal', { hours: labels.hours(total) })}</p>
    </section>
  );
}

export function VolunteerPage() {
  const { t } = useTranslation(['volunteers', 'common']);
  const labels = useVolunteerLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const canEdit = useCanCoordinate();
  const id = Number(useParams().id);
  const page = useCall('volunteers.get', { id });
  const setStatus = useMutate('volunteers.setStatus');
  const remove = useMutate('volunteers.delete');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // After a delete the page's own refetch fails (notFound) just before we leave: not an error to show.
  if (page.isError && !remove.isPending && !remove.isSuccess) return <ErrorNotice error={page.error} />;
  if (!page.data) return <p className="loading">{t('common:loading')}</p>;
  const { volunteer: v, upcoming, past, hoursByMonth, regularResidents } = page.data;
  const dash = t('common:none');
  const refused = remove.error instanceof ApiError && remove.error.body.code === 'conflict' ? (remove.error.body.details ?? {}) : null;
  const refusedCount = (key: string) => (typeof refused?.[key] === 'number' ? (refused[key] as number) : 0);

  const changeStatus = () => {
    const next = v.status === 'active' ? 'paused' : 'active';
    setOutcome(null);
    setStatus.mutate(
      { id: v.id, status: next },
      { onSuccess: (saved) => setOutcome(next === 'paused' ? { kind: 'paused', openTasks: saved.openTasks } : { kind: 'activated' }) },
    );
  };

  const byDay = WEEKDAYS.map((d) => ({ d, parts: v.availability.filter((s) => s.weekday === d).map((s) => labels.part(s.part)) })).filter(
    (x) => x.parts.length > 0,
  );

  return (
    <div className="volunteer-page">
      {outcome ? (
        <div className={`notice ${outcome.kind === 'paused' && outcome.openTasks > 0 ? 'notice-warning' : 'notice-success'}`} role="status">
          {outcome.kind === 'activated'
            ? t('volunteers:page.activated', { name: v.fullName })
            : outcome.openTasks > 0
              ? t('volunteers:page.pausedWithTasks', { name: v.fullName, count: outcome.openTasks })
              : t('volunteers:page.paused', { name: v.fullName })}
        </div>
      ) : null}
      <div className="page-head">
        <h1>
          {v.fullName} <VolunteerStatusBadge status={v.status} />
        </h1>
        {canEdit ? (
          <div className="actions">
            <Link to={`/volunteers/${v.id}/edit`} className="button primary">
              {t('common:edit')}
            </Link>
            <Link to={`/volunteers/merge?survivor=${v.id}`} className="button">
              {t('volunteers:merge.action')}
            </Link>
            <button type="button" onClick={changeStatus} disabled={setStatus.isPending}>
              {v.status === 'active' ? t('volunteers:page.pause') : t('volunteers:page.activate')}
            </button>
            <ConfirmButton
              danger
              block
              label={t('common:delete')}
              question={t('volunteers:page.deleteConfirm', { name: v.fullName })}
              confirmLabel={t('volunteers:page.deleteYes')}
              busy={remove.isPending}
              onAsk={() => remove.reset()}
              onConfirm={() =>
                remove
                  .mutateAsync({ id: v.id })
                  .then(() => void navigate('/volunteers', { replace: true }))
                  .catch(() => undefined)
              }
            />
          </div>
        ) : null}
      </div>
      <ErrorNotice error={setStatus.error} />
      {refused ? (
        <div className="notice notice-error" role="alert">
          <p>{t('volunteers:page.deleteRefused', { name: v.fullName })}</p>
          {refusedCount('openTasks') > 0 ? <p>{t('volunteers:page.refusedOpenTasks', { count: refusedCount('openTasks') })}</p> : null}
          {refusedCount('activePlans') > 0 ? <p>{t('volunteers:page.refusedActivePlans', { count: refusedCount('activePlans') })}</p> : null}
        </div>
      ) : (
        <ErrorNotice error={remove.error} />
      )}

      <dl className="card details">
        <dt>{t('volunteers:page.phones')}</dt>
        <dd>{v.phones.length > 0 ? v.phones.join(', ') : dash}</dd>
        <dt>{t('volunteers:page.settlement')}</dt>
        <dd>{v.settlement || dash}</dd>
        <dt>{t('volunteers:page.role')}</dt>
        <dd>{v.isRegular ? t('volunteers:form.regular') : t('volunteers:form.occasional')}</dd>
        <dt>{t('volunteers:page.specialist')}</dt>
        <dd>{v.specialist !== null ? labels.specialist(v.specialist) : t('volunteers:form.notSpecialist')}</dd>
        <dt>{t('volunteers:page.skills')}</dt>
        <dd>
          {v.skills.length > 0 ? <SkillBadges skills={v.skills} /> : dash}
        </dd>
        <dt>{t('volunteers:page.availability')}</dt>
        <dd>
          {byDay.length > 0 ? (
            <ul className="availability-list">
              {byDay.map(({ d, parts }) => (
                <li key={d}>
                  <strong>{labels.weekday(d)}</strong> · {parts.join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </dd>
        <dt>{t('volunteers:page.languages')}</dt>
        <dd>
          {v.languages.length > 0
            ? v.languages.map((l, i) => (
                <span key={l} lang={l}>
                  {i > 0 ? ', ' : ''}
                  {LANGUAGE_NAMES[l]}
                </span>
              ))
            : dash}
        </dd>
        <dt>{t('volunteers:page.agreement')}</dt>
        <dd>{v.agreementSignedOn !== null ? t('volunteers:page.agreementOn', { date: format.date(v.agreementSignedOn) }) : t('volunteers:page.notSigned')}</dd>
        <dt>{t('volunteers:page.notes')}</dt>
        <dd className="pre">{v.notes || dash}</dd>
        <dt>{t('volunteers:page.registered')}</dt>
        <dd>{format.date(v.createdAt)}</dd>
        {page.data.mergedFrom.length > 0 ? (
          <>
            <dt>{t('volunteers:merge.mergedFrom')}</dt>
            <dd>
              {page.data.mergedFrom.map((m) => (
                <div key={m.mergedId}>{t('volunteers:merge.mergedFromLine', { name: m.fullName, date: format.date(m.mergedAt), user: m.mergedBy })}</div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('volunteers:page.upcoming', { count: upcoming.length })}</h2>
        <TaskTable items={upcoming} past={false} caption={t('volunteers:page.upcoming', { count: upcoming.length })} />
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('volunteers:page.past', { count: past.length })}</h2>
        <TaskTable items={past} past caption={t('volunteers:page.past', { count: past.length })} />
      </section>
      <div className="volunteer-columns">
        <HoursByMonth months={hoursByMonth} />
        <section className="card" aria-labelledby="regular-title">
          <h2 id="regular-title">{t('volunteers:page.regularResidents')}</h2>
          {regularResidents.length > 0 ? (
            <ul className="regular-residents">
              {regularResidents.map((r) => (
                <li key={r.residentId}>
                  <Link to={`/residents/${r.residentId}`}>{r.fullName}</Link>{' '}
                  <span className="muted">{t('volunteers:page.doneTasks', { count: r.tasks })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('volunteers:page.noRegularResidents')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
