/**
 * Projects and programmes with participants (issue 13): a project (name, funder, period, an
 * optional link to the treasurer's grant, target figures), the activities it offers (training,
 * course, internship, self-help group, counselling, health day, other), its participants (a
 * resident recruited on a day, a social contract signed on a day, then completed or dropped out
 * with a reason) and their attendance (participant × activity: a day, sessions, hours).
 * Zawiercie's figures come out of it: 145 recruited with social contracts, 96 completed, 13
 * internships, 12 computer courses. Labels: projects:kind.<code>, projects:status.<code>.
 */
import { z } from 'zod';
import { caseContent, identity, out, pub } from '../api/fields';
import { isoDateSchema as isoDate } from './dates';

export const ACTIVITY_KINDS = ['training', 'course', 'internship', 'selfHelpGroup', 'counselling', 'healthDay', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const PARTICIPANT_STATUSES = ['active', 'completed', 'droppedOut'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The largest target figure a project may set (Zawiercie recruited 145 over two years). */
export const MAX_TARGET = 100_000;
/** Hours of one attendance record (a course's day, a month of an internship). */
export const MAX_HOURS = 744;
export const MAX_SESSIONS = 100;

const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const required = (max: number) => text(max).min(1, 'validation.required');
const target = z.number('validation.number').int('validation.number').min(0, 'validation.range').max(MAX_TARGET, 'validation.range').nullable().default(null);

export const projectInputSchema = z
  .object({
    name: required(200),
    funder: text(200).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    /** The treasurer's grant that pays for it (projects.grantOptions lists them). */
    grantId: z.number().int().positive().nullable().default(null),
    /** How many participants the project means to recruit, and how many to complete it. */
    targetRecruited: target,
    targetCompleted: target,
  })
  .superRefine((p, ctx) => {
    if (p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.dateOrder' });
  });
/** More to complete than to recruit (the service refuses it beside targetCompleted). */
export const targetsOutOfOrder = (p: { targetRecruited: number | null; targetCompleted: number | null }): boolean =>
  p.targetRecruited !== null && p.targetCompleted !== null && p.targetCompleted > p.targetRecruited;

export type ProjectInput = z.input<typeof projectInputSchema>;
export type ProjectData = z.output<typeof projectInputSchema>;

export const activityInputSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  name: required(200),
});
export type ActivityData = z.output<typeof activityInputSchema>;

export const hoursSchema = z.number('validation.number').min(0, 'validation.range').max(MAX_HOURS, 'validation.range');

// Outputs. A project's name, funder, period, activities and figures are public (they are what the
// centre reports); a participant's name is identity; the drop-out reason and a participant's
// notes are casework content (`case`).

const str = z.string();
const num = z.number();

export const projectFiguresSchema = out({
  recruited: pub(num),
  active: pub(num),
  completed: pub(num),
  droppedOut: pub(num),
  withContract: pub(num),
  /** Per kind of activity, how many participants attended at least once (internships 13, courses 12). */
  byKind: pub(z.array(out({ kind: pub(z.enum(ACTIVITY_KINDS)), participants: pub(num) }))),
});
export type ProjectFigures = z.output<typeof projectFiguresSchema>;

const projectShape = {
  id: pub(num),
  name: pub(str),
  funder: pub(str),
  startsOn: pub(str),
  endsOn: pub(str),
  grantId: pub(num.nullable()),
  /** The grant's title (public in the grants' own answers too); null without a grant. */
  grantTitle: pub(str.nullable()),
  targetRecruited: pub(num.nullable()),
  targetCompleted: pub(num.nullable()),
  figures: pub(projectFiguresSchema),
  createdAt: pub(str),
  updatedAt: pub(str),
};

export const projectSummarySchema = out(projectShape);
export type ProjectSummary = z.output<typeof projectSummarySchema>;

export const activitySchema = out({
  id: pub(num),
  kind: pub(z.enum(ACTIVITY_KINDS)),
  name: pub(str),
  /** Participants who attended at least once, sessions and hours recorded. */
  participants: pub(num),
  sessions: pub(num),
  hours: pub(num),
});
export type Activity = z.output<typeof activitySchema>;

export const attendanceSchema = out({
  id: pub(num),
  activityId: pub(num),
  on: pub(str),
  sessions: pub(num),
  hours: pub(num.nullable()),
});
export type Attendance = z.output<typeof attendanceSchema>;

export const participantSchema = out({
  id: pub(num),
  /** Null once the person was erased (the row stays so that the figures do). */
  residentId: pub(num.nullable()),
  fullName: identity(str.nullable()),
  recruitedOn: pub(str),
  /** The day the social contract was signed. */
  contractOn: pub(str.nullable()),
  status: pub(z.enum(PARTICIPANT_STATUSES)),
  /** The day they completed or dropped out. */
  endedOn: pub(str.nullable()),
  dropReason: caseContent(str),
  note: caseContent(str),
  /** Their attendance, the latest first. */
  attendance: pub(z.array(attendanceSchema)),
});
export type Participant = z.output<typeof participantSchema>;

export const projectSchema = out({
  ...projectShape,
  activities: pub(z.array(activitySchema)),
  /** The participants, the latest recruited first. */
  participants: pub(z.array(participantSchema)),
});
export type Project = z.output<typeof projectSchema>;

/** One participation of a resident (their page), with the project's name and what they attended. */
export const participationSchema = out({
  projectId: pub(num),
  projectName: pub(str),
  startsOn: pub(str),
  endsOn: pub(str),
  participantId: pub(num),
  recruitedOn: pub(str),
  contractOn: pub(str.nullable()),
  status: pub(z.enum(PARTICIPANT_STATUSES)),
  endedOn: pub(str.nullable()),
  dropReason: caseContent(str),
  note: caseContent(str),
  /** Per activity attended: its kind and name, sessions and hours. */
  activities: pub(z.array(out({ activityId: pub(num), kind: pub(z.enum(ACTIVITY_KINDS)), name: pub(str), sessions: pub(num), hours: pub(num) }))),
});
export type Participation = z.output<typeof participationSchema>;

export const grantOptionSchema = out({
  id: pub(num),
  title: pub(str),
  startsOn: pub(str),
  endsOn: pub(str),
});
export type GrantOption = z.output<typeof grantOptionSchema>;
