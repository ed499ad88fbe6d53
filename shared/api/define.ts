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

/**
 * How dispatch writes a call to the audit log:
 * - change: one entry per successful call, in the call's transaction, with the changed fields;
 * - view: opening a record (a resident's page) is logged like a change, without fields;
 * - export: data leaving Hearth (a file, a person's export) is logged;
 * - self: the feature writes its own, more precise entries (sign-in events, one entry per erased
 *   person) inside the call's transaction; dispatch writes none;
 * - none: a plain read.
 */
export type AuditAs = 'change' | 'view' | 'export' | 'self' | 'none';

/**
 * Where a call runs:
 * - call: in one write transaction that dispatch opens: the handler's writes and the audit entry
 *   commit together or not at all (every change, view and export);
 * - read: on the database outside any transaction (plain reads);
 * - none: the call manages its own boundaries and says why on its declaration (a backup cannot be
 *   taken inside a transaction; a failed sign-in must still count towards the lock-out).
 */
export type TransactionMode = 'call' | 'read' | 'none';

/**
 * For the changed fields of an update: the read call that shows the entity, and the key of this
 * call's input that holds the entity's id. Dispatch runs that read (inside the transaction) before
 * and after the handler and compares the two answers.
 */
export interface EntityRead {
  read: string;
  key: string;
}

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
  audit: AuditAs;
  transaction: TransactionMode;
  entity: EntityRead | null;
}

export function call<I extends z.ZodType, O>(def: {
  input: I;
  output: O;
  roles: readonly Role[];
  changes?: readonly Topic[];
  summary: string;
  public?: boolean;
  /** Default: 'change' for a call that changes data, else 'none'. */
  audit?: Exclude<AuditAs, 'change'>;
  /** Only 'none', with the reason beside it; the default follows from `changes` and `audit`. */
  transaction?: 'none';
  entity?: EntityRead;
}): CallDef<I, O> {
  const changes = def.changes ?? [];
  const audit: AuditAs = def.audit ?? (changes.length > 0 ? 'change' : 'none');
  const transaction: TransactionMode = def.transaction ?? (changes.length > 0 || audit !== 'none' ? 'call' : 'read');
  return { ...def, changes, public: def.public ?? false, audit, transaction, entity: def.entity ?? null };
}

/** Declares a call's output type; carries no runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

