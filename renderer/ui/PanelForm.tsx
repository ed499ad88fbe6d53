import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { KeyForm } from './KeyForm';
import type { CallForm } from './useCallForm';

/**
 * A small form that opens in place under a record's buttons (a household's "Add a member", a
 * case's "Log a contact"…) on `useCallForm`: a card with its heading, the fields (children), the
 * refusal that names no field, then Save (or the action's own word) and Cancel, with the one
 * Ctrl/Cmd+Enter and Escape of `<KeyForm>`.
 * `busy`: the save button waits (a call running, something to choose first); Ctrl+Enter still
 * checks the form, so that a missing choice gets its message. `ready={false}`: nothing to save yet
 * (no row added): the button waits and Ctrl+Enter does nothing.
 */
export function PanelForm<V extends FieldValues>(props: {
  title: string;
  f: CallForm<V>;
  /** The save button's words. */
  label: string;
  /** The panel's own class beside `card` (its layout). */
  className: string;
  danger?: boolean | undefined;
  busy?: boolean | undefined;
  ready?: boolean | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { f } = props;
  const ready = props.ready ?? true;
  return (
    <KeyForm className={`card ${props.className}`} onSubmit={ready ? f.submit : () => undefined} onCancel={f.cancel} aria-labelledby={titleId}>
      <h3 id={titleId}>{props.title}</h3>
      {props.children}
      {f.notice}
      <div className="actions">
        <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={f.saving || props.busy === true || !ready}>
          {props.label}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}

/**
 * The setter of a field whose control react-hook-form does not register (a date, a select of ids,
 * a picker): `set('on')` gives the control's onChange, which changes the field (the form is
 * changed) and takes its message away.
 */
export function setterOf<V extends FieldValues>(form: UseFormReturn<V>) {
  return <N extends Path<V>>(name: N) =>
    (value: PathValue<V, N>) => {
      form.setValue(name, value, { shouldDirty: true });
      form.clearErrors(name);
    };
}

/**
 * A panel's save for `useCallForm`'s options (spread them in): the call, then the panel closes;
 * Cancel and Escape close it too.
 */
export function thenClose<I>(save: (input: I) => Promise<unknown>, onDone: () => void) {
  return {
    onCancel: onDone,
    onSubmit: async (input: I) => {
      await save(input);
      onDone();
    },
  };
}
