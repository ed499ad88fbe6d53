/**
 * Log redaction: nothing that identifies a resident, volunteer or user reaches a log line.
 *
 *  - structured fields whose key is sensitive (names, phones, addresses, notes, health-related
 *    needs, descriptions, counterparties, secrets…) become "[redacted]", whatever their value;
 *  - free text (messages, error texts, any other string) is scrubbed: e-mail addresses, phone-like
 *    digit runs, quoted values (SQLite echoes values in quotes) and every word written with
 *    non-ASCII letters (our own log messages are English ASCII, so a Cyrillic, Greek or Polish word
 *    in a log line came from someone's data).
 *
 * Used by every logger (logger.ts) before anything is written.
 */

export const REDACTED = '[redacted]';

/** Field names (lower case, without _ and -) whose value is never logged. */
const SENSITIVE_KEYS = new Set([
  'name',
  'names',
  'firstname',
  'lastname',
  'middlename',
  'patronymic',
  'surname',
  'fullname',
  'displayname',
  'username',
  'phone',
  'phones',
  'mobile',
  'tel',
  'telephone',
  'email',
  'emails',
  'address',
  'addresses',
  'street',
  'house',
  'flat',
  'apartment',
  'building',
  'postcode',
  'notes',
  'note',
  'comment',
  'comments',
  'healthneeds',
  'health',
  'needs',
  'description',
  'counterparty',
  'payer',
  'payee',
  'contact',
  'contacts',
  'birthdate',
  'dateofbirth',
  'dob',
  'password',
  'passphrase',
  'pin',
  'token',
  'secret',
  'hash',
  'q',
  'query',
  'search',
]);

/** Suffixes that make any key sensitive: residentName, contactPhone, homeAddress, caseNotes… */
const SENSITIVE_SUFFIXES = ['name', 'phone', 'phones', 'address', 'street', 'notes', 'email', 'password', 'passphrase', 'token', 'description'];

/** Keys that hold an id (kept) or a person's name (redacted): { user: 3 } stays, { user: 'Anna' } does not. */
const PERSON_KEYS = new Set(['user', 'by', 'who', 'resident', 'person', 'volunteer', 'specialist', 'actor', 'subject', 'owner', 'recipient']);

function isPersonKey(key: string): boolean {
  return PERSON_KEYS.has(key.toLowerCase().replace(/[_\-\s]/g, ''));
}

export function isSensitiveKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_\-\s]/g, '');
  return SENSITIVE_KEYS.has(k) || SENSITIVE_SUFFIXES.some((s) => k.endsWith(s));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** A digit run with phone punctuation: +7 (912) 345-67-89, 8 912 345 67 89, +30 694 123 4567, 23-45-67. */
const PHONE_LIKE = /(?<![\p{L}\p{N}_]|\d[-./])\+?\(?\d[\d\s().\-/]*\d(?![\p{L}\p{N}_]|[-./]\d)/gu;
/** Dates and timestamps are not phones: 2026-11-23, 23.11.2026, 23/11/2026, 20261123-201722 (backup names). */
const DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[-T]\d{4,6})$/;
/** 'value' or "value" as SQLite and our own errors quote them. */
const QUOTED = /'[^'\n]{1,200}'|"[^"\n]{1,200}"|«[^»\n]{1,200}»|„[^“”\n]{1,200}[“”]/g;
/** A word with at least one non-ASCII letter (Cyrillic, Greek, Polish diacritics…). */
const NON_ASCII_WORD = /[\p{L}\p{M}'’-]*[^\p{ASCII}\P{L}][\p{L}\p{M}'’-]*/gu;

function phoneReplacement(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  const trimmed = match.trim();
  if (DATE.test(trimmed)) return match;
  const punctuated = /\d[\s().\-/]+\d/.test(trimmed);
  if (digits >= 7 || (digits >= 5 && punctuated)) return '[phone]';
  return match;
}

/** SQLite errors that echo a token of the statement unquoted: no such column: Nowak, near "Kowalski": … */
const SQLITE_ECHO = /\b(no such column|no such table|no such function|near|unrecognized token|ambiguous column name):\s*("[^"]*"|'[^']*'|\S+)/gi;

/** Free text with e-mails, phone numbers, quoted values and non-ASCII words removed. */
export function scrubText(text: string): string {
  return text
    .replace(SQLITE_ECHO, (_m, what: string) => `${what}: ${REDACTED}`)
    .replace(EMAIL, '[email]')
    .replace(QUOTED, (q) => `${q[0]}${REDACTED}${q[q.length - 1]}`)
    .replace(PHONE_LIKE, phoneReplacement)
    .replace(NON_ASCII_WORD, REDACTED);
}

/** A copy of `value` safe to log (see the top of this file). Never throws. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? String(typeof value) : value;
  if (seen.has(value)) return '[circular]';
  if (depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { error: value.name, message: scrubText(value.message), ...(typeof code === 'string' ? { code } : {}) };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const hide = (isSensitiveKey(key) && v !== null && v !== undefined) || (isPersonKey(key) && typeof v === 'string');
    out[key] = hide ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}
