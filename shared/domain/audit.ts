/** The audit log as the UI sees it: entries, search filters and the chain's status. */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './dates';
import { audit, out, pub } from '../api/fields';
import { cappedTotalShape } from './paging';

/** Kinds of audit entries: dispatch writes change, view, export and denied; the users and privacy features the rest. */
export const AUDIT_ACTIONS = ['change', 'view', 'export', 'denied', 'signIn', 'signInFailed', 'signOut', 'lock', 'unlock', 'erase', 'withdraw', 'retention'] as const;

// Outputs: every field with its field group (shared/api/fields.ts). The calls are the admin's
// only; the chain's own fields (an entry's hash, where the chain breaks, the backups' anchor) are
// the audit group.

const text = z.string();
const num = z.number();
/** A value the log keeps for a changed field: codes, amounts, flags, dates (never words). */
const kept = z.union([z.string(), z.number(), z.boolean()]).nullable();

/** A changed field: old → new only for values the policy lets the log keep, else just "changed". */
export const auditFieldSchema = out({
  field: pub(text),
  old: pub(kept.optional()),
  new: pub(kept.optional()),
  /** The values are not kept (names, contacts, notes, health, or not comparable). */
  changed: pub(z.literal(true).optional()),
});
export type AuditField = z.output<typeof auditFieldSchema>;

export const auditEntrySchema = out({
  id: pub(num),
  at: pub(text),
  userId: pub(num.nullable()),
  userName: pub(text.nullable()),
  role: pub(text.nullable()),
  action: pub(text),
  call: pub(text),
  entityType: pub(text.nullable()),
  entityId: pub(text.nullable()),
  residentId: pub(num.nullable()),
  outcome: pub(text),
  fields: pub(z.array(auditFieldSchema).nullable()),
  hash: audit(text),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** Where the next page of the audit log starts: after the entry with this time and id (newest first). */
export const auditCursorSchema = out({ at: pub(text), id: pub(num) });
export type AuditCursor = z.output<typeof auditCursorSchema>;

export const auditPageSchema = out({
  items: pub(z.array(auditEntrySchema)),
  /**
   * How many entries match, counted up to 1,000 through an index (`totalCapped`: more match);
   * a search that no index can count (an action alone) counts only the page it read.
   */
  ...cappedTotalShape,
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: pub(auditCursorSchema.nullable()),
});
export type AuditPage = z.output<typeof auditPageSchema>;

/**
 * The newest backup's record of the log's end (its anchor) and whether the log still agrees:
 * entry number `count` must still exist with the same `hash`. `reason` says why not: `shorter`
 * when the log now has fewer entries (the newest were removed), `changed` when entry `count` is
 * another one (the chain was rewritten since that backup).
 */
export const auditAnchorCheckSchema = out({
  count: pub(num),
  hash: audit(text),
  backupAt: pub(text),
  ok: pub(z.boolean()),
  reason: audit(z.enum(['shorter', 'changed']).nullable()),
});
export type AuditAnchorCheck = z.output<typeof auditAnchorCheckSchema>;

export const auditVerifyResultSchema = out({
  /** The chain is unbroken and agrees with the anchor (when there is one). */
  ok: pub(z.boolean()),
  /** Entries that form an unbroken chain (all of them when `firstBroken` is null). */
  count: pub(num),
  firstBroken: audit(out({ id: pub(num), reason: audit(z.enum(['hash', 'link'])) }).nullable()),
  /** null: no backup has recorded the log's end yet. */
  anchor: audit(auditAnchorCheckSchema.nullable()),
});
export type AuditVerifyResult = z.output<typeof auditVerifyResultSchema>;

export const auditFacetsSchema = out({
  users: pub(z.array(out({ id: pub(num), name: pub(text), role: pub(text) }))),
  calls: pub(z.array(text)),
});
export type AuditFacets = z.output<typeof auditFacetsSchema>;

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
  /** The page after this entry (the previous page's `nextCursor`). */
  cursor: z.object({ at: z.string().max(40), id: z.number().int().positive() }).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;
