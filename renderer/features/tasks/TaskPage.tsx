import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isOpenTask } from '../../../shared/domain/tasks';
import type { CallOutput } from '../../../shared/api/contract';
import { useCall, useMutate } from '../../app/api';
import { column, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';
import { StatusBadge } from '../requests/RequestTable';
import { OutcomeForm } from './OutcomeForm';
import { commonKey, TaskField } from './TaskField';
import { TaskStatusBadge, WarningBadges } from './TaskStatusBadge';
import { useCanCoordinate, useTaskText } from './taskText';
import { VolunteerSuggestions } from './VolunteerSuggestions';
import './tasks.css';

type Mode = 'none' | 'done' | 'notDone' | 'cancel' | 'reassign';
/** A task as this page receives it: without the advances' amounts for the front desk. */
type Task = CallOutput<'tasks.get'>;
/** A task as the coordinator's reassigning answers it (its volunteers' warnings for the notice). */
type Saved = CallOutput<'tasks.assign'>;
type Advance = Task['advances'][number];

/** One task: what, for whom, when; its volunteers (with warnings); what happened. `?record=done` opens the outcome form. */
export function TaskPage() {
  const id = Number(useParams().id);
  // A fresh view per task: moving from one task to another never keeps a half-filled form.
  return <TaskView key={id} id={id} />;
}

function TaskView({ id }: { id: number }) {
  const { t } = useTranslation(['tasks', 'requests', 'common']);
  const labels = useLabels();
  const format = useFormat();
  const text = useTaskText();
  const [search, setSearch] = useSearchParams();
  const task = useCall('tasks.get', { id });
  const status = useCall('app.status', {});
  const canCoordinate = useCanCoordinate();
  const [chosen, setMode] = useState<Mode>('none');
  // `?record=done` (from today's tasks at the front desk) opens the outcome form, also on a page already open.
  const mode: Mode = chosen === 'none' && search.get('record') === 'done' ? 'done' : chosen;
  const [notice, setNotice] = useState<Saved | null>(null);
  const reopen = useMutate('tasks.reopen');
  const actionsRef = useRef<HTMLDivElement>(null);

  const headingRef = useRef<HTMLHeadingElement>(null);

  const choose = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const close = (saved?: Saved) => {
    setMode('none');
    if (search.has('record')) setSearch({}, { replace: true });
    if (saved) setNotice(saved);
    // Back to the actions (the next keystroke is there), or to the heading when none are left.
    setTimeout(() => (actionsRef.current?.querySelector<HTMLButtonElement>('button') ?? headingRef.current)?.focus(), 0);
  };

  if (task.isError) return <ErrorNotice error={task.error} />;
  if (!task.data || !status.data) return <p className="loading">{t('common:loading')}</p>;
  const k = task.data;
  const open = isOpenTask(k.status);
  const dash = t('common:none');
  const currency = status.data.settings?.currency ?? 'EUR';
  const warned = notice ? notice.volunteers.filter((v) => v.warnings.length > 0) : [];

  return (
    <div className="task-page">
      <div className="page-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('tasks:page.title', { kind: labels.kind(k), name: k.residentName })} <TaskStatusBadge status={k.status} />
        </h1>
      </div>
      {notice ? (
        <div className={`notice ${warned.length > 0 ? 'notice-warning' : 'notice-success'}`} role="status">
          {warned.length > 0 ? t('tasks:savedWithWarnings') : t('tasks:volunteers.saved')}
          {warned.length > 0 ? (
            <ul>
              {warned.flatMap((v) => v.warnings.map((w) => <li key={`${v.volunteerId}-${w}`}>{text.warningText(w, v.fullName)}</li>))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="task-page-grid">
        <dl className="card details">
          <dt>{t('tasks:page.resident')}</dt>
          <dd>
            <Link to={`/residents/${k.residentId}`}>{k.residentName}</Link>
          </dd>
          <dt>{t('tasks:page.address')}</dt>
          <dd>{k.address || dash}</dd>
          <dt>{t('tasks:page.phone')}</dt>
          <dd>{k.residentPhones.length > 0 ? k.residentPhones.join(', ') : dash}</dd>
          <dt>{t('tasks:page.kind')}</dt>
          <dd>{labels.kind(k)}</dd>
          <dt>{t('tasks:page.day')}</dt>
          <dd>{text.longDay(k.scheduledOn)}</dd>
          <dt>{t('tasks:page.when')}</dt>
          <dd>{text.when(k)}</dd>
          <dt>{t('tasks:page.estimate')}</dt>
          <dd>{k.estimatedMinutes !== null ? text.hours(k.estimatedMinutes) : dash}</dd>
          <dt>{t('tasks:page.note')}</dt>
          <dd className="pre">{k.note || dash}</dd>
          {k.requestId !== null ? (
            <>
              <dt>{t('tasks:page.request')}</dt>
              <dd>
                <Link to={`/requests/${k.requestId}`}>{t('tasks:page.requestLink', { id: k.requestId })}</Link>
                {k.requestStatus !== null ? <StatusBadge status={k.requestStatus} /> : null}
              </dd>
            </>
          ) : null}
          {k.doneOn !== null ? (
            <>
              <dt>{t('tasks:page.doneOn')}</dt>
              <dd>{text.longDay(k.doneOn)}</dd>
            </>
          ) : null}
          {k.reason !== null ? (
            <>
              <dt>{t('tasks:page.reason')}</dt>
              <dd className="pre">{k.reason}</dd>
            </>
          ) : null}
          <dt>{t('tasks:page.planned')}</dt>
          <dd>{t('tasks:page.plannedAt', { when: format.dateTime(k.createdAt), who: k.createdBy })}</dd>
        </dl>
        <div className="task-side">
          <section className="card" aria-labelledby="task-volunteers-title">
            <h2 id="task-volunteers-title">{t('tasks:volunteers.title')}</h2>
            {k.volunteers.length === 0 ? <p className="muted">{t('tasks:volunteers.none')}</p> : null}
            <ul className="task-volunteers">
              {k.volunteers.map((v) => (
                <li key={v.volunteerId} className={v.state === 'deleted' ? 'muted' : undefined}>
                  {v.state === 'deleted' ? <span>{v.fullName}</span> : <Link to={`/volunteers/${v.volunteerId}`}>{v.fullName}</Link>}
                  {open ? <WarningBadges warnings={v.warnings} /> : null}
                  {v.minutesSpent !== null ? <span className="muted"> · {t('tasks:volunteers.spent', { hours: text.hours(v.minutesSpent) })}</span> : null}
                </li>
              ))}
            </ul>
            {open && canCoordinate && mode !== 'reassign' ? (
              <button
                type="button"
                onClick={() => choose('reassign')}
              >
                {t('tasks:volunteers.reassign')}
              </button>
            ) : null}
          </section>
          {mode === 'none' && (open || (k.status !== 'done' && canCoordinate)) ? (
            <section className="card" aria-labelledby="task-actions-title">
              <h2 id="task-actions-title">{t('tasks:actions.title')}</h2>
              <div className="actions" ref={actionsRef}>
                {open ? (
                  <>
                    <button type="button" className="primary big" onClick={() => choose('done')}>
                      {t('tasks:actions.done')}
                    </button>
                    {canCoordinate ? (
                      <>
                        <button type="button" onClick={() => choose('notDone')}>
                          {t('tasks:actions.notDone')}
                        </button>
                        <button type="button" className="danger" onClick={() => choose('cancel')}>
                          {t('tasks:actions.cancel')}
                        </button>
                      </>
                    ) : null}
                  </>
                ) : null}
                {!open && k.status !== 'done' && canCoordinate ? (
                  <button type="button" disabled={reopen.isPending} onClick={() => reopen.mutate({ id: k.id })}>
                    {t('tasks:actions.reopen')}
                  </button>
                ) : null}
              </div>
              <ErrorNotice error={reopen.error} />
            </section>
          ) : null}
        </div>
      </div>
      {k.advances.length > 0 ? <Advances task={k} /> : null}
      {mode === 'reassign' ? <Reassign task={k} onClose={close} /> : null}
      {mode === 'done' && open ? <OutcomeForm task={k} today={status.data.today} currency={currency} onDone={() => close()} onClose={() => close()} /> : null}
      {mode === 'notDone' && open ? <ReasonForm task={k} kind="notDone" onClose={() => close()} /> : null}
      {mode === 'cancel' && open ? <ReasonForm task={k} kind="cancel" onClose={() => close()} /> : null}
    </div>
  );
}

/**
 * Money volunteers advanced on this task, and whether it was paid back. The amounts are money: the
 * front desk does not receive them, so the column shows only when the answer carries them.
 */
function Advances({ task }: { task: Task }) {
  const { t } = useTranslation(['tasks', 'common']);
  const text = useTaskText();
  const format = useFormat();
  const withAmounts = task.advances.some((a) => a.amountMinor !== undefined);
  return (
    <section aria-labelledby="task-advances-title">
      <h2 id="task-advances-title">{t('tasks:advances.title')}</h2>
      <DataTable
        data={task.advances}
        caption={t('tasks:advances.title')}
        empty={t('common:none')}
        rowKey={(a) => String(a.id)}
        columns={[
          column<Advance>('who', t('tasks:advances.who'), (a) => a.volunteerName, { value: (a) => a.volunteerName }),
          ...(withAmounts
            ? [
                column<Advance>('amount', t('tasks:advances.amount'), (a) => (a.amountMinor !== undefined ? text.money(a.amountMinor, a.currency) : t('common:none')), {
                  value: (a) => a.amountMinor,
                  align: 'num',
                  className: 'tasks-money',
                }),
              ]
            : []),
          column<Advance>('note', t('tasks:advances.note'), (a) => a.note),
          column<Advance>('state', t('tasks:advances.state'), (a) =>
            a.settledAt !== null ? t('tasks:advances.settled', { date: format.date(a.settledAt) }) : t('tasks:advances.pending'),
          ),
        ]}
      />
    </section>
  );
}

/** Change the volunteers of an open task: the suggestions again (this task left out of their load), then tasks.assign. */
function Reassign({ task, onClose }: { task: Task; onClose: (saved?: Saved) => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const assign = useMutate('tasks.assign');
  const [ids, setIds] = useState<number[]>(() => task.volunteers.filter((v) => v.state !== 'deleted').map((v) => v.volunteerId));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.querySelector<HTMLInputElement>('input[type="checkbox"], input[type="search"]')?.focus({ preventScroll: true });
  }, []);
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    assign.mutate({ id: task.id, volunteerIds: ids }, { onSuccess: (saved) => onClose(saved) });
  };
  return (
    <section ref={ref} className="card" aria-labelledby="task-reassign-title">
      <h2 id="task-reassign-title">{t('tasks:volunteers.reassign')}</h2>
      <KeyForm onSubmit={() => save()} onCancel={() => onClose()}>
        <VolunteerSuggestions
          query={{ kindId: task.kindId, residentId: task.residentId, scheduledOn: task.scheduledOn, partOfDay: task.partOfDay, startTime: task.startTime, excludeTaskId: task.id }}
          selected={ids}
          onChange={setIds}
        />
        <ErrorNotice error={assign.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={assign.isPending}>
            {t('tasks:volunteers.save')}
          </button>
          <button type="button" onClick={() => onClose()}>
            {t('tasks:volunteers.close')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </section>
  );
}

/** Not done (a reason is required) or cancelled (a reason is optional): checked with the call's own schema. */
function ReasonForm({ task, kind, onClose }: { task: Task; kind: 'notDone' | 'cancel'; onClose: () => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const id = useId();
  const notDone = useMutate('tasks.notDone');
  const cancel = useMutate('tasks.cancel');
  const mutation = kind === 'notDone' ? notDone : cancel;
  const f = useCallForm({
    call: kind === 'notDone' ? 'tasks.notDone' : 'tasks.cancel',
    defaultValues: { reason: '' },
    toInput: (v: { reason: string }) => ({ id: task.id, reason: v.reason }),
    onCancel: onClose,
    onInvalid: () => ref.current?.focus(),
    onSubmit: async (input) => {
      if (kind === 'notDone') await notDone.mutateAsync({ id: input.id, reason: input.reason ?? '' });
      else await cancel.mutateAsync(input);
      onClose();
    },
  });
  // The message goes as soon as the reason is changed (not on the click of Save, which it would move).
  const reason = f.form.register('reason', { onChange: () => f.form.clearErrors('reason') });
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    ref.current?.closest('section')?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  const error = f.error('reason');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{kind === 'notDone' ? t('tasks:actions.notDoneTitle') : t('tasks:actions.cancelTitle')}</h2>
      <KeyForm onSubmit={f.submit} onCancel={f.cancel}>
        <TaskField label={kind === 'notDone' ? t('tasks:notDone.reason') : t('tasks:cancel.reason')} error={error === undefined ? undefined : commonKey(error)} required={kind === 'notDone'}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              {...reason}
              ref={(el) => {
                reason.ref(el);
                ref.current = el;
              }}
            />
          )}
        </TaskField>
        {f.notice}
        <div className="actions">
          <button type="submit" className={kind === 'notDone' ? 'primary' : 'primary tasks-danger-fill'} disabled={mutation.isPending || f.saving}>
            {kind === 'notDone' ? t('tasks:notDone.save') : t('tasks:cancel.save')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('tasks:actions.back')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </section>
  );
}
