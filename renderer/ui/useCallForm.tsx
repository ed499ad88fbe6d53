import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type CallInput, type CallName } from '../../shared/api/contract';
import { ApiError } from '../bridge';
import { ErrorNotice, fieldText } from './ErrorNotice';
import { useUnsavedGuard } from './UnsavedGuard';

/** Maps a path of the call's input ("data.phones.1") to the form field that shows its message, or null (shown above the buttons). */
export type FieldOf<V extends FieldValues> = (path: string, values: V) => Path<V> | null;

/** The first segment after an update call's "data." wrapper, when it is a field of the form. */
function defaultFieldOf<V extends FieldValues>(defaults: DefaultValues<V> | undefined): FieldOf<V> {
  return (path) => {
    const rest = path.startsWith('data.') ? path.slice(5) : path;
    const top = rest.split('.')[0] ?? '';
    return defaults !== undefined && Object.prototype.hasOwnProperty.call(defaults, top) ? (rest as Path<V>) : null;
  };
}

/** The leaves ({ message, type }) of react-hook-form's nested errors, with their dotted paths. */
function leaves(errors: unknown, prefix = ''): { path: string; message: string; type: string }[] {
  if (errors === null || typeof errors !== 'object') return [];
  const e = errors as Record<string, unknown>;
  if (typeof e.message === 'string' && typeof e.type === 'string') return [{ path: prefix, message: e.message, type: e.type }];
  return Object.entries(e).flatMap(([k, v]) => (k === 'ref' ? [] : leaves(v, prefix ? `${prefix}.${k}` : k)));
}

/** A message the form can translate: the contract's own key, or "invalid" for a message of zod's. */
const messageOf = (message: string) => (message.startsWith('validation.') || message.includes(':') ? message : 'validation.invalid');

/**
 * react-hook-form's resolver from a call's input schema (the contract's zod schema, through
 * @hookform/resolvers' zodResolver): the form's values become the call's input with `toInput`, the
 * schema checks them, and each issue is placed on its form field with `fieldOf`.
 */
export function callResolver<V extends FieldValues>(schema: z.ZodType, toInput: (values: V) => unknown, fieldOf: FieldOf<V>): Resolver<V> {
  const zod = zodResolver(schema as never);
  return async (values, context, options) => {
    const result = await zod(toInput(values) as never, context, { ...options, fields: {}, names: undefined, shouldUseNativeValidation: false } as never);
    const found = leaves(result.errors);
    if (found.length === 0) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of found) {
      const field = fieldOf(issue.path, values) ?? ('root.call' as string);
      errors[field] ??= { type: issue.type, message: messageOf(issue.message) };
    }
    return { values: {}, errors: nest(errors) as FieldErrors<V> };
  };
}

/** { 'lines.0.amount': e } → { lines: [{ amount: e }] }, as react-hook-form reads errors. */
function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let at: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        at[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? '');
      at[part] ??= nextIsIndex ? [] : {};
      at = at[part] as Record<string, unknown>;
    });
  }
  return out;
}

export interface CallForm<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** For <KeyForm onSubmit>: validates with the call's schema, then runs `onSubmit` with the call's input. */
  submit: () => Promise<void>;
  /** For <KeyForm onCancel> and the Cancel button: leaves without the unsaved-changes question. */
  cancel: (() => void) | undefined;
  /** The message of a field (a contract key, translated by <Field>). */
  error: (name: Path<V>) => string | undefined;
  /**
   * The message of a required field: "required" when it is left empty (a number or a choice not
   * given is missing, not wrong, whatever the schema said of the empty value), else its own.
   */
  missingOr: (name: Path<V>) => string | undefined;
  /** A refusal that names no field of this form (or none at all), in words: render it above the buttons. */
  notice: ReactNode;
  saving: boolean;
  /** Lets the next navigation leave without asking (after a save that moves on by itself). */
  allowLeave: () => void;
}

/**
 * A form on react-hook-form for one call of the contract: validated with that call's input schema,
 * the core's refusals (AppError fields) set onto the form's fields, the one Ctrl/Cmd+Enter and
 * Escape behaviour (render it in <KeyForm onSubmit={f.submit} onCancel={f.cancel}>), and a
 * question before a shortcut or a link leaves it half-filled.
 */
