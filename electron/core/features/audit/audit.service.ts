/**
 * Writing and reading the audit log. `appendAudit` is the one function that writes it (dispatch
 * after every audited call; the sign-in feature for sign-in events): it links the entry to the
 * chain inside a transaction so that two writers never fork it.
 */
import { sql } from 'kysely';
import type { AuditEntry, AuditFacets, AuditField, AuditPage, AuditSearch } from '../../../../shared/domain/audit';
import type { Db, Executor } from '../../db/schema';
import { entryHash, GENESIS_HASH } from './audit.chain';
import type { AuditLogTable } from './audit.table';

export interface AuditInput {
  at: Date | string;
  userId: number | null;
  role: string | null;
  /** change | view | export | denied | signIn | signInFailed | signOut | lock | unlock */
  action: string;
  /** The call name, or an event name such as `auth.signIn`. */
  call: string;
  entityType?: string | null;
  entityId?: string | number | null;
  residentId?: number | null;
  /** ok | denied | failed */
  outcome?: string;
  /** Changed fields: names, and old → new only where the policy allows (see audit.diff.ts). */
  fields?: AuditField[] | null;
}

/** The row of an entry at position `id`, without its chain fields: what the chain hashes and the log stores. */
export function auditRow(id: number, entry: AuditInput): Omit<AuditLogTable, 'prev_hash' | 'hash'> {
  return {
    id,
    at: typeof entry.at === 'string' ? entry.at : entry.at.toISOString(),
    user_id: entry.userId,
    role: entry.role,
    action: entry.action,
    call: entry.call,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    resident_id: entry.residentId ?? null,
    outcome: entry.outcome ?? 'ok',
    details: entry.fields && entry.fields.length > 0 ? JSON.stringify({ fields: entry.fields }) : null,
  };
}

async function appendIn(trx: Executor, entry: AuditInput): Promise<number> {
  const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row = auditRow((last?.id ?? 0) + 1, entry);
  const prev = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prev, hash: entryHash(prev, row) })
    .execute();
  return row.id;
}

/**
 * Appends one entry. Pass the transaction of the change when there is one (the entry then commits
 * or rolls back with it); with the database itself a short transaction of its own is opened.
 */
export async function appendAudit(db: Executor, entry: AuditInput): Promise<number> {
  if (db.isTransaction) return appendIn(db, entry);
  return (db as Db).transaction().execute((trx) => appendIn(trx, entry));
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function searchAudit(db: Executor, q: AuditSearch): Promise<AuditPage> {
  let base = db.selectFrom('audit_log as a');
  if (q.userId !== undefined) base = base.where('a.user_id', '=', q.userId);
  if (q.call) base = q.call.endsWith('.') ? base.where('a.call', 'like', `${q.call.replace(/[%_]/g, '')}%`) : base.where('a.call', '=', q.call);
  if (q.action) base = base.where('a.action', '=', q.action);
  if (q.entityType) base = base.where('a.entity_type', '=', q.entityType);
  if (q.entityId) base = base.where('a.entity_id', '=', q.entityId);
  if (q.residentId !== undefined) {
    const rid = q.residentId;
    base = base.where((eb) =>
      eb.or([eb('a.resident_id', '=', rid), eb.and([eb('a.entity_type', '=', 'residents'), eb('a.entity_id', '=', String(rid))])]),
    );
  }
  // Dates are the UTC day of the ISO timestamp; `to` includes its whole day.
  if (q.from) base = base.where('a.at', '>=', q.from);
  if (q.to) base = base.where('a.at', '<', dayAfter(q.to));
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.at',
      'a.user_id',
      'u.name as user_name',
      'a.role',
      'a.action',
      'a.call',
      'a.entity_type',
      'a.entity_id',
      'a.resident_id',
      'a.outcome',
      'a.details',
      'a.hash',
    ])
    .orderBy('a.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name ?? null,
    role: r.role,
    action: r.action,
    call: r.call,
    entityType: r.entity_type,
    entityId: r.entity_id,
    residentId: r.resident_id,
    outcome: r.outcome,
    fields: r.details ? ((JSON.parse(r.details) as { fields?: AuditField[] }).fields ?? null) : null,
    hash: r.hash,
  }));
  return { items, total: Number(total.n) };
}

export async function auditFacets(db: Executor): Promise<AuditFacets> {
  const users = await db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute();
  const calls = await db.selectFrom('audit_log').select('call').distinct().orderBy('call').execute();
  return { users, calls: calls.map((c) => c.call) };
}
