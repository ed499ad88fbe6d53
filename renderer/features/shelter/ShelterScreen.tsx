import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OUT_REASONS, type OutReason, type Shelter, type Stay } from '../../../shared/domain/shelter';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { daysBetween } from '../../../shared/domain/dates';
import { ApiError } from '../../bridge';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, errorText, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { ResidentPicker } from '../requests/ResidentPicker';
import './shelter.css';
import { DateInput } from '../../ui/DateInput';

const NS = ['shelter', 'common'] as const;

/** The field messages and any other failure of a refused call (kept with the raw error). */
function useSave() {
  const { t } = useTranslation(NS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [raw, setRaw] = useState<unknown>(null);
  const attempt = async (save: () => Promise<void>) => {
    setErrors({});
    setFailure(null);
    setRaw(null);
    try {
      await save();
    } catch (err) {
      setRaw(err);
      if (err instanceof ApiError && err.body.fields?.length) {
        const found: Record<string, string> = {};
        for (const f of err.body.fields) found[f.path] ??= f.message;
        setErrors(found);
      } else setFailure(errorText(t, err));
    }
  };
  return { errors, failure, raw, attempt };
}

/**
 * The temporary shelter: who is there today in each shelter (since when, for how many days, room
 * or bed), checking a resident or their whole household in, checking a person out with the
 * reason, and the shelters with their places (coordinators and admins add and change them).
 */
export function ShelterScreen() {
  const { t } = useTranslation(NS);
  const status = useCall('app.status', {});
  const today = useCall('shelter.today', {});
  const role = status.data?.user.role;
  const manages = role === 'coordinator' || role === 'admin';
  if (today.isError) return <ErrorNotice error={today.error} />;
  if (!today.data || !status.data) return null;
  const shelters = today.data.map((x) => x.shelter);
  return (
    <div className="shelter-screen">
      <h1>{t('shelter:title')}</h1>
      <p>
        <Link to="/shelter/history">{t('shelter:history.link')}</Link>
      </p>
      {shelters.length === 0 ? <p className="muted">{t('shelter:shelters.none')}</p> : <CheckIn shelters={shelters} today={status.data.today} />}
      <section aria-labelledby="shelter-today-title">
        <h2 id="shelter-today-title">{t('shelter:today.title')}</h2>
        {today.data.map((x) => (
          <TodayTable key={x.shelter.id} shelter={x.shelter} stays={x.stays} today={status.data?.today ?? ''} />
        ))}
      </section>
      <Shelters shelters={shelters} manages={manages} />
    </div>
  );
}

function TodayTable({ shelter, stays, today }: { shelter: Shelter; stays: Stay[]; today: string }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const navigate = useNavigate();
  const [out, setOut] = useState<number | null>(null);
  return (
    <div className="card">
      <div className="shelter-today-head">
        <h3>{shelter.name}</h3>
        <span className={shelter.occupied > shelter.places ? 'shelter-full' : 'muted'}>{t('shelter:today.occupied', { occupied: shelter.occupied, places: shelter.places })}</span>
      </div>
      {stays.length === 0 ? (
        <p className="muted">{t('shelter:today.empty')}</p>
      ) : (
        <DataTable
          className="shelter-table"
          data={stays}
          caption={t('shelter:today.title') + ': ' + shelter.name}
          empty={t('shelter:today.empty')}
          rowKey={(s) => String(s.id)}
          rowLabel={(s) => s.fullName ?? '—'}
          onOpen={(s) => s.residentId !== null && void navigate(`/residents/${s.residentId}`)}
          canOpen={(s) => s.residentId !== null}
          columns={((col) => [
            col('name', t('shelter:fields.name'), (s) => (s.residentId !== null ? <Link to={`/residents/${s.residentId}`}>{s.fullName}</Link> : '—'), { value: (s) => s.fullName }),
            col('birthYear', t('shelter:fields.birthYear'), (s) => s.birthYear ?? '', { value: (s) => s.birthYear, align: 'num' }),
            col(
              'since',
              t('shelter:today.since'),
              (s) => (
                <>
                  {format.date(s.checkedInOn)} <span className="muted">({t('shelter:today.days', { count: daysBetween(s.checkedInOn, today) })})</span>
                </>
              ),
              { value: (s) => s.checkedInOn },
            ),
            col('bed', t('shelter:fields.bed'), (s) => s.bed, { value: (s) => s.bed }),
            col('household', t('shelter:today.household'), (s) => (s.householdId !== null ? `№ ${s.householdId}` : ''), { value: (s) => s.householdId }),
            col(
              'actions',
              <span className="visually-hidden">{t('common:table.actions')}</span>,
              (s) => (
                <button type="button" onClick={() => setOut(s.id)} aria-label={`${t('shelter:checkOut.open')}: ${s.fullName ?? ''}`}>
                  {t('shelter:checkOut.open')}
                </button>
              ),
              { className: 'actions-cell' },
            ),
          ])(columnsOf<Stay>(stays))}
        />
      )}
      {out !== null ? <CheckOut stay={stays.find((s) => s.id === out)} today={today} onDone={() => setOut(null)} /> : null}
    </div>
  );
}

function CheckOut({ stay, today, onDone }: { stay: Stay | undefined; today: string; onDone: () => void }) {
  const { t } = useTranslation(NS);
  const checkOut = useMutate('shelter.checkOut');
  const save = useSave();
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState<OutReason>('ownHousing');
  const [note, setNote] = useState('');
  if (!stay) return null;
  const submit = () =>
    save.attempt(async () => {
      await checkOut.mutateAsync({ id: stay.id, on, reason, note });
      onDone();
    });
  return (
    <KeyForm className="shelter-panel" onSubmit={submit} onCancel={onDone} aria-label={t('shelter:checkOut.title', { name: stay.fullName ?? '' })}>
      <h3>{t('shelter:checkOut.title', { name: stay.fullName ?? '' })}</h3>
      <div className="shelter-row">
        <Field label={t('shelter:fields.reason')} error={save.errors.reason}>
          {(p) => (
            <select {...p} autoFocus value={reason} onChange={(e) => setReason(e.target.value as OutReason)}>
              {OUT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`shelter:outReason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('shelter:fields.on')} error={save.errors.on}>
          {(p) => <DateInput {...p} min={stay.checkedInOn} max={today} value={on} onChange={setOn} />}
        </Field>
      </div>
      <Field label={t('shelter:fields.note')} error={save.errors.note}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {save.failure ? (
        <div role="alert" className="notice notice-error">
          {save.failure}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={checkOut.isPending}>
          {t('shelter:checkOut.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}

function CheckIn({ shelters, today }: { shelters: Shelter[]; today: string }) {
  const { t } = useTranslation(NS);
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [done, setDone] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="shelter-checkin-title">
      <h2 id="shelter-checkin-title">{t('shelter:checkIn.title')}</h2>
      {done !== null ? (
        <p role="status" className="notice notice-success">
          {t('shelter:checkIn.done', { count: done })}
        </p>
      ) : null}
      {resident === null ? (
        <div className="household-picker">
          <ResidentPicker label={t('shelter:fields.resident')} autoFocus={false} onPick={(r) => { setDone(null); setResident(r); }} />
        </div>
      ) : (
        <CheckInForm
          key={resident.id}
          resident={resident}
          shelters={shelters}
          today={today}
          onDone={(n) => {
            setResident(null);
            setDone(n);
          }}
          onCancel={() => setResident(null)}
        />
      )}
    </section>
  );
}

function CheckInForm(props: { resident: ResidentSummary; shelters: Shelter[]; today: string; onDone: (n: number) => void; onCancel: () => void }) {
  const { t } = useTranslation(NS);
  const checkIn = useMutate('shelter.checkIn');
  const households = useCall('households.ofResident', { residentId: props.resident.id });
  const save = useSave();
  const [shelterId, setShelterId] = useState(props.shelters[0]?.id ?? 0);
  const [whole, setWhole] = useState(false);
  const [on, setOn] = useState(props.today);
  const [bed, setBed] = useState('');
  const household = households.data?.current ?? null;
  const registered = household ? household.members.filter((m) => m.residentId !== null).length : 0;
  /** The core said how many would be there and the places: the next submit confirms. */
  const warned = save.raw instanceof ApiError && save.raw.body.code === 'overPlaces';
  const submit = () =>
    save.attempt(async () => {
      const who = whole && household ? { householdId: household.id } : { residentId: props.resident.id };
      const stays = await checkIn.mutateAsync({ shelterId, ...who, on, bed, confirmOverPlaces: warned });
      props.onDone(stays.length);
    });
  const whoError = save.errors.residentId ?? save.errors.householdId;
  return (
    <KeyForm className="shelter-panel" onSubmit={submit} onCancel={props.onCancel} aria-label={t('shelter:checkIn.title')}>
      <p className="shelter-picked">
        {t('shelter:checkIn.picked', { name: props.resident.fullName })}{' '}
        <button type="button" className="link" onClick={props.onCancel}>
          {t('shelter:checkIn.change')}
        </button>
      </p>
      {household && registered > 1 ? (
        <label className="checkbox">
          <input type="checkbox" autoFocus checked={whole} onChange={(e) => setWhole(e.target.checked)} /> {t('shelter:fields.wholeHousehold', { count: registered })}
        </label>
      ) : null}
      {whoError ? (
        <div role="alert" className="notice notice-error">
          {fieldText(t, whoError)}
        </div>
      ) : null}
      <div className="shelter-row">
        {props.shelters.length > 1 ? (
          <Field label={t('shelter:fields.shelter')}>
            {(p) => (
              <select {...p} value={shelterId} onChange={(e) => setShelterId(Number(e.target.value))}>
                {props.shelters.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.occupied}/{s.places})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label={t('shelter:fields.on')} error={save.errors.on}>
          {(p) => <DateInput {...p} max={props.today} value={on} onChange={setOn} />}
        </Field>
        <Field label={t('shelter:fields.bed')} error={save.errors.bed}>
          {(p) => <input {...p} value={bed} maxLength={60} onChange={(e) => setBed(e.target.value)} />}
        </Field>
      </div>
      {save.failure ? (
        <div role="alert" className={warned ? 'notice notice-warning' : 'notice notice-error'}>
          {save.failure}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={checkIn.isPending}>
          {warned ? t('shelter:checkIn.confirm') : t('shelter:checkIn.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}

function Shelters({ shelters, manages }: { shelters: Shelter[]; manages: boolean }) {
  const { t } = useTranslation(NS);
  const [editing, setEditing] = useState<Shelter | 'new' | null>(null);
  return (
    <section aria-labelledby="shelter-list-title">
      <h2 id="shelter-list-title">{t('shelter:shelters.title')}</h2>
      {shelters.length > 0 ? (
        <DataTable
          className="shelter-table"
          data={shelters}
          caption={t('shelter:shelters.title')}
          empty={t('common:none')}
          rowKey={(s) => String(s.id)}
          columns={((col) => [
            col('shelter', t('shelter:fields.shelter'), (s) => s.name, { value: (s) => s.name }),
            col('address', t('shelter:fields.address'), (s) => s.address, { value: (s) => s.address }),
            col('places', t('shelter:fields.places'), (s) => s.places, { value: (s) => s.places, align: 'num' }),
            col('occupied', t('shelter:fields.occupied'), (s) => <span className={s.occupied > s.places ? 'shelter-full' : undefined}>{s.occupied}</span>, { value: (s) => s.occupied, align: 'num' }),
            ...(manages
              ? [
                  col(
                    'actions',
                    <span className="visually-hidden">{t('common:table.actions')}</span>,
                    (s) => (
                      <button type="button" onClick={() => setEditing(s)} aria-label={`${t('common:edit')}: ${s.name}`}>
                        {t('common:edit')}
                      </button>
                    ),
                    { className: 'actions-cell' },
                  ),
                ]
              : []),
          ])(columnsOf<Shelter>(shelters))}
        />
      ) : null}
      {manages && editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('shelter:shelters.add')}
        </button>
      ) : null}
      {editing !== null ? <ShelterForm key={editing === 'new' ? 0 : editing.id} shelter={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
    </section>
  );
}

interface ShelterValues {
  name: string;
  address: string;
  /** As typed: read with the one number reader; not a whole number is refused by the schema. */
  places: string;
}

function ShelterForm({ shelter, onDone }: { shelter: Shelter | null; onDone: () => void }) {
  const { t } = useTranslation(NS);
  const add = useMutate('shelter.addShelter');
  const update = useMutate('shelter.updateShelter');
  const f = useCallForm({
    // Both calls take the same shelter (shelter.updateShelter with its id).
    call: 'shelter.addShelter',
    defaultValues: { name: shelter?.name ?? '', address: shelter?.address ?? '', places: shelter ? String(shelter.places) : '' } as ShelterValues,
    toInput: (v: ShelterValues) => ({ name: v.name, address: v.address, places: wholeNumber(v.places, Number.NaN) }),
    onCancel: onDone,
    onSubmit: async (input) => {
      if (shelter) await update.mutateAsync({ id: shelter.id, ...input });
      else await add.mutateAsync(input);
      onDone();
    },
  });
  const { clearErrors } = f.form;
  /** A message goes away as soon as its field is changed. */
  const register = (name: keyof ShelterValues) => f.form.register(name, { onChange: () => clearErrors(name) });
  const placesError = f.missingOr('places');
  return (
    <KeyForm className="card shelter-panel" onSubmit={f.submit} onCancel={f.cancel} aria-label={shelter ? shelter.name : t('shelter:shelters.add')}>
      <RequiredLegend />
      <div className="shelter-row">
        <Field label={t('shelter:fields.shelter')} error={f.error('name')} required>
          {(p) => <input {...p} autoFocus {...register('name')} />}
        </Field>
        <Field label={t('shelter:fields.address')} error={f.error('address')}>
          {(p) => <input {...p} {...register('address')} />}
        </Field>
        <Field label={t('shelter:fields.places')} error={placesError} required>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('places')} />}
        </Field>
      </div>
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={add.isPending || update.isPending || f.saving}>
          {t('shelter:shelters.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}
