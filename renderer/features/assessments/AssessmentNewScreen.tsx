import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { SEVERITIES, type Assessment, type AssessmentOptions, type Severity } from '../../../shared/domain/assessments';
import type { Resident } from '../../../shared/domain/residents';
import type { CallInput } from '../../../shared/api/contract';
import { useCall, useMutate } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend, type FieldControlProps } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useAssessmentText } from './assessmentText';
import './assessments.css';

/** Record an assessment from a resident's page: of the person, or of the household they live in. */
export function AssessmentNewScreen() {
  const { t } = useAssessmentText();
  const id = Number(useParams().id);
  const page = useCall('residents.get', { id });
  const households = useCall('households.ofResident', { residentId: id });
  const options = useCall('assessments.options', {});
  const status = useCall('app.status', {});
  const error = page.error ?? households.error ?? options.error ?? status.error;
  if (error) return <ErrorNotice error={error} />;
  if (!page.data || !households.data || !options.data || !status.data) return <p className="loading">{t('common:loading')}</p>;
  const household = households.data.current;
  return (
    <AssessmentForm
      key={id}
      resident={page.data.resident}
      household={household ? { id: household.id, address: household.address ?? '' } : null}
      options={options.data}
      today={status.data.today}
      userId={status.data.user.id}
    />
  );
}

/** Correct an assessment (/assessments/:id/edit): the same form, filled in; whom it is of does not change. */
export function AssessmentEditScreen() {
  const { t } = useAssessmentText();
  const id = Number(useParams().id);
  const assessment = useCall('assessments.get', { id });
  const options = useCall('assessments.options', { includeArchived: true });
  const status = useCall('app.status', {});
  const error = assessment.error ?? options.error ?? status.error;
  if (error) return <ErrorNotice error={error} />;
  if (!assessment.data || !options.data || !status.data) return <p className="loading">{t('common:loading')}</p>;
  const a = assessment.data;
  // Archived kinds and areas are offered only where this assessment already has them.
  const kept = new Set([a.kindId, ...a.needs.map((n) => n.areaId)]);
  const usable = { ...options.data, kinds: options.data.kinds.filter((o) => !o.archived || kept.has(o.id)), areas: options.data.areas.filter((o) => !o.archived || kept.has(o.id)) };
  return <AssessmentForm key={id} initial={a} resident={null} household={null} options={usable} today={status.data.today} userId={status.data.user.id} />;
}

/** What the form holds (selects as text); `needs` only carries the areas' message (the areas are beside the form). */
interface AssessmentValues {
  of: 'person' | 'household';
  kindId: string;
  assessedOn: string;
  workerId: string;
  needs: string;
  conclusion: string;
  services: string;
  followUpOn: string;
}

type Props = {
  /** The assessment being corrected; absent when recording a new one. */
  initial?: Assessment;
  resident: Resident | null;
  household: { id: number; address: string } | null;
  options: AssessmentOptions;
  today: string;
  userId: number;
};

