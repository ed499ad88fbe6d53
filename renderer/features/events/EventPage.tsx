import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BANDS, OUTREACH_KINDS, bandTotals, type Attendee, type Band, type Event } from '../../../shared/domain/events';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { decimalNumber, wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import { ResidentPicker } from '../requests/ResidentPicker';
import { useEventText } from './eventText';
import { EventAid } from './EventAid';
import './events.css';

/**
 * An event: when and where, a flag when it is in the past or more than a year ahead, its figures;
 * the front desk registers residents with the resident picker (type, arrows, Enter: registered at
 * once; at the door means attended), marks who came and who did not, and sets the head counts of
 * people not registered by name; coordinators add organisers with hours. A printable sign-in sheet.
 */
export function EventPage() {
  const id = Number(useParams().id);
  const text = useEventText();
  const event = useCall('events.get', { id });
  const status = useCall('app.status', {});
  if (event.isError) return <ErrorNotice error={event.error} />;
  if (!event.data || !status.data) return <p className="loading">{text.t('common:loading')}</p>;
  const role = status.data.user.role;
  return <EventView key={id} e={event.data} today={status.data.today} runs={role === 'coordinator' || role === 'admin'} me={status.data.user} />;
}

function EventView({ e, today, runs, me }: { e: Event; today: string; runs: boolean; me: { id: number; name: string } }) {
  const text = useEventText();
  const { t } = text;
  const flag = text.flag(e.dateFlag);
  return (
    <div>
      <div className="page-head">
        <h1>{e.title}</h1>
        <div className="actions">
          <Link to={`/events/${e.id}/print`} className="button">
            {t('events:print.button')}
          </Link>
          {runs ? (
            <Link to={`/events/${e.id}/edit`} className="button">
              {t('common:edit')}
            </Link>
          ) : null}
          <Link to="/events" className="button">
            {t('events:page.back')}
          </Link>
        </div>
      </div>
      {flag !== null ? (
        <p className={`notice ${e.dateFlag === 'farFuture' ? 'notice-warning' : 'notice-info'}`} role="status" data-testid="date-flag">
          {flag}
        </p>
      ) : null}
      <dl className="card details">
        <dt>{t('events:columns.kind')}</dt>
        <dd>{text.kind(e.kind)}</dd>
        <dt>{t('events:page.when')}</dt>
        <dd>{text.when(e)}</dd>
        <dt>{t('events:page.where')}</dt>
        <dd>{text.where(e) || t('common:none')}</dd>
        {e.capacity !== null ? (
          <>
            <dt>{t('events:page.capacity')}</dt>
            <dd>{text.format.number(e.capacity)}</dd>
          </>
        ) : null}
        {e.partners ? (
          <>
            <dt>{t('events:page.partners')}</dt>
            <dd>{e.partners}</dd>
          </>
        ) : null}
        {e.projectName !== null ? (
          <>
            <dt>{t('events:page.project')}</dt>
            <dd>{e.projectName}</dd>
          </>
        ) : null}
        {OUTREACH_KINDS.includes(e.kind) && e.outreachNote ? (
          <>
            <dt>{t('events:page.outreach')}</dt>
            <dd className="pre">{e.outreachNote}</dd>
          </>
        ) : null}
      </dl>
      <p className="event-figures" data-testid="event-figures">
        {t('events:page.figures', {
          registered: text.format.number(e.figures.registered),
          attended: text.format.number(e.figures.attended),
          noShow: text.format.number(e.figures.noShow),
          counted: text.format.number(e.figures.counted),
          reached: text.format.number(e.figures.reached),
        })}
      </p>
      <Attendance e={e} today={today} />
      <HeadCounts e={e} />
      <EventAid e={e} today={today} />
      <Organisers e={e} runs={runs} me={me} />
    </div>
  );
}

function Attendance({ e, today }: { e: Event; today: string }) {
  const text = useEventText();
  const { t } = text;
  const register = useMutate('events.register');
  const mark = useMutate('events.markAttendance');
  const [atDoor, setAtDoor] = useState(e.startsOn <= today);
  const [pickerKey, setPickerKey] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [overCapacity, setOverCapacity] = useState<ResidentSummary | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const add = async (r: ResidentSummary, confirmOverCapacity: boolean) => {
    setError(undefined);
    setFailure(null);
    try {
      await register.mutateAsync({ id: e.id, residentId: r.id, atDoor, confirmOverCapacity });
      setOverCapacity(null);
      setPickerKey((k) => k + 1);
    } catch (err) {
      if (err instanceof ApiError && err.body.code === 'overCapacity') {
        setOverCapacity(r);
        setFailure(text.error(err));
        window.setTimeout(() => confirmRef.current?.focus(), 0);
      } else if (err instanceof ApiError && err.body.fields?.length) {
        setError(err.body.fields.find((f) => f.path === 'residentId')?.message ?? err.body.fields[0]?.message);
        if (!err.body.fields.some((f) => f.path === 'residentId')) setFailure(text.error(err));
      } else setFailure(text.error(err));
    }
  };
  const markAs = (a: Attendee, status: 'attended' | 'noShow') => {
    setFailure(null);
    mark.mutateAsync({ id: e.id, attendanceId: a.id, status }).catch((err: unknown) => {
      setFailure(err instanceof ApiError && err.body.fields?.[0] ? fieldText(t, err.body.fields[0]) : text.error(err));
    });
  };

  return (
    <section className="event-section" aria-labelledby="event-attendance">
      <h2 id="event-attendance">{t('events:attendance.title')}</h2>
      <div className="card event-register">
        <ResidentPicker key={pickerKey} label={t('events:attendance.resident')} error={error} autoFocus={pickerKey > 0} onPick={(r) => void add(r, false)} />
        <label className="checkbox">
          <input type="checkbox" checked={atDoor} onChange={(ev) => setAtDoor(ev.target.checked)} /> {t('events:attendance.atDoor')}
        </label>
        {failure !== null ? (
          <div role="alert" className={`notice ${overCapacity ? 'notice-warning' : 'notice-error'}`}>
            {failure}
            {overCapacity ? (
              <div className="actions">
                <button ref={confirmRef} type="button" className="primary" onClick={() => void add(overCapacity, true)}>
                  {t('events:attendance.confirm')}
                </button>
                <button type="button" onClick={() => (setOverCapacity(null), setFailure(null), setPickerKey((k) => k + 1))}>
                  {t('events:form.cancel')}
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      {e.attendees.length === 0 ? (
        <p className="muted">{t('events:attendance.none')}</p>
      ) : (
        <DataTable
          className="event-attendees"
          data={e.attendees}
          caption={t('events:attendance.title')}
          empty={t('events:attendance.none')}
          rowKey={(a) => String(a.id)}
          rowData={() => ({ 'data-testid': 'attendee' })}
          columns={((col) => [
            col('no', t('events:print.no'), (a) => e.attendees.indexOf(a) + 1, { align: 'num' }),
            col(
              'name',
              t('events:attendance.name'),
              (a) => (a.residentId !== null && a.fullName !== null ? <Link to={`/residents/${a.residentId}`}>{a.fullName}</Link> : <span className="muted">{t('events:attendance.erased')}</span>),
              { value: (a) => a.fullName },
            ),
            col(
              'status',
              t('events:attendance.status'),
              (a) => (
                <>
                  <span className={`badge event-status-${a.status}`}>{text.status(a.status)}</span>
                  {a.atDoor ? <span className="muted"> ({t('events:atDoor')})</span> : null}
                </>
              ),
              { value: (a) => text.status(a.status) },
            ),
            col(
              'actions',
              t('events:attendance.actions'),
              (a) => (
                <>
                  <button type="button" className="small" disabled={a.status === 'attended'} onClick={() => markAs(a, 'attended')}>
                    {t('events:attendance.markAttended')}
                  </button>{' '}
                  <button type="button" className="small" disabled={a.status === 'noShow'} onClick={() => markAs(a, 'noShow')}>
                    {t('events:attendance.markNoShow')}
                  </button>
                </>
              ),
              { className: 'nowrap' },
            ),
          ])(columnsOf(e.attendees))}
        />
      )}
    </section>
  );
}

type HeadValues = Record<Band, string>;

function HeadCounts({ e }: { e: Event }) {
  const text = useEventText();
  const { t } = text;
  const setCounts = useMutate('events.setHeadCounts');
  const [saved, setSaved] = useState(false);
  const f = useCallForm({
    call: 'events.setHeadCounts',
    defaultValues: Object.fromEntries(BANDS.map((b) => [b, String(e.headCounts[b])])) as HeadValues,
    // An empty band is none; a count as typed goes to the schema ("-1" out of range, "a few" no number).
    toInput: (v: HeadValues) => ({ id: e.id, counts: Object.fromEntries(BANDS.map((b) => [b, wholeNumber(v[b], 0)])) as Record<Band, number> }),
    fieldOf: (path) => {
      const band = path.replace(/^counts\./, '');
      return (BANDS as readonly string[]).includes(band) ? (band as Band) : null;
    },
    onSubmit: async (input) => {
      setSaved(false);
      await setCounts.mutateAsync(input);
      setSaved(true);
    },
  });
  const { register } = f.form;
  return (
    <section className="event-section" aria-labelledby="event-heads">
      <h2 id="event-heads">{t('events:heads.title')}</h2>
      <p className="field-hint">{t('events:heads.hint')}</p>
      <p className="event-band-totals" data-testid="event-band-totals">
        {t('events:heads.totals', { ...bandTotals(e.headCounts) })}
      </p>
      <KeyForm className="card event-heads" onSubmit={f.submit} aria-label={t('events:heads.title')}>
        <div className="event-bands">
          {BANDS.map((b) => (
            <Field key={b} label={text.band(b)} error={f.error(b)}>
              {(p) => <input {...p} inputMode="numeric" className="num" {...register(b)} />}
            </Field>
          ))}
        </div>
        {f.notice}
        <div className="actions">
          <button type="submit" disabled={setCounts.isPending || f.saving}>
            {t('events:heads.save')}
          </button>
          {saved ? (
            <span role="status" className="muted">
              {t('events:heads.saved')}
            </span>
          ) : null}
        </div>
      </KeyForm>
    </section>
  );
}

function Organisers({ e, runs, me }: { e: Event; runs: boolean; me: { id: number; name: string } }) {
  const text = useEventText();
  const { t, format } = text;
  return (
    <section className="event-section" aria-labelledby="event-organisers">
      <h2 id="event-organisers">{t('events:organisers.title')}</h2>
      {e.organisers.length === 0 ? (
        <p className="muted">{t('events:organisers.none')}</p>
      ) : (
        <ul className="event-organisers">
          {e.organisers.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong>
              {o.volunteerId !== null ? <span className="muted"> ({t('events:organisers.volunteer')})</span> : null}
              {o.role ? ` — ${o.role}` : null}
              {o.hours !== null ? ` · ${t('events:organisers.hoursValue', { hours: format.number(o.hours) })}` : null}
            </li>
          ))}
        </ul>
      )}
      {runs ? <AddOrganiser e={e} me={me} /> : null}
    </section>
  );
}

interface OrganiserValues {
  /** "user:3" or "volunteer:12"; '' before one is chosen. */
  who: string;
  role: string;
  hours: string;
}

function AddOrganiser({ e, me }: { e: Event; me: { id: number; name: string } }) {
  const { t } = useEventText();
  const add = useMutate('events.addOrganiser');
  const volunteers = useCall('volunteers.search', { status: 'active', limit: 500 });
  const empty: OrganiserValues = { who: '', role: '', hours: '' };
  const f = useCallForm({
    call: 'events.addOrganiser',
    defaultValues: empty,
    toInput: (v: OrganiserValues) => {
      const [kind, id] = v.who.split(':');
      return { id: e.id, userId: kind === 'user' ? Number(id) : null, volunteerId: kind === 'volunteer' ? Number(id) : null, role: v.role, hours: decimalNumber(v.hours, null) };
    },
    fieldOf: (path) => {
      const top = path.split('.')[0] ?? '';
      if (top === 'userId' || top === 'volunteerId') return 'who';
      return top === 'role' || top === 'hours' ? top : null;
    },
    onSubmit: async (input) => {
      await add.mutateAsync(input);
    },
    afterSave: () => empty,
  });
  const { register } = f.form;
  return (
    <KeyForm className="card event-add-organiser" onSubmit={f.submit} aria-label={t('events:organisers.add')}>
      <div className="form-grid">
        <Field label={t('events:organisers.who')} error={f.error('who')} required>
          {(p) => (
            <select {...p} {...register('who')}>
              <option value="">{t('events:organisers.choose')}</option>
              <optgroup label={t('events:organisers.staff')}>
                <option value={`user:${me.id}`}>{me.name}</option>
              </optgroup>
              <optgroup label={t('events:organisers.volunteers')}>
                {(volunteers.data ?? []).map((v) => (
                  <option key={v.id} value={`volunteer:${v.id}`}>
                    {v.fullName}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field label={t('events:organisers.role')} error={f.error('role')}>
          {(p) => <input {...p} {...register('role')} />}
        </Field>
        <Field label={t('events:organisers.hours')} error={f.error('hours')}>
          {(p) => <input {...p} inputMode="decimal" {...register('hours')} />}
        </Field>
      </div>
      {f.notice}
      <div className="actions">
        <button type="submit" disabled={add.isPending || f.saving}>
          {t('events:organisers.add')}
        </button>
      </div>
    </KeyForm>
  );
}
