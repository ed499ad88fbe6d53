/**
 * Error codes of the contract. The UI translates each code (common:errors.<code>); the message
 * beside it is for logs and scripts, never shown to a user as is.
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
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field: its path ("phones.1") and an i18n key of the message ("validation.phone"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, extra?: { fields?: FieldIssue[]; details?: Record<string, unknown> }) {
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
