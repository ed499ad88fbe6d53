import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { EVENT_KINDS, OUTREACH_KINDS, type Event, type EventKind } from '../../../shared/domain/events';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { Failure, useSave } from '../projects/projectText';
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

const SHOWN = ['title', 'kind', 'startsOn', 'startsAt', 'endsAt', 'settlement', 'address', 'capacity', 'partners', 'outreachNote', 'projectId'];

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
  const [d, setD] = useState<Draft>(
    event === null
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
        },
  );
  const save = useSave(/^data\./);
  const back = () => void navigate(event === null ? '/events' : `/events/${event.id}`);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const title = event === null ? t('events:new') : t('events:edit');
  const outreach = OUTREACH_KINDS.includes(d.kind);

  const submit = () => {
    const found: Record<string, string> = {};
    const capacity = d.capacity.trim() === '' ? null : /^\d+$/.test(d.capacity.trim()) ? Number(d.capacity.trim()) : Number.NaN;
    if (Number.isNaN(capacity)) found.capacity = 'validation.number';
    return save.attempt(async () => {
      const data = {
        title: d.title,
        kind: d.kind,
        startsOn: d.startsOn,
        startsAt: d.startsAt.trim() === '' ? null : d.startsAt.trim(),
        endsAt: d.endsAt.trim() === '' ? null : d.endsAt.trim(),
        settlement: d.settlement,
        address: d.address,
        capacity,
        partners: d.partners,
        outreachNote: outreach ? d.outreachNote : '',
        projectId: d.projectId === '' ? null : Number(d.projectId),
      };
      const e = event === null ? await create.mutateAsync(data) : await update.mutateAsync({ id: event.id, data });
      void navigate(`/events/${e.id}`);
    }, found);
  };

  return (
    <div>
      <h1>{title}</h1>
      <KeyForm className="card event-form" onSubmit={submit} onCancel={back} aria-label={title}>
        <div className="form-grid">
          <Field label={t('events:form.title')} error={save.errors.title}>
            {(p) => <input {...p} autoFocus value={d.title} onChange={set('title')} />}
          </Field>
          <Field label={t('events:form.kind')} error={save.errors.kind}>
            {(p) => (
              <select {...p} value={d.kind} onChange={set('kind')}>
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {text.kind(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('events:form.startsOn')} error={save.errors.startsOn}>
            {(p) => <input {...p} type="date" value={d.startsOn} onChange={set('startsOn')} />}
          </Field>
          <div className="event-times">
            <Field label={t('events:form.startsAt')} error={save.errors.startsAt}>
              {(p) => <input {...p} inputMode="numeric" placeholder="14:00" maxLength={5} value={d.startsAt} onChange={set('startsAt')} />}
            </Field>
            <Field label={t('events:form.endsAt')} error={save.errors.endsAt}>
              {(p) => <input {...p} inputMode="numeric" placeholder="16:00" maxLength={5} value={d.endsAt} onChange={set('endsAt')} />}
            </Field>
          </div>
          <Field label={t('events:form.settlement')} error={save.errors.settlement}>
            {(p) => <input {...p} value={d.settlement} onChange={set('settlement')} />}
          </Field>
          <Field label={t('events:form.address')} error={save.errors.address}>
            {(p) => <input {...p} value={d.address} onChange={set('address')} />}
          </Field>
          <Field label={t('events:form.capacity')} error={save.errors.capacity}>
            {(p) => <input {...p} inputMode="numeric" value={d.capacity} onChange={set('capacity')} />}
          </Field>
          <Field label={t('events:form.project')} error={save.errors.projectId}>
            {(p) => (
              <select {...p} value={d.projectId} onChange={set('projectId')}>
                <option value="">{t('events:form.noProject')}</option>
                {(projects.data ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('events:form.partners')} error={save.errors.partners} className="span-2">
            {(p) => <input {...p} value={d.partners} onChange={set('partners')} />}
          </Field>
          {outreach ? (
            <Field label={t('events:form.outreachNote')} error={save.errors.outreachNote} className="span-2">
              {(p) => <textarea {...p} rows={3} value={d.outreachNote} onChange={set('outreachNote')} />}
            </Field>
          ) : null}
        </div>
        <Failure failure={save.failure} errors={save.errors} shown={SHOWN} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
            {t('events:form.save')}
          </button>
          <button type="button" onClick={back}>
            {t('events:form.cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
