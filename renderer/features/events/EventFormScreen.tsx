import { Controller } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { EVENT_KINDS, OUTREACH_KINDS, type Event, type EventKind } from '../../../shared/domain/events';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DateInput } from '../../ui/DateInput';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useEventText } from './eventText';
import './events.css';

interface Draft {
  title: string;
  kind: EventKind;
  startsOn: string;
  startsAt: string;
  endsAt: string;
  settlement: string;
  address: string;
  capacity: string;
  partners: string;
  outreachNote: string;
  projectId: string;
}

/** A new event: title, kind, day and 24-hour times, place, places, partners, project. */
export function EventNewScreen() {
  const status = useCall('app.status', {});
  if (!status.data) return null;
  return <EventForm event={null} today={status.data.today} />;
}

/** Change an event: the same form with its values. */
export function EventEditScreen() {
  const text = useEventText();
  const id = Number(useParams().id);
  const event = useCall('events.get', { id });
  if (event.isError) return <ErrorNotice error={event.error} />;
  if (!event.data) return <p className="loading">{text.t('common:loading')}</p>;
  return <EventForm key={id} event={event.data} today="" />;
}

function EventForm({ event, today }: { event: Event | null; today: string }) {
  const text = useEventText();
  const { t } = text;
  const navigate = useNavigate();
  const create = useMutate('events.create');
  const update = useMutate('events.update');
  const projects = useCall('projects.list', {});
  const back = () => void navigate(event === null ? '/events' : `/events/${event.id}`);
  const f = useCallForm({
    // Both calls take the same event (events.update wraps it in { id, data }).
    call: 'events.create',
    defaultValues: (event === null
      ? { title: '', kind: 'masterClass', startsOn: today, startsAt: '', endsAt: '', settlement: '', address: '', capacity: '', partners: '', outreachNote: '', projectId: '' }
      : {
          title: event.title,
          kind: event.kind,
          startsOn: event.startsOn,
          startsAt: event.startsAt ?? '',
          endsAt: event.endsAt ?? '',
          settlement: event.settlement,
          address: event.address,
          capacity: event.capacity === null ? '' : String(event.capacity),
          partners: event.partners,
          outreachNote: event.outreachNote,
          projectId: event.projectId === null ? '' : String(event.projectId),
        }) as Draft,
    toInput: (d: Draft) => ({
      title: d.title,
      kind: d.kind,
      startsOn: d.startsOn,
      startsAt: d.startsAt.trim() === '' ? null : d.startsAt.trim(),
      endsAt: d.endsAt.trim() === '' ? null : d.endsAt.trim(),
      settlement: d.settlement,
      address: d.address,
      capacity: d.capacity.trim() === '' ? null : /^\d+$/.test(d.capacity.trim()) ? Number(d.capacity.trim()) : Number.NaN,
      partners: d.partners,
      outreachNote: OUTREACH_KINDS.includes(d.kind) ? d.outreachNote : '',
      projectId: d.projectId === '' ? null : Number(d.projectId),
    }),
    onCancel: back,
    onSubmit: async (data) => {
      const e = event === null ? await create.mutateAsync(data) : await update.mutateAsync({ id: event.id, data });
      void navigate(`/events/${e.id}`);
    },
  });
  const { register, control, watch } = f.form;
  const title = event === null ? t('events:new') : t('events:edit');
  const outreach = OUTREACH_KINDS.includes(watch('kind'));

  return (
    <div>
      <h1>{title}</h1>
      <KeyForm className="card event-form" onSubmit={f.submit} onCancel={f.cancel} aria-label={title}>
        <RequiredLegend />
        <div className="form-grid">
          <Field label={t('events:form.title')} error={f.error('title')} required>
            {(p) => <input {...p} autoFocus {...register('title')} />}
          </Field>
          <Field label={t('events:form.kind')} error={f.error('kind')}>
            {(p) => (
              <select {...p} {...register('kind')}>
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {text.kind(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('events:form.startsOn')} error={f.error('startsOn')} required>
            {(p) => (
              <Controller
                control={control}
                name="startsOn"
                render={({ field }) => (
                  <DateInput {...p} required name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />
                )}
              />
            )}
          </Field>
          <div className="event-times">
            <Field label={t('events:form.startsAt')} error={f.error('startsAt')}>
              {(p) => <input {...p} inputMode="numeric" placeholder="14:00" maxLength={5} {...register('startsAt')} />}
            </Field>
            <Field label={t('events:form.endsAt')} error={f.error('endsAt')}>
              {(p) => <input {...p} inputMode="numeric" placeholder="16:00" maxLength={5} {...register('endsAt')} />}
            </Field>
          </div>
          <Field label={t('events:form.settlement')} error={f.error('settlement')}>
            {(p) => <input {...p} {...register('settlement')} />}
          </Field>
          <Field label={t('events:form.address')} error={f.error('address')}>
            {(p) => <input {...p} {...register('address')} />}
          </Field>
          <Field label={t('events:form.capacity')} error={f.error('capacity')}>
            {(p) => <input {...p} inputMode="numeric" {...register('capacity')} />}
          </Field>
          <Field label={t('events:form.project')} error={f.error('projectId')}>
            {(p) => (
              <select {...p} {...register('projectId')}>
                <option value="">{t('events:form.noProject')}</option>
                {(projects.data ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('events:form.partners')} error={f.error('partners')} className="span-2">
            {(p) => <input {...p} {...register('partners')} />}
          </Field>
          {outreach ? (
            <Field label={t('events:form.outreachNote')} error={f.error('outreachNote')} className="span-2">
              {(p) => <textarea {...p} rows={3} {...register('outreachNote')} />}
            </Field>
          ) : null}
        </div>
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending || f.saving}>
            {t('events:form.save')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('events:form.cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
