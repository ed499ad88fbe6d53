/** The audit log as the UI sees it: entries, search filters and the chain's status. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './dates';

/** Kinds of audit entries: dispatch writes change, view, export and denied; the users and privacy features the rest. */
export const AUDIT_ACTIONS = ['change', 'view', 'export', 'denied', 'signIn', 'signInFailed', 'signOut', 'lock', 'unlock', 'erase', 'withdraw', 'retention'] as const;

/** A changed field: old → new only for values the policy lets the log keep, else just "changed". */
export interface AuditField {
  field: string;
  old?: string | number | boolean | null;
  new?: string | number | boolean | null;
  /** The values are not kept (names, contacts, notes, health, or not comparable). */
  changed?: true;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  role: string | null;
  action: string;
  call: string;
  entityType: string | null;
  entityId: string | null;
  residentId: number | null;
  outcome: string;
  fields: AuditField[] | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

/**
 * The newest backup's record of the log's end (its anchor) and whether the log still agrees:
 * entry number `count` must still exist with the same `hash`. `reason` says why not: `shorter`
 * when the log now has fewer entries (the newest were removed), `changed` when entry `count` is
 * another one (the chain was rewritten since that backup).
 */
export interface AuditAnchorCheck {
  count: number;
  hash: string;
  backupAt: string;
  ok: boolean;
  reason: 'shorter' | 'changed' | null;
}

export interface AuditVerifyResult {
  /** The chain is unbroken and agrees with the anchor (when there is one). */
  ok: boolean;
  /** Entries that form an unbroken chain (all of them when `firstBroken` is null). */
  count: number;
  firstBroken: { id: number; reason: 'hash' | 'link' } | null;
  /** null: no backup has recorded the log's end yet. */
  anchor: AuditAnchorCheck | null;
}

export interface AuditFacets {
  users: Array<{ id: number; name: string; role: string }>;
  calls: string[];
}

export const auditSearchSchema = z.object({
  userId: z.number().int().positive().optional(),
  /** An exact call name (residents.get) or a prefix ending in a dot (residents.). */
  call: z.string().trim().max(100, 'validation.tooLong').optional(),
  action: z.string().trim().max(40, 'validation.tooLong').optional(),
  entityType: z.string().trim().max(60, 'validation.tooLong').optional(),
  entityId: z.string().trim().max(200, 'validation.tooLong').optional(),
  /** Entries about this resident: their record, their requests, their tasks. */
  residentId: z.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;
