import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUnlockWithPin, passwordMinLength, passwordProblem, PIN_PATTERN } from '../../../shared/domain/users';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { signInErrorText } from './signInText';
import './users.css';

/** A refusal with field messages goes beside the fields; anything else (a wrong current password, a lock-out) is one sentence. */
function split(error: unknown): { fields: Record<string, string>; other: unknown } {
  if (error instanceof ApiError && error.body.code === 'validation' && error.body.fields?.length) {
    return { fields: Object.fromEntries(error.body.fields.map((f) => [f.path, f.message])), other: null };
  }
  return { fields: {}, other: error };
}

/** My account: the signed-in user changes their own password and PIN (the current password is needed). */
export function AccountScreen() {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  const status = useCall('app.status', {});
  const changePassword = useMutate('auth.changePassword');
  const changePin = useMutate('auth.changePin');
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [pinCurrent, setPinCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const user = status.data?.user;
  if (!user) return null;
  const time = (iso: string) => format.time(iso);

  const savePassword = (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(password, user.role);
    const found = {
      ...(current === '' ? { current: 'validation.required' } : {}),
      ...(problem ? { password: problem } : {}),
      ...(password !== repeat ? { repeat: 'validation.passwordsDiffer' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    changePassword.mutate(
      { currentPassword: current, password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeat('');
        },
      },
    );
  };
  const savePin = (remove: boolean) => {
    const found = {
      ...(pinCurrent === '' ? { pinCurrent: 'validation.required' } : {}),
      ...(!remove && !PIN_PATTERN.test(pin) ? { pin: 'validation.pin' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    changePin.mutate(
      { currentPassword: pinCurrent, pin: remove ? null : pin },
      {
        onSuccess: () => {
          setPinCurrent('');
          setPin('');
        },
      },
    );
  };
  const pwServer = split(changePassword.error);
  const pinServer = split(changePin.error);

  return (
    <>
      <h1>{t('users:account.title')}</h1>
      <p className="field-hint">{t('users:account.intro', { name: user.name, role: t(`users:roles.${user.role}`) })}</p>

      <form className="card form-grid" onSubmit={savePassword} noValidate aria-labelledby="account-password-title">
        <h2 className="span-2" id="account-password-title">
          {t('users:account.passwordTitle')}
        </h2>
        <Field label={t('users:account.current')} error={errors.current} className="span-2">
          {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label={t('users:fields.newPassword')} error={errors.password ?? pwServer.fields.password} hint={t('users:passwordRule', { count: passwordMinLength(user.role) })}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label={t('users:fields.repeatPassword')} error={errors.repeat}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
        </Field>
        {pwServer.other ? (
          <p role="alert" className="notice notice-error span-2">
            {signInErrorText(t, pwServer.other, time)}
          </p>
        ) : null}
        {changePassword.isSuccess ? <p className="notice notice-success span-2">{t('users:account.passwordSaved')}</p> : null}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={changePassword.isPending}>
            {t('users:account.savePassword')}
          </button>
        </div>
      </form>

      {mayUnlockWithPin(user.role) ? (
        <form
          className="card form-grid"
          noValidate
          aria-labelledby="account-pin-title"
          onSubmit={(e) => {
            e.preventDefault();
            savePin(false);
          }}
        >
          <h2 className="span-2" id="account-pin-title">
            {t('users:pinTitle')}
          </h2>
          <Field label={t('users:account.current')} error={errors.pinCurrent} className="span-2">
            {(p) => <input {...p} type="password" autoComplete="current-password" value={pinCurrent} onChange={(e) => setPinCurrent(e.target.value)} />}
          </Field>
          <Field label={t('users:fields.newPin')} error={errors.pin ?? pinServer.fields.pin} hint={t('users:pinRule')}>
            {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />}
          </Field>
          {pinServer.other ? (
            <p role="alert" className="notice notice-error span-2">
              {signInErrorText(t, pinServer.other, time)}
            </p>
          ) : null}
          {changePin.isSuccess ? <p className="notice notice-success span-2">{t('users:pinSaved')}</p> : null}
          <div className="actions span-2">
            <button type="submit" disabled={changePin.isPending}>
              {t('users:setPin')}
            </button>
            <button type="button" onClick={() => savePin(true)} disabled={changePin.isPending}>
              {t('users:removePin')}
            </button>
          </div>
        </form>
      ) : (
        <p className="field-hint">{t('users:noPinForRole')}</p>
      )}
    </>
  );
}
