import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB, Executor } from '../../db/schema';
import { cappedTotal, LIST_COUNT_CAP, type DayCursor } from '../../../../shared/domain/paging';
import { fullName } from '../../../../shared/domain/residents';
import { OPEN_STATUSES } from '../../../../shared/domain/requests';
import type {
  Channel,
  RequestDetail,
  RequestHistoryEntry,
  RequestStatus,
  RequestSummary,
  Urgency,
} from '../../../../shared/domain/requests';

export interface RequestFilter {
  statuses: RequestStatus[];
  kindId?: number | undefined;
  settlement?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  residentId?: number | undefined;
  createdOn?: string | undefined;
  /** The page after this request: the previous page's last row. */
  cursor?: DayCursor | undefined;
  limit: number;
}

/** Requests joined with their resident and kind (the shape every request list reads). */
export function baseQuery(ex: Executor) {
  return ex
    .selectFrom('requests')
    .innerJoin('residents', 'residents.id', 'requests.resident_id')
    .innerJoin('service_kinds', 'service_kinds.id', 'requests.kind_id');
}

/** The columns of a RequestSummary; map rows with toSummary. */
export const SUMMARY = [
  'requests.id',
  'requests.resident_id',
  'residents.last_name',
  'residents.first_name',
  'residents.patronymic',
  'residents.settlement',
  'requests.kind_id',
  'service_kinds.code as kind_code',
  'service_kinds.name as kind_name',
  'requests.urgency',
  'requests.channel',
  'requests.description',
  'requests.status',
  'requests.created_at',
  'requests.created_on',
] as const;

type SummaryRow = {
  id: number;
  resident_id: number;
  last_name: string;
  first_name: string;
  patronymic: string;
  settlement: string;
  kind_id: number;
  kind_code: string | null;
  kind_name: string | null;
  urgency: string;
  channel: string;
  description: string;
  status: string;
  created_at: string;
  created_on: string;
};

export function toSummary(r: SummaryRow): RequestSummary {
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
    settlement: r.settlement,
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    urgency: r.urgency as Urgency,
    channel: r.channel as Channel,
    description: r.description,
    status: r.status as RequestStatus,
    createdAt: r.created_at,
    createdOn: r.created_on,
  };
}

const hasSettlement = (f: RequestFilter): f is RequestFilter & { settlement: string } => f.settlement !== undefined && f.settlement !== '';

/** Settlements with more residents than this are read in the list's order and filtered (see listRequests). */
const BIG_SETTLEMENT = 1000;

/**
 * Which equality leads the search of one status's query (an index on it, then created_on, then the
 * id): the resident's few requests; else an open status (a centre's open requests are a small
 * working set); else the kind; else a closed status (they pile up over the years); else none (the
 * day index). Left to itself, SQLite guesses from statistics that tie (every status and kind
 * "2,001 rows") or starts from the 19 kinds and sorts everything.
 */
type Driver = 'resident' | 'status' | 'kind' | 'day';
function driverOf(f: RequestFilter, status: RequestStatus | null): Driver {
  if (f.residentId !== undefined) return 'resident';
  if (status !== null && OPEN_STATUSES.includes(status)) return 'status';
  if (f.kindId !== undefined) return 'kind';
  return status !== null ? 'status' : 'day';
}

/**
 * The conditions of one status's query. A column other than the driver's is compared as
 * `+column`, which SQLite will not search an index for. The settlement is looked up on the joined
 * resident ('join': the residents come first), or per request by its resident's id ('lookup': the
 * requests come first; a condition on the joined `residents` made SQLite build a Bloom filter of
 * the whole register before reading the first request).
 */
function conditions(eb: ExpressionBuilder<DB, 'requests' | 'residents'>, f: RequestFilter, status: RequestStatus | null, settlement: 'join' | 'lookup') {
  const driver = driverOf(f, status);
  const col = (name: 'status' | 'kind_id' | 'resident_id', own: Driver) => (driver === own ? sql.ref(`requests.${name}`) : sql`+requests.${sql.raw(name)}`);
  const all: Array<Expression<SqlBool>> = [];
  if (status !== null) all.push(eb(col('status', 'status'), '=', status));
  if (f.kindId !== undefined) all.push(eb(col('kind_id', 'kind'), '=', f.kindId));
  if (f.residentId !== undefined) all.push(eb(col('resident_id', 'resident'), '=', f.residentId));
  if (hasSettlement(f)) {
    all.push(
      settlement === 'join'
        ? eb('residents.settlement', '=', f.settlement)
        : eb(eb.selectFrom('residents as r').select('r.settlement').whereRef('r.id', '=', 'requests.resident_id'), '=', f.settlement),
    );
  }
  if (f.from !== undefined) all.push(eb('requests.created_on', '>=', f.from));
  if (f.to !== undefined) all.push(eb('requests.created_on', '<=', f.to));
  if (f.createdOn !== undefined) all.push(eb('requests.created_on', '=', f.createdOn));
  return eb.and(all);
}

