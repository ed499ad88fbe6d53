import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText } from './ErrorNotice';

/** A labelled form control with its translated validation message beside it. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (controlProps: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-labelledby': string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // Named by aria-labelledby too: the date and time fields are groups of parts, which htmlFor cannot name.
  const labelId = `${id}-label`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${props.className ?? ''} ${props.error ? 'field-invalid' : ''}`}>
      <label id={labelId} htmlFor={id}>
        {props.label}
      </label>
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': describedBy, 'aria-labelledby': labelId })}
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
