import type { Ref } from 'react';

/**
 * The one date, month and time controls of the renderer (issue 16). Screens use these, never a
 * native `<input type="date|month|time">`, so that a date reads as people write it in the user's
 * language (dd.mm.yyyy in ru/uk/pl, d/m/yyyy in el) and times in 24-hour form.
 *
 * The value is always the contract's own text: 'YYYY-MM-DD', 'YYYY-MM' or 'HH:MM', or '' while the
 * field is empty or not a whole date yet. The control props come from `<Field>`'s render prop.
 */
export interface DateLikeProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
}

function NativeInput(props: DateLikeProps & { type: 'date' | 'month' | 'time' }) {
  const { inputRef, onChange, type, ...rest } = props;
  return <input {...rest} ref={inputRef} type={type} onChange={(e) => onChange(e.target.value)} />;
}

/** A calendar date, 'YYYY-MM-DD'. */
export function DateInput(props: DateLikeProps) {
  return <NativeInput {...props} type="date" />;
}

/** A month, 'YYYY-MM'. */
export function MonthInput(props: DateLikeProps) {
  return <NativeInput {...props} type="month" />;
}

/** A time of day in 24-hour form, 'HH:MM'. */
export function TimeInput(props: DateLikeProps) {
  return <NativeInput {...props} type="time" />;
}
