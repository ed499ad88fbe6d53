// Calls of the events feature (issue 12): events, campaigns and outreach with attendance.
//
// Roles: the front desk registers attendance (registering a resident, beforehand or at the door,
// marking attended or no-show, the head counts) and sees the events (CASEWORK); coordinators and
// admins run them: create and change events and their organisers (COORDINATION). The treasurer is
// in no call's roles. Titles, kinds, days and counts are public; attendees' and organisers' names
// are identity; a note on an attendee is health.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import {
  ATTENDANCE_STATUSES,
  EVENT_KINDS,
  eventInputSchema,
  eventPageSchema,
  eventSchema,
  headCountsInputSchema,
  organiserHoursSchema,
  residentEventSchema,
} from '../../domain/events';

const id = z.number().int().positive();
const note = z.string('validation.invalid').trim().max(1000, 'validation.tooLong').default('');
/** Every change to one event shows it in the audit log with its changed fields. */
const entity = { read: 'events.get', key: 'id' } as const;

export const eventsCalls = {
  'events.list': call({
    output: eventPageSchema,
    input: z.object({
      /** The period (both days included); default: every day. */
      from: isoDate.optional(),
      to: isoDate.optional(),
      kind: z.enum(EVENT_KINDS).optional(),
      /** The page after this event (the previous page's `next`), the latest first. */
      cursor: z.object({ startsOn: isoDate, id }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    roles: CASEWORK,
    reads: ['events'],
    summary: 'Events of a period and kind, the latest first, a bounded page (the next from `next`), with their figures and date flag.',
  }),
  'events.get': call({
    output: eventSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    reads: ['events', 'residents', 'volunteers', 'projects'],
    summary: 'An event: its place and times, named attendees with their status, head counts by band, organisers with hours, figures.',
  }),
  'events.ofResident': call({
    output: z.array(residentEventSchema),
    input: z.object({ residentId: id }),
    roles: CASEWORK,
    reads: ['events', 'residents'],
    summary: "A resident's events (their page), the latest first, with their attendance status.",
  }),
  'events.create': call({
    output: eventSchema,
    input: eventInputSchema,
    roles: COORDINATION,
    changes: ['events'],
    summary: 'Create an event: title, kind, day and times, place, capacity, partner organisations, an optional project.',
  }),
  'events.update': call({
    entity,
    output: eventSchema,
    input: z.object({ id, data: eventInputSchema }),
    roles: COORDINATION,
    changes: ['events'],
    summary: "Change an event's title, kind, day, times, place, capacity, partners or project.",
  }),
  'events.register': call({
    entity,
    output: eventSchema,
    input: z.object({
      id,
      residentId: id,
      /** Came without registering beforehand: registered as attended. */
      atDoor: z.boolean().default(false),
      /** Register even though the event is full (the first answer was `overCapacity`). */
      confirmOverCapacity: z.boolean().default(false),
      note,
    }),
    roles: CASEWORK,
    changes: ['events'],
    summary: 'Register a resident for an event (at the door: as attended); once per event; above capacity only when confirmed.',
  }),
  'events.markAttendance': call({
    entity,
    output: eventSchema,
    input: z.object({ id, attendanceId: id, status: z.enum(ATTENDANCE_STATUSES) }),
    roles: CASEWORK,
    changes: ['events'],
    summary: 'Mark a registered resident as attended or no-show (or back to registered).',
  }),
  'events.setHeadCounts': call({
    entity,
    output: eventSchema,
    input: z.object({ id, counts: headCountsInputSchema }),
    roles: CASEWORK,
    changes: ['events'],
    summary: 'Set how many people not registered by name came or were met, by band (women, men, girls, boys).',
  }),
  'events.addOrganiser': call({
    entity,
    output: eventSchema,
    input: z
      .object({
        id,
        userId: id.nullable().default(null),
        volunteerId: id.nullable().default(null),
        role: z.string('validation.invalid').trim().max(200, 'validation.tooLong').default(''),
        /** A volunteer's hours at the event count as volunteer hours. */
        hours: organiserHoursSchema.nullable().default(null),
      })
      .superRefine((o, ctx) => {
        if ((o.userId === null) === (o.volunteerId === null)) ctx.addIssue({ code: 'custom', path: ['volunteerId'], message: 'validation.organiserOneOf' });
      }),
    roles: COORDINATION,
    changes: ['events'],
    summary: 'Add an organiser: a staff user or a volunteer, their role and hours (a volunteer’s hours count as volunteer hours).',
  }),
} as const;
