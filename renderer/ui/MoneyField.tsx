import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmountForInput, parseAmount } from '../../shared/domain/amounts';
import { Field } from './Field';
import './money-field.css';

/**
 * A labelled money input controlled by integer minor units. People type the amount the way they
 * write it ("1 234,50", "1234.5", "1.234,50 ₽"); it is read on blur and on Enter with
 * `parseAmount` of the UI language, then echoed back formatted ("1 234,50"). A wrong amount shows
 * the translated reason and sets the value to null; an empty field is null too (the form decides
 * whether it is required and passes its own `error`).
 */
export function MoneyField(props: {
  label: string;
  currency: string;
  value: number | null;
  onChange: (minor: number | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  autoFocus?: boolean;
  allowZero?: boolean;
  allowNegative?: boolean;
  className?: string;
  name?: string;
  /** Marks the field required (the form's own check refuses it empty). */
  required?: boolean;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [text, setText] = useState(() => (props.value === null ? '' : formatAmountForInput(props.value, language, props.currency)));
  const [ownError, setOwnError] = useState<string | null>(null);
  const emitted = useRef<number | null>(props.value);

  // A value set from outside (a reset, a loaded record, another language) replaces the text.
  useEffect(() => {
    if (props.value !== emitted.current) {
      emitted.current = props.value;
      setText(props.value === null ? '' : formatAmountForInput(props.value, language, props.currency));
      setOwnError(null);
    }
  }, [props.value, props.currency, language]);
  useEffect(() => {
    if (emitted.current !== null) setText(formatAmountForInput(emitted.current, language, props.currency));
  }, [language, props.currency]);

  const emit = (minor: number | null) => {
    emitted.current = minor;
    if (minor !== props.value) props.onChange(minor);
  };

  /** Reads the text; returns false when it is not a usable amount. */
  const commit = (): boolean => {
    if (text.trim() === '') {
      setOwnError(null);
      emit(null);
      return true;
    }
    const parsed = parseAmount(text, language, props.currency, { allowNegative: props.allowNegative ?? false });
    if (!parsed.ok) {
      setOwnError(parsed.error);
      emit(null);
      return false;
    }
    if (parsed.minor === 0 && !props.allowZero) {
      setOwnError('validation.amountPositive');
      emit(null);
      return false;
    }
    setOwnError(null);
    setText(formatAmountForInput(parsed.minor, language, props.currency));
    emit(parsed.minor);
    return true;
  };

  const error = ownError ?? props.error;
  return (
    <Field label={props.label} error={error} hint={props.hint} className={`money-field ${props.className ?? ''}`} required={props.required}>
      {(control) => (
        <span className="money-input">
          <input
            {...control}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            name={props.name}
            autoFocus={props.autoFocus}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (ownError) setOwnError(null);
            }}
            onBlur={() => {
              commit();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !commit()) e.preventDefault();
            }}
          />
          <span className="money-currency" aria-hidden="true">
            {props.currency}
          </span>
        </span>
      )}
    </Field>
  );
}
