/**
 * Events, campaigns and outreach (issue 12): an event of a kind (master class, consultation day,
 * awareness event, campaign, meeting with partner organisations, distribution day, street-work
 * outing, mobile-team trip) on a day with optional 24-hour times, a place (settlement and/or
 * address), a capacity, partner organisations and an optional project; its organisers (staff or
 * volunteers, a volunteer's hours counting as volunteer hours); the attendance of named residents
 * (registered beforehand or at the door; registered, attended or no-show) and head counts of
 * people not registered by name by band (women, men, girls, boys). Sylva's master classes,
 * Cherkasy's 297 awareness events and 71 mobile-team trips, Piraeus's 125 street-work outings.
 * Labels: events:kind.<code>, events:status.<code>, events:band.<code>.
 */
import { z } from 'zod';
import { health, identity, out, pub } from '../api/fields';
import { addDays, isoDateSchema as isoDate } from './dates';

export const EVENT_KINDS = ['masterClass', 'consultationDay', 'awarenessEvent', 'campaign', 'partnerMeeting', 'distributionDay', 'streetWork', 'mobileTeamTrip'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Kinds whose people are met outside: where they went and whom they met is noted. */
export const OUTREACH_KINDS: readonly EventKind[] = ['streetWork', 'mobileTeamTrip'];

export const ATTENDANCE_STATUSES = ['registered', 'attended', 'noShow'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Bands of people counted without names: adult women, adult men, girls, boys. */
export const BANDS = ['women', 'men', 'girls', 'boys'] as const;
export type Band = (typeof BANDS)[number];

/** The splits reports use, derived from the bands: adults/children, female/male, and everyone. */
export interface BandTotals {
  adults: number;
  children: number;
  female: number;
  male: number;
  total: number;
}
export function bandTotals(h: Readonly<Record<Band, number>>): BandTotals {
  return { adults: h.women + h.men, children: h.girls + h.boys, female: h.women + h.girls, male: h.men + h.boys, total: h.women + h.men + h.girls + h.boys };
}

export const MAX_CAPACITY = 100_000;
export const MAX_HEAD_COUNT = 100_000;
/** Hours one organiser gives to one event (a mobile-team trip may take a few days). */
export const MAX_ORGANISER_HOURS = 240;

/** A 24-hour time 'HH:MM' (00:00–23:59). */
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeSchema = z.string('validation.time').regex(TIME, 'validation.time');

const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const required = (max: number) => text(max).min(1, 'validation.required');

export const eventInputSchema = z
  .object({
    title: required(200),
    kind: z.enum(EVENT_KINDS),
    startsOn: isoDate,
    startsAt: timeSchema.nullable().default(null),
    endsAt: timeSchema.nullable().default(null),
    settlement: text(200).default(''),
    address: text(300).default(''),
    capacity: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_CAPACITY, 'validation.range').nullable().default(null),
    partners: text(1000).default(''),
    /** Street work and mobile-team trips: where they went and whom they met. */
    outreachNote: text(2000).default(''),
    projectId: z.number().int().positive().nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt !== null && e.startsAt === null) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'validation.required' });
    else if (e.endsAt !== null && e.startsAt !== null && TIME.test(e.startsAt) && TIME.test(e.endsAt) && e.endsAt < e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.timeOrder' });
  });
export type EventInput = z.input<typeof eventInputSchema>;
export type EventData = z.output<typeof eventInputSchema>;

const headCount = z.number('validation.number').int('validation.number').min(0, 'validation.range').max(MAX_HEAD_COUNT, 'validation.range').default(0);
export const headCountsInputSchema = z.object({ women: headCount, men: headCount, girls: headCount, boys: headCount });
export type HeadCounts = z.output<typeof headCountsInputSchema>;

export const organiserHoursSchema = z.number('validation.number').min(0, 'validation.range').max(MAX_ORGANISER_HOURS, 'validation.range');

/** Output flag: an event in the past, or more than a year ahead (allowed, shown). */
export type DateFlag = 'past' | 'farFuture' | null;
export function dateFlagOf(startsOn: string, today: string): DateFlag {
  if (startsOn < today) return 'past';
  if (startsOn > addDays(today, 365)) return 'farFuture';
  return null;
}

// Outputs. Titles, kinds, days, places and counts are public (what the centre reports); the
// names of attendees and organisers are identity; a note on an attendee is health.

const str = z.string();
const num = z.number();

export const eventFiguresSchema = out({
  registered: pub(num),
  attended: pub(num),
  noShow: pub(num),
  /** People counted without names, all bands. */
  counted: pub(num),
  /** Attended by name plus counted: how many people the event reached. */
  reached: pub(num),
});
export type EventFigures = z.output<typeof eventFiguresSchema>;

const eventShape = {
  id: pub(num),
  title: pub(str),
  kind: pub(z.enum(EVENT_KINDS)),
  startsOn: pub(str),
  startsAt: pub(str.nullable()),
  endsAt: pub(str.nullable()),
  settlement: pub(str),
  address: pub(str),
  capacity: pub(num.nullable()),
  partners: pub(str),
  outreachNote: pub(str),
  projectId: pub(num.nullable()),
  dateFlag: pub(z.enum(['past', 'farFuture']).nullable()),
  figures: pub(eventFiguresSchema),
};

export const eventSummarySchema = out(eventShape);
export type EventSummary = z.output<typeof eventSummarySchema>;

export const attendeeSchema = out({
  id: pub(num),
  /** Null once the person was erased (the row stays so the counts do). */
  residentId: pub(num.nullable()),
  fullName: identity(str.nullable()),
  birthYear: identity(num.nullable()),
  status: pub(z.enum(ATTENDANCE_STATUSES)),
  atDoor: pub(z.boolean()),
  note: health(str),
});
export type Attendee = z.output<typeof attendeeSchema>;

export const organiserSchema = out({
  id: pub(num),
  userId: pub(num.nullable()),
  volunteerId: pub(num.nullable()),
  name: identity(str),
  role: pub(str),
  hours: pub(num.nullable()),
});
export type Organiser = z.output<typeof organiserSchema>;

export const eventSchema = out({
  ...eventShape,
  projectName: pub(str.nullable()),
  /** Named attendees in the order they were registered. */
  attendees: pub(z.array(attendeeSchema)),
  headCounts: pub(out({ women: pub(num), men: pub(num), girls: pub(num), boys: pub(num) })),
  organisers: pub(z.array(organiserSchema)),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Event = z.output<typeof eventSchema>;

export const eventPageSchema = out({
  events: pub(z.array(eventSummarySchema)),
  /** Where the next (older) page starts, or null at the end. */
  next: pub(out({ startsOn: pub(str), id: pub(num) }).nullable()),
});
export type EventPage = z.output<typeof eventPageSchema>;

/** One event a resident was registered for (their page). */
export const residentEventSchema = out({
  eventId: pub(num),
  attendanceId: pub(num),
  title: pub(str),
  kind: pub(z.enum(EVENT_KINDS)),
  startsOn: pub(str),
  startsAt: pub(str.nullable()),
  status: pub(z.enum(ATTENDANCE_STATUSES)),
  atDoor: pub(z.boolean()),
});
export type ResidentEvent = z.output<typeof residentEventSchema>;
