import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
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
  limit: number;
  offset: number;
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

export async function listRequests(ex: Executor, f: RequestFilter): Promise<{ items: RequestSummary[]; total: number }> {
  let q = baseQuery(ex);
  if (f.statuses.length > 0) q = q.where('requests.status', 'in', f.statuses);
  if (f.kindId !== undefined) q = q.where('requests.kind_id', '=', f.kindId);
  if (f.settlement !== undefined && f.settlement !== '') q = q.where('residents.settlement', '=', f.settlement);
  if (f.from !== undefined) q = q.where('requests.created_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('requests.created_on', '<=', f.to);
  if (f.createdOn !== undefined) q = q.where('requests.created_on', '=', f.createdOn);
  if (f.residentId !== undefined) q = q.where('requests.resident_id', '=', f.residentId);
  const [rows, total] = await Promise.all([
    q.select(SUMMARY).orderBy('requests.created_at', 'desc').orderBy('requests.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(total.n) };
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

export async function countRequests(ex: Executor): Promise<{ all: number; open: number }> {
  const row = await ex
    .selectFrom('requests')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.sum<number>(eb.case().when('status', 'in', ['new', 'planned', 'inProgress']).then(1).else(0).end()).as('open'),
    ])
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), open: Number(row.open ?? 0) };
}
