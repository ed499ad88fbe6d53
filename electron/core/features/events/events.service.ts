/**
 * Events, campaigns and outreach with attendance: the rules the schemas cannot check, each
 * refusal a field issue with a translated key (common:validation.*) or a code with its count, and
 * nothing written before every check has passed:
 * - an event's project exists; an event in the past or more than a year ahead is allowed, and its
 *   answers carry `dateFlag` ('past' | 'farFuture') for the screens to show;
 * - a resident is registered once per event (the unique index event_attendance_once refuses it
 *   too), only a registered resident who has not moved away or died; at the door means attended;
 * - registering one more than the capacity (counting everyone registered or attended, not the
 *   no-shows) is refused with `overCapacity` (the count and the capacity) unless confirmed
 *   (`confirmOverCapacity`), the warn-and-confirm shape of cases.close;
 * - attended and no-show only once the event's day has come (nobody attends a future event);
 * - head counts are whole numbers from 0 (the schema) and replace the previous ones;
 * - an organiser is a staff user or a volunteer (one of them), once per event; a volunteer's
 *   hours are stored as minutes on their row (volunteer time, as tasks store it).
 */
import { AppError } from '../../../../shared/api/errors';
import { BANDS, type AttendanceStatus, type Event, type EventData, type EventPage, type HeadCounts, type ResidentEvent } from '../../../../shared/domain/events';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { EventRow } from './events.table';
import * as repo from './events.repo';
import { FieldIssues } from '../../field-issues';

function notFound(id: number): AppError {
  return new AppError('notFound', `Event ${id} not found`);
}


