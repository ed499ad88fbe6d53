import { useTranslation } from 'react-i18next';
import { mayUnlockWithPin } from '../../../shared/domain/users';
import type { Role } from '../../../shared/api/roles';
import { useCall, useMutate } from '../../app/api';
import { SecretPairForm } from './SecretPairForm';
import './users.css';

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
      {mayUnlockWithPin(user.role) ? <PinForm role={user.role} /> : <p className="field-hint">{t('users:noPinForRole')}</p>}
    </>
  );
}

function PasswordForm({ role }: { role: Role }) {
  const { t } = useTranslation(['users', 'common']);
  const changePassword = useMutate('auth.changePassword');
  return (
    <SecretPairForm
      call="auth.changePassword"
      kind="password"
      role={role}
      current
      title={t('users:account.passwordTitle')}
      toInput={({ secret, currentPassword }) => ({ currentPassword, password: secret })}
      save={(input) => changePassword.mutateAsync(input)}
      saved={t('users:account.passwordSaved')}
      submit={t('users:account.savePassword')}
      primary
    />
  );
}

/** A new PIN typed twice, or "Remove the PIN", which submits the current password alone. */
function PinForm({ role }: { role: Role }) {
  const { t } = useTranslation(['users', 'common']);
  const changePin = useMutate('auth.changePin');
  return (
    <SecretPairForm
      call="auth.changePin"
      kind="pin"
      role={role}
      current
      required={false}
      title={t('users:pinTitle')}
      toInput={({ secret, currentPassword }) => ({ currentPassword, pin: secret })}
      save={(input) => changePin.mutateAsync(input)}
      saved={t('users:pinSaved')}
      submit={t('users:setPin')}
      remove={{ label: t('users:removePin'), input: (currentPassword) => ({ currentPassword, pin: null }) }}
    />
  );
}
