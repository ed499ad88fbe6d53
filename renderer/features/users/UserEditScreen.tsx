import { useId, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/api/roles';
import { LANGUAGES, type Language } from '../../../shared/domain/settings';
import { mayUnlockWithPin, passwordMinLength, type UserSummary } from '../../../shared/domain/users';
import { contract } from '../../../shared/api/contract';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { SelectField } from '../../ui/SelectField';
import { useCallForm } from '../../ui/useCallForm';
import { PASSWORD_REPEAT, PIN_REPEAT, secretFormSchema } from '../../ui/secretSchemas';
import { SecretPair, SecretPairForm } from './SecretPairForm';
import './users.css';

type LanguageChoice = Language | 'default';
const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['default', ...LANGUAGES];

/** Add a user, or change one: name, role, language, password, PIN, active. */
export function UserEditScreen() {
  const { id } = useParams();
  const userId = id ? Number(id) : null;
  const users = useCall('users.list', { includeInactive: true });
  const user = userId !== null ? (users.data?.find((u) => u.id === userId) ?? null) : null;
  if (userId !== null && !user) return <ErrorNotice error={users.error} />;
  return user ? <EditUser key={user.id} user={user} /> : <NewUser />;
}

interface NewUserValues {
  name: string;
  role: Role;
  language: LanguageChoice;
  password: string;
  passwordRepeat: string;
  pin: string;
  pinRepeat: string;
}

const languageOf = (l: LanguageChoice): Language | null => (l === 'default' ? null : l);

function NewUser() {
  const { t } = useTranslation(['users', 'common']);
  const navigate = useNavigate();
  const create = useMutate('users.create');
  const toInput = (v: NewUserValues) => ({
    name: v.name,
    role: v.role,
    language: languageOf(v.language),
    password: v.password,
    pin: mayUnlockWithPin(v.role) && v.pin !== '' ? v.pin : null,
  });
  const f = useCallForm({
    call: 'users.create',
    defaultValues: { name: '', role: 'frontdesk', language: 'default', password: '', passwordRepeat: '', pin: '', pinRepeat: '' } as NewUserValues,
    // users.create's schema (with the role's password length) and the two repeats.
    schema: secretFormSchema(contract['users.create'].input, { repeats: [PASSWORD_REPEAT, PIN_REPEAT] }),
    check: (v: NewUserValues) => ({ ...toInput(v), passwordRepeat: v.passwordRepeat, pinRepeat: mayUnlockWithPin(v.role) ? v.pinRepeat : '' }),
    toInput,
    onCancel: () => void navigate('/admin/users'),
    onSubmit: async (input) => {
      await create.mutateAsync(input);
      void navigate('/admin/users');
    },
  });
  const { register, watch } = f.form;
  const role = watch('role');

  return (
    <>
      <h1>{t('users:add')}</h1>
      <KeyForm className="card form-grid" onSubmit={f.submit} onCancel={f.cancel}>
        <RequiredLegend />
        <Field label={t('users:fields.name')} error={f.error('name')} className="span-2" required>
          {(p) => <input {...p} autoFocus {...register('name')} />}
        </Field>
        <RoleAndLanguage form={f.form} />
        <SecretPair
          f={f}
          repeat={PASSWORD_REPEAT}
          kind="password"
          label={t('users:fields.password')}
          repeatLabel={t('users:fields.repeatPassword')}
          hint={t('users:passwordRule', { count: passwordMinLength(role) })}
          required
        />
        {mayUnlockWithPin(role) ? (
          <SecretPair
            f={f}
            repeat={PIN_REPEAT}
            kind="pin"
            label={t('users:fields.pinOptional')}
            repeatLabel={t('users:fields.repeatPin')}
            hint={t('users:pinRule')}
            required={false}
          />
        ) : (
          <p className="field-hint span-2">{t('users:noPinForRole')}</p>
        )}
        {f.notice}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={create.isPending || f.saving}>
            {t('common:save')}
          </button>
          <Link to="/admin/users">{t('common:cancel')}</Link>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </>
  );
}

function EditUser({ user }: { user: UserSummary }) {
  const { t } = useTranslation(['users', 'common']);
  const setActive = useMutate('users.setActive');

  return (
    <>
      <div className="page-head">
        <h1>{user.name}</h1>
        <Link to="/admin/users">{t('users:backToList')}</Link>
      </div>
      {!user.active ? <p className="notice notice-warning">{t('users:inactiveNotice')}</p> : null}
      <DetailsForm user={user} />
      <PasswordForm user={user} />
      {mayUnlockWithPin(user.role) ? <PinForm user={user} /> : null}

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

interface DetailsValues {
  name: string;
  role: Role;
  language: LanguageChoice;
}

/** Name, role and language (users.update). */
function DetailsForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation(['users', 'common']);
  const update = useMutate('users.update');
  const [saved, setSaved] = useState(false);
  const f = useCallForm({
    call: 'users.update',
    defaultValues: { name: user.name, role: user.role, language: user.language ?? 'default' } as DetailsValues,
    toInput: (v: DetailsValues) => ({ id: user.id, name: v.name, role: v.role, language: languageOf(v.language) }),
    onSubmit: async (input) => {
      setSaved(false);
      await update.mutateAsync(input);
      setSaved(true);
    },
  });
  const { register } = f.form;
  const titleId = useId();
  return (
    <KeyForm className="card form-grid" onSubmit={f.submit} aria-labelledby={titleId}>
      <h2 className="span-2" id={titleId}>
        {t('users:details')}
      </h2>
      <RequiredLegend />
      <Field label={t('users:fields.name')} error={f.error('name')} className="span-2" required>
        {(p) => <input {...p} {...register('name')} />}
      </Field>
      <RoleAndLanguage form={f.form} />
      {f.notice}
      {saved ? <p className="notice notice-success span-2">{t('users:saved')}</p> : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={update.isPending || f.saving}>
          {t('common:save')}
        </button>
      </div>
    </KeyForm>
  );
}

/** The user's role (with what it lets them do) and their interface language, on the new user's form and the details form. */
function RoleAndLanguage<V extends { role: Role; language: LanguageChoice }>(props: { form: UseFormReturn<V> }) {
  const { t } = useTranslation(['users', 'common']);
  // Both forms hold these two fields (V says so); react-hook-form cannot name them through V.
  const { watch, setValue } = props.form as unknown as UseFormReturn<{ role: Role; language: LanguageChoice }>;
  const [role, language] = watch(['role', 'language']);
  return (
    <>
      <SelectField
        label={t('users:fields.role')}
        value={role}
        options={ROLES}
        optionLabel={(r) => t(`users:roles.${r}`)}
        onChange={(r) => setValue('role', r, { shouldDirty: true })}
        hint={t(`users:roleHints.${role}`)}
      />
      <SelectField
        label={t('users:fields.language')}
        value={language}
        options={LANGUAGE_CHOICES}
        optionLabel={(l) => (l === 'default' ? t('users:languageDefault') : LANGUAGE_NAMES[l])}
        onChange={(l) => setValue('language', l, { shouldDirty: true })}
      />
    </>
  );
}

/** A new password for the user, typed twice (users.resetPassword; the role's length checked here too). */
function PasswordForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation(['users', 'common']);
  const reset = useMutate('users.resetPassword');
  return (
    <SecretPairForm
      call="users.resetPassword"
      kind="password"
      role={user.role}
      title={t('users:resetPassword')}
      toInput={({ secret }) => ({ id: user.id, password: secret })}
      save={(input) => reset.mutateAsync(input)}
      saved={t('users:passwordSaved')}
      submit={t('users:resetPassword')}
    />
  );
}

/** Set the PIN, typed twice, or remove it (users.setPin). */
function PinForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation(['users', 'common']);
  const setPin = useMutate('users.setPin');
  return (
    <SecretPairForm
      call="users.setPin"
      kind="pin"
      role={user.role}
      title={t('users:pinTitle')}
      intro={user.hasPin ? t('users:pinSet') : t('users:pinNone')}
      toInput={({ secret }) => ({ id: user.id, pin: secret })}
      save={(input) => setPin.mutateAsync(input)}
      saved={t('users:pinSaved')}
      submit={t('users:setPin')}
      remove={user.hasPin ? { label: t('users:removePin'), input: () => ({ id: user.id, pin: null }) } : undefined}
    />
  );
}
