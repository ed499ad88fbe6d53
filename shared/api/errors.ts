/**
 * Error codes of the contract. The UI and the command line translate each code, with its `details`
 * as the sentence's parameters (shared/api/error-text.ts: common:errors.<code>, or
 * common:errorDetail.<…> when the parameters are there). The `message` beside the code is an
 * English sentence for logs and scripts, never shown to a person.
 */
export const ERROR_CODES = [
  'validation',
  'notFound',
  'forbidden',
  'unauthorised',
  'unavailable',
  'unknownCall',
  'badRequest',
  'invalidTransition',
  'kindInUse',
  'builtInKind',
  'alreadySetUp',
  'setupRequired',
  'conflict',
  'storageFull',
  'wrongPassphrase',
  'passphraseRequired',
  'backupDamaged',
  'recoveryMode',
  'locked',
  'signInFailed',
  'lockedOut',
  'pinNotAllowed',
  'lastAdmin',
  'noPrice',
  'noTillAccount',
  'alreadyReversed',
  'reversalOfReversal',
  'currencyMismatch',
  'alreadySettled',
  'correctAtSource',
  'inUse',
  'householdClosed',
  'openActions',
  'overCapacity',
  'overPlaces',
  'stockShort',
  'alreadyTakenIn',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One invalid field: its path ("phones.1") and an i18n key of the message ("validation.phone"),
 * which the UI translates (fieldText in shared/api/error-text.ts). Each key is a whole sentence,
 * with no parameters: no form needs one yet (a limit such as a maximum length would be the first).
 */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The details of an error are the parameters of its translated sentence, and facts a script may use
 * (ids, counts). Plain strings and numbers only: a value goes into a sentence as it is (or through
 * a label or a date format), never an object, an array or null (leave a value that is not known out).
 */
export type ErrorParam = string | number;
export type ErrorDetails = Readonly<Record<string, ErrorParam>>;

/**
 * The details each code's sentence needs, by code. Every error of such a code carries them:
 * AppError's constructor requires them (a code not listed may carry any details, or none).
 * - forbidden: the caller's role (users:roles.<role>) and the call refused;
 * - lockedOut: when sign-in opens again (an ISO timestamp, shown in the user's locale);
 * - signInFailed: the attempts left before the lock-out, when the count is known;
 * - invalidTransition: a status change refused (`of` a task or a request, statuses `from` and
 *   `to`), or a task refused because its request is closed (`requestStatus`);
 * - currencyMismatch: the two currencies that differ (ISO codes): the account chosen (or the one
 *   money leaves) `from`, the one needed (or the one money goes to) `to`;
 * - noTillAccount: how the sale was paid (cash needs a cash box, card a bank account) and the currency;
 * - correctAtSource: the screen where the entry is made (cashbook:sources.<source>);
 * - openActions: how many actions of a case are still open (closing it needs a confirmation).
 * - overCapacity: how many are registered for an event already and its capacity (registering one
 *   more needs a confirmation).
 * - overPlaces: how many people the shelter would have and its places (checking in needs a confirmation).
 * - stockShort: an aid item whose stock would go below zero (`item`, its name and size) and how
 *   many are left (`count`, 0 or more); giving anyway needs a confirmation.
 */
export interface ErrorParams {
  forbidden: { role: string; call: string };
  lockedOut: { until: string };
  signInFailed: { attemptsLeft?: number };
  invalidTransition: { of: 'task' | 'request'; from: string; to: string } | { requestStatus: string };
  currencyMismatch: { from: string; to: string };
  noTillAccount: { payment: 'cash' | 'card'; currency: string };
  correctAtSource: { source: string };
  openActions: { count: number };
  overCapacity: { count: number; capacity: number };
  overPlaces: { count: number; places: number };
  stockShort: { count: number; item: string };
}

/** True when every parameter of the code is optional (its details may be left out). */
type AllOptional<T> = Partial<T> extends T ? true : false;
/** What AppError takes beside the code and message: the details are required when the code's are. */
type ErrorExtra<C extends ErrorCode> = { fields?: FieldIssue[] } & (C extends keyof ErrorParams
  ? AllOptional<ErrorParams[C]> extends true
    ? { details?: ErrorParams[C] & ErrorDetails }
    : { details: ErrorParams[C] & ErrorDetails }
  : { details?: ErrorDetails });
type ErrorExtraArgs<C extends ErrorCode> = C extends keyof ErrorParams
  ? AllOptional<ErrorParams[C]> extends true
    ? [extra?: ErrorExtra<C>]
    : [extra: ErrorExtra<C>]
  : [extra?: ErrorExtra<C>];

export interface ApiErrorBody {
  code: ErrorCode;
  /** English, for logs and scripts; a person sees the translation of `code` and `details`. */
  message: string;
  fields?: FieldIssue[];
  details?: ErrorDetails;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly fields: FieldIssue[] | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(code: C, message: string, ...[extra]: ErrorExtraArgs<C>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra?.fields;
    this.details = extra?.details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.details) body.details = this.details;
    return body;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
