import { useId, useRef, useState, type ReactNode } from 'react';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type CallInput, type CallName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/roles';
import { passwordMinLength } from '../../../shared/domain/users';
import { ApiError } from '../../bridge';
import { Field, RequiredLegend } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm, type CallForm } from '../../ui/useCallForm';
import { PASSWORD_REPEAT, PIN_REPEAT, secretFormSchema, type Repeat } from '../../ui/secretSchemas';
import { signInErrorText } from './signInText';

export type SecretKind = 'password' | 'pin';

/** How each kind of secret is typed: hidden; a password is offered to the password manager as a new one, a PIN is digits and never stored. */
const INPUT = {
  password: { type: 'password', autoComplete: 'new-password' },
  pin: { type: 'password', inputMode: 'numeric', autoComplete: 'off' },
} as const;

/**
 * The two fields of a secret typed twice on a useCallForm form: the secret (with its rule as the
 * hint) and its repeat, named by `repeat` (the form's schema compares them: secretFormSchema).
 */
export function SecretPair<V extends FieldValues>(props: {
  f: CallForm<V>;
  repeat: Repeat;
  kind: SecretKind;
  label: string;
  repeatLabel: string;
  hint: string;
  required: boolean;
  className?: string | undefined;
  /** The first field takes the focus when the form opens. */
  autoFocus?: boolean | undefined;
}) {
  const { f, repeat, required, className } = props;
  const { register } = f.form;
  const input = INPUT[props.kind];
  const first = repeat.first as Path<V>;
  const second = repeat.repeat as Path<V>;
  return (
    <>
      <Field label={props.label} error={f.error(first)} hint={props.hint} className={className} required={required}>
        {(p) => <input {...p} {...input} autoFocus={props.autoFocus} {...register(first)} />}
      </Field>
      <Field label={props.repeatLabel} error={f.error(second)} className={className} required={required}>
        {(p) => <input {...p} {...input} {...register(second)} />}
      </Field>
    </>
  );
}

/** A refusal with field messages goes beside the fields (the form places them); anything else (a wrong current password, a lock-out) is one sentence. */
const hasFields = (error: unknown) => error instanceof ApiError && error.body.code === 'validation' && (error.body.fields?.length ?? 0) > 0;

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

/** The form's values: the secret and its repeat (password/passwordRepeat or pin/pinRepeat), and the current password when it is asked. */
type SecretValues = Record<string, string>;

/**
 * A card that sets a password or a PIN, typed twice: a reset by the admin (users.resetPassword,
 * users.setPin) or the signed-in user's own change (auth.changePassword, auth.changePin, which
 * ask the current password first). The role's password length is checked here too; after a save
 * the fields are empty again and the card says so.
 */
export function SecretPairForm<K extends CallName>(props: {
  call: K;
  kind: SecretKind;
  title: string;
  /** A line under the title (whether a PIN is set). */
  intro?: ReactNode;
  /** The user's role: a password's length depends on it. */
  role: Role;
  /** The current password is asked first; a wrong one or a lock-out is said in words above the buttons. */
  current?: boolean;
  /** The fields carry the required mark (default true). */
  required?: boolean;
  /** The call's input from the secret typed (and the current password, when asked). */
  toInput: (typed: { secret: string; currentPassword: string }) => CallInput<K>;
  /** Runs the call; a refusal is shown by the form. */
  save: (input: CallInput<K>) => Promise<unknown>;
  saved: string;
  submit: string;
  primary?: boolean;
  /** A second button that removes the secret: the call's input without one (only the current password is checked). */
  remove?: { label: string; input: (currentPassword: string) => CallInput<K> } | undefined;
}) {
  const { t } = useTranslation(['users', 'common']);
  const titleId = useId();
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const removing = useRef(false);
  const repeat = props.kind === 'pin' ? PIN_REPEAT : PASSWORD_REPEAT;
  const current = props.current ?? false;
  const empty: SecretValues = { ...(current ? { currentPassword: '' } : {}), [repeat.first]: '', [repeat.repeat]: '' };
  const toInput = (v: SecretValues): CallInput<K> => {
    const currentPassword = v.currentPassword ?? '';
    return removing.current && props.remove ? props.remove.input(currentPassword) : props.toInput({ secret: v[repeat.first] ?? '', currentPassword });
  };
  const f = useCallForm<SecretValues, K>({
    call: props.call,
    defaultValues: empty,
    schema: secretFormSchema(contract[props.call].input as z.ZodObject, { repeats: [repeat], role: props.role }),
    // The input and the repeat (empty when the secret is removed).
    check: (v) => ({ ...(toInput(v) as object), [repeat.repeat]: removing.current ? '' : v[repeat.repeat] }),
    toInput,
    onSubmit: async (input) => {
      setRefusal(null);
      setSaved(false);
      try {
        await props.save(input);
      } catch (e) {
        if (!current || hasFields(e)) throw e;
        setRefusal(e);
        return false;
      }
      setSaved(true);
      return true;
    },
    // Both fields (and the current password) empty again.
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
  const required = props.required ?? true;
  return (
    <KeyForm className="card form-grid" onSubmit={() => submit(false)} aria-labelledby={titleId}>
      <h2 className="span-2" id={titleId}>
        {props.title}
      </h2>
      {props.intro ? <p className="field-hint span-2">{props.intro}</p> : null}
      <RequiredLegend />
      {current ? (
        <Field label={t('users:account.current')} error={f.error('currentPassword')} className="span-2" required>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...register('currentPassword')} />}
        </Field>
      ) : null}
      {props.kind === 'pin' ? (
        <SecretPair f={f} repeat={repeat} kind="pin" label={t('users:fields.newPin')} repeatLabel={t('users:fields.repeatPin')} hint={t('users:pinRule')} required={required} />
      ) : (
        <SecretPair
          f={f}
          repeat={repeat}
          kind="password"
          label={t('users:fields.newPassword')}
          repeatLabel={t('users:fields.repeatPassword')}
          hint={t('users:passwordRule', { count: passwordMinLength(props.role) })}
          required={required}
        />
      )}
      <Refusal error={refusal} />
      {f.notice}
      {saved ? <p className="notice notice-success span-2">{props.saved}</p> : null}
      <div className="actions span-2">
        <button type="submit" className={props.primary ? 'primary' : undefined} disabled={f.saving}>
          {props.submit}
        </button>
        {props.remove ? (
          <button type="button" onClick={() => void submit(true)} disabled={f.saving}>
            {props.remove.label}
          </button>
        ) : null}
      </div>
    </KeyForm>
  );
}
