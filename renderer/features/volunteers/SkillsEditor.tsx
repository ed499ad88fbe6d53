import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../shared/domain/text';
import type { Skill } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { contract } from '../../../shared/api/contract';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { RequiredLegend, RequiredMark } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useVolunteerLabels } from './volunteerLabels';
import './volunteers.css';

function SkillItem({ skill }: { skill: Skill }) {
  const { t } = useTranslation(['volunteers']);
  const labels = useVolunteerLabels();
  const archive = useMutate('skills.setArchived');
  return (
    <li className={skill.archived ? 'archived' : undefined}>
      <span className="skill-name">
        {labels.skill(skill)}
        {skill.code === null ? <span className="badge">{t('volunteers:skillsEditor.own')}</span> : null}
        {skill.archived ? <span className="badge">{t('volunteers:skillsEditor.archived')}</span> : null}
      </span>
      <button type="button" className="small" disabled={archive.isPending} onClick={() => archive.mutate({ id: skill.id, archived: !skill.archived })}>
        {skill.archived ? t('volunteers:skillsEditor.restore') : t('volunteers:skillsEditor.archive')}
      </button>
      <ErrorNotice error={archive.error} />
    </li>
  );
}

/**
 * The editable skills list, folded away under the volunteer form: add a centre's own skill,
 * archive one that is no longer offered (volunteers who have it keep it) or bring it back.
 */
export function SkillsEditor() {
  const { t } = useTranslation(['volunteers', 'common']);
  const labels = useVolunteerLabels();
  const skills = useCall('skills.list', { includeArchived: true });
  const create = useMutate('skills.create');
  const id = useId();
  const taken = new Set((skills.data ?? []).map((sk) => fold(labels.skill(sk))));
  const f = useCallForm({
    call: 'skills.create',
    defaultValues: { name: '' },
    // skills.create's input, and a name no skill has yet (folded: "chops WOOD" is "Chops wood"; a built-in's translated name too).
    schema: contract['skills.create'].input.refine((v) => !taken.has(fold(v.name)), { path: ['name'], message: 'volunteers:skillsEditor.exists' }),
    toInput: (v: { name: string }) => ({ name: v.name.trim() }),
    guard: false,
    onSubmit: async (input) => {
      await create.mutateAsync(input);
    },
    afterSave: () => ({ name: '' }),
  });
  const raw = f.error('name');
  // The core refuses a name it has as 'validation.invalid': that is the same "already there".
  const error = raw === undefined ? undefined : raw === 'validation.invalid' ? 'volunteers:skillsEditor.exists' : raw.startsWith('validation.') ? `common:${raw}` : raw;

  return (
    <details className="card skills-editor">
      <summary>{t('volunteers:skillsEditor.title')}</summary>
      <p className="muted">{t('volunteers:skillsEditor.intro')}</p>
      <ErrorNotice error={skills.error} />
      <ul className="skills-list" aria-label={t('volunteers:skillsEditor.listLabel')}>
        {(skills.data ?? []).map((s) => (
          <SkillItem key={s.id} skill={s} />
        ))}
      </ul>
      <KeyForm className="skill-add" onSubmit={f.submit}>
        <RequiredLegend />
        <div className={`field ${error ? 'field-invalid' : ''}`}>
          <div className="field-label-row">
            <label htmlFor={id}>{t('volunteers:skillsEditor.name')}</label>
            <RequiredMark />
          </div>
          <div className="skill-add-row">
            <input
              id={id}
              maxLength={100}
              autoComplete="off"
              aria-required
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
              {...f.form.register('name')}
            />
            <button type="submit" disabled={create.isPending || f.saving}>
              {t('volunteers:skillsEditor.add')}
            </button>
          </div>
          {error ? (
            <div id={`${id}-error`} className="field-error" role="alert">
              {fieldText(t, error)}
            </div>
          ) : null}
        </div>
        {f.notice && !error ? f.notice : null}
      </KeyForm>
    </details>
  );
}
