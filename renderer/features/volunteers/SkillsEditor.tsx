import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../shared/domain/text';
import type { Skill } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
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
  const [name, setName] = useState('');
  /** A full i18n key (ns:key) of the message beside the name. */
  const [error, setError] = useState<string | undefined>();
  const id = useId();

  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('common:validation.required');
      return;
    }
    if ((skills.data ?? []).some((s) => fold(labels.skill(s)) === fold(trimmed))) {
      setError('volunteers:skillsEditor.exists');
      return;
    }
    setError(undefined);
    create.mutate(
      { name: trimmed },
      {
        onSuccess: () => setName(''),
        onError: (err) => {
          if (err instanceof ApiError && err.body.code === 'validation') {
            const message = err.body.fields?.[0]?.message;
            setError(message === 'validation.invalid' ? 'volunteers:skillsEditor.exists' : `common:${message ?? 'validation.invalid'}`);
          }
        },
      },
    );
  };

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
      <form className="skill-add" onSubmit={add} noValidate>
        <div className={`field ${error ? 'field-invalid' : ''}`}>
          <label htmlFor={id}>{t('volunteers:skillsEditor.name')}</label>
          <div className="skill-add-row">
            <input
              id={id}
              value={name}
              maxLength={100}
              autoComplete="off"
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" disabled={create.isPending}>
              {t('volunteers:skillsEditor.add')}
            </button>
          </div>
          {error ? (
            <div id={`${id}-error`} className="field-error" role="alert">
              {fieldText(t, error)}
            </div>
          ) : null}
        </div>
      </form>
      {create.error instanceof ApiError && create.error.body.code === 'validation' ? null : <ErrorNotice error={create.error} />}
    </details>
  );
}
