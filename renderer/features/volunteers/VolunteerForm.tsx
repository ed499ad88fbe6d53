import { useId, useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/settings';
import { SPECIALISTS, VOLUNTEER_STATUSES, type Volunteer } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { DateInput } from '../../ui/DateInput';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { AvailabilityGrid } from './AvailabilityGrid';
import { formFieldOf, formToInput, type VolunteerFormValues } from './volunteerFormValues';
import { useVolunteerLabels } from './volunteerLabels';
import './volunteers.css';

/** A validation message under a group of checkboxes (the Field component labels one control). */
function GroupError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {fieldText(t, message)}
    </div>
  );
}

/**
 * Create or edit a volunteer: person, skills from the editable list, weekly availability, how they
 * help, languages and notes. Validation uses the contract's schema; the core's answers (a future
 * agreement date, an archived skill) land beside the same fields.
 */
export function VolunteerForm(props: {
  initial: VolunteerFormValues;
  volunteerId?: number;
  onSaved: (volunteer: Volunteer) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation(['volunteers', 'common']);
  const labels = useVolunteerLabels();
  const ids = useId();
  const create = useMutate('volunteers.create');
  const update = useMutate('volunteers.update');
  const status = useCall('app.status', {});
  const skills = useCall('skills.list', { includeArchived: true });
  const residentSettlements = useCall('residents.settlements', {});
  const volunteers = useCall('volunteers.search', { q: '', limit: 500 });
  const f = useCallForm({
    // Both calls take the same volunteer (volunteers.update wraps it in { id, data }).
    call: 'volunteers.create',
    defaultValues: props.initial,
    toInput: formToInput,
    fieldOf: formFieldOf,
    onCancel: props.onCancel,
    onSubmit: async (input) => {
      // The core checks this against its own today too (answering validation.date).
      const today = status.data?.today;
      if (today && input.agreementSignedOn && input.agreementSignedOn > today) {
        f.form.setError('agreementSignedOn', { type: 'validation', message: 'validation.dateInFuture' }, { shouldFocus: true });
        return false;
      }
      const saved = props.volunteerId === undefined ? await create.mutateAsync(input) : await update.mutateAsync({ id: props.volunteerId, data: input });
      props.onSaved(saved);
      return true;
    },
  });
  const { register, control } = f.form;
  const errors = f.form.formState.errors;
  const saving = create.isPending || update.isPending || f.saving;

  // Archived skills stay offered only to a volunteer who already has them.
  const initialSkills = props.initial.skillIds;
  const offeredSkills = useMemo(
    () => (skills.data ?? []).filter((s) => !s.archived || initialSkills.includes(String(s.id))),
    [skills.data, initialSkills],
  );
  const settlements = useMemo(
    () => [...new Set([...(residentSettlements.data ?? []), ...(volunteers.data ?? []).map((v) => v.settlement)].filter(Boolean))].sort(),
    [residentSettlements.data, volunteers.data],
  );

  const text = (
    name: 'lastName' | 'firstName' | 'patronymic' | 'settlement' | 'phone1' | 'phone2',
    label: string,
    extra: { autoFocus?: boolean; list?: string; inputMode?: 'tel'; required?: boolean } = {},
  ) => (
    <Field label={label} error={errors[name]?.message} required={extra.required}>
      {(p) => <input {...p} {...register(name)} autoFocus={extra.autoFocus} list={extra.list} inputMode={extra.inputMode} autoComplete="off" />}
    </Field>
  );

  const skillsError = errors.skillIds?.message;
  const availabilityError = errors.availability?.message;
  const languagesError = errors.languages?.message;

  return (
    <KeyForm className="form-grid volunteer-form" onSubmit={f.submit} onCancel={f.cancel}>
      <RequiredLegend />
      <fieldset className="span-2 form-grid-3">
        <legend>{t('volunteers:form.person')}</legend>
        {text('lastName', t('volunteers:form.lastName'), { autoFocus: true, required: true })}
        {text('firstName', t('volunteers:form.firstName'), { required: true })}
        {text('patronymic', t('volunteers:form.patronymic'))}
        {text('phone1', t('volunteers:form.phone'), { inputMode: 'tel' })}
        {text('phone2', t('volunteers:form.phone2'), { inputMode: 'tel' })}
        {text('settlement', t('volunteers:form.settlement'), { list: `${ids}-settlements` })}
        <datalist id={`${ids}-settlements`}>
          {settlements.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="span-2 checkbox-group" aria-describedby={skillsError ? `${ids}-skills-error` : undefined}>
        <legend>{t('volunteers:form.skills')}</legend>
        {skills.data && offeredSkills.length === 0 ? <p className="muted">{t('volunteers:form.noSkills')}</p> : null}
        {offeredSkills.map((s) => (
          <label key={s.id} className="checkbox">
            <input type="checkbox" value={String(s.id)} {...register('skillIds')} />
            <span>
              {labels.skill(s)}
              {s.archived ? <span className="muted"> ({t('volunteers:skillsEditor.archived')})</span> : null}
            </span>
          </label>
        ))}
        <ErrorNotice error={skills.error} />
        <GroupError id={`${ids}-skills-error`} message={skillsError} />
      </fieldset>

      <fieldset className="availability" aria-describedby={`${ids}-availability-hint`}>
        <legend>{t('volunteers:form.availability')}</legend>
        <AvailabilityGrid field={register('availability')} />
        <div id={`${ids}-availability-hint`} className="field-hint">
          {t('volunteers:form.availabilityHint')}
        </div>
        <GroupError id={`${ids}-availability-error`} message={availabilityError} />
      </fieldset>

      <fieldset className="volunteer-role">
        <legend>{t('volunteers:form.role')}</legend>
        <div className="radios">
          <label className="radio">
            <input type="radio" value="regular" {...register('role')} />
            <span>{t('volunteers:form.regular')}</span>
          </label>
          <label className="radio">
            <input type="radio" value="occasional" {...register('role')} />
            <span>{t('volunteers:form.occasional')}</span>
          </label>
        </div>
        <Field label={t('volunteers:form.specialist')} error={errors.specialist?.message}>
          {(p) => (
            <select {...p} {...register('specialist')}>
              <option value="">{t('volunteers:form.notSpecialist')}</option>
              {SPECIALISTS.map((s) => (
                <option key={s} value={s}>
                  {labels.specialist(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('volunteers:form.agreement')} error={errors.agreementSignedOn?.message} hint={t('volunteers:form.agreementHint')}>
          {(p) => (
            <Controller
              control={control}
              name="agreementSignedOn"
              render={({ field }) => (
                <DateInput {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} max={status.data?.today} />
              )}
            />
          )}
        </Field>
        <Field label={t('volunteers:form.status')} error={errors.status?.message}>
          {(p) => (
            <select {...p} {...register('status')}>
              {VOLUNTEER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="span-2 checkbox-group" aria-describedby={languagesError ? `${ids}-languages-error` : undefined}>
        <legend>{t('volunteers:form.languages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input type="checkbox" value={l} {...register('languages')} />
            <span lang={l}>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
        <GroupError id={`${ids}-languages-error`} message={languagesError} />
      </fieldset>

      <Field label={t('volunteers:form.notes')} error={errors.notes?.message} className="span-2">
        {(p) => <textarea {...p} rows={3} {...register('notes')} />}
      </Field>

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
