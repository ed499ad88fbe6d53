import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
import {
  ATTENDANCE_STATUSES,
  BANDS,
  EVENT_KINDS,
  dateFlagOf,
  type AttendanceStatus,
  type Attendee,
  type Event,
  type EventData,
  type EventFigures,
  type EventKind,
  type EventPage,
  type EventSummary,
  type HeadCounts,
  type Organiser,
  type ResidentEvent,
} from '../../../../shared/domain/events';
import type { EventRow } from './events.table';

/** Who changed a row and when. */
export interface Stamp {
  at: string;
  by: number;
}

const kindOf = (v: string): EventKind => ((EVENT_KINDS as readonly string[]).includes(v) ? (v as EventKind) : 'awarenessEvent');
export const statusOf = (v: string): AttendanceStatus => ((ATTENDANCE_STATUSES as readonly string[]).includes(v) ? (v as AttendanceStatus) : 'registered');
const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

export async function eventRow(ex: Executor, id: number): Promise<EventRow | undefined> {
  return ex.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

const EMPTY_FIGURES: EventFigures = { registered: 0, attended: 0, noShow: 0, counted: 0, reached: 0 };

type Counts = { figures: EventFigures; headCounts: HeadCounts };

/**
 * Named attendance by status and the head counts of a page of events: two statements whatever the
 * page's size (by event_attendance_event and event_head_counts' key), never two per event.
 */
async function countsOfMany(ex: Executor, eventIds: readonly number[]): Promise<Map<number, Counts>> {
  const out = new Map<number, Counts>();
  if (eventIds.length === 0) return out;
  const ids = [...eventIds];
  const byStatus = await ex
    .selectFrom('event_attendance')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', ids)
    .groupBy(['event_id', 'status'])
    .execute();
  // The page's ids as a table that drives the lookups by key (with an IN list of 200 the planner,
  // on the app's bounded statistics, would rather read the small table whole).
  const bands = (
    await sql<{ event_id: number; band: string; count: number }>`select h.event_id, h.band, h.count from json_each(${JSON.stringify(ids)}) as j join event_head_counts as h on h.event_id = j.value`.execute(ex)
  ).rows;
  for (const id of ids) {
    const headCounts = Object.fromEntries(BANDS.map((b) => [b, Number(bands.find((r) => r.event_id === id && r.band === b)?.count ?? 0)])) as HeadCounts;
    const n = (s: AttendanceStatus) => Number(byStatus.find((r) => r.event_id === id && r.status === s)?.n ?? 0);
    const counted = BANDS.reduce((sum, b) => sum + headCounts[b], 0);
    const attended = n('attended');
    out.set(id, { figures: { registered: n('registered') + attended + n('noShow'), attended, noShow: n('noShow'), counted, reached: attended + counted }, headCounts });
  }
  return out;
}

/** Named attendance by status and the head counts of one event. */
async function countsOf(ex: Executor, eventId: number): Promise<Counts> {
  const counts = (await countsOfMany(ex, [eventId])).get(eventId);
  if (!counts) throw new Error(`No counts for event ${eventId}`);
  return counts;
}

function summaryOf(e: EventRow, today: string, figures: EventFigures): EventSummary {
  return {
    id: e.id,
    title: e.title,
    kind: kindOf(e.kind),
    startsOn: e.starts_on,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    settlement: e.settlement,
    address: e.address,
    capacity: e.capacity,
    partners: e.partners,
    outreachNote: e.outreach_note,
    projectId: e.project_id,
    dateFlag: dateFlagOf(e.starts_on, today),
    figures,
  };
}

export interface ListFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: EventKind | undefined;
  cursor?: { startsOn: string; id: number } | undefined;
  limit: number;
}

