import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTS_OF_DAY, type HelpPlan } from '../../../shared/domain/plans';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useLabels } from '../../ui/labels';
import { MONTHS, WEEKDAYS, usePlanFormat } from './planText';
import { emptyPlanForm, formFieldOf, formToInput, planToForm, validatePlan, type PlanFormErrors, type PlanFormValues } from './planForm';

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
  const [values, setValues] = useState<PlanFormValues>(() => (props.plan ? planToForm(props.plan) : emptyPlanForm(props.today)));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  /** After a failed save the focus goes to the first field that needs attention. */
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const create = useMutate('plans.create');
  const update = useMutate('plans.update');
  const kinds = useCall('catalogue.list', { includeArchived: false });
  const volunteers = useCall('volunteers.search', { q: '', status: 'active', limit: 500 });
  const saving = create.isPending || update.isPending;
  const mutationError = create.error ?? update.error;
  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

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

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const found = validatePlan(values, props.residentId);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const input = formToInput(values, props.residentId);
    try {
      const saved = props.plan ? await update.mutateAsync({ id: props.plan.id, data: input }) : await create.mutateAsync(input);
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        const next: PlanFormErrors = {};
        for (const f of err.body.fields) next[formFieldOf(f.path)] ??= f.message;
        setErrors(next);
        focusFirstError();
      }
    }
  };

  return (
    <form
      ref={formRef}
      className="card plan-form"
      noValidate
      aria-labelledby="plan-form-title"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h3 id="plan-form-title">{props.plan ? t('plans:form.editTitle') : t('plans:form.newTitle')}</h3>
      <div className="plan-form-grid">
        <Field label={t('plans:form.kind')} error={errors.kindId} className="span-2">
          {(p) => (
            <select {...p} autoFocus value={values.kindId} onChange={(e) => set('kindId', e.target.value)}>
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
            <select {...p} value={values.partOfDay} onChange={(e) => set('partOfDay', e.target.value as PlanFormValues['partOfDay'])}>
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
          {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={values.hours} onChange={(e) => set('hours', e.target.value)} />}
        </Field>

        <fieldset className="span-2 plan-rule">
          <legend>{t('plans:form.rule')}</legend>
          <label className="radio">
            <input type="radio" name="plan-rule" checked={values.rule === 'weekly'} onChange={() => set('rule', 'weekly')} />
            <span>{t('plans:form.ruleWeekly')}</span>
          </label>
          <label className="radio">
            <input type="radio" name="plan-rule" checked={values.rule === 'everyNDays'} onChange={() => set('rule', 'everyNDays')} />
            <span>{t('plans:form.ruleEveryNDays')}</span>
          </label>
          {values.rule === 'weekly' ? (
            <Field label={t('plans:form.weekday')} error={errors.weekday}>
              {(p) => (
                <select {...p} value={values.weekday} onChange={(e) => set('weekday', e.target.value)}>
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
              {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={values.intervalDays} onChange={(e) => set('intervalDays', e.target.value)} />}
            </Field>
          )}
        </fieldset>

        <fieldset className="span-2 plan-season">
          <legend>{t('plans:form.season')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={values.seasonal} onChange={(e) => set('seasonal', e.target.checked)} />
            <span>{t('plans:form.seasonal')}</span>
          </label>
          {values.seasonal ? (
            <div className="plan-season-months">
              <Field label={t('plans:form.seasonFrom')} error={errors.seasonFrom}>
                {(p) => (
                  <select {...p} value={values.seasonFrom} onChange={(e) => set('seasonFrom', e.target.value)}>
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
                  <select {...p} value={values.seasonTo} onChange={(e) => set('seasonTo', e.target.value)}>
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
            <select {...p} value={values.volunteerId} onChange={(e) => set('volunteerId', e.target.value)}>
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
        <Field label={t('plans:form.startsOn')} error={errors.startsOn}>
          {(p) => <input {...p} type="date" value={values.startsOn} onChange={(e) => set('startsOn', e.target.value)} />}
        </Field>
        <Field label={t('plans:form.endsOn')} error={errors.endsOn} hint={t('plans:form.endsOnHint')}>
          {(p) => <input {...p} type="date" value={values.endsOn} onChange={(e) => set('endsOn', e.target.value)} />}
        </Field>
        <Field label={t('plans:form.note')} error={errors.note} className="span-4">
          {(p) => <textarea {...p} rows={2} value={values.note} onChange={(e) => set('note', e.target.value)} />}
        </Field>
      </div>
      {errors.form ? (
        <div role="alert" className="notice notice-error">
          {fieldText(t, errors.form)}
        </div>
      ) : null}
      <ErrorNotice error={mutationError && !(mutationError instanceof ApiError && mutationError.body.fields) ? mutationError : null} />
      {props.plan ? <p className="field-hint">{t('plans:form.editEffect')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('plans:form.saving') : t('plans:form.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </form>
  );
}
