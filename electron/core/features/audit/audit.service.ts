/**
 * Writing and reading the audit log. `appendAudit` is the one function that writes it (dispatch
 * after every audited call; the sign-in feature for sign-in events): it links the entry to the
 * chain inside a transaction so that two writers never fork it.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AuditEntry, AuditFacets, AuditField, AuditPage, AuditSearch } from '../../../../shared/domain/audit';
import type { DB, Db, Executor } from '../../db/schema';
import { cappedTotal, LIST_COUNT_CAP } from '../../../../shared/domain/paging';
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

type AuditEb = ExpressionBuilder<DB & { a: DB['audit_log'] }, 'a'>;

/**
 * The calls a search asks for: one, or every call under a prefix ending in a dot ("residents."),
 * found in the (call, at) index one distinct call at a time.
 */
async function callsOf(db: Executor, call: string | undefined): Promise<string[] | null> {
  if (!call) return null;
  if (!call.endsWith('.')) return [call];
  return (await distinctCalls(db)).filter((c) => c.startsWith(call));
}

/**
 * The conditions of one call's query (`call` null: any call). The search is read newest first
 * (`at`, then the id) from one index that ends in `at` (and the rowid): the entity's, else user and
 * call, else the call, else the user, else `at` itself; a column other than that index's is
 * compared as `+column`, which SQLite will not search an index for. A resident's entries are
 * those about them and their record (two indexes, OR'ed), few enough to sort.
 */
function auditConditions(eb: AuditEb, q: AuditSearch, call: string | null) {
  const entity = Boolean(q.entityType && q.entityId);
  const viaIndex = (column: 'user_id' | 'call', used: boolean) => (used ? sql.ref(`a.${column}`) : sql`+a.${sql.raw(column)}`);
  const userLeads = !entity && q.residentId === undefined;
  const callLeads = !entity && q.residentId === undefined;
  const all: Array<Expression<SqlBool>> = [];
  if (q.userId !== undefined) all.push(eb(viaIndex('user_id', userLeads), '=', q.userId));
  if (call !== null) all.push(eb(viaIndex('call', callLeads), '=', call));
  if (q.action) all.push(eb(sql`+a.action`, '=', q.action));
  if (q.entityType) all.push(eb('a.entity_type', '=', q.entityType));
  if (q.entityId) all.push(eb(q.entityType ? sql.ref('a.entity_id') : sql`+a.entity_id`, '=', q.entityId));
  if (q.residentId !== undefined) {
    const rid = q.residentId;
    all.push(eb.or([eb('a.resident_id', '=', rid), eb.and([eb('a.entity_type', '=', 'residents'), eb('a.entity_id', '=', String(rid))])]));
  }
  // Dates are the UTC day of the ISO timestamp; `to` includes its whole day.
  if (q.from) all.push(eb('a.at', '>=', q.from));
  if (q.to) all.push(eb('a.at', '<', dayAfter(q.to)));
  return eb.and(all);
}

/**
 * A page of the audit log, newest first, with how many entries match and the next page's cursor.
 * Several calls (a prefix) are one ordered query each, merged by SQLite (UNION ALL with ORDER BY).
 */
export async function searchAudit(db: Executor, q: AuditSearch): Promise<AuditPage> {
  const calls = await callsOf(db, q.call);
  if (calls !== null && calls.length === 0) return { items: [], total: 0, totalCapped: false, nextCursor: null };
  const arms = calls ?? [null];
  const cursor = q.cursor;
  const arm = (call: string | null) => {
    let one = db.selectFrom('audit_log as a').select(['a.id', 'a.at']).where((eb) => auditConditions(eb, q, call));
    if (cursor !== undefined) one = one.where(sql<boolean>`(a.at, a.id) < (${cursor.at}, ${cursor.id})`);
    return one;
  };
  const [first, ...rest] = arms.map(arm);
  let ids = first as ReturnType<typeof arm>;
  for (const other of rest) ids = ids.unionAll(other);
  // The page's ids from the indexes, then their rows.
  const page = await ids.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(q.limit + 1).execute();
  const more = page.length > q.limit;
  const shownIds = (more ? page.slice(0, q.limit) : page).map((r) => r.id);
  const rows =
    shownIds.length === 0
      ? []
      : await db
          .selectFrom('audit_log as a')
          .leftJoin('users as u', 'u.id', 'a.user_id')
          .select(['a.id', 'a.at', 'a.user_id', 'u.name as user_name', 'a.role', 'a.action', 'a.call', 'a.entity_type', 'a.entity_id', 'a.resident_id', 'a.outcome', 'a.details', 'a.hash'])
          .where('a.id', 'in', shownIds)
          .execute();
  const order = new Map(shownIds.map((id, i) => [id, i]));
  rows.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
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
  const last = items[items.length - 1];
  const nextCursor = more && last !== undefined ? { at: last.at, id: last.id } : null;
  // An action alone (or with a date range) has no index to count with: the count is the page's.
  const countable = q.userId !== undefined || calls !== null || q.residentId !== undefined || Boolean(q.entityType) || !q.action;
  if (!countable) return { items, total: items.length, totalCapped: more, nextCursor };
  let n = 0;
  for (const call of arms) {
    const matches = db
      .selectFrom('audit_log as a')
      .select(sql<number>`1`.as('one'))
      .where((eb) => auditConditions(eb, q, call))
      .limit(LIST_COUNT_CAP + 1 - n);
    n += Number((await db.selectFrom(matches.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (n > LIST_COUNT_CAP) break;
  }
  return { items, ...cappedTotal(n), nextCursor };
}

/**
 * The call names in the log, in order: one seek per name in the (call, at) index (a recursive
 * query that jumps from a name to the next), not a DISTINCT over every entry.
 */
async function distinctCalls(db: Executor): Promise<string[]> {
  const rows = await sql<{ call: string }>`
    with recursive c(call) as (
      select min(call) from audit_log
      union all
      select (select min(a.call) from audit_log a where a.call > c.call) from c where c.call is not null
    )
    select call from c where call is not null`.execute(db);
  return rows.rows.map((r) => r.call);
}

export async function auditFacets(db: Executor): Promise<AuditFacets> {
  const users = await db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute();
  return { users, calls: await distinctCalls(db) };
}
