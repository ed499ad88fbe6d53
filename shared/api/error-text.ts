/**
 * An error of the contract, or a field's validation message, as a sentence in the user's language.
 * The one place where a code and its details become text: the renderer (ErrorNotice, the forms'
 * fields) and the command line both call it with their own translation function.
 *
 * The sentences are in the common namespace: `errors.<code>` says what happened in general;
 * `errorDetail.…` says it with the error's details (the role refused, the time a lock-out ends, the
 * two statuses of a refused change…) and is used only when the details it needs are all there.
 * A screen may have its own wording of a code (`<ns>:errors.<code>`), preferred when it exists.
 */
import { dateToShow } from '../domain/dates';
import { isErrorCode, type ApiErrorBody, type ErrorDetails, type FieldIssue } from './errors';

/** The part of i18next's `t` and `exists` used here (plain functions, so any host can pass them). */
export interface Translate {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
  /** BCP 47 locale of the user's language (LOCALE_OF): dates in the sentences are formatted in it. */
  locale: string;
}

export interface ErrorTextOptions {
  /** A namespace whose `errors.<code>` words the error for its screen (e.g. 'cashbook'). */
  ns?: string;
}

/** The body of a failed call, from an error the caller caught (an ApiError carries it as `body`). */
export function errorBody(error: unknown): ApiErrorBody | null {
  const body = (error as { body?: unknown } | null)?.body;
  if (typeof body === 'object' && body !== null && isErrorCode((body as { code?: unknown }).code)) return body as ApiErrorBody;
  return null;
}

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The label of a value from a list of labels, or the value itself when the list does not have it. */
function label(tr: Translate, key: string, value: string): string {
  return tr.exists(key) ? tr.t(key) : value;
}

function dateTime(tr: Translate, iso: string): string {
  const d = dateToShow(iso);
  // The 24-hour clock in every language: a 12-hour time ends in "p.m." (μ.μ.), and the sentence in a full stop.
  return d === null ? iso : new Intl.DateTimeFormat(tr.locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/**
 * The detailed sentence of an error (its key and parameters), or null when the code has none or
 * its details are not all there.
 */
export function detailedError(tr: Translate, code: ApiErrorBody['code'], d: ErrorDetails): { key: string; params: Record<string, string | number> } | null {
  switch (code) {
    case 'forbidden':
      return str(d.role) && str(d.call) ? { key: 'common:errorDetail.forbidden', params: { role: label(tr, `users:roles.${d.role}`, d.role), call: d.call } } : null;
    case 'lockedOut':
      return str(d.until) ? { key: 'common:errorDetail.lockedOut', params: { until: dateTime(tr, d.until) } } : null;
    case 'signInFailed':
      return num(d.attemptsLeft) ? { key: 'common:errorDetail.signInFailed', params: { count: d.attemptsLeft } } : null;
    case 'invalidTransition': {
      if (str(d.requestStatus)) return { key: 'common:errorDetail.requestClosed', params: { status: label(tr, `common:status.${d.requestStatus}`, d.requestStatus) } };
      if (!str(d.from) || !str(d.to)) return null;
      const labels = d.of === 'task' ? 'tasks:status' : d.of === 'request' ? 'common:status' : null;
      if (labels === null) return null;
      return { key: 'common:errorDetail.invalidTransition', params: { from: label(tr, `${labels}.${d.from}`, d.from), to: label(tr, `${labels}.${d.to}`, d.to) } };
    }
    case 'currencyMismatch':
      return str(d.from) && str(d.to) ? { key: 'common:errorDetail.currencyMismatch', params: { from: d.from, to: d.to } } : null;
    case 'noTillAccount':
      return (d.payment === 'cash' || d.payment === 'card') && str(d.currency) ? { key: `common:errorDetail.noTillAccount.${d.payment}`, params: { currency: d.currency } } : null;
    case 'correctAtSource':
      return str(d.source) && tr.exists(`cashbook:sources.${d.source}`) ? { key: 'common:errorDetail.correctAtSource', params: { source: tr.t(`cashbook:sources.${d.source}`) } } : null;
    case 'openActions':
      return num(d.count) ? { key: 'common:errorDetail.openActions', params: { count: d.count } } : null;
    case 'overCapacity':
      return num(d.count) && num(d.capacity) ? { key: 'common:errorDetail.overCapacity', params: { count: d.count, capacity: d.capacity } } : null;
    case 'overPlaces':
      return num(d.count) && num(d.places) ? { key: 'common:errorDetail.overPlaces', params: { count: d.count, places: d.places } } : null;
    case 'stockShort':
      return num(d.count) && str(d.item) ? { key: 'common:errorDetail.stockShort', params: { count: d.count, item: d.item } } : null;
    default:
      return null;
  }
}

/**
 * Any error as one translated sentence: a contract error by its code and details (a screen's own
 * wording first when `ns` has one), anything else (a crash, a lost connection) as the general
 * "something went wrong". Never the English message, never a key.
 */
export function errorText(tr: Translate, error: unknown, options: ErrorTextOptions = {}): string {
  const body = errorBody(error);
  if (body === null) return tr.t('common:errors.internal');
  if (options.ns && tr.exists(`${options.ns}:errors.${body.code}`)) return tr.t(`${options.ns}:errors.${body.code}`);
  const detailed = detailedError(tr, body.code, body.details ?? {});
  if (detailed && tr.exists(detailed.key, detailed.params)) return tr.t(detailed.key, detailed.params);
  return tr.t(`common:errors.${body.code}`);
}

/**
 * A field's message: a key of the common namespace ('validation.required', as the contract's
 * schemas and FieldIssue carry it) or a full key ('tasks:validation.hours'). A key with no
 * translation (a script's own message, a typo) shows as the general "not valid", never as a key.
 */
export function fieldText(tr: Translate, issue: string | Pick<FieldIssue, 'message'>, values?: Record<string, unknown>): string {
  const message = typeof issue === 'string' ? issue : issue.message;
  const key = message.includes(':') ? message : `common:${message}`;
  return tr.exists(key) ? tr.t(key, values) : tr.t('common:validation.invalid');
}
