import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { SEVERITIES, type Assessment, type AssessmentOptions, type Severity } from '../../../shared/domain/assessments';
import type { Resident } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { fieldErrorsOf } from '../households/householdText';
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
  const [of, setOf] = useState<'person' | 'household'>('person');
  const [kindId, setKindId] = useState<number>(initial?.kindId ?? options.kinds[0]?.id ?? 0);
  const [assessedOn, setAssessedOn] = useState(initial?.assessedOn ?? today);
  const [workerId, setWorkerId] = useState<number>(initial?.workerId ?? (options.workers.some((w) => w.id === userId) ? userId : (options.workers[0]?.id ?? userId)));
  const [needs, setNeeds] = useState<Record<number, Severity>>(Object.fromEntries((initial?.needs ?? []).map((n) => [n.areaId, n.severity])));
  const [conclusion, setConclusion] = useState(initial?.conclusion ?? '');
  const [services, setServices] = useState(initial?.services ?? '');
  const [followUpOn, setFollowUpOn] = useState(initial?.followUpOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const back = () => void navigate(initial ? `/assessments/${initial.id}` : `/residents/${resident?.id ?? ''}`);
  // A worker who no longer assesses stays on the assessments they made.
  const workers = initial && !options.workers.some((w) => w.id === initial.workerId) ? [...options.workers, { id: initial.workerId, name: initial.workerName }] : options.workers;
  const busy = record.isPending || update.isPending;

  const save = async () => {
    if (busy) return;
    setErrors({});
    setFailure(null);
    const chosen = options.areas.filter((a) => needs[a.id] !== undefined).map((a) => ({ areaId: a.id, severity: needs[a.id] ?? 'medium' }));
    const data = { kindId, assessedOn, workerId, needs: chosen, conclusion, services, followUpOn: followUpOn === '' ? null : followUpOn };
    try {
      const saved = initial
        ? await update.mutateAsync({ id: initial.id, ...data })
        : await record.mutateAsync({ ...(of === 'household' && household ? { householdId: household.id } : { residentId: resident?.id ?? 0 }), ...data });
      void navigate(`/assessments/${saved.id}`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) setErrors(fields);
      else setFailure(text.error(err));
    }
  };
  const needsError = errors.needs ?? Object.entries(errors).find(([k]) => k.startsWith('needs.'))?.[1];

  return (
    <div>
      <h1>{initial ? t('assessments:form.editTitle') : t('assessments:form.title')}</h1>
      <KeyForm className="assessment-form" onSubmit={save} onCancel={back} aria-labelledby="assessment-form-title">
        <h2 id="assessment-form-title" className="visually-hidden">
          {t('assessments:form.title')}
        </h2>
        <div className="form-grid-4">
          <Field label={t('assessments:form.subject')} error={errors.residentId ?? errors.householdId}>
            {(p) => (
              <select {...p} autoFocus={initial === undefined} disabled={initial !== undefined} value={of} onChange={(e) => setOf(e.target.value === 'household' ? 'household' : 'person')}>
                <option value="person">{initial ? (initial.subjectName ?? '') : resident?.fullName}</option>
                {household ? <option value="household">{t('assessments:form.household', { address: household.address || (resident?.fullName ?? '') })}</option> : null}
              </select>
            )}
          </Field>
          <Field label={t('assessments:form.kind')} error={errors.kindId}>
            {(p) => (
              <select {...p} autoFocus={initial !== undefined} value={kindId} onChange={(e) => setKindId(Number(e.target.value))}>
                {options.kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {text.kind(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('assessments:form.date')} error={errors.assessedOn}>
            {(p) => <input {...p} type="date" max={today} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} />}
          </Field>
          <Field label={t('assessments:form.worker')} error={errors.workerId}>
            {(p) => (
              <select {...p} value={workerId} onChange={(e) => setWorkerId(Number(e.target.value))}>
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
        <Field label={t('assessments:form.conclusion')} error={errors.conclusion}>
          {(p) => <textarea {...p} rows={4} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />}
        </Field>
        <Field label={t('assessments:form.services')} error={errors.services}>
          {(p) => <textarea {...p} rows={3} value={services} onChange={(e) => setServices(e.target.value)} />}
        </Field>
        <Field label={t('assessments:form.followUp')} error={errors.followUpOn} hint={t('assessments:form.followUpHint')} className="assessment-follow-up">
          {(p) => <input {...p} type="date" min={assessedOn} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />}
        </Field>
        {failure ? (
          <div role="alert" className="notice notice-error">
            {failure}
          </div>
        ) : null}
        {Object.keys(errors).length > 0 && !failure ? (
          <div role="alert" className="notice notice-error">
            {t('common:errors.validation')}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {initial ? t('common:save') : t('assessments:form.save')}
          </button>
          <button type="button" onClick={back}>
            {t('common:cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
