import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../shared/api/contract';
import type { SignInUser } from '../../../shared/domain/users';
import { fold } from '../../../shared/domain/text';
import { invoke } from '../../bridge';
import { changeLanguage } from '../../app/i18n';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { forgetPersonalData, queryKeyOf } from '../../app/api';
import { useFormat } from '../../ui/format';
import { signInErrorText } from './signInText';
import { DemoAccounts } from './DemoAccounts';
import './users.css';

/**
 * The sign-in screen of a shared PC: pick yourself from the list (type to filter, arrows, Enter, or
 * click), then your password. Each user's own language is applied once they are in.
 */
export function SignInScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const users = status.session.users;
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<SignInUser | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => {
    const q = fold(filter.trim());
    return q === '' ? users : users.filter((u) => fold(u.name).split(/\s+/).some((w) => w.startsWith(q)) || fold(u.name).startsWith(q));
  }, [filter, users]);
  const current = shown[Math.min(active, shown.length - 1)] ?? null;

  const pick = (u: SignInUser) => {
    setPicked(u);
    setPassword('');
    setError(null);
  };
  const back = () => {
    setPicked(null);
    setError(null);
    setTimeout(() => filterRef.current?.focus(), 0);
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) pick(current);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!picked || busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await invoke('auth.signIn', { userId: picked.id, password });
      forgetPersonalData(client);
      if (me.language) await changeLanguage(me.language);
      await client.invalidateQueries({ queryKey: queryKeyOf('app.status') });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const message = signInErrorText(t, error, format.time);

  return (
    <main className="page narrow sign-in">
      <div className="sign-in-top">
        <span className="brand-name">{status.settings?.centreName}</span>
        <LanguageSwitcher remember={false} />
      </div>
      <h1>{t('users:signIn.title')}</h1>
      {picked === null ? (
        <>
          <p className="lead">{t('users:signIn.pick')}</p>
          <input
            ref={filterRef}
            type="search"
            className="sign-in-filter"
            autoFocus
            aria-label={t('users:signIn.filter')}
            placeholder={t('users:signIn.filter')}
            aria-controls="sign-in-users"
            aria-activedescendant={current ? `sign-in-user-${current.id}` : undefined}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setActive(0);
            }}
            onKeyDown={onListKey}
          />
          <ul id="sign-in-users" role="listbox" aria-label={t('users:signIn.users')} className="sign-in-users">
            {shown.map((u) => (
              <li
                key={u.id}
                id={`sign-in-user-${u.id}`}
                role="option"
                aria-selected={current?.id === u.id}
                className={current?.id === u.id ? 'active' : ''}
                onClick={() => pick(u)}
                onMouseEnter={() => setActive(shown.indexOf(u))}
              >
                <span className="sign-in-name">{u.name}</span>
                <span className="sign-in-role">{t(`users:roles.${u.role}`)}</span>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p className="field-hint">{t('users:signIn.noMatch')}</p> : null}
          <p className="field-hint">{t('users:signIn.keys')}</p>
        </>
      ) : (
        <form className="card form-grid" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && back()}>
          <p className="sign-in-who span-2">
            <strong>{picked.name}</strong> <span className="sign-in-role">{t(`users:roles.${picked.role}`)}</span>
          </p>
          <div className="field span-2">
            <label htmlFor="sign-in-password">{t('users:signIn.password')}</label>
            <input
              id="sign-in-password"
              type="password"
              autoFocus
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(message)}
              aria-describedby={message ? 'sign-in-error' : undefined}
            />
          </div>
          {message ? (
            <div id="sign-in-error" role="alert" className="notice notice-error span-2">
              {message}
            </div>
          ) : null}
          <div className="actions span-2">
            <button type="submit" className="primary" disabled={busy || password.length === 0}>
              {t('users:signIn.submit')}
            </button>
            <button type="button" onClick={back}>
              {t('users:signIn.back')}
            </button>
          </div>
        </form>
      )}
      {status.session.demoAccounts && status.session.demoAccounts.length > 0 ? <DemoAccounts accounts={status.session.demoAccounts} /> : null}
    </main>
  );
}
