import { Field } from './Field';

/** A labelled select over a fixed list of values (countries, currencies, languages, modes). */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  hint?: string;
  className?: string;
  /** Mark each option with its own language (language pickers). */
  optionLang?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint} className={props.className}>
      {(p) => (
        <select {...p} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
          {props.options.map((o) => (
            <option key={o} value={o} lang={props.optionLang ? o : undefined}>
              {props.optionLabel(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
