import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PARTS_OF_DAY, type HelpPlan } from '../../../shared/domain/plans';
import { useCall, useMutate } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { Field, RequiredLegend, type FieldControlProps } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useLabels } from '../../ui/labels';
import { MONTHS, WEEKDAYS, usePlanFormat } from './planText';
import { emptyPlanForm, formFieldOf, formToInput, planToForm, type PlanFormValues } from './planFormValues';

/**
 * Add or edit a help plan: what (kind), when (every week on a weekday, or every N days, with an
 * optional season), part of day, estimated time, default volunteer, first and last day, note.
 * Ctrl+Enter saves, Escape cancels; the kind select takes the focus.
 */
export function PlanForm(props: {
  residentId: number;
  settlement: string;
  today: string;
  plan?: HelpPlan;
  onSaved: (plan: HelpPlan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['plans', 'common']);
  const labels = useLabels();
  const fmt = usePlanFormat();
  const create = useMutate('plans.create');
  const update = useMutate('plans.update');
  const kinds = useCall('catalogue.list', { includeArchived: false });
  const volunteers = useCall('volunteers.search', { q: '', status: 'active', limit: 500 });
  const f = useCallForm({
    // Both calls take the same plan (plans.update wraps it in { id, data }).
    call: 'plans.create',
    defaultValues: props.plan ? planToForm(props.plan) : emptyPlanForm(props.today),
    toInput: (v: PlanFormValues) => formToInput(v, props.residentId),
    fieldOf: (path) => {
      const field = formFieldOf(path);
      return field === 'form' ? null : field;
    },
    onCancel: props.onCancel,
    onSubmit: async (input) => {
      const saved = props.plan ? await update.mutateAsync({ id: props.plan.id, data: input }) : await create.mutateAsync(input);
      props.onSaved(saved);
    },
  });
  const { register, control, watch } = f.form;
  const errors = Object.fromEntries(
    (['kindId', 'partOfDay', 'hours', 'rule', 'weekday', 'intervalDays', 'seasonFrom', 'seasonTo', 'volunteerId', 'startsOn', 'endsOn', 'note'] as const).map((k) => [k, f.error(k)]),
  ) as Partial<Record<keyof PlanFormValues, string>>;
  const values = { rule: watch('rule'), seasonal: watch('seasonal') };
  const saving = create.isPending || update.isPending || f.saving;
  const date = (name: 'startsOn' | 'endsOn', p: FieldControlProps) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <DateInput {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
    />
  );

  const kindOptions = useMemo(() => {
    const list = (kinds.data ?? []).filter((k) => k.mode === 'volunteer' || k.id === props.plan?.kindId);
    return list.map((k) => ({ id: k.id, label: labels.kind(k) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [kinds.data, labels, props.plan?.kindId]);

  const volunteerGroups = useMemo(() => {
    const all = volunteers.data ?? [];
    const near = all.filter((v) => props.settlement !== '' && v.settlement === props.settlement);
    const others = all.filter((v) => !(props.settlement !== '' && v.settlement === props.settlement));
    const current = props.plan?.volunteerId ?? null;
    const missing = current !== null && !all.some((v) => v.id === current) ? { id: current, name: props.plan?.volunteerName ?? '' } : null;
    return { near, others, missing };
  }, [volunteers.data, props.settlement, props.plan]);

  return (
    <KeyForm className="card plan-form" aria-labelledby="plan-form-title" onSubmit={f.submit} onCancel={f.cancel}>
      <h3 id="plan-form-title">{props.plan ? t('plans:form.editTitle') : t('plans:form.newTitle')}</h3>
      <div className="plan-form-grid">
        <Field label={t('plans:form.kind')} error={errors.kindId} className="span-2" required>
          {(p) => (
            <select {...p} autoFocus {...register('kindId')}>
              <option value="">{t('plans:form.chooseKind')}</option>
              {kindOptions.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans:form.partOfDay')} error={errors.partOfDay}>
          {(p) => (
            <select {...p} {...register('partOfDay')}>
              <option value="">{t('plans:partOfDay.any')}</option>
              {PARTS_OF_DAY.map((part) => (
                <option key={part} value={part}>
                  {t(`plans:partOfDay.${part}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plans:form.hours')} error={errors.hours} hint={t('plans:form.hoursHint')}>
          {(p) => <input {...p} inputMode="decimal" autoComplete="off" {...register('hours')} />}
        </Field>

        <fieldset className="span-2 plan-rule">
          <legend>{t('plans:form.rule')}</legend>
          <label className="radio">
            <input type="radio" value="weekly" {...register('rule')} />
            <span>{t('plans:form.ruleWeekly')}</span>
          </label>
          <label className="radio">
            <input type="radio" value="everyNDays" {...register('rule')} />
            <span>{t('plans:form.ruleEveryNDays')}</span>
          </label>
          {values.rule === 'weekly' ? (
            <Field label={t('plans:form.weekday')} error={errors.weekday}>
              {(p) => (
                <select {...p} {...register('weekday')}>
                  <option value="">{t('plans:form.chooseWeekday')}</option>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {fmt.weekday(d)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label={t('plans:form.intervalDays')} error={errors.intervalDays}>
              {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('intervalDays')} />}
            </Field>
          )}
        </fieldset>

        <fieldset className="span-2 plan-season">
          <legend>{t('plans:form.season')}</legend>
          <label className="checkbox">
            <input type="checkbox" {...register('seasonal')} />
            <span>{t('plans:form.seasonal')}</span>
          </label>
          {values.seasonal ? (
            <div className="plan-season-months">
              <Field label={t('plans:form.seasonFrom')} error={errors.seasonFrom}>
                {(p) => (
                  <select {...p} {...register('seasonFrom')}>
                    {MONTHS.map((m) => (
                      <option key={m} value={m}>
                        {fmt.month(m)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('plans:form.seasonTo')} error={errors.seasonTo}>
                {(p) => (
                  <select {...p} {...register('seasonTo')}>
                    {MONTHS.map((m) => (
                      <option key={m} value={m}>
                        {fmt.month(m)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          ) : (
            <p className="field-hint">{t('plans:form.allYear')}</p>
          )}
        </fieldset>

        <Field label={t('plans:form.volunteer')} error={errors.volunteerId} className="span-2" hint={t('plans:form.volunteerHint')}>
          {(p) => (
            <select {...p} {...register('volunteerId')}>
              <option value="">{t('plans:form.noVolunteer')}</option>
              {volunteerGroups.missing ? <option value={volunteerGroups.missing.id}>{volunteerGroups.missing.name}</option> : null}
              {volunteerGroups.near.length > 0 ? (
                <optgroup label={t('plans:form.sameSettlement', { settlement: props.settlement })}>
                  {volunteerGroups.near.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.fullName}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={t('plans:form.otherVolunteers')}>
                {volunteerGroups.others.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('plans:volunteerWithSettlement', { name: v.fullName, settlement: v.settlement })}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field label={t('plans:form.startsOn')} error={errors.startsOn} required>
          {(p) => date('startsOn', p)}
        </Field>
        <Field label={t('plans:form.endsOn')} error={errors.endsOn} hint={t('plans:form.endsOnHint')}>
          {(p) => date('endsOn', p)}
        </Field>
        <Field label={t('plans:form.note')} error={errors.note} className="span-4">
          {(p) => <textarea {...p} rows={2} {...register('note')} />}
        </Field>
      </div>
      <RequiredLegend />
      {f.notice}
      {props.plan ? <p className="field-hint">{t('plans:form.editEffect')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('plans:form.saving') : t('plans:form.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}
