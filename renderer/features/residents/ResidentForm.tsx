import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SITUATIONS, type Resident } from '../../../shared/domain/residents';
import type { DuplicateCandidate } from '../../../shared/domain/matcher';
import { MatchReasons } from '../duplicates/MatchReasons';
import { HouseholdBriefLine } from '../households/HouseholdBrief';
import { useCall, useMutate } from '../../app/api';
import { invoke } from '../../bridge';
import { Field, RequiredLegend } from '../../ui/Field';
import { fieldText } from '../../ui/ErrorNotice';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useLabels } from '../../ui/labels';
import { formFieldOf, formToInput, type ResidentFormValues } from './residentFormValues';

/**
 * Create or edit a resident. Validation uses the contract's schema; on create, residents with the
 * same folded name and birth year or the same phone are shown before saving, with links to them.
 */
export function ResidentForm(props: {
  initial: ResidentFormValues;
  residentId?: number;
  /** A consent covering health is in force: the health-needs field is enabled. */
  healthConsent?: boolean;
  compact?: boolean;
  onSaved: (resident: Resident) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation(['residents', 'common', 'privacy']);
  const labels = useLabels();
  const create = useMutate('residents.create');
  const update = useMutate('residents.update');
  const settlements = useCall('residents.settlements', {});
  // In a registered household the household counts its members: the free "people in the household"
  // is kept (unchanged) only for people in none, and hidden for the others.
  const household = useCall('households.ofResident', { residentId: props.residentId ?? 0 }, { enabled: props.residentId !== undefined }).data?.current ?? null;
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [checking, setChecking] = useState(false);
  /** The duplicates were shown: the next save saves anyway. */
  const [confirmed, setConfirmed] = useState(false);
  const f = useCallForm({
    // Both calls take the same resident (residents.update wraps it in { id, data }).
    call: 'residents.create',
    defaultValues: props.initial,
    toInput: (v: ResidentFormValues) => formToInput(v, { health: props.healthConsent === true }),
    fieldOf: (path, v) => formFieldOf(path.replace(/^data\./, ''), v),
    onCancel: props.onCancel,
    onSubmit: async (input) => {
      if (props.residentId === undefined && !confirmed) {
        setChecking(true);
        try {
          const found = await invoke('residents.findDuplicates', {
            lastName: input.lastName,
            firstName: input.firstName,
            patronymic: input.patronymic ?? '',
            birthYear: input.birthYear ?? null,
            phones: input.phones ?? [],
          });
          if (found.length > 0) {
            setDuplicates(found);
            setConfirmed(true);
            return false;
          }
        } finally {
          setChecking(false);
        }
      }
      const saved = props.residentId === undefined ? await create.mutateAsync(input) : await update.mutateAsync({ id: props.residentId, data: input });
      props.onSaved(saved);
      return true;
    },
  });
  const { register, watch } = f.form;
  // Another name or phone than the one the duplicates were found for: the next save looks again.
  useEffect(() => {
    const sub = watch((_, { name }) => {
      if (name && ['lastName', 'firstName', 'patronymic', 'birthYear', 'phone1', 'phone2'].includes(name)) setConfirmed(false);
    });
    return () => sub.unsubscribe();
  }, [watch]);
  const errors = f.form.formState.errors;
  const regularCare = watch('regularCare');
  const saving = create.isPending || update.isPending || checking || f.saving;

  const text = (
    name: keyof ResidentFormValues,
    label: string,
    extra: { autoFocus?: boolean; list?: string; inputMode?: 'numeric' | 'tel'; className?: string; autoComplete?: string; required?: boolean } = {},
  ) => (
    <Field label={label} error={errors[name]?.message} className={extra.className} required={extra.required}>
      {(p) => <input {...p} {...register(name)} autoFocus={extra.autoFocus} list={extra.list} inputMode={extra.inputMode} autoComplete={extra.autoComplete ?? 'off'} />}
    </Field>
  );

  return (
    <KeyForm className={`form-grid resident-form ${props.compact ? 'compact' : ''}`} onSubmit={f.submit} onCancel={f.cancel}>
      <RequiredLegend />
      <fieldset className="span-2 form-grid-3">
        <legend>{t('residents:form.person')}</legend>
        {text('lastName', t('residents:form.lastName'), { autoFocus: true, required: true })}
        {text('firstName', t('residents:form.firstName'), { required: true })}
        {text('patronymic', t('residents:form.patronymic'))}
        {text('birthYear', t('residents:form.birthYear'), { inputMode: 'numeric' })}
        {text('phone1', t('residents:form.phone'), { inputMode: 'tel' })}
        {props.compact ? null : text('phone2', t('residents:form.phone2'), { inputMode: 'tel' })}
      </fieldset>
      <fieldset className="span-2 form-grid-4">
        <legend>{t('residents:form.address')}</legend>
        {text('settlement', t('residents:form.settlement'), { list: 'settlements' })}
        {text('street', t('residents:form.street'))}
        {text('house', t('residents:form.house'))}
        {text('flat', t('residents:form.flat'))}
        <datalist id="settlements">
          {(settlements.data ?? []).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </fieldset>
      {props.compact ? null : (
        <>
          <fieldset className="span-2 situations">
            <legend>{t('residents:form.situation')}</legend>
            {SITUATIONS.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" value={s} {...register('situations')} />
                <span>{labels.situation(s)}</span>
              </label>
            ))}
            {errors.situations?.message ? (
              <div className="field-error" role="alert">
                {fieldText(t, errors.situations.message)}
              </div>
            ) : null}
            {household === null ? (
              text('householdSize', t('residents:form.householdSize'), { inputMode: 'numeric', className: 'inline' })
            ) : (
              <p className="field-hint">{t('residents:form.householdRegistered', { count: household.size })}</p>
            )}
          </fieldset>
          <fieldset className="span-2 care">
            <legend>{t('residents:form.care')}</legend>
            <label className="checkbox">
              <input type="checkbox" {...register('regularCare')} />
              <span>{t('residents:form.regularCare')}</span>
            </label>
            {regularCare ? text('checkinIntervalDays', t('residents:form.checkinInterval'), { inputMode: 'numeric', className: 'inline' }) : null}
            <label className="checkbox">
              <input type="checkbox" {...register('needsSnowClearing')} />
              <span>{t('residents:form.needsSnowClearing')}</span>
            </label>
          </fieldset>
          <Field label={t('residents:form.notes')} error={errors.notes?.message} className="span-2">
            {(p) => <textarea {...p} rows={3} {...register('notes')} />}
          </Field>
          <Field
            label={t('privacy:health.label')}
            error={errors.healthNeeds?.message}
            className="span-2"
            hint={props.healthConsent ? t('privacy:health.hint') : props.residentId === undefined ? t('privacy:health.disabledNew') : t('privacy:health.disabled')}
          >
            {(p) => <textarea {...p} rows={2} disabled={!props.healthConsent} {...register('healthNeeds')} />}
          </Field>
        </>
      )}
      {duplicates !== null && duplicates.length > 0 ? (
        <div className="notice notice-warning span-2" role="alert">
          <p>
            <strong>{t('residents:duplicates.title', { count: duplicates.length })}</strong>
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/residents/${d.id}`}>{d.fullName}</Link>
                {d.birthYear !== null ? ` · ${d.birthYear}` : ''}
                {d.address ? ` · ${d.address}` : ''}
                {d.phones.length > 0 ? ` · ${d.phones.join(', ')}` : ''}
                <div>
                  <MatchReasons verdict={d.verdict} score={d.score} reasons={d.reasons} />
                </div>
                <HouseholdBriefLine brief={d.household} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void f.submit()} disabled={saving}>
            {t('residents:duplicates.saveAnyway')}
          </button>
        </div>
      ) : null}
      {f.notice}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={saving}>
          {t('common:save')}
        </button>
        {f.cancel ? (
          <button type="button" onClick={f.cancel}>
            {t('common:cancel')}
          </button>
        ) : null}
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}
