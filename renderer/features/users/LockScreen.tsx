import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../shared/api/contract';
import { mayUnlockWithPin } from '../../../shared/domain/users';
import { invoke } from '../../bridge';
import { queryKeyOf } from '../../app/api';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { useFormat } from '../../ui/format';
import { signInErrorText } from './signInText';
import { useSession } from './session';
import './users.css';

/**
 * The lock screen: nothing of the work behind it is mounted or cached. The same user unlocks with
 * their PIN (front desk, coordinator) or password (always for admin and treasurer); anyone else
 * signs in as themselves, which ends the locked session.
 */
export function LockScreen({ status, onUnlocked }: { status: AppStatus; onUnlocked: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const { signOut } = useSession();
  const pinAllowed = mayUnlockWithPin(status.user.role);
  const [method, setMethod] = useState<'pin' | 'password'>(pinAllowed ? 'pin' : 'password');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || secret.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('auth.unlock', { method, secret });
      onUnlocked();
      await client.invalidateQueries({ queryKey: queryKeyOf('app.status') });
    } catch (err) {
      setError(err);
      setSecret('');
      // Too many wrong PINs end the session: the status then shows the sign-in screen.
      await client.invalidateQueries({ queryKey: queryKeyOf('app.status') });
    } finally {
      setBusy(false);
    }
  };

  const message = signInErrorText(t, error, format.time);
  const label = method === 'pin' ? t('users:lock.pin') : t('users:lock.password');

  return (
    <main className="page narrow sign-in lock-screen">
      <div className="sign-in-top">
        <span className="brand-name">{status.settings?.centreName}</span>
        <LanguageSwitcher remember={false} />
      </div>
      <h1>{t('users:lock.title')}</h1>
      <p className="lead">{t('users:lock.who', { name: status.user.name })}</p>
      <form className="card form-grid" onSubmit={submit}>
        <div className="field span-2">
          <label htmlFor="unlock-secret">{label}</label>
          <input
            key={method}
            id="unlock-secret"
            type="password"
            autoFocus
            inputMode={method === 'pin' ? 'numeric' : 'text'}
            autoComplete={method === 'pin' ? 'off' : 'current-password'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={Boolean(message)}
            aria-describedby={message ? 'unlock-error' : 'unlock-hint'}
          />
          {!message ? (
            <div id="unlock-hint" className="field-hint">
              {pinAllowed ? t('users:lock.pinHint') : t('users:lock.passwordOnly')}
            </div>
          ) : null}
        </div>
        {message ? (
          <div id="unlock-error" role="alert" className="notice notice-error span-2">
            {message}
          </div>
        ) : null}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={busy || secret.length === 0}>
            {t('users:lock.unlock')}
          </button>
          {pinAllowed ? (
            <button
              type="button"
              onClick={() => {
                setMethod(method === 'pin' ? 'password' : 'pin');
                setSecret('');
                setError(null);
              }}
            >
              {method === 'pin' ? t('users:lock.usePassword') : t('users:lock.usePin')}
            </button>
          ) : null}
        </div>
      </form>
      <p>
        <button type="button" className="link-button" onClick={signOut}>
          {t('users:lock.someoneElse')}
        </button>
      </p>
    </main>
  );
}