/** The statuses to query one by one: none (every status) or each asked for once. */
function statusArms(statuses: readonly RequestStatus[]): Array<RequestStatus | null> {
  return statuses.length === 0 ? [null] : [...new Set(statuses)];
}

/**
 * The list's tables in the order SQLite must join them (CROSS JOIN keeps the order): the requests
 * first, searched in the list's order; or, for a small settlement, its residents first and their
 * few requests sorted. Every request has its resident and kind (foreign keys), so no row is lost.
 */
function listFrom(ex: Executor, residentsFirst: boolean) {
  const joined = residentsFirst ? ex.selectFrom('residents').crossJoin('requests') : ex.selectFrom('requests').crossJoin('residents');
  return joined
    .crossJoin('service_kinds')
    .whereRef('residents.id', '=', 'requests.resident_id')
    .whereRef('service_kinds.id', '=', 'requests.kind_id');
}

/**
 * A page of requests, newest first: by the day logged (`created_on`), then the id, the order of the
 * indexes on (created_on), (status, created_on), (kind_id, created_on) and (resident_id,
 * created_on) (an index ends in the rowid). Requests get their day and their id as they are
 * logged, so this is the order they were logged in. Several statuses are one ordered query each,
 * merged by SQLite (UNION ALL with ORDER BY merges; an IN over the statuses would sort every match).
 * A settlement is a condition on the resident: a big one (more than BIG_SETTLEMENT residents) is
 * read in the list's order, skipping other settlements' requests; a small one through its residents.
 */
