import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/api/roles';
import { LANGUAGES, type Language } from '../../../shared/domain/settings';
import { mayUnlockWithPin, passwordMinLength, passwordProblem, PIN_PATTERN, type UserSummary } from '../../../shared/domain/users';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ApiError } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import './users.css';

type LanguageChoice = Language | 'default';
const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['default', ...LANGUAGES];

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.body.fields) return {};
  return Object.fromEntries(error.body.fields.map((f) => [f.path, f.message]));
}

/** Add a user, or change one: name, role, language, password, PIN, active. */
export function UserEditScreen() {
  const { id } = useParams();
  const userId = id ? Number(id) : null;
  const users = useCall('users.list', { includeInactive: true });
  const user = userId !== null ? (users.data?.find((u) => u.id === userId) ?? null) : null;
  if (userId !== null && !user) return <ErrorNotice error={users.error} />;
  return user ? <EditUser key={user.id} user={user} /> : <NewUser />;
}

function NewUser() {
  const { t } = useTranslation(['users', 'common']);
  const navigate = useNavigate();
  const create = useMutate('users.create');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('frontdesk');
  const [language, setLanguage] = useState<LanguageChoice>('default');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {
      ...(name.trim() === '' ? { name: 'validation.required' } : {}),
      ...(passwordProblem(password, role) ? { password: passwordProblem(password, role) as string } : {}),
      ...(pin !== '' && !PIN_PATTERN.test(pin) ? { pin: 'validation.pin' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { name, role, language: language === 'default' ? null : language, password, pin: mayUnlockWithPin(role) && pin !== '' ? pin : null },
      { onSuccess: () => void navigate('/admin/users') },
    );
  };
  const server = fieldErrors(create.error);

  return (
    <>
      <h1>{t('users:add')}</h1>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <Field label={t('users:fields.name')} error={errors.name ?? server.name} className="span-2">
          {(p) => <input {...p} autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <SelectField label={t('users:fields.role')} value={role} options={ROLES} optionLabel={(r) => t(`users:roles.${r}`)} onChange={setRole} hint={t(`users:roleHints.${role}`)} />
        <SelectField
          label={t('users:fields.language')}
          value={language}
          options={LANGUAGE_CHOICES}
          optionLabel={(l) => (l === 'default' ? t('users:languageDefault') : LANGUAGE_NAMES[l])}
          onChange={setLanguage}
        />
        <Field label={t('users:fields.password')} error={errors.password ?? server.password} hint={t('users:passwordRule', { count: passwordMinLength(role) })}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {mayUnlockWithPin(role) ? (
          <Field label={t('users:fields.pinOptional')} error={errors.pin ?? server.pin} hint={t('users:pinRule')}>
            {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />}
          </Field>
        ) : (
          <p className="field-hint">{t('users:noPinForRole')}</p>
        )}
        <ErrorNotice error={create.error && !create.error.body.fields ? create.error : null} />
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('common:save')}
          </button>
          <Link to="/admin/users">{t('common:cancel')}</Link>
        </div>
      </form>
    </>
  );
}

function EditUser({ user }: { user: UserSummary }) {
  const { t } = useTranslation(['users', 'common']);
  const update = useMutate('users.update');
  const reset = useMutate('users.resetPassword');
  const setPin = useMutate('users.setPin');
  const setActive = useMutate('users.setActive');
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [language, setLanguage] = useState<LanguageChoice>(user.language ?? 'default');
  const [password, setPassword] = useState('');
  const [pin, setPinValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const saveDetails = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: user.id, name, role, language: language === 'default' ? null : language });
  };
  const savePassword = (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(password, user.role);
    setErrors(problem ? { password: problem } : {});
    if (problem) return;
    reset.mutate({ id: user.id, password }, { onSuccess: () => setPassword('') });
  };
  const savePin = (e: FormEvent) => {
    e.preventDefault();
    const bad = !PIN_PATTERN.test(pin);
    setErrors(bad ? { pin: 'validation.pin' } : {});
    if (bad) return;
    setPin.mutate({ id: user.id, pin }, { onSuccess: () => setPinValue('') });
  };

  return (
    <>
      <div className="page-head">
        <h1>{user.name}</h1>
        <Link to="/admin/users">{t('users:backToList')}</Link>
      </div>
      {!user.active ? <p className="notice notice-warning">{t('users:inactiveNotice')}</p> : null}
      <form className="card form-grid" onSubmit={saveDetails}>
        <h2 className="span-2">{t('users:details')}</h2>
        <Field label={t('users:fields.name')} className="span-2">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <SelectField label={t('users:fields.role')} value={role} options={ROLES} optionLabel={(r) => t(`users:roles.${r}`)} onChange={setRole} hint={t(`users:roleHints.${role}`)} />
        <SelectField
          label={t('users:fields.language')}
          value={language}
          options={LANGUAGE_CHOICES}
          optionLabel={(l) => (l === 'default' ? t('users:languageDefault') : LANGUAGE_NAMES[l])}
          onChange={setLanguage}
        />
        <ErrorNotice error={update.error} />
        {update.isSuccess ? <p className="notice notice-success span-2">{t('users:saved')}</p> : null}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('common:save')}
          </button>
        </div>
      </form>

      <form className="card form-grid" onSubmit={savePassword} noValidate>
        <h2 className="span-2">{t('users:resetPassword')}</h2>
        <Field label={t('users:fields.newPassword')} error={errors.password} hint={t('users:passwordRule', { count: passwordMinLength(user.role) })}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <ErrorNotice error={reset.error} />
        {reset.isSuccess ? <p className="notice notice-success span-2">{t('users:passwordSaved')}</p> : null}
        <div className="actions span-2">
          <button type="submit" disabled={reset.isPending}>
            {t('users:resetPassword')}
          </button>
        </div>
      </form>

      {mayUnlockWithPin(user.role) ? (
        <form className="card form-grid" onSubmit={savePin} noValidate>
          <h2 className="span-2">{t('users:pinTitle')}</h2>
          <p className="field-hint span-2">{user.hasPin ? t('users:pinSet') : t('users:pinNone')}</p>
          <Field label={t('users:fields.newPin')} error={errors.pin} hint={t('users:pinRule')}>
            {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPinValue(e.target.value)} />}
          </Field>
          <ErrorNotice error={setPin.error} />
          {setPin.isSuccess ? <p className="notice notice-success span-2">{t('users:pinSaved')}</p> : null}
          <div className="actions span-2">
            <button type="submit" disabled={setPin.isPending}>
              {t('users:setPin')}
            </button>
            {user.hasPin ? (
              <button type="button" onClick={() => setPin.mutate({ id: user.id, pin: null })}>
                {t('users:removePin')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}

      <section className="card">
        <h2>{user.active ? t('users:deactivate') : t('users:reactivate')}</h2>
        <p className="field-hint">{user.active ? t('users:deactivateHint') : t('users:reactivateHint')}</p>
        <ErrorNotice error={setActive.error} />
        <button type="button" onClick={() => setActive.mutate({ id: user.id, active: !user.active })} disabled={setActive.isPending}>
          {user.active ? t('users:deactivate') : t('users:reactivate')}
        </button>
      </section>
    </>
  );
}