function AssessmentForm({ initial, resident, household, options, today, userId }: Props) {
  const text = useAssessmentText();
  const { t } = text;
  const navigate = useNavigate();
  const record = useMutate('assessments.record');
  const update = useMutate('assessments.update');
  // The areas of need and their severity (a changing set of areas): beside the form, read when it is saved.
  const [needs, setNeeds] = useState<Record<number, Severity>>(Object.fromEntries((initial?.needs ?? []).map((n) => [n.areaId, n.severity])));
  const back = () => void navigate(initial ? `/assessments/${initial.id}` : `/residents/${resident?.id ?? ''}`);
  // A worker who no longer assesses stays on the assessments they made.
  const workers = initial && !options.workers.some((w) => w.id === initial.workerId) ? [...options.workers, { id: initial.workerId, name: initial.workerName }] : options.workers;
  const dataOf = (v: AssessmentValues) => ({
    kindId: Number(v.kindId),
    assessedOn: v.assessedOn,
    workerId: Number(v.workerId),
    needs: options.areas.filter((a) => needs[a.id] !== undefined).map((a) => ({ areaId: a.id, severity: needs[a.id] ?? 'medium' })),
    conclusion: v.conclusion,
    services: v.services,
    followUpOn: v.followUpOn === '' ? null : v.followUpOn,
  });
  const f = useCallForm({
    call: initial ? 'assessments.update' : 'assessments.record',
    defaultValues: {
      of: 'person',
      kindId: String(initial?.kindId ?? options.kinds[0]?.id ?? 0),
      assessedOn: initial?.assessedOn ?? today,
      workerId: String(initial?.workerId ?? (options.workers.some((w) => w.id === userId) ? userId : (options.workers[0]?.id ?? userId))),
      needs: '',
      conclusion: initial?.conclusion ?? '',
      services: initial?.services ?? '',
      followUpOn: initial?.followUpOn ?? '',
    } as AssessmentValues,
    toInput: (v: AssessmentValues) =>
      initial
        ? { id: initial.id, ...dataOf(v) }
        : { ...(v.of === 'household' && household ? { householdId: household.id } : { residentId: resident?.id ?? 0 }), ...dataOf(v) },
    fieldOf: (path) => {
      const head = path.split('.')[0] ?? '';
      if (head === 'residentId' || head === 'householdId') return 'of';
      return ['kindId', 'assessedOn', 'workerId', 'needs', 'conclusion', 'services', 'followUpOn'].includes(head) ? (head as keyof AssessmentValues) : null;
    },
    onCancel: back,
    onSubmit: async (input) => {
      const saved = initial
        ? await update.mutateAsync(input as CallInput<'assessments.update'>)
        : await record.mutateAsync(input as CallInput<'assessments.record'>);
      void navigate(`/assessments/${saved.id}`);
    },
  });
  const { register, control, watch } = f.form;
  const busy = record.isPending || update.isPending || f.saving;
  const needsError = f.error('needs');
  const date = (name: 'assessedOn' | 'followUpOn', p: FieldControlProps, limits: { min?: string; max?: string }) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <DateInput {...p} {...limits} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
    />
  );

  return (
    <div>
      <h1>{initial ? t('assessments:form.editTitle') : t('assessments:form.title')}</h1>
      <KeyForm className="assessment-form" onSubmit={f.submit} onCancel={f.cancel} aria-labelledby="assessment-form-title">
        <h2 id="assessment-form-title" className="visually-hidden">
          {t('assessments:form.title')}
        </h2>
        <div className="form-grid-4">
          <Field label={t('assessments:form.subject')} error={f.error('of')}>
            {(p) => (
              <select {...p} autoFocus={initial === undefined} disabled={initial !== undefined} {...register('of')}>
                <option value="person">{initial ? (initial.subjectName ?? '') : resident?.fullName}</option>
                {household ? <option value="household">{t('assessments:form.household', { address: household.address || (resident?.fullName ?? '') })}</option> : null}
              </select>
            )}
          </Field>
          <Field label={t('assessments:form.kind')} error={f.error('kindId')} required>
            {(p) => (
              <select {...p} autoFocus={initial !== undefined} {...register('kindId')}>
                {options.kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {text.kind(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('assessments:form.date')} error={f.error('assessedOn')} required>
            {(p) => date('assessedOn', p, { max: today })}
          </Field>
          <Field label={t('assessments:form.worker')} error={f.error('workerId')} required>
            {(p) => (
              <select {...p} {...register('workerId')}>
                {workers.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="assessment-needs" aria-describedby="assessment-needs-hint">
          <legend>{t('assessments:form.needs')}</legend>
          <p id="assessment-needs-hint" className="field-hint">
            {t('assessments:form.needsHint')}
          </p>
          <ul className="assessment-need-list">
            {options.areas.map((a) => {
              const checked = needs[a.id] !== undefined;
              const label = text.area(a);
              return (
                <li key={a.id} className="assessment-need">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(e) => {
                        const next = { ...needs };
                        if (e.target.checked) next[a.id] = 'medium';
                        else delete next[a.id];
                        setNeeds(next);
                        f.form.setValue('needs', '', { shouldDirty: true });
                      }}
                    />
                    <span>{label}</span>
                  </label>
                  <select
                    aria-label={t('assessments:form.severityOf', { area: label })}
                    disabled={!checked}
                    value={needs[a.id] ?? 'medium'}
                    onChange={(e) => setNeeds({ ...needs, [a.id]: e.target.value as Severity })}
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {text.severity(s)}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
          {needsError ? (
            <div className="field-error" role="alert">
              {fieldText(t, needsError)}
            </div>
          ) : null}
        </fieldset>
        <Field label={t('assessments:form.conclusion')} error={f.error('conclusion')}>
          {(p) => <textarea {...p} rows={4} {...register('conclusion')} />}
        </Field>
        <Field label={t('assessments:form.services')} error={f.error('services')}>
          {(p) => <textarea {...p} rows={3} {...register('services')} />}
        </Field>
        <Field label={t('assessments:form.followUp')} error={f.error('followUpOn')} hint={t('assessments:form.followUpHint')} className="assessment-follow-up">
          {(p) => date('followUpOn', p, { min: watch('assessedOn') })}
        </Field>
        <RequiredLegend />
        {f.notice}
        {Object.keys(f.form.formState.errors).length > 0 ? (
          <div role="alert" className="notice notice-error">
            {t('common:errors.validation')}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {initial ? t('common:save') : t('assessments:form.save')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('common:cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