export async function listRequests(
  ex: Executor,
  f: RequestFilter,
  opts: { count?: boolean } = {},
): Promise<{ items: RequestSummary[]; total: number; totalCapped: boolean; nextCursor: DayCursor | null }> {
  const cursor = f.cursor;
  const residentsFirst = hasSettlement(f) && f.residentId === undefined && (await residentsIn(ex, f.settlement, BIG_SETTLEMENT + 1)) <= BIG_SETTLEMENT;
  const arm = (status: RequestStatus | null) => {
    let q = listFrom(ex, residentsFirst)
      .select(SUMMARY)
        .where((eb) => conditions(eb, f, status, residentsFirst ? 'join' : 'lookup'));
    if (cursor !== undefined) q = q.where(sql<boolean>`(requests.created_on, requests.id) < (${cursor.on}, ${cursor.id})`);
    return q;
  };
  const [first, ...rest] = statusArms(f.statuses).map(arm);
  let page = first as ReturnType<typeof arm>;
  for (const other of rest) page = page.unionAll(other);
  const rows = await page
    .orderBy('requests.created_on', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const more = rows.length > f.limit;
  const shown = more ? rows.slice(0, f.limit) : rows;
  const last = shown[shown.length - 1];
  const nextCursor = more && last !== undefined ? { on: last.created_on, id: last.id } : null;
  if (opts.count === false) return { items: shown.map(toSummary), total: shown.length, totalCapped: more, nextCursor };
  return { items: shown.map(toSummary), ...(await countUpTo(ex, f)), nextCursor };
}

/** How many residents live in the settlement, counted up to `cap`. */
async function residentsIn(ex: Executor, settlement: string, cap: number): Promise<number> {
  const some = ex.selectFrom('residents').select(sql<number>`1`.as('one')).where('settlement', '=', settlement).limit(cap);
  const row = await ex.selectFrom(some.as('s')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many requests match the filters (not the cursor), counted up to LIST_COUNT_CAP, with the
 * page's indexes; on the requests alone unless the settlement needs the resident, and then from
 * the settlement's residents (their requests' ids and days are in the resident index).
 */
/** Up to this many requests of a status or kind are counted by looking up each one's settlement (about 10 ms). */
const FEW_TO_LOOK_UP = 20_000;

/** The requests matching `f` apart from its settlement, counted up to `cap` from the driver's index. */
async function countWithoutSettlement(ex: Executor, f: RequestFilter, status: RequestStatus | null, cap: number): Promise<number> {
  const own = { ...f, settlement: undefined };
  const capped = ex
    .selectFrom('requests')
    .where((eb) => conditions(eb as ExpressionBuilder<DB, 'requests' | 'residents'>, own, status, 'lookup'))
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  return Number((await ex.selectFrom(capped.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * How many requests match, up to LIST_COUNT_CAP, one status at a time. With a settlement, from its
 * residents (each one's few requests), unless the status or kind holds few requests in all (the
 * open ones: a few hundred in a city), which are then read with each one's settlement looked up:
 * counting a big town's eleven new requests through its 20,000 residents took 240 ms.
 */
async function countUpTo(ex: Executor, f: RequestFilter): Promise<{ total: number; totalCapped: boolean }> {
  let n = 0;
  for (const status of statusArms(f.statuses)) {
    const lookUp =
      !hasSettlement(f) ||
      ((status !== null || f.kindId !== undefined) && f.residentId === undefined && (await countWithoutSettlement(ex, f, status, FEW_TO_LOOK_UP)) <= FEW_TO_LOOK_UP);
    const matches = lookUp
      ? ex.selectFrom('requests').where((eb) => conditions(eb as ExpressionBuilder<DB, 'requests' | 'residents'>, f, status, 'lookup'))
      : ex
          .selectFrom('residents')
          .crossJoin('requests')
          .whereRef('residents.id', '=', 'requests.resident_id')
          .where((eb) => conditions(eb, f, status, 'join'));
    const capped = matches.select(sql<number>`1`.as('one')).limit(LIST_COUNT_CAP + 1 - n);
    const row = await ex.selectFrom(capped.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    n += Number(row.n);
    if (n > LIST_COUNT_CAP) break;
  }
  return cappedTotal(n);
}

/** Today's queue: everything logged today, plus open urgent requests from earlier days. */
export async function todaysQueue(ex: Executor, today: string): Promise<RequestSummary[]> {
  const rows = await baseQuery(ex)
    .select(SUMMARY)
    .where((eb) =>
      eb.or([
        eb('requests.created_on', '=', today),
        eb.and([eb('requests.urgency', '=', 'urgent'), eb('requests.status', 'in', ['new', 'planned', 'inProgress'])]),
      ]),
    )
    .orderBy('requests.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toSummary);
}

export async function findRequest(ex: Executor, id: number): Promise<RequestDetail | undefined> {
  const row = await baseQuery(ex)
    .innerJoin('users', 'users.id', 'requests.created_by')
    .select([...SUMMARY, 'users.name as created_by_name'])
    .where('requests.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const history = await ex
    .selectFrom('request_status_history')
    .innerJoin('users', 'users.id', 'request_status_history.changed_by')
    .select([
      'request_status_history.id',
      'request_status_history.from_status',
      'request_status_history.to_status',
      'request_status_history.note',
      'request_status_history.changed_at',
      'users.name',
    ])
    .where('request_id', '=', id)
    .orderBy('request_status_history.id')
    .execute();
  return {
    ...toSummary(row),
    createdBy: row.created_by_name,
    history: history.map(
      (h): RequestHistoryEntry => ({
        id: h.id,
        fromStatus: h.from_status as RequestStatus | null,
        toStatus: h.to_status as RequestStatus,
        note: h.note,
        changedAt: h.changed_at,
        changedBy: h.name,
      }),
    ),
  };
}

export async function insertRequest(
  ex: Executor,
  r: { residentId: number; kindId: number; urgency: Urgency; channel: Channel; description: string },
  actorId: number,
  at: string,
  on: string,
): Promise<number> {
  const row = await ex
    .insertInto('requests')
    .values({
      resident_id: r.residentId,
      kind_id: r.kindId,
      urgency: r.urgency,
      channel: r.channel,
      description: r.description,
      status: 'new',
      created_at: at,
      created_on: on,
      created_by: actorId,
      updated_at: at,
      updated_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertHistory(ex, { requestId: row.id, from: null, to: 'new', note: '' }, actorId, at);
  return row.id;
}

export async function insertHistory(
  ex: Executor,
  h: { requestId: number; from: RequestStatus | null; to: RequestStatus; note: string },
  actorId: number,
  at: string,
): Promise<void> {
  await ex
    .insertInto('request_status_history')
    .values({ request_id: h.requestId, from_status: h.from, to_status: h.to, note: h.note, changed_at: at, changed_by: actorId })
    .execute();
}

export async function statusOf(ex: Executor, id: number): Promise<RequestStatus | undefined> {
  const row = await ex.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status as RequestStatus | undefined;
}

/** Every request, and the open ones (two index-only counts; a CASE over every row read the table). */
export async function countRequests(ex: Executor): Promise<{ all: number; open: number }> {
  const all = await ex.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const open = await ex
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirstOrThrow();
  return { all: Number(all.n), open: Number(open.n) };
}
