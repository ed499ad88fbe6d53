import { Controller } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { Project } from '../../../shared/domain/projects';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DateInput } from '../../ui/DateInput';
import { Field, RequiredLegend, type FieldControlProps } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useProjectText } from './projectText';
import './projects.css';

interface Draft {
  name: string;
  funder: string;
  startsOn: string;
  endsOn: string;
  grantId: string;
  targetRecruited: string;
  targetCompleted: string;
}

/** A whole number typed in a target field, null when empty; NaN (refused) otherwise. */
const target = (s: string): number | null => (s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** A new project: name, funder, period, the treasurer's grant it is paid from, target figures. */
export function ProjectNewScreen() {
  const status = useCall('app.status', {});
  if (!status.data) return null;
  return <ProjectForm project={null} today={status.data.today} />;
}

/** Change a project: the same form with its values; the period must still hold every participant's days. */
export function ProjectEditScreen() {
  const text = useProjectText();
  const id = Number(useParams().id);
  const project = useCall('projects.get', { id });
  if (project.isError) return <ErrorNotice error={project.error} />;
  if (!project.data) return <p className="loading">{text.t('common:loading')}</p>;
  return <ProjectForm key={id} project={project.data} today="" />;
}

function ProjectForm({ project, today }: { project: Project | null; today: string }) {
  const text = useProjectText();
  const { t } = text;
  const navigate = useNavigate();
  const create = useMutate('projects.create');
  const update = useMutate('projects.update');
  const grants = useCall('projects.grantOptions', {});
  const back = () => void navigate(project === null ? '/projects' : `/projects/${project.id}`);
  const f = useCallForm({
    // Both calls take the same project (projects.update wraps it in { id, data }).
    call: 'projects.create',
    defaultValues: (project === null
      ? { name: '', funder: '', startsOn: today, endsOn: '', grantId: '', targetRecruited: '', targetCompleted: '' }
      : {
          name: project.name,
          funder: project.funder,
          startsOn: project.startsOn,
          endsOn: project.endsOn,
          grantId: project.grantId === null ? '' : String(project.grantId),
          targetRecruited: project.targetRecruited === null ? '' : String(project.targetRecruited),
          targetCompleted: project.targetCompleted === null ? '' : String(project.targetCompleted),
        }) as Draft,
    toInput: (d: Draft) => ({
      name: d.name,
      funder: d.funder,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      grantId: d.grantId === '' ? null : Number(d.grantId),
      targetRecruited: target(d.targetRecruited),
      targetCompleted: target(d.targetCompleted),
    }),
    onCancel: back,
    onSubmit: async (data) => {
      const p = project === null ? await create.mutateAsync(data) : await update.mutateAsync({ id: project.id, data });
      void navigate(`/projects/${p.id}`);
    },
  });
  const { register, control } = f.form;
  const title = project === null ? t('projects:form.title') : t('projects:form.editTitle');
  const date = (name: 'startsOn' | 'endsOn', p: FieldControlProps) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <DateInput {...p} required name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
    />
  );

  return (
    <div>
      <h1>{title}</h1>
      <KeyForm className="card project-form" onSubmit={f.submit} onCancel={f.cancel} aria-label={title}>
        <RequiredLegend />
        <div className="form-grid">
          <Field label={t('projects:form.name')} error={f.error('name')} required>
            {(p) => <input {...p} autoFocus {...register('name')} />}
          </Field>
          <Field label={t('projects:form.funder')} error={f.error('funder')}>
            {(p) => <input {...p} {...register('funder')} />}
          </Field>
          <Field label={t('projects:form.startsOn')} error={f.error('startsOn')} required>
            {(p) => date('startsOn', p)}
          </Field>
          <Field label={t('projects:form.endsOn')} error={f.error('endsOn')} required>
            {(p) => date('endsOn', p)}
          </Field>
          <Field label={t('projects:form.grant')} error={f.error('grantId')}>
            {(p) => (
              <select {...p} {...register('grantId')}>
                <option value="">{t('projects:form.noGrant')}</option>
                {(grants.data ?? []).map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.title} ({text.period(g.startsOn, g.endsOn)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div />
          <Field label={t('projects:form.targetRecruited')} error={f.error('targetRecruited')} hint={t('projects:form.targetsHint')}>
            {(p) => <input {...p} inputMode="numeric" {...register('targetRecruited')} />}
          </Field>
          <Field label={t('projects:form.targetCompleted')} error={f.error('targetCompleted')} hint={t('projects:form.targetsHint')}>
            {(p) => <input {...p} inputMode="numeric" {...register('targetCompleted')} />}
          </Field>
        </div>
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending || f.saving}>
            {project === null ? t('projects:form.save') : t('common:save')}
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
