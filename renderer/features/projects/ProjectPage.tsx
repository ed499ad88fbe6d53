import { useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import type { CallInput } from '../../../shared/api/contract';
import { Link, useParams } from 'react-router';
import { ACTIVITY_KINDS, type ActivityKind, type Participant, type Project } from '../../../shared/domain/projects';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { decimalNumber, wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import { ResidentPicker } from '../requests/ResidentPicker';
import { Failure, StatusBadge, useProjectText } from './projectText';
import './projects.css';
import { DateInput } from '../../ui/DateInput';

type Panel =
  | { kind: 'activity' }
  | { kind: 'enrol' }
  | { kind: 'contract' | 'attendance' | 'complete' | 'dropOut'; participant: Participant };

/**
 * A project: its details, its figures against the targets, the activities it offers, and its
 * participants with their status and social contract. One panel at a time opens below its
 * section (Escape closes it and gives the focus back to the button that opened it).
 */
export function ProjectPage() {
  const id = Number(useParams().id);
  const text = useProjectText();
  const project = useCall('projects.get', { id });
  if (project.isError) return <ErrorNotice error={project.error} />;
  if (!project.data) return <p className="loading">{text.t('common:loading')}</p>;
  return <ProjectView key={id} p={project.data} />;
}

function ProjectView({ p }: { p: Project }) {
  const text = useProjectText();
  const { t, format } = text;
  const [panel, setPanel] = useState<Panel | null>(null);
  // The button that opened the panel gets the focus back when it closes.
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const open = (next: Panel) => (e: { currentTarget: HTMLElement }) => {
    setOpener(e.currentTarget);
    setPanel(next);
  };
  const close = () => {
    setPanel(null);
    window.setTimeout(() => {
      // A row's button may have gone with the row's actions (completed, dropped out): then the section's.
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('.project-section-actions button')?.focus();
    }, 0);
  };
  const name = (pt: Participant) => pt.fullName ?? t('projects:page.erased');
  const activityName = (activityId: number) => p.activities.find((a) => a.id === activityId)?.name ?? '';

  return (
    <div>
      <div className="page-head">
        <h1>{p.name}</h1>
        <div className="actions">
          <Link to={`/projects/${p.id}/edit`} className="button">
            {t('common:edit')}
          </Link>
          <Link to="/projects" className="button">
            {t('projects:title')}
          </Link>
        </div>
      </div>
      <dl className="card details">
        <dt>{t('projects:page.funder')}</dt>
        <dd>{p.funder || t('common:none')}</dd>
        <dt>{t('projects:page.period')}</dt>
        <dd>{text.period(p.startsOn, p.endsOn)}</dd>
        <dt>{t('projects:page.grant')}</dt>
        <dd>{p.grantTitle ?? t('common:none')}</dd>
      </dl>

      <section className="project-section" aria-labelledby="project-figures">
        <h2 id="project-figures">{t('projects:page.figures')}</h2>
        <dl className="project-figures">
          <div>
            <dt>{t('projects:figures.recruited')}</dt>
            <dd data-figure="recruited">{text.ofTarget(p.figures.recruited, p.targetRecruited)}</dd>
          </div>
          <div>
            <dt>{t('projects:figures.withContract')}</dt>
            <dd data-figure="withContract">{format.number(p.figures.withContract)}</dd>
          </div>
          <div>
            <dt>{t('projects:figures.active')}</dt>
            <dd data-figure="active">{format.number(p.figures.active)}</dd>
          </div>
          <div>
            <dt>{t('projects:figures.completed')}</dt>
            <dd data-figure="completed">{text.ofTarget(p.figures.completed, p.targetCompleted)}</dd>
          </div>
          <div>
            <dt>{t('projects:figures.droppedOut')}</dt>
            <dd data-figure="droppedOut">{format.number(p.figures.droppedOut)}</dd>
          </div>
        </dl>
        {p.figures.byKind.length > 0 ? (
          <>
            <h3>{t('projects:page.byKind')}</h3>
            <ul className="project-by-kind">
              {p.figures.byKind.map((k) => (
                <li key={k.kind}>
                  {text.kind(k.kind)}: {t('projects:participants', { count: k.participants })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="project-section" aria-labelledby="project-activities">
        <h2 id="project-activities">{t('projects:page.activities')}</h2>
        {p.activities.length === 0 ? (
          <p className="muted">{t('projects:page.noActivities')}</p>
        ) : (
          <DataTable
            className="project-table"
            data={p.activities}
            caption={t('projects:page.activities')}
            empty={t('projects:page.noActivities')}
            rowKey={(a) => String(a.id)}
            columns={((col) => [
              col('kind', t('projects:columns.kind'), (a) => text.kind(a.kind), { value: (a) => text.kind(a.kind) }),
              col('activity', t('projects:columns.activity'), (a) => a.name, { value: (a) => a.name }),
              col('participants', t('projects:columns.participants'), (a) => format.number(a.participants), { value: (a) => a.participants, align: 'num' }),
              col('sessions', t('projects:columns.sessions'), (a) => format.number(a.sessions), { value: (a) => a.sessions, align: 'num' }),
              col('hours', t('projects:columns.hours'), (a) => format.number(a.hours), { value: (a) => a.hours, align: 'num' }),
            ])(columnsOf(p.activities))}
          />
        )}
        {panel?.kind === 'activity' ? (
          <ActivityPanel project={p} onDone={close} />
        ) : (
          <div className="actions project-section-actions">
            <button type="button" onClick={open({ kind: 'activity' })}>
              {t('projects:activity.add')}
            </button>
          </div>
        )}
      </section>

      <section className="project-section" aria-labelledby="project-participants">
        <h2 id="project-participants">{t('projects:page.participants')}</h2>
        {panel?.kind === 'enrol' ? (
          <EnrolPanel project={p} onDone={close} />
        ) : (
          <div className="actions project-section-actions">
            <button type="button" className="primary" onClick={open({ kind: 'enrol' })}>
              {t('projects:enrol.open')}
            </button>
          </div>
        )}
        {panel !== null && panel.kind !== 'activity' && panel.kind !== 'enrol' ? (
          <ParticipantPanel key={`${panel.kind}-${panel.participant.id}`} project={p} kind={panel.kind} participant={panel.participant} onDone={close} />
        ) : null}
        {p.participants.length === 0 ? (
          <p className="muted">{t('projects:page.noParticipants')}</p>
        ) : (
          <DataTable
            className="project-table project-participants"
            data={p.participants}
            caption={t('projects:page.participants')}
            empty={t('projects:page.noParticipants')}
            rowKey={(pt) => String(pt.id)}
            rowData={(pt) => ({ 'data-participant': pt.id })}
            columns={((col) => [
              col(
                'participant',
                t('projects:columns.participant'),
                (pt) => (
                  <>
                    {pt.residentId !== null ? <Link to={`/residents/${pt.residentId}`}>{name(pt)}</Link> : <span className="muted">{name(pt)}</span>}
                    {pt.note ? <div className="muted pre">{pt.note}</div> : null}
                  </>
                ),
                { value: (pt) => name(pt) },
              ),
              col('recruitedOn', t('projects:columns.recruitedOn'), (pt) => format.date(pt.recruitedOn), { value: (pt) => pt.recruitedOn, className: 'nowrap' }),
              col('contract', t('projects:columns.contract'), (pt) => (pt.contractOn !== null ? format.date(pt.contractOn) : <span className="muted">{t('projects:contract.none')}</span>), {
                value: (pt) => pt.contractOn,
                className: 'nowrap',
              }),
              col(
                'status',
                t('projects:columns.status'),
                (pt) => (
                  <>
                    <StatusBadge status={pt.status} />
                    {pt.endedOn !== null ? <div className="nowrap">{format.date(pt.endedOn)}</div> : null}
                    {pt.dropReason ? <div className="muted">{pt.dropReason}</div> : null}
                  </>
                ),
                { value: (pt) => pt.status },
              ),
              col('attended', t('projects:columns.attended'), (pt) => {
                const attended = new Map<number, number>();
                for (const a of pt.attendance) attended.set(a.activityId, (attended.get(a.activityId) ?? 0) + a.sessions);
                return [...attended.entries()].map(([activityId, sessions]) => (
                  <div key={activityId}>
                    {activityName(activityId)}: {t('projects:sessions', { count: sessions })}
                  </div>
                ));
              }),
              col('actions', t('projects:columns.actions'), (pt) =>
                pt.status === 'active' ? (
                  <div className="project-row-actions">
                    {pt.contractOn === null ? (
                      <button type="button" className="small" aria-label={`${t('projects:actions.contract')}: ${name(pt)}`} onClick={open({ kind: 'contract', participant: pt })}>
                        {t('projects:actions.contract')}
                      </button>
                    ) : null}
                    <button type="button" className="small" aria-label={`${t('projects:actions.attendance')}: ${name(pt)}`} onClick={open({ kind: 'attendance', participant: pt })}>
                      {t('projects:actions.attendance')}
                    </button>
                    <button type="button" className="small" aria-label={`${t('projects:actions.complete')}: ${name(pt)}`} onClick={open({ kind: 'complete', participant: pt })}>
                      {t('projects:actions.complete')}
                    </button>
                    <button type="button" className="small" aria-label={`${t('projects:actions.dropOut')}: ${name(pt)}`} onClick={open({ kind: 'dropOut', participant: pt })}>
                      {t('projects:actions.dropOut')}
                    </button>
                  </div>
                ) : null,
              ),
            ])(columnsOf(p.participants))}
          />
        )}
      </section>
    </div>
  );
}

function PanelActions({ label, onCancel, busy }: { label: string; onCancel: () => void; busy: boolean }) {
  const { t } = useProjectText();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  );
}

interface ActivityValues {
  kind: ActivityKind;
  name: string;
}

function ActivityPanel({ project, onDone }: { project: Project; onDone: () => void }) {
  const text = useProjectText();
  const { t } = text;
  const add = useMutate('projects.addActivity');
  const f = useCallForm({
    call: 'projects.addActivity',
    defaultValues: { kind: 'course', name: '' } as ActivityValues,
    toInput: (v: ActivityValues) => ({ id: project.id, activity: v }),
    fieldOf: (path) => {
      const field = path.replace(/^activity\./, '');
      return field === 'kind' || field === 'name' ? field : null;
    },
    onCancel: onDone,
    onSubmit: async (input) => {
      await add.mutateAsync(input);
      onDone();
    },
  });
  const { register } = f.form;
  return (
    <KeyForm className="card project-panel" onSubmit={f.submit} onCancel={f.cancel} aria-labelledby="project-activity-title">
      <h3 id="project-activity-title">{t('projects:activity.add')}</h3>
      <RequiredLegend />
      <Field label={t('projects:activity.kind')} error={f.error('kind')} required>
        {(p) => (
          <select {...p} autoFocus {...register('kind')}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {text.kind(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('projects:activity.name')} error={f.error('name')} className="project-panel-wide" required>
        {(p) => <input {...p} {...register('name')} />}
      </Field>
      {f.notice}
      <PanelActions label={t('projects:activity.save')} onCancel={f.cancel ?? onDone} busy={add.isPending || f.saving} />
    </KeyForm>
  );
}

interface EnrolValues {
  residentId: number | null;
  recruitedOn: string;
  signed: boolean;
  contractOn: string;
  note: string;
}

function EnrolPanel({ project, onDone }: { project: Project; onDone: () => void }) {
  const text = useProjectText();
  const { t } = text;
  const enrol = useMutate('projects.enrol');
  const status = useCall('app.status', {});
  const today = status.data?.today ?? '';
  const [picked, setPicked] = useState<{ id: number; fullName: string } | null>(null);
  const recruitedRef = useRef<HTMLInputElement>(null);
  const f = useCallForm({
    call: 'projects.enrol',
    defaultValues: { residentId: null, recruitedOn: today, signed: true, contractOn: today, note: '' } as EnrolValues,
    // An empty day is today (the recruitment's day for the contract).
    toInput: (v: EnrolValues) => ({
      id: project.id,
      residentId: v.residentId as number,
      recruitedOn: v.recruitedOn || today,
      ...(v.signed ? { contractOn: v.contractOn || v.recruitedOn || today } : {}),
      note: v.note,
    }),
    onCancel: onDone,
    onSubmit: async (input) => {
      await enrol.mutateAsync(input);
      onDone();
    },
  });
  const { register, control, watch, setValue } = f.form;
  const signed = watch('signed');
  const residentError = f.error('residentId') ? (picked === null ? 'validation.unknownResident' : f.error('residentId')) : undefined;
  const pick = (r: { id: number; fullName: string } | null) => {
    setPicked(r);
    setValue('residentId', r?.id ?? null, { shouldDirty: true });
    f.form.clearErrors('residentId');
  };
  return (
    <KeyForm className="card project-panel" onSubmit={f.submit} onCancel={f.cancel} aria-labelledby="project-enrol-title">
      <h3 id="project-enrol-title">{t('projects:enrol.title')}</h3>
      <RequiredLegend />
      {picked === null ? (
        <div className="project-panel-wide">
          <ResidentPicker
            label={t('projects:enrol.find')}
            error={residentError}
            autoFocus
            onPick={(r) => {
              pick({ id: r.id, fullName: r.fullName });
              // The picker goes; the recruitment day is next.
              window.setTimeout(() => recruitedRef.current?.focus(), 0);
            }}
          />
        </div>
      ) : (
        <div className="project-panel-wide">
          <span className="muted">{t('projects:enrol.chosen')}: </span>
          <strong data-testid="enrol-chosen">{picked.fullName}</strong>{' '}
          <button type="button" className="small" onClick={() => pick(null)}>
            {t('projects:enrol.change')}
          </button>
          {residentError ? <Failure failure={null} errors={{ residentId: residentError }} shown={[]} /> : null}
        </div>
      )}
      <Field label={t('projects:enrol.recruitedOn')} error={f.error('recruitedOn')} required>
        {(p) => (
          <Controller
            control={control}
            name="recruitedOn"
            render={({ field }) => <DateInput {...p} required inputRef={recruitedRef} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...register('signed')} /> {t('projects:enrol.contractSigned')}
      </label>
      {signed ? (
        <Field label={t('projects:enrol.contractOn')} error={f.error('contractOn')}>
          {(p) => (
            <Controller
              control={control}
              name="contractOn"
              render={({ field }) => <DateInput {...p} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
            />
          )}
        </Field>
      ) : null}
      <Field label={t('projects:enrol.note')} error={f.error('note')} className="project-panel-wide">
        {(p) => <textarea {...p} rows={2} {...register('note')} />}
      </Field>
      {f.notice}
      <PanelActions label={t('projects:enrol.save')} onCancel={f.cancel ?? onDone} busy={enrol.isPending || f.saving} />
    </KeyForm>
  );
}

const PARTICIPANT_CALLS = {
  contract: 'projects.recordContract',
  attendance: 'projects.recordAttendance',
  complete: 'projects.complete',
  dropOut: 'projects.dropOut',
} as const;

interface ParticipantValues {
  on: string;
  activityId: string;
  sessions: string;
  hours: string;
  reason: string;
}

/** Contract, attendance, completion or drop-out of one participant, each checked with its own call's schema. */
function ParticipantPanel({ project, kind, participant, onDone }: { project: Project; kind: 'contract' | 'attendance' | 'complete' | 'dropOut'; participant: Participant; onDone: () => void }) {
  const text = useProjectText();
  const { t } = text;
  const status = useCall('app.status', {});
  const today = status.data?.today ?? '';
  const contract = useMutate('projects.recordContract');
  const attendance = useMutate('projects.recordAttendance');
  const complete = useMutate('projects.complete');
  const dropOut = useMutate('projects.dropOut');
  const name = participant.fullName ?? t('projects:page.erased');
  const busy = contract.isPending || attendance.isPending || complete.isPending || dropOut.isPending;
  const toInput = (v: ParticipantValues) => {
    const base = { id: project.id, participantId: participant.id, on: v.on || today };
    if (kind === 'dropOut') return { ...base, reason: v.reason };
    if (kind !== 'attendance') return base;
    return {
      ...base,
      activityId: v.activityId === '' ? Number.NaN : Number(v.activityId),
      // Sessions as typed ('' is no number); hours with a point or a comma, '' for none.
      sessions: wholeNumber(v.sessions, Number.NaN),
      hours: decimalNumber(v.hours, null),
    };
  };
  const f = useCallForm({
    call: PARTICIPANT_CALLS[kind],
    defaultValues: { on: today, activityId: String(project.activities[0]?.id ?? ''), sessions: '1', hours: '', reason: '' } as ParticipantValues,
    toInput: (v: ParticipantValues) => toInput(v) as CallInput<(typeof PARTICIPANT_CALLS)[typeof kind]>,
    onCancel: onDone,
    onSubmit: async (input) => {
      if (kind === 'contract') await contract.mutateAsync(input as CallInput<'projects.recordContract'>);
      else if (kind === 'complete') await complete.mutateAsync(input as CallInput<'projects.complete'>);
      else if (kind === 'dropOut') await dropOut.mutateAsync(input as CallInput<'projects.dropOut'>);
      else await attendance.mutateAsync(input as CallInput<'projects.recordAttendance'>);
      onDone();
    },
  });
  const { register, control, watch } = f.form;
  const activityId = watch('activityId');
  const activityError = f.error('activityId') ? (activityId === '' ? 'validation.unknownActivity' : f.error('activityId')) : undefined;

  const title = t(`projects:${kind}.title`, { name });
  const dateLabel = kind === 'attendance' ? t('projects:attendance.on') : t(`projects:${kind}.on`);
  const saveLabel = t(`projects:${kind}.save`);
  return (
    <KeyForm className="card project-panel" onSubmit={f.submit} onCancel={f.cancel} aria-labelledby="project-participant-title">
      <h3 id="project-participant-title">{title}</h3>
      <RequiredLegend />
      {kind === 'attendance' && project.activities.length === 0 ? <p className="muted project-panel-wide">{t('projects:attendance.noActivities')}</p> : null}
      {kind === 'attendance' ? (
        <Field label={t('projects:attendance.activity')} error={activityError} required>
          {(p) => (
            <select {...p} autoFocus {...register('activityId')}>
              {project.activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({text.kind(a.kind)})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={dateLabel} error={f.error('on')} required>
        {(p) => (
          <Controller
            control={control}
            name="on"
            render={({ field }) => <DateInput {...p} required autoFocus={kind !== 'attendance'} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
          />
        )}
      </Field>
      {kind === 'attendance' ? (
        <>
          <Field label={t('projects:attendance.sessions')} error={f.error('sessions')} required>
            {(p) => <input {...p} inputMode="numeric" {...register('sessions')} />}
          </Field>
          <Field label={t('projects:attendance.hours')} error={f.error('hours')}>
            {(p) => <input {...p} inputMode="decimal" {...register('hours')} />}
          </Field>
        </>
      ) : null}
      {kind === 'dropOut' ? (
        <Field label={t('projects:dropOut.reason')} error={f.error('reason')} className="project-panel-wide" required>
          {(p) => <textarea {...p} rows={2} {...register('reason')} />}
        </Field>
      ) : null}
      {f.notice}
      <PanelActions label={saveLabel} onCancel={f.cancel ?? onDone} busy={busy || f.saving} />
    </KeyForm>
  );
}
