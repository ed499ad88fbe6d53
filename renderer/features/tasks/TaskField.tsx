import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText } from '../../ui/ErrorNotice';
import { RequiredMark, type FieldControlProps } from '../../ui/Field';

/**
 * Field (renderer/ui/Field) for the tasks screens, whose messages come from two namespaces: the
 * error is a full key ('common:validation.required', 'tasks:validation.hours').
 */
export function TaskField(props: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  required?: boolean;
  children: (controlProps: FieldControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const labelId = `${id}-label`;
  const describedBy = [props.error ? errorId : null, props.hint && !props.error ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${props.className ?? ''} ${props.error ? 'field-invalid' : ''}`}>
      {props.required ? (
        // The mark beside the label, not in it: the label (the control's name) stays the words alone.
        <div className="field-label-row">
          <label id={labelId} htmlFor={id}>
            {props.label}
          </label>
          <RequiredMark />
        </div>
      ) : (
        <label id={labelId} htmlFor={id}>
          {props.label}
        </label>
      )}
      {props.children({
        id,
        'aria-invalid': Boolean(props.error),
        'aria-describedby': describedBy,
        'aria-labelledby': labelId,
        ...(props.required ? { 'aria-required': true } : {}),
      })}
      {props.hint && !props.error ? (
        <div id={hintId} className="field-hint">
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div id={errorId} className="field-error" role="alert">
          {fieldText(t, props.error)}
        </div>
      ) : null}
    </div>
  );
}

/** A contract validation message ('validation.required') as a full key of the common namespace. */
export function commonKey(message: string | undefined): string {
  return message?.startsWith('validation.') ? `common:${message}` : 'common:validation.invalid';
}