/** A page of events, the latest first (events_day, or events_kind_day with a kind). */
export async function listEvents(ex: Executor, f: ListFilter, today: string): Promise<EventPage> {
  let q = ex.selectFrom('events').selectAll();
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.from !== undefined) q = q.where('starts_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('starts_on', '<=', f.to);
  const c = f.cursor;
  if (c !== undefined) q = q.where(sql<boolean>`(starts_on, id) < (${c.startsOn}, ${c.id})`);
  const rows = await q
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const counts = await countsOfMany(
    ex,
    page.map((e) => e.id),
  );
  const events = page.map((e) => summaryOf(e, today, counts.get(e.id)?.figures ?? EMPTY_FIGURES));
  const last = page[page.length - 1];
  return { events, next: rows.length > f.limit && last ? { startsOn: last.starts_on, id: last.id } : null };
}

export async function findEvent(ex: Executor, id: number, today: string): Promise<Event | undefined> {
  const e = await eventRow(ex, id);
  if (!e) return undefined;
  const { figures, headCounts } = await countsOf(ex, id);
  const rows = await ex
    .selectFrom('event_attendance as a')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .select(['a.id', 'a.resident_id', 'a.status', 'a.at_door', 'a.note', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.birth_year'])
    .where('a.event_id', '=', id)
    .orderBy('a.id')
    .execute();
  const attendees = rows.map(
    (r): Attendee => ({
      id: r.id,
      residentId: r.resident_id,
      fullName: r.resident_id !== null && r.last_name !== null ? fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' }) : null,
      birthYear: r.resident_id !== null ? (r.birth_year ?? null) : null,
      status: statusOf(r.status),
      atDoor: r.at_door === 1,
      note: r.note,
    }),
  );
  const orgRows = await ex
    .selectFrom('event_organisers as o')
    .leftJoin('users as u', 'u.id', 'o.user_id')
    .leftJoin('volunteers as v', 'v.id', 'o.volunteer_id')
    .select(['o.id', 'o.user_id', 'o.volunteer_id', 'o.role', 'o.minutes', 'u.name as user_name', 'v.last_name', 'v.first_name', 'v.patronymic'])
    .where('o.event_id', '=', id)
    .orderBy('o.id')
    .execute();
  const organisers = orgRows.map(
    (o): Organiser => ({
      id: o.id,
      userId: o.user_id,
      volunteerId: o.volunteer_id,
      name: o.user_id !== null ? (o.user_name ?? '') : fullName({ lastName: o.last_name ?? '', firstName: o.first_name ?? '', patronymic: o.patronymic ?? '' }),
      role: o.role,
      hours: hours(o.minutes),
    }),
  );
  const project = e.project_id === null ? undefined : await ex.selectFrom('projects').select('name').where('id', '=', e.project_id).executeTakeFirst();
  return {
    ...summaryOf(e, today, figures),
    projectName: project?.name ?? null,
    attendees,
    headCounts,
    organisers,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

/** A resident's events, the latest first (event_attendance_resident). */
export async function eventsOf(ex: Executor, residentId: number): Promise<ResidentEvent[]> {
  const rows = await ex
    .selectFrom('event_attendance as a')
    .innerJoin('events as e', 'e.id', 'a.event_id')
    .select(['a.id', 'a.event_id', 'a.status', 'a.at_door', 'e.title', 'e.kind', 'e.starts_on', 'e.starts_at'])
    .where('a.resident_id', '=', residentId)
    .orderBy('e.starts_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    attendanceId: r.id,
    title: r.title,
    kind: kindOf(r.kind),
    startsOn: r.starts_on,
    startsAt: r.starts_at,
    status: statusOf(r.status),
    atDoor: r.at_door === 1,
  }));
}

export function eventValues(d: EventData) {
  return {
    title: d.title,
    kind: d.kind,
    starts_on: d.startsOn,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    settlement: d.settlement,
    address: d.address,
    capacity: d.capacity,
    partners: d.partners,
    outreach_note: d.outreachNote,
    project_id: d.projectId,
  };
}

export async function touchEvent(ex: Executor, id: number, s: Stamp): Promise<void> {
  await ex.updateTable('events').set({ updated_at: s.at, updated_by: s.by }).where('id', '=', id).execute();
}
