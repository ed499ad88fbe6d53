import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Project } from '../../../shared/domain/projects';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { Failure, useProjectText, useSave } from './projectText';
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

const SHOWN = ['name', 'funder', 'startsOn', 'endsOn', 'grantId', 'targetRecruited', 'targetCompleted'];

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
  const [d, setD] = useState<Draft>(
    project === null
      ? { name: '', funder: '', startsOn: today, endsOn: '', grantId: '', targetRecruited: '', targetCompleted: '' }
      : {
          name: project.name,
          funder: project.funder,
          startsOn: project.startsOn,
          endsOn: project.endsOn,
          grantId: project.grantId === null ? '' : String(project.grantId),
          targetRecruited: project.targetRecruited === null ? '' : String(project.targetRecruited),
          targetCompleted: project.targetCompleted === null ? '' : String(project.targetCompleted),
        },
  );
  const save = useSave(/^data\./);
  const back = () => void navigate(project === null ? '/projects' : `/projects/${project.id}`);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const title = project === null ? t('projects:form.title') : t('projects:form.editTitle');

  const submit = () => {
    const found: Record<string, string> = {};
    if (Number.isNaN(target(d.targetRecruited))) found.targetRecruited = 'validation.number';
    if (Number.isNaN(target(d.targetCompleted))) found.targetCompleted = 'validation.number';
    return save.attempt(async () => {
      const data = {
        name: d.name,
        funder: d.funder,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        grantId: d.grantId === '' ? null : Number(d.grantId),
        targetRecruited: target(d.targetRecruited),
        targetCompleted: target(d.targetCompleted),
      };
      const p = project === null ? await create.mutateAsync(data) : await update.mutateAsync({ id: project.id, data });
      void navigate(`/projects/${p.id}`);
    }, found);
  };

  return (
    <div>
      <h1>{title}</h1>
      <KeyForm className="card project-form" onSubmit={submit} onCancel={back} aria-label={title}>
        <div className="form-grid">
          <Field label={t('projects:form.name')} error={save.errors.name}>
            {(p) => <input {...p} autoFocus value={d.name} onChange={set('name')} />}
          </Field>
          <Field label={t('projects:form.funder')} error={save.errors.funder}>
            {(p) => <input {...p} value={d.funder} onChange={set('funder')} />}
          </Field>
          <Field label={t('projects:form.startsOn')} error={save.errors.startsOn}>
            {(p) => <input {...p} type="date" value={d.startsOn} onChange={set('startsOn')} />}
          </Field>
          <Field label={t('projects:form.endsOn')} error={save.errors.endsOn}>
            {(p) => <input {...p} type="date" value={d.endsOn} onChange={set('endsOn')} />}
          </Field>
          <Field label={t('projects:form.grant')} error={save.errors.grantId}>
            {(p) => (
              <select {...p} value={d.grantId} onChange={set('grantId')}>
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
          <Field label={t('projects:form.targetRecruited')} error={save.errors.targetRecruited} hint={t('projects:form.targetsHint')}>
            {(p) => <input {...p} inputMode="numeric" value={d.targetRecruited} onChange={set('targetRecruited')} />}
          </Field>
          <Field label={t('projects:form.targetCompleted')} error={save.errors.targetCompleted} hint={t('projects:form.targetsHint')}>
            {(p) => <input {...p} inputMode="numeric" value={d.targetCompleted} onChange={set('targetCompleted')} />}
          </Field>
        </div>
        <Failure failure={save.failure} errors={save.errors} shown={SHOWN} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
            {project === null ? t('projects:form.save') : t('common:save')}
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
