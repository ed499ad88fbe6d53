import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/api/contract';
import { PASSWORD_MIN_STRONG } from '../../../shared/domain/users';
import { invoke } from '../../bridge';
import { queryKeyOf } from '../../app/api';
import { RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { PASSWORD_REPEAT, secretFormSchema } from '../../ui/secretSchemas';
import { SecretPair } from './SecretPairForm';
import './users.css';

interface ClaimValues {
  password: string;
  passwordRepeat: string;
}

/** A database from before sign-in existed: the admin's password is set once, here, typed twice. */
export function ClaimAdminScreen() {
  const { t } = useTranslation(['users', 'common']);
  const client = useQueryClient();
  const f = useCallForm({
    call: 'auth.claimAdmin',
    defaultValues: { password: '', passwordRepeat: '' } as ClaimValues,
    // auth.claimAdmin's input, an admin's password length and the repeat.
    schema: secretFormSchema(contract['auth.claimAdmin'].input, { repeats: [PASSWORD_REPEAT], role: 'admin' }),
    check: (v: ClaimValues) => v,
    toInput: (v: ClaimValues) => ({ password: v.password }),
    // Nothing to lose before the first admin exists.
    guard: false,
    onSubmit: async (input) => {
      await invoke('auth.claimAdmin', input);
      await client.invalidateQueries({ queryKey: queryKeyOf('app.status') });
    },
  });

  return (
    <main className="page narrow sign-in">
      <h1>{t('users:claim.title')}</h1>
      <p className="lead">{t('users:claim.intro')}</p>
      <KeyForm className="card form-grid" onSubmit={f.submit}>
        <RequiredLegend />
        <SecretPair
          f={f}
          repeat={PASSWORD_REPEAT}
          kind="password"
          label={t('users:fields.newPassword')}
          repeatLabel={t('users:fields.repeatPassword')}
          hint={t('users:passwordRule', { count: PASSWORD_MIN_STRONG })}
          required
          className="span-2"
          autoFocus
        />
        {f.notice}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={f.saving}>
            {t('users:claim.submit')}
          </button>
        </div>
      </KeyForm>
    </main>
  );
}
