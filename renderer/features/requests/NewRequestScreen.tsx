import { useEffect, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, URGENCIES, type Channel, type Urgency } from '../../../shared/domain/requests';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useLabels } from '../../ui/labels';
import { ResidentPicker } from './ResidentPicker';
import { ResidentForm } from '../residents/ResidentForm';
import { emptyResidentForm } from '../residents/residentFormValues';
import { splitTypedName } from '../residents/ResidentEditScreen';
import { KindSelect } from './KindSelect';

type Picked = Pick<ResidentSummary, 'id' | 'fullName' | 'address' | 'birthYear'>;

interface RequestFormValues {
  /** Not typed: the picked resident's, for its message. */
  residentId: number;
  kindId: number | null;
  urgency: Urgency;
  channel: Channel;
  description: string;
}

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
  const kindRef = useRef<HTMLSelectElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const f = useCallForm({
    call: 'requests.create',
    defaultValues: { residentId: 0, kindId: null, urgency: 'normal', channel: 'walkIn', description: '' } as RequestFormValues,
    // The resident is picked beside the form (with its name and address to show): its id joins here.
    toInput: (v: RequestFormValues) => ({ residentId: resident?.id ?? 0, kindId: v.kindId ?? 0, urgency: v.urgency, channel: v.channel, description: v.description }),
    onInvalid: (errors) => {
      if (errors.residentId) pickerRef.current?.focus();
      else if (errors.kindId) kindRef.current?.focus();
    },
    onSubmit: async (input) => {
      const saved = await create.mutateAsync(input);
      void navigate(`/requests/${saved.id}`, { state: { justCreated: true } });
    },
  });
  const { register, control } = f.form;

  const residentId = resident?.id;
  useEffect(() => {
    if (residentId !== undefined) kindRef.current?.focus();
  }, [residentId]);

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
        <KeyForm className="card form-grid" onSubmit={f.submit}>
          <RequiredLegend />
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
                error={f.error('residentId')}
                required
                onPick={(r) => setResident(r)}
                onCreate={(typed) => setCreating(typed)}
              />
            )}
          </div>
          <Field label={t('requests:form.kind')} error={f.error('kindId')} className="span-2" required>
            {(p) => (
              <Controller
                control={control}
                name="kindId"
                render={({ field }) => (
                  <KindSelect
                    {...p}
                    ref={(el) => {
                      kindRef.current = el;
                      field.ref(el);
                    }}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    autoFocus={resident !== null}
                  />
                )}
              />
            )}
          </Field>
          <fieldset className="radios">
            <legend>{t('requests:form.urgency')}</legend>
            {URGENCIES.map((u) => (
              <label key={u} className="radio">
                <input type="radio" value={u} {...register('urgency')} />
                <span>{labels.urgency(u)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="radios">
            <legend>{t('requests:form.channel')}</legend>
            {CHANNELS.map((c) => (
              <label key={c} className="radio">
                <input type="radio" value={c} {...register('channel')} />
                <span>{labels.channel(c)}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t('requests:form.description')} error={f.error('description')} className="span-2">
            {(p) => <textarea {...p} rows={3} {...register('description')} placeholder={t('requests:form.descriptionPlaceholder')} />}
          </Field>
          {f.notice}
          <div className="actions span-2">
            <button type="submit" className="primary big" disabled={create.isPending || f.saving}>
              {t('requests:form.save')}
            </button>
            <span className="field-hint">{t('common:saveShortcut')}</span>
          </div>
        </KeyForm>
      )}
    </div>
  );
}
