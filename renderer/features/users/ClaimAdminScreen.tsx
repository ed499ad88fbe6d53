import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { passwordProblem, PASSWORD_MIN_STRONG } from '../../../shared/domain/users';
import { invoke } from '../../bridge';
import { queryKeyOf } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import './users.css';

/** A database from before sign-in existed: the admin's password is set once, here. */
export function ClaimAdminScreen() {
  const { t } = useTranslation(['users', 'common']);
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(password, 'admin');
    const next = { ...(problem ? { password: problem } : {}), ...(password !== repeat ? { repeat: 'validation.passwordsDiffer' } : {}) };
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      await invoke('auth.claimAdmin', { password });
      await client.invalidateQueries({ queryKey: queryKeyOf('app.status') });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main className="page narrow sign-in">
      <h1>{t('users:claim.title')}</h1>
      <p className="lead">{t('users:claim.intro')}</p>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <Field label={t('users:fields.newPassword')} error={errors.password} hint={t('users:passwordRule', { count: PASSWORD_MIN_STRONG })} className="span-2">
          {(p) => <input {...p} type="password" autoFocus autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label={t('users:fields.repeatPassword')} error={errors.repeat} className="span-2">
          {(p) => <input {...p} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
        </Field>
        <ErrorNotice error={error} />
        <div className="actions span-2">
          <button type="submit" className="primary">
            {t('users:claim.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
