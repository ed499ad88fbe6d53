/**
 * The one Unicode folding function. Every search key stored in the database and every search
 * query typed by a user goes through `fold`, so that what is typed and what is stored meet.
 *
 * - lower-cases in every script (SQLite's lower()/LIKE/NOCASE only know ASCII);
 * - strips accents from Latin and Greek letters (é→e, ά→α, ϊ→ι), but keeps Cyrillic letters whole,
 *   because й, ї are letters in their own right (ї is not і in Ukrainian);
 * - maps letters that have no decomposition: ł→l, ø→o, đ→d, ß→ss, final ς→σ, and Russian ё→е
 *   (people write Пётр and Петр for the same name);
 * - drops apostrophes inside words (Мар'яна, Mar’yana, O'Neill) so that they do not split a name.
 */
const SPECIAL: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ß: 'ss', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ς: 'σ', ё: 'е',
};
const SPECIAL_RE = /[łøđßıæœþħςё]/g;
const LATIN_GREEK_MARKS = /([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;

export function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(LATIN_GREEK_MARKS, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(APOSTROPHES, '');
}

/** Folded words of a text: letters and digits, split on everything else. */
export function foldedWords(input: string): string[] {
  return fold(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The exclusive upper bound of all strings starting with `prefix` in binary (code point) order:
 * `prefix <= s < prefixUpperBound(prefix)` is an index-friendly "starts with".
 */
export function prefixUpperBound(prefix: string): string {
  const chars = Array.from(prefix);
  const last = chars.pop();
  if (last === undefined) return '\u{10FFFF}';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

/** Order-insensitive key of a person's name, used for the duplicate check. */
export function nameKey(...parts: string[]): string {
  return foldedWords(parts.join(' ')).sort().join(' ');
}
