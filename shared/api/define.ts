/**
 * How a call of the contract is declared: its input schema, its output schema (every field with
 * its field group, see fields.ts), which roles may use it, which data areas it changes or reads,
 * how it is audited and where it runs, and a one-line summary. Feature call lists in calls/ use
 * these helpers; contract.ts gathers them.
 */
import { z } from 'zod';
import type { Role } from './roles';

/** Data areas a write invalidates; the UI refreshes queries of these areas on a `changed` event. */
export type Topic =
  | 'app'
  | 'residents'
  | 'households'
  | 'assessments'
  | 'cases'
  | 'projects'
  | 'events'
  | 'shelter'
  | 'aid'
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

/** Every topic: what an answer made of all the data (the audit log, a full export) reads. */
export const EVERY_TOPIC = Object.keys({
  app: true,
  residents: true,
  households: true,
  assessments: true,
  cases: true,
  projects: true,
  events: true,
  shelter: true,
  aid: true,
  requests: true,
  catalogue: true,
  backups: true,
  volunteers: true,
  tasks: true,
  money: true,
  till: true,
  users: true,
  audit: true,
  privacy: true,
} satisfies Record<Topic, true>) as readonly Topic[];

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

export interface CallDef<I extends z.ZodType, O extends z.ZodType, R extends Role = Role> {
  input: I;
  /** The answer, every field marked with its field group (fields.ts). */
  output: O;
  roles: readonly Role[];
  /** Phantom: the roles as a union type, for the output type each role's screens receive. */
  readonly roleType?: R;
  /** Calls that change data; the acting user is recorded. */
  changes: readonly Topic[];
  /**
   * What a read's answer is made of: the UI asks again when a change announces one of these
   * topics. A change refreshes what it changes.
   */
  reads: readonly Topic[];
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

export function call<I extends z.ZodType, O extends z.ZodType, R extends Role>(def: {
  input: I;
  output: O;
  roles: readonly R[];
  changes?: readonly Topic[];
  reads?: readonly Topic[];
  summary: string;
  public?: boolean;
  /** Default: 'change' for a call that changes data, else 'none'. */
  audit?: Exclude<AuditAs, 'change'>;
  /** Only 'none', with the reason beside it; the default follows from `changes` and `audit`. */
  transaction?: 'none';
  entity?: EntityRead;
}): CallDef<I, O, R> {
  const changes = def.changes ?? [];
  const audit: AuditAs = def.audit ?? (changes.length > 0 ? 'change' : 'none');
  const transaction: TransactionMode = def.transaction ?? (changes.length > 0 || audit !== 'none' ? 'call' : 'read');
  return { ...def, changes, reads: def.reads ?? changes, public: def.public ?? false, audit, transaction, entity: def.entity ?? null };
}
