import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldText } from './ErrorNotice';

/** The props a `<Field>` gives its control: spread them onto the input (or DateInput, select…). */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-labelledby': string;
  'aria-required'?: boolean;
}

/**
 * A labelled form control with its translated validation message beside it. `required`: the label
 * carries a visible mark (explained once per form by <RequiredLegend>) and the control aria-required.
 */
export function Field(props: {
  label: string;
  error?: string | undefined;
  /** Values of the message's sentence (a screen's own message that names its limit: {{max}}). */
  errorValues?: Record<string, unknown> | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  required?: boolean | undefined;
  children: (controlProps: FieldControlProps) => ReactNode;
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
          {fieldText(t, props.error, props.errorValues)}
        </div>
      ) : null}
    </div>
  );
}

/** The visible mark of a required field; the control itself says aria-required. */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required-mark" title={t('common:form.required')} aria-hidden="true">
      *
    </span>
  );
}

/** "* required field", once in a form that marks required fields. */
export function RequiredLegend() {
  const { t } = useTranslation();
  return <p className="required-legend field-hint span-2">{t('common:form.requiredLegend')}</p>;
}
