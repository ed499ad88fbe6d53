/**
 * How a call of the contract is declared: its input schema, its output type (phantom), which roles
 * may use it, which data areas it changes, and a one-line summary. Feature call lists in calls/
 * use these helpers; contract.ts gathers them.
 */
import type { z } from 'zod';
import type { Role } from './roles';

/** Data areas a write invalidates; the UI refreshes queries of these areas on a `changed` event. */
export type Topic =
  | 'app'
  | 'residents'
  | 'requests'
  | 'catalogue'
  | 'backups'
  | 'volunteers'
  | 'tasks'
  | 'money'
  | 'till'
  | 'users'
  | 'audit'
  | 'privacy';

export interface CallDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  roles: readonly Role[];
  /** Calls that change data; the acting user is recorded. */
  changes: readonly Topic[];
  summary: string;
  /**
   * Usable before sign-in and while the session is locked (app.status, sign-in, unlock, first-run
   * set-up). Every other call needs a signed-in, unlocked session (or a trusted in-process caller).
   */
  public: boolean;
}

export function call<I extends z.ZodType, O>(def: {
  input: I;
  output: O;
  roles: readonly Role[];
  changes?: readonly Topic[];
  summary: string;
  public?: boolean;
}): CallDef<I, O> {
  return { ...def, changes: def.changes ?? [], public: def.public ?? false };
}

/** Declares a call's output type; carries no runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

