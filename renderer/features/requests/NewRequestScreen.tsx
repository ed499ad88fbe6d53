import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, URGENCIES, requestInputSchema, type Channel, type Urgency } from '../../../shared/domain/requests';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { Field } from '../../ui/Field';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { ApiError } from '../../bridge';
import { ResidentPicker } from './ResidentPicker';
import { ResidentForm } from '../residents/ResidentForm';
import { emptyResidentForm } from '../residents/residentForm';
import { splitTypedName } from '../residents/ResidentEditScreen';
import { KindSelect } from './KindSelect';

type Picked = Pick<ResidentSummary, 'id' | 'fullName' | 'address' | 'birthYear'>;

/**
 * Log a walk-in in under 30 seconds with the keyboard alone: find or create the resident, pick the
 * kind, urgency and channel, describe, Ctrl+Enter.
 */
export function NewRequestScreen() {
  const { t } = useTranslation(['requests', 'common']);
  const labels = useLabels();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const preset = Number(search.get('resident') ?? '');
  const presetResident = useCall('residents.get', { id: preset }, { enabled: Number.isInteger(preset) && preset > 0 });
  const create = useMutate('requests.create');

  // undefined: nothing chosen here yet, so the resident from the address (?resident=ID) applies.
  const [picked, setResident] = useState<Picked | null | undefined>(undefined);
  const presetData = presetResident.data?.resident;
  const resident: Picked | null =
    picked !== undefined
      ? picked
      : presetData
        ? { id: presetData.id, fullName: presetData.fullName, address: presetData.address, birthYear: presetData.birthYear }
        : null;
  const [creating, setCreating] = useState<string | null>(null);
  const [kindId, setKindId] = useState<number | null>(null);
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [channel, setChannel] = useState<Channel>('walkIn');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const kindRef = useRef<HTMLSelectElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);

  const residentId = resident?.id;
  useEffect(() => {
    if (residentId !== undefined) kindRef.current?.focus();
  }, [residentId]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = requestInputSchema.safeParse({ residentId: resident?.id ?? 0, kindId: kindId ?? 0, urgency, channel, description });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.required';
      setErrors(next);
      if (next.residentId) pickerRef.current?.focus();
      else if (next.kindId) kindRef.current?.focus();
      return;
    }
    setErrors({});
    try {
      const saved = await create.mutateAsync(parsed.data);
      void navigate(`/requests/${saved.id}`, { state: { justCreated: true } });
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path, f.message])));
    }
  };

  return (
    <div className="new-request">
      <h1>{t('requests:newTitle')}</h1>
      {creating !== null ? (
        <section className="card" aria-labelledby="new-resident-title">
          <h2 id="new-resident-title">{t('requests:form.newResident')}</h2>
          <ResidentForm
            compact
            initial={{ ...emptyResidentForm, ...splitTypedName(creating) }}
            onSaved={(r) => {
              setCreating(null);
              setResident({ id: r.id, fullName: r.fullName, address: r.address, birthYear: r.birthYear });
            }}
            onCancel={() => setCreating(null)}
          />
        </section>
      ) : (
        <form
          className="card form-grid"
          noValidate
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <div className="span-2">
            {resident ? (
              <div className="picked">
                <span className="field-label">{t('requests:form.resident')}</span>
                <strong>{resident.fullName}</strong>
                {resident.birthYear !== null ? <span className="muted"> · {resident.birthYear}</span> : null}
                {resident.address ? <span className="muted"> · {resident.address}</span> : null}
                <button type="button" className="small" onClick={() => setResident(null)}>
                  {t('requests:form.changeResident')}
                </button>
              </div>
            ) : (
              <ResidentPicker
                ref={pickerRef}
                label={t('requests:form.resident')}
                error={errors.residentId}
                onPick={(r) => setResident(r)}
                onCreate={(typed) => setCreating(typed)}
              />
            )}
          </div>
          <Field label={t('requests:form.kind')} error={errors.kindId} className="span-2">
            {(p) => <KindSelect {...p} ref={kindRef} value={kindId} onChange={setKindId} autoFocus={resident !== null} />}
          </Field>
          <fieldset className="radios">
            <legend>{t('requests:form.urgency')}</legend>
            {URGENCIES.map((u) => (
              <label key={u} className="radio">
                <input type="radio" name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
                <span>{labels.urgency(u)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="radios">
            <legend>{t('requests:form.channel')}</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="radio">
                <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />
                <span>{labels.channel(c)}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t('requests:form.description')} error={errors.description} className="span-2">
            {(p) => <textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t('requests:form.descriptionPlaceholder')} />}
          </Field>
          {create.error instanceof ApiError && create.error.body.code === 'validation' ? null : <ErrorNotice error={create.error} />}
          <div className="actions span-2">
            <button type="submit" className="primary big" disabled={create.isPending}>
              {t('requests:form.save')}
            </button>
            <span className="field-hint">{t('common:saveShortcut')}</span>
          </div>
        </form>
      )}
    </div>
  );
}
