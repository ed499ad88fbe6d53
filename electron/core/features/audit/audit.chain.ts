/**
 * The audit log's hash chain. Every entry stores the hash of the one before it (`prev_hash`, a
 * string of 64 zeros for the first) and `hash = SHA-256(prev_hash + canonical JSON of the entry)`.
 * Changing, removing or inserting a row in the middle breaks the chain at that row; `verifyAudit`
 * finds it. (Removing the newest rows leaves a valid shorter chain: copy the last hash off the PC,
 * e.g. into a backup, to detect that.)
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditVerifyResult } from '../../../../shared/domain/audit';
import type { Executor } from '../../db/schema';
import type { AuditLogTable } from './audit.table';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

type Hashed = Omit<AuditLogTable, 'hash' | 'prev_hash'>;

export function entryHash(prevHash: string, row: Hashed): string {
  const body = canonicalJson({
    id: row.id,
    at: row.at,
    user_id: row.user_id,
    role: row.role,
    action: row.action,
    call: row.call,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    resident_id: row.resident_id,
    outcome: row.outcome,
    details: row.details,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Checks rows one by one, oldest first; `broken` is set at the first row that does not fit. */
function chainChecker() {
  let prev = GENESIS_HASH;
  let count = 0;
  let broken: AuditVerifyResult['firstBroken'] = null;
  return {
    /** False once the chain is broken (stop reading). */
    add(row: AuditLogTable): boolean {
      if (row.prev_hash !== prev) broken = { id: row.id, reason: 'link' };
      else if (entryHash(row.prev_hash, row) !== row.hash) broken = { id: row.id, reason: 'hash' };
      if (broken) return false;
      prev = row.hash;
      count += 1;
      return true;
    },
    result: (): AuditVerifyResult => ({ ok: broken === null, count, firstBroken: broken }),
  };
}

/** Recomputes the whole chain, oldest first, in pages; stops at the first broken entry. */
export async function verifyChain(db: Executor): Promise<AuditVerifyResult> {
  const check = chainChecker();
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(2000).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (!check.add(row)) return check.result();
      after = row.id;
    }
  }
  return check.result();
}

/** The same check on a raw (e.g. read-only) connection, for `npm run hearth -- audit verify`. */
export function verifyChainSqlite(sqlite: Database.Database): AuditVerifyResult {
  const check = chainChecker();
  for (const row of sqlite.prepare('select * from audit_log order by id').iterate() as Iterable<AuditLogTable>) {
    if (!check.add(row)) break;
  }
  return check.result();
}
