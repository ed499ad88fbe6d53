/**
 * The audit log's hash chain. Every entry stores the hash of the one before it (`prev_hash`, a
 * string of 64 zeros for the first) and `hash = SHA-256(prev_hash + canonical JSON of the entry)`.
 * Changing, removing or inserting a row in the middle breaks the chain at that row; `verifyChain`
 * finds it.
 *
 * The chain has no key: whoever can write the file can drop the triggers, delete the newest rows
 * (that leaves a valid shorter chain) or rewrite rows and recompute every hash after them. So each
 * verified backup records the chain's head (entry count and newest hash) in its header and in the
 * data folder's backup log, and the check compares the log with that anchor: the anchored entry
 * must still be there, at the same position, with the same hash. That finds a cut or a rewrite
 * since the newest backup, not one made before it, and the backup log sits in the same folder as
 * the database; only a backup kept away from the PC (checked with `audit verify --backup FILE`)
 * is out of a local tamperer's reach.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { AuditAnchorCheck, AuditVerifyResult } from '../../../../shared/domain/audit';
import type { Executor } from '../../db/schema';
import type { AuditLogTable } from './audit.table';

export const GENESIS_HASH = '0'.repeat(64);

/** A backup's record of the chain's head: `count` entries, the last with `hash`, at `backupAt`. */
export interface AuditAnchor {
  count: number;
  hash: string;
  backupAt: string;
}

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
    result: () => ({ ok: broken === null, count, firstBroken: broken }),
  };
}

/**
 * The log against an anchor: `total` entries now, and the hash of the entry at position
 * `anchor.count` (oldest first), if there is one.
 */
function compareAnchor(anchor: AuditAnchor, total: number, hashThere: string | undefined): AuditAnchorCheck {
  const reason = total < anchor.count || hashThere === undefined ? 'shorter' : hashThere !== anchor.hash ? 'changed' : null;
  return { count: anchor.count, hash: anchor.hash, backupAt: anchor.backupAt, ok: reason === null, reason };
}

function combine(chain: Omit<AuditVerifyResult, 'anchor'>, anchor: AuditAnchorCheck | null): AuditVerifyResult {
  return { ...chain, ok: chain.ok && (anchor?.ok ?? true), anchor };
}

/**
 * Recomputes the whole chain, oldest first, in pages; stops at the first broken entry. With an
 * anchor (the newest backup's, see the top of this file) also checks that the log still reaches it.
 */
export async function verifyChain(db: Executor, anchor: AuditAnchor | null = null): Promise<AuditVerifyResult> {
  const check = chainChecker();
  let after = -1;
  reading: for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(2000).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (!check.add(row)) break reading;
      after = row.id;
    }
  }
  if (anchor === null) return combine(check.result(), null);
  const total = await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const there = await db.selectFrom('audit_log').select('hash').orderBy('id').limit(1).offset(anchor.count - 1).executeTakeFirst();
  return combine(check.result(), compareAnchor(anchor, Number(total.n), there?.hash));
}

/** The same check on a raw (e.g. read-only) connection, for `npm run hearth -- audit verify`. */
export function verifyChainSqlite(sqlite: Database.Database, anchor: AuditAnchor | null = null): AuditVerifyResult {
  const check = chainChecker();
  for (const row of sqlite.prepare('select * from audit_log order by id').iterate() as Iterable<AuditLogTable>) {
    if (!check.add(row)) break;
  }
  if (anchor === null) return combine(check.result(), null);
  const total = Number(sqlite.prepare('select count(*) from audit_log').pluck().get());
  const there = sqlite.prepare('select hash from audit_log order by id limit 1 offset ?').pluck().get(anchor.count - 1) as string | undefined;
  return combine(check.result(), compareAnchor(anchor, total, there));
}

/**
 * The chain's head in a database (a backup's snapshot): the number of entries and the newest
 * one's hash; null when it has no audit log or an empty one.
 */
export function chainHeadSqlite(sqlite: Database.Database): { count: number; hash: string } | null {
  const hasLog = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get() !== undefined;
  if (!hasLog) return null;
  const count = Number(sqlite.prepare('select count(*) from audit_log').pluck().get());
  const hash = sqlite.prepare('select hash from audit_log order by id desc limit 1').pluck().get() as string | undefined;
  return count > 0 && hash !== undefined ? { count, hash } : null;
}
