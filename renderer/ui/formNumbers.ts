/**
 * Numbers typed into a form's text field, turned into a call's input: '' is `empty` (null, or the
 * call's default), a number as people write it is that number, anything else is NaN, which the
 * call's schema refuses with its own message ('validation.number'; a number out of its range gets
 * 'validation.range'). Hours and amounts with their units have their own readers (shared/domain/amounts).
 */
export function wholeNumber<E extends number | null>(text: string, empty: E): number | E {
  const s = text.trim();
  if (s === '') return empty;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** A decimal number, with a point or a comma ("2", "1,5", "0.25"). */
export function decimalNumber<E extends number | null>(text: string, empty: E): number | E {
  const s = text.trim();
  if (s === '') return empty;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN;
}

/**
 * A whole number with its sign, as a change is typed: "+3", "-5" and "−5" (the typographic minus
 * U+2212, as labels print it, or an en dash from a word processor); otherwise as `wholeNumber`.
 */
export function signedWholeNumber<E extends number | null>(text: string, empty: E): number | E {
  return wholeNumber(
    text
      .trim()
      .replace(/^[\u2212\u2013]/, '-')
      .replace(/^\+(?=\d)/, ''),
    empty,
  );
}
