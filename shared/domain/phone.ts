/**
 * Phone numbers as people write them: "+7 (912) 345-67-89", "8 912 345 67 89", "067 123 45 67",
 * "+48 601 234 567", "210 123 4567". We keep what was typed and store the national significant
 * number (digits without country code or trunk prefix) for matching.
 */
const COUNTRY_CODES: ReadonlyArray<{ code: string; nationalLength: number }> = [
  { code: '380', nationalLength: 9 }, // Ukraine
  { code: '48', nationalLength: 9 }, // Poland
  { code: '30', nationalLength: 10 }, // Greece
  { code: '7', nationalLength: 10 }, // Russia
];

export const PHONE_ALLOWED = /^\+?[\d\s\-().]+$/;
export const PHONE_MIN_DIGITS = 5;
export const PHONE_MAX_DIGITS = 15;

export function phoneDigits(raw: string): string {
  return raw.replace(/\D/g, '');
}

export function isValidPhone(raw: string): boolean {
  const trimmed = raw.trim();
  if (!PHONE_ALLOWED.test(trimmed)) return false;
  if (trimmed.indexOf('+') > 0) return false;
  const digits = phoneDigits(trimmed);
  return digits.length >= PHONE_MIN_DIGITS && digits.length <= PHONE_MAX_DIGITS;
}

/** The national significant number of a complete phone number, or its digits when unknown. */
export function nationalNumber(raw: string): string {
  const trimmed = raw.trim();
  let digits = phoneDigits(trimmed);
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  for (const { code, nationalLength } of COUNTRY_CODES) {
    if (digits.length === code.length + nationalLength && digits.startsWith(code)) {
      if (international || code.length > 1 || digits.length === 11) return digits.slice(code.length);
    }
  }
  if (international) return digits;
  // Trunk prefixes: Russian 8 before ten digits, Ukrainian 0 before nine.
  if (digits.length === 11 && digits.startsWith('8')) return digits.slice(1);
  if (digits.length === 10 && digits.startsWith('0')) return digits.slice(1);
  return digits;
}

/**
 * Search keys for a stored phone: every suffix of the national number down to 3 digits, so that an
 * indexed prefix match on these keys finds any run of digits ("345 67", "4567", "912 345").
 */
export function phoneSearchKeys(raw: string): string[] {
  const national = nationalNumber(raw);
  const keys: string[] = [];
  for (let i = 0; i + 3 <= national.length; i++) keys.push(national.slice(i));
  return keys;
}

/** What a typed run of digits may mean: as typed, without a trunk prefix, without a country code. */
export function phoneQueryVariants(typed: string): string[] {
  const digits = phoneDigits(typed);
  const variants = new Set<string>([digits]);
  const national = nationalNumber(typed);
  if (national.length >= 3) variants.add(national);
  if (digits.length >= 4 && (digits.startsWith('0') || digits.startsWith('8'))) variants.add(digits.slice(1));
  if (typed.trim().startsWith('+')) {
    for (const { code } of COUNTRY_CODES) {
      if (digits.startsWith(code) && digits.length > code.length + 2) variants.add(digits.slice(code.length));
    }
  }
  return [...variants].filter((v) => v.length >= 3);
}