export function eventsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });

  const event = async (ex: Executor, id: number): Promise<Event> => {
    const found = await repo.findEvent(ex, id, clock.today());
    if (!found) throw notFound(id);
    return found;
  };
  const row = async (ex: Executor, id: number): Promise<EventRow> => {
    const e = await repo.eventRow(ex, id);
    if (!e) throw notFound(id);
    return e;
  };

  const checkEvent = async (ex: Executor, d: EventData, issues: FieldIssues, prefix = ''): Promise<void> => {
    if (d.projectId === null) return;
    const p = await ex.selectFrom('projects').select('id').where('id', '=', d.projectId).executeTakeFirst();
    if (!p) issues.add(`${prefix}projectId`, 'validation.unknownProject');
  };

  return {
    list: (f: repo.ListFilter): Promise<EventPage> => repo.listEvents(db, f, clock.today()),
    get: (id: number) => event(db, id),

    async ofResident(residentId: number): Promise<ResidentEvent[]> {
      const resident = await db.selectFrom('residents').select('id').where('id', '=', residentId).executeTakeFirst();
      if (!resident) throw new AppError('notFound', `Resident ${residentId} not found`);
      return repo.eventsOf(db, residentId);
    },

    async create(d: EventData, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const issues = new FieldIssues('The event change was refused');
        await checkEvent(trx, d, issues);
        issues.throwIfAny();
        const r = await trx
          .insertInto('events')
          .values({ ...repo.eventValues(d), created_at: s.at, created_by: s.by, updated_at: s.at, updated_by: s.by })
          .returning('id')
          .executeTakeFirstOrThrow();
        return event(trx, r.id);
      });
    },

    async update(input: { id: number; data: EventData }, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        await row(trx, input.id);
        const issues = new FieldIssues('The event change was refused');
        await checkEvent(trx, input.data, issues, 'data.');
        issues.throwIfAny();
        await trx
          .updateTable('events')
          .set({ ...repo.eventValues(input.data), updated_at: s.at, updated_by: s.by })
          .where('id', '=', input.id)
          .execute();
        return event(trx, input.id);
      });
    },

    async register(input: { id: number; residentId: number; atDoor: boolean; confirmOverCapacity: boolean; note: string }, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const e = await row(trx, input.id);
        const issues = new FieldIssues('The event change was refused');
        const r = await trx.selectFrom('residents').select(['id', 'left_on', 'erased_at']).where('id', '=', input.residentId).executeTakeFirst();
        if (!r || r.erased_at !== null) issues.add('residentId', 'validation.unknownResident');
        else if (r.left_on !== null) issues.add('residentId', 'validation.residentGoneEvent');
        else {
          const already = await trx.selectFrom('event_attendance').select('id').where('event_id', '=', e.id).where('resident_id', '=', input.residentId).executeTakeFirst();
          if (already) issues.add('residentId', 'validation.alreadyRegistered');
        }
        if (input.atDoor && e.starts_on > clock.today()) issues.add('atDoor', 'validation.eventNotYet');
        issues.throwIfAny();
        if (e.capacity !== null && !input.confirmOverCapacity) {
          const taken = await trx
            .selectFrom('event_attendance')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('event_id', '=', e.id)
            .where('status', 'in', ['registered', 'attended'])
            .executeTakeFirstOrThrow();
          const count = Number(taken.n);
          if (count >= e.capacity) {
            throw new AppError('overCapacity', `Event ${e.id} has ${count} registered of ${e.capacity} places`, { details: { count, capacity: e.capacity } });
          }
        }
        await trx
          .insertInto('event_attendance')
          .values({
            event_id: e.id,
            resident_id: input.residentId,
            status: input.atDoor ? 'attended' : 'registered',
            at_door: input.atDoor ? 1 : 0,
            note: input.note,
            created_at: s.at,
            created_by: s.by,
            updated_at: s.at,
            updated_by: s.by,
          })
          .execute();
        await repo.touchEvent(trx, e.id, s);
        return event(trx, e.id);
      });
    },

    async markAttendance(input: { id: number; attendanceId: number; status: AttendanceStatus }, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const e = await row(trx, input.id);
        const issues = new FieldIssues('The event change was refused');
        const a = await trx.selectFrom('event_attendance').select('id').where('id', '=', input.attendanceId).where('event_id', '=', e.id).executeTakeFirst();
        if (!a) issues.add('attendanceId', 'validation.notAttendee');
        if (input.status !== 'registered' && e.starts_on > clock.today()) issues.add('status', 'validation.eventNotYet');
        issues.throwIfAny();
        await trx.updateTable('event_attendance').set({ status: input.status, updated_at: s.at, updated_by: s.by }).where('id', '=', input.attendanceId).execute();
        await repo.touchEvent(trx, e.id, s);
        return event(trx, e.id);
      });
    },

    async setHeadCounts(input: { id: number; counts: HeadCounts }, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const e = await row(trx, input.id);
        await trx.deleteFrom('event_head_counts').where('event_id', '=', e.id).execute();
        await trx
          .insertInto('event_head_counts')
          .values(BANDS.map((band) => ({ event_id: e.id, band, count: input.counts[band] })))
          .execute();
        await repo.touchEvent(trx, e.id, s);
        return event(trx, e.id);
      });
    },

    async addOrganiser(input: { id: number; userId: number | null; volunteerId: number | null; role: string; hours: number | null }, actor: Actor): Promise<Event> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const e = await row(trx, input.id);
        const issues = new FieldIssues('The event change was refused');
        if (input.userId !== null) {
          const u = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', input.userId).executeTakeFirst();
          if (!u || u.active !== 1) issues.add('userId', 'validation.unknownUser');
          else if (await trx.selectFrom('event_organisers').select('id').where('event_id', '=', e.id).where('user_id', '=', input.userId).executeTakeFirst()) {
            issues.add('userId', 'validation.alreadyOrganiser');
          }
        }
        if (input.volunteerId !== null) {
          const v = await trx.selectFrom('volunteers').select(['id', 'deleted_at']).where('id', '=', input.volunteerId).executeTakeFirst();
          if (!v || v.deleted_at !== null) issues.add('volunteerId', 'validation.unknownVolunteer');
          else if (await trx.selectFrom('event_organisers').select('id').where('event_id', '=', e.id).where('volunteer_id', '=', input.volunteerId).executeTakeFirst()) {
            issues.add('volunteerId', 'validation.alreadyOrganiser');
          }
        }
        issues.throwIfAny();
        await trx
          .insertInto('event_organisers')
          .values({
            event_id: e.id,
            user_id: input.userId,
            volunteer_id: input.volunteerId,
            role: input.role,
            minutes: input.hours === null ? null : Math.round(input.hours * 60),
            created_at: s.at,
            created_by: s.by,
          })
          .execute();
        await repo.touchEvent(trx, e.id, s);
        return event(trx, e.id);
      });
    },
  };
}

