import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/api/contract';
import { mayUnlockWithPin, passwordMinLength } from '../../../shared/domain/users';
import type { Role } from '../../../shared/api/roles';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { Field, RequiredLegend } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { PASSWORD_REPEAT, PIN_REPEAT, secretFormSchema } from '../../ui/secretSchemas';
import { signInErrorText } from './signInText';
import './users.css';

/** A refusal with field messages goes beside the fields (the form places them); anything else (a wrong current password, a lock-out) is one sentence. */
const hasFields = (error: unknown) => error instanceof ApiError && error.body.code === 'validation' && (error.body.fields?.length ?? 0) > 0;

/** My account: the signed-in user changes their own password and PIN (the current password is needed). */
export function AccountScreen() {
  const { t } = useTranslation(['users', 'common']);
  const status = useCall('app.status', {});
  const user = status.data?.user;
  if (!user) return null;
  return (
    <>
      <h1>{t('users:account.title')}</h1>
      <p className="field-hint">{t('users:account.intro', { name: user.name, role: t(`users:roles.${user.role}`) })}</p>
      <PasswordForm role={user.role} />
      {mayUnlockWithPin(user.role) ? <PinForm /> : <p className="field-hint">{t('users:noPinForRole')}</p>}
    </>
  );
}

/** A refusal of the sign-in kind (wrong current password, locked out), in words. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  if (!error) return null;
  return (
    <p role="alert" className="notice notice-error span-2">
      {signInErrorText(t, error, (iso: string) => format.time(iso))}
    </p>
  );
}

interface PasswordValues {
  currentPassword: string;
  password: string;
  passwordRepeat: string;
}

function PasswordForm({ role }: { role: Role }) {
  const { t } = useTranslation(['users', 'common']);
  const changePassword = useMutate('auth.changePassword');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const empty: PasswordValues = { currentPassword: '', password: '', passwordRepeat: '' };
  const f = useCallForm({
    call: 'auth.changePassword',
    defaultValues: empty,
    schema: secretFormSchema(contract['auth.changePassword'].input, { repeats: [PASSWORD_REPEAT], role }),
    check: (v: PasswordValues) => v,
    toInput: (v: PasswordValues) => ({ currentPassword: v.currentPassword, password: v.password }),
    onSubmit: async (input) => {
      setRefusal(null);
      setSaved(false);
      try {
        await changePassword.mutateAsync(input);
      } catch (e) {
        if (hasFields(e)) throw e;
        setRefusal(e);
        return false;
      }
      setSaved(true);
      return true;
    },
    afterSave: () => empty,
  });
  const { register } = f.form;
  return (
    <KeyForm className="card form-grid" onSubmit={f.submit} aria-labelledby="account-password-title">
      <h2 className="span-2" id="account-password-title">
        {t('users:account.passwordTitle')}
      </h2>
      <RequiredLegend />
      <Field label={t('users:account.current')} error={f.error('currentPassword')} className="span-2" required>
        {(p) => <input {...p} type="password" autoComplete="current-password" {...register('currentPassword')} />}
      </Field>
      <Field label={t('users:fields.newPassword')} error={f.error('password')} hint={t('users:passwordRule', { count: passwordMinLength(role) })} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...register('password')} />}
      </Field>
      <Field label={t('users:fields.repeatPassword')} error={f.error('passwordRepeat')} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...register('passwordRepeat')} />}
      </Field>
      <Refusal error={refusal} />
      {f.notice}
      {saved ? <p className="notice notice-success span-2">{t('users:account.passwordSaved')}</p> : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={changePassword.isPending || f.saving}>
          {t('users:account.savePassword')}
        </button>
      </div>
    </KeyForm>
  );
}

interface PinValues {
  currentPassword: string;
  pin: string;
  pinRepeat: string;
}

function PinForm() {
  const { t } = useTranslation(['users', 'common']);
  const changePin = useMutate('auth.changePin');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  /** "Remove the PIN" submits the same form with the current password alone. */
  const removing = useRef(false);
  const empty: PinValues = { currentPassword: '', pin: '', pinRepeat: '' };
  const toInput = (v: PinValues) => ({ currentPassword: v.currentPassword, pin: removing.current ? null : v.pin });
  const f = useCallForm({
    call: 'auth.changePin',
    defaultValues: empty,
    schema: secretFormSchema(contract['auth.changePin'].input, { repeats: [PIN_REPEAT] }),
    check: (v: PinValues) => ({ ...toInput(v), pinRepeat: removing.current ? '' : v.pinRepeat }),
    toInput,
    onSubmit: async (input) => {
      setRefusal(null);
      setSaved(false);
      try {
        await changePin.mutateAsync(input);
      } catch (e) {
        if (hasFields(e)) throw e;
        setRefusal(e);
        return false;
      }
      setSaved(true);
      return true;
    },
    afterSave: () => empty,
  });
  const { register } = f.form;
  const submit = async (remove: boolean) => {
    removing.current = remove;
    try {
      await f.submit();
    } finally {
      removing.current = false;
    }
  };
  return (
    <KeyForm className="card form-grid" onSubmit={() => submit(false)} aria-labelledby="account-pin-title">
      <h2 className="span-2" id="account-pin-title">
        {t('users:pinTitle')}
      </h2>
      <RequiredLegend />
      <Field label={t('users:account.current')} error={f.error('currentPassword')} className="span-2" required>
        {(p) => <input {...p} type="password" autoComplete="current-password" {...register('currentPassword')} />}
      </Field>
      <Field label={t('users:fields.newPin')} error={f.error('pin')} hint={t('users:pinRule')}>
        {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="off" {...register('pin')} />}
      </Field>
      <Field label={t('users:fields.repeatPin')} error={f.error('pinRepeat')}>
        {(p) => <input {...p} type="password" inputMode="numeric" autoComplete="off" {...register('pinRepeat')} />}
      </Field>
      <Refusal error={refusal} />
      {f.notice}
      {saved ? <p className="notice notice-success span-2">{t('users:pinSaved')}</p> : null}
      <div className="actions span-2">
        <button type="submit" disabled={changePin.isPending || f.saving}>
          {t('users:setPin')}
        </button>
        <button type="button" onClick={() => void submit(true)} disabled={changePin.isPending || f.saving}>
          {t('users:removePin')}
        </button>
      </div>
    </KeyForm>
  );
}