export function useCallForm<V extends FieldValues, K extends CallName>(options: {
  call: K;
  defaultValues: DefaultValues<V>;
  toInput: (values: V) => CallInput<K>;
  /** Saves; resolves `false` when it did not save after all (nothing unsaved is forgotten then). */
  onSubmit: (input: CallInput<K>, values: V) => Promise<unknown>;
  onCancel?: (() => void) | undefined;
  fieldOf?: FieldOf<V>;
  /** After a refusal of the form's own check (e.g. to focus a control react-hook-form does not know). */
  onInvalid?: (errors: FieldErrors<V>) => void;
  /** Ask before leaving a changed form (default true). */
  guard?: boolean;
  /**
   * The form's own schema when it checks more than the call's input: built on that input schema
   * (`contract[call].input.extend({ repeat }).superRefine(…)`: a repeat field, a rule that depends
   * on another field), it checks `check(values)` (default `toInput(values)`); `toInput` stays what
   * is sent.
   */
  schema?: z.ZodType;
  check?: (values: V) => unknown;
  /**
   * An inline form that takes the next entry at once: the values it starts again from after a save
   * (what stays, e.g. the date and the account, and what is cleared). Without it the typed values
   * stay, now taken as saved.
   */
  afterSave?: (saved: V) => DefaultValues<V>;
}): CallForm<V> {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // The schema, toInput and fieldOf of the latest render, read when the form is checked.
  const resolver = useCallback<Resolver<V>>((values, context, opts) => {
    const o = latest.current;
    return callResolver<V>(o.schema ?? contract[o.call].input, o.check ?? o.toInput, o.fieldOf ?? defaultFieldOf(o.defaultValues))(values, context, opts);
  }, []);
  const form = useForm<V>({ defaultValues: options.defaultValues, resolver, mode: 'onSubmit', reValidateMode: 'onBlur' });
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const leaving = useRef(false);
  const { setError, handleSubmit } = form;
  useUnsavedGuard((options.guard ?? true) && form.formState.isDirty, leaving);
  const { t } = useTranslation();

  const submit = useCallback(
    () =>
      handleSubmit(async (values) => {
        const { toInput, onSubmit } = latest.current;
        const place = latest.current.fieldOf ?? defaultFieldOf(latest.current.defaultValues);
        setFailure(null);
        setSaving(true);
        // A save that moves on (to the saved record) leaves without the question.
        leaving.current = true;
        try {
          const saved = await onSubmit(toInput(values), values);
          // Saved and still here (an inline form): nothing is unsaved any more. Not saved (`false`,
          // e.g. duplicates to look at first): the question is back.
          if (saved !== false) {
            const next = latest.current.afterSave?.(values);
            if (next === undefined) form.reset(values, { keepValues: true });
            else form.reset(next);
          }
          window.setTimeout(() => {
            leaving.current = false;
          }, 0);
        } catch (e) {
          leaving.current = false;
          const fields = e instanceof ApiError ? (e.body.fields ?? []) : [];
          let placed = 0;
          for (const issue of fields) {
            const name = place(issue.path, values);
            if (name === null) continue;
            placed += 1;
            setError(name, { type: 'server', message: messageOf(issue.message) }, { shouldFocus: placed === 1 });
          }
          if (placed === 0 || placed < fields.length) setFailure(e);
        } finally {
          setSaving(false);
        }
      }, (errors) => latest.current.onInvalid?.(errors))(),
    [handleSubmit, setError, form],
  );

  const onCancel = options.onCancel;
  const cancel = onCancel
    ? () => {
        leaving.current = true;
        onCancel();
      }
    : undefined;

  const error = (name: Path<V>) => {
    const found = leaves(form.formState.errors).find((e) => e.path === name);
    return found?.message;
  };
  const missingOr = (name: Path<V>) => {
    const message = error(name);
    const value: unknown = form.getValues(name);
    return message !== undefined && (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) ? 'validation.required' : message;
  };
  const rootError = (form.formState.errors as Record<string, { call?: { message?: string } } | undefined>).root?.call?.message;

  return {
    form,
    submit,
    cancel,
    error,
    missingOr,
    notice: failure ? (
      <ErrorNotice error={failure} />
    ) : rootError ? (
      <div role="alert" className="notice notice-error">
        {fieldText(t, rootError)}
      </div>
    ) : null,
    saving,
    allowLeave: () => {
      leaving.current = true;
    },
  };
}
