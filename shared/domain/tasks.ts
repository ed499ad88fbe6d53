/**
 * Tasks: one visit of a volunteer (or several) to a resident, planned from a request, a help plan
 * or a snow day. Pure rules shared by the core and the UI: statuses and their flow, how a request's
 * status follows its tasks, calendar-date arithmetic (no time zones, so DST never shifts a day),
 * booking overlaps, the inputs' schemas and the DTOs.
 */
import { z } from 'zod';
import { canTransition, isOpen, REQUEST_STATUSES, requestSummarySchema, type RequestStatus } from './requests';
import { CURRENCIES } from './settings';
import { contact, health, identity, money, out, pub } from '../api/fields';
import { PARTS_OF_DAY, type PartOfDay } from './volunteers';

// ---------------------------------------------------------------------------------------------
// Statuses

export const TASK_STATUSES = ['planned', 'assigned', 'done', 'notDone', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Open tasks still have to happen: they book their volunteers and show as overdue when late. */
export const OPEN_TASK_STATUSES = ['planned', 'assigned'] as const satisfies readonly TaskStatus[];

/**
 * planned ⇄ assigned follow the volunteers (≥1 volunteer: assigned, none: planned); an open task
 * ends as done, notDone (with a reason) or cancelled. done is final; a notDone or cancelled task
 * can be reopened (to planned, or assigned when it still has volunteers).
 */
const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  planned: ['assigned', 'done', 'notDone', 'cancelled'],
  assigned: ['planned', 'done', 'notDone', 'cancelled'],
  done: [],
  notDone: ['planned', 'assigned'],
  cancelled: ['planned', 'assigned'],
};

export function allowedTaskTransitions(from: TaskStatus): readonly TaskStatus[] {
  return TASK_TRANSITIONS[from];
}

export function canTaskTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

export function isOpenTask(status: TaskStatus): boolean {
  return (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(status);
}

/** The status of an open (or reopened) task with this many volunteers. */
export function openStatusFor(volunteerCount: number): 'planned' | 'assigned' {
  return volunteerCount > 0 ? 'assigned' : 'planned';
}

/**
 * How a request's status follows its tasks. Returns the new status, or null to leave it alone.
 *
 * - Only an open request (new, planned, in progress) is moved: a request someone closed by hand
 *   (done, cancelled, referred) stays closed; reopen it first (requests.setStatus → new).
 * - No tasks at all: left alone (the request is handled by hand).
 * - Some task done and none open → done.
 * - Some task done and some open → in progress.
 * - Open tasks and none done → planned (never back from in progress to planned).
 * - Tasks, but all cancelled or not done → new: it needs planning again.
 * - Every move must be an allowed transition of the request flow (canTransition); otherwise none.
 */
export function requestStatusFromTasks(current: RequestStatus, taskStatuses: readonly TaskStatus[]): RequestStatus | null {
  if (!isOpen(current) || taskStatuses.length === 0) return null;
  const anyOpen = taskStatuses.some(isOpenTask);
  const anyDone = taskStatuses.includes('done');
  let target: RequestStatus;
  if (anyDone) target = anyOpen ? 'inProgress' : 'done';
  else if (anyOpen) target = 'planned';
  else target = 'new';
  if (current === 'inProgress' && target === 'planned') return null;
  if (target === current || !canTransition(current, target)) return null;
  return target;
}

// ---------------------------------------------------------------------------------------------
// Calendar dates and times of day (pure: a YYYY-MM-DD string is a calendar date, not an instant)

/** Parts of the day: the volunteers' availability, help plans and tasks share them. */
export { PARTS_OF_DAY, type PartOfDay };
/** Where a part of the day begins, in minutes after midnight (for ordering and for times). */
export const PART_STARTS: Record<PartOfDay, number> = { morning: 0, afternoon: 12 * 60, evening: 17 * 60 };

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Calendar dates: the shared helpers of ./dates (re-exported for existing callers).
import { addDays, isIsoDate, isoDateSchema, isoWeekday, mondayOf } from './dates';
export { addDays, isIsoDate, isoDateSchema, isoWeekday, mondayOf };

export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** "HH:MM" as minutes after midnight. */
export function minutesOfTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The part of the day a time falls in: before 12:00 morning, before 17:00 afternoon, then evening. */
export function partOfTime(time: string): PartOfDay {
  const min = minutesOfTime(time);
  if (min < PART_STARTS.afternoon) return 'morning';
  if (min < PART_STARTS.evening) return 'afternoon';
  return 'evening';
}

export interface Slot {
  partOfDay: PartOfDay | null;
  startTime: string | null;
}

/** The part of the day a task takes: as given, else the part its start time falls in, else none (all day). */
export function effectivePart(s: Slot): PartOfDay | null {
  return s.partOfDay ?? (s.startTime !== null ? partOfTime(s.startTime) : null);
}

/** Two tasks with start times closer than this book the same volunteer twice. */
export const BOOKING_WINDOW_MINUTES = 120;

/**
 * Whether two tasks on the same day book a volunteer at the same time:
 * - both with a start time: when the times are less than two hours apart;
 * - otherwise by the part of the day (a time counts for the part it falls in): the same part;
 * - a task with neither part nor time takes the whole day only against another such task.
 */
export function slotsOverlap(a: Slot, b: Slot): boolean {
  if (a.startTime !== null && b.startTime !== null) {
    return Math.abs(minutesOfTime(a.startTime) - minutesOfTime(b.startTime)) < BOOKING_WINDOW_MINUTES;
  }
  const pa = effectivePart(a);
  const pb = effectivePart(b);
  if (pa === null && pb === null) return true;
  return pa !== null && pa === pb;
}

/** Ordering within a day: all-day tasks first, then by start time or the start of their part. */
export function slotOrder(s: Slot): number {
  if (s.startTime !== null) return minutesOfTime(s.startTime);
  if (s.partOfDay !== null) return PART_STARTS[s.partOfDay];
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Inputs

export const MAX_TASK_VOLUNTEERS = 10;
export const MAX_ADVANCE_MINOR = 10_000_000_000;

const id = (message = 'validation.required') => z.number(message).int(message).positive(message);
const timeSchema = z.string('validation.time').regex(TIME_RE, 'validation.time');
const minutes = z.number('validation.number').int('validation.number').min(0, 'validation.range').max(1440, 'validation.range');
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const requiredText = (max: number) => text(max).min(1, 'validation.required');

function unique<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

export const volunteerIdsSchema = z
  .array(id('validation.unknownVolunteer'), 'validation.invalid')
  .max(MAX_TASK_VOLUNTEERS, 'validation.tooMany')
  .refine(unique, 'validation.duplicate');

const taskFields = {
  residentId: id('validation.unknownResident'),
  kindId: id('validation.unknownKind'),
  scheduledOn: isoDateSchema,
  partOfDay: z.enum(PARTS_OF_DAY, 'validation.invalid').nullable().default(null),
  startTime: timeSchema.nullable().default(null),
  estimatedMinutes: minutes.nullable().default(null),
  volunteerIds: volunteerIdsSchema.default([]),
  note: text(4000).default(''),
};

/**
 * A new task. From a request (requestId), the resident and the kind default to the request's and
 * may be overridden; without a request both are required.
 */
export const taskInputSchema = z
  .object({
    requestId: id('validation.unknownRequest').nullable().default(null),
    ...taskFields,
    residentId: taskFields.residentId.optional(),
    kindId: taskFields.kindId.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.requestId !== null) return;
    if (v.residentId === undefined) ctx.addIssue({ code: 'custom', path: ['residentId'], message: 'validation.unknownResident' });
    if (v.kindId === undefined) ctx.addIssue({ code: 'custom', path: ['kindId'], message: 'validation.unknownKind' });
  });
export type TaskInput = z.input<typeof taskInputSchema>;
export type TaskData = z.output<typeof taskInputSchema>;

/** Changes to an open task; volunteers are kept when volunteerIds is left out. */
export const taskUpdateSchema = z.object({
  ...taskFields,
  volunteerIds: volunteerIdsSchema.optional(),
});
export type TaskUpdateInput = z.input<typeof taskUpdateSchema>;
export type TaskUpdateData = z.output<typeof taskUpdateSchema>;

export const advanceInputSchema = z.object({
  volunteerId: id('validation.unknownVolunteer'),
  amountMinor: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_ADVANCE_MINOR, 'validation.range'),
  /** ISO 4217; the centre's currency when left out. */
  currency: z.enum(CURRENCIES, 'validation.invalid').optional(),
  note: text(1000).default(''),
});

/**
 * What happened: the day it was done (today when left out; never in the future), minutes per
 * volunteer (a volunteer not on the task yet is added to it), a note, and money volunteers advanced.
 */
export const taskOutcomeSchema = z.object({
  doneOn: isoDateSchema.optional(),
  minutes: z
    .array(z.object({ volunteerId: id('validation.unknownVolunteer'), minutes }), 'validation.invalid')
    .max(MAX_TASK_VOLUNTEERS, 'validation.tooMany')
    .refine((list) => unique(list.map((m) => m.volunteerId)), 'validation.duplicate')
    .default([]),
  note: text(4000).default(''),
  advances: z.array(advanceInputSchema, 'validation.invalid').max(MAX_TASK_VOLUNTEERS, 'validation.tooMany').default([]),
});
export type TaskOutcomeInput = z.input<typeof taskOutcomeSchema>;
export type TaskOutcome = z.output<typeof taskOutcomeSchema>;

export const notDoneReasonSchema = requiredText(1000);
export const cancelReasonSchema = text(1000).default('');

// ---------------------------------------------------------------------------------------------
// Suggestions

const str = z.string();
const num = z.number();

export const SUGGESTION_REASONS = ['skill', 'available', 'sameSettlement', 'lightLoad'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];
export const VOLUNTEER_WARNINGS = ['booked', 'unavailable', 'paused'] as const;
export type VolunteerWarning = (typeof VOLUNTEER_WARNINGS)[number];

/** Points of each reason; a light load only breaks ties (fewer minutes that ISO week first). */
export const SUGGESTION_WEIGHTS = { skill: 3, available: 2, sameSettlement: 1 } as const;
/** Less than this many minutes of tasks in the ISO week counts as a light load (shown as a reason). */
export const LIGHT_LOAD_MINUTES = 240;

export interface VolunteerFacts {
  volunteerId: number;
  fullName: string;
  sortKey: string;
  hasSkill: boolean;
  /** null: the volunteer has no weekly availability recorded (neither a reason nor a warning). */
  available: boolean | null;
  sameSettlement: boolean;
  paused: boolean;
  booked: boolean;
  weekLoadMinutes: number;
  weekTasks: number;
}

export const suggestionSchema = out({
  volunteerId: pub(num),
  fullName: identity(str),
  score: pub(num),
  /**
   * Health only because the older key list (policy.ts) filed every `reasons` key as a case note;
   * these are codes (skill, available…). The call is the coordinator's, who receives health anyway.
   */
  reasons: health(z.array(z.enum(SUGGESTION_REASONS))),
  warnings: pub(z.array(z.enum(VOLUNTEER_WARNINGS))),
  weekLoadMinutes: pub(num),
  weekTasks: pub(num),
});
export type Suggestion = z.output<typeof suggestionSchema>;

export function warningsOf(f: Pick<VolunteerFacts, 'booked' | 'available' | 'paused'>): VolunteerWarning[] {
  const w: VolunteerWarning[] = [];
  if (f.booked) w.push('booked');
  if (f.available === false) w.push('unavailable');
  if (f.paused) w.push('paused');
  return w;
}

export function toSuggestion(f: VolunteerFacts): Suggestion {
  const reasons: SuggestionReason[] = [];
  if (f.hasSkill) reasons.push('skill');
  if (f.available === true) reasons.push('available');
  if (f.sameSettlement) reasons.push('sameSettlement');
  if (f.weekLoadMinutes < LIGHT_LOAD_MINUTES) reasons.push('lightLoad');
  const score =
    (f.hasSkill ? SUGGESTION_WEIGHTS.skill : 0) +
    (f.available === true ? SUGGESTION_WEIGHTS.available : 0) +
    (f.sameSettlement ? SUGGESTION_WEIGHTS.sameSettlement : 0);
  return { volunteerId: f.volunteerId, fullName: f.fullName, score, reasons, warnings: warningsOf(f), weekLoadMinutes: f.weekLoadMinutes, weekTasks: f.weekTasks };
}

/**
 * Ranks volunteers for a task: paused volunteers last, then those already booked at that time,
 * then by score (skill 3, available 2, same settlement 1), then the lighter week (minutes, then
 * tasks), then by name.
 */
export function rankSuggestions(facts: readonly VolunteerFacts[]): Suggestion[] {
  const sorted = [...facts].sort((a, b) => {
    const sa = toSuggestion(a).score;
    const sb = toSuggestion(b).score;
    return (
      Number(a.paused) - Number(b.paused) ||
      Number(a.booked) - Number(b.booked) ||
      sb - sa ||
      a.weekLoadMinutes - b.weekLoadMinutes ||
      a.weekTasks - b.weekTasks ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
      a.volunteerId - b.volunteerId
    );
  });
  return sorted.map(toSuggestion);
}

// ---------------------------------------------------------------------------------------------
// Outputs: every field with its field group (shared/api/fields.ts). Residents' and volunteers'
// names are identity, addresses and phones contact, a task's note and reason health (case notes),
// an advance's amount money: the front desk, who may open and complete a task, never receives it.

export const VOLUNTEER_STATES = ['active', 'paused', 'deleted'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];

export const taskVolunteerRefSchema = out({
  volunteerId: pub(num),
  fullName: identity(str),
  state: pub(z.enum(VOLUNTEER_STATES)),
  /** Minutes spent, recorded with the outcome. */
  minutesSpent: pub(num.nullable()),
});
export type TaskVolunteerRef = z.output<typeof taskVolunteerRefSchema>;

const taskSummaryShape = {
  id: pub(num),
  requestId: pub(num.nullable()),
  planId: pub(num.nullable()),
  residentId: pub(num),
  residentName: identity(str),
  settlement: contact(str),
  address: contact(str),
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  scheduledOn: pub(str),
  partOfDay: pub(z.enum(PARTS_OF_DAY).nullable()),
  startTime: pub(str.nullable()),
  estimatedMinutes: pub(num.nullable()),
  status: pub(z.enum(TASK_STATUSES)),
  /** Why it was not done, or why it was cancelled. */
  reason: health(str.nullable()),
  doneOn: pub(str.nullable()),
  note: health(str),
  batchKey: pub(str.nullable()),
};

export const taskSummarySchema = out({
  ...taskSummaryShape,
  volunteers: pub(z.array(taskVolunteerRefSchema)),
});
export type TaskSummary = z.output<typeof taskSummarySchema>;

export const taskVolunteerDetailSchema = out({
  ...taskVolunteerRefSchema.shape,
  /** For an open task: booked elsewhere at that time, not available that day, paused or deleted. */
  warnings: pub(z.array(z.enum(VOLUNTEER_WARNINGS))),
});
export type TaskVolunteerDetail = z.output<typeof taskVolunteerDetailSchema>;

export const volunteerAdvanceSchema = out({
  id: pub(num),
  taskId: pub(num),
  volunteerId: pub(num),
  volunteerName: pub(str),
  /** Money: the front desk never receives it. */
  amountMinor: money(num),
  currency: pub(z.enum(CURRENCIES)),
  note: health(str),
  settledAt: pub(str.nullable()),
  createdAt: pub(str),
});
export type VolunteerAdvance = z.output<typeof volunteerAdvanceSchema>;

export const taskDetailSchema = out({
  ...taskSummaryShape,
  volunteers: pub(z.array(taskVolunteerDetailSchema)),
  residentPhones: contact(z.array(str)),
  requestStatus: pub(z.enum(REQUEST_STATUSES).nullable()),
  advances: pub(z.array(volunteerAdvanceSchema)),
  createdAt: pub(str),
  createdBy: pub(str),
  updatedAt: pub(str),
  updatedBy: pub(str),
});
export type TaskDetail = z.output<typeof taskDetailSchema>;

export const taskListSchema = out({
  items: pub(z.array(taskSummarySchema)),
  total: pub(num),
});
export type TaskList = z.output<typeof taskListSchema>;

/** A pending (or settled) reimbursement, for the money issue. */
export const advanceRowSchema = out({
  ...volunteerAdvanceSchema.shape,
  residentId: pub(num),
  residentName: identity(str),
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  scheduledOn: pub(str),
  doneOn: pub(str.nullable()),
});
export type AdvanceRow = z.output<typeof advanceRowSchema>;

export const boardDaySchema = out({
  date: pub(str),
  /** 1 Monday … 7 Sunday. */
  weekday: pub(num),
  tasks: pub(z.array(taskSummarySchema)),
});
export type BoardDay = z.output<typeof boardDaySchema>;

export const boardSchema = out({
  today: pub(str),
  weekStart: pub(str),
  weekEnd: pub(str),
  /** Open requests of volunteer kinds that have no open task (new ones, and those whose tasks fell through). */
  openRequestsWithoutTasks: pub(z.array(requestSummarySchema)),
  /** The week's tasks (all but cancelled), day by day, Monday to Sunday. */
  week: pub(z.array(boardDaySchema)),
  /**
   * The week's tasks (all but cancelled) per volunteer, by name: their ids, in the week's order
   * (the tasks themselves are in `week`; a city week's 800 tasks sent twice made the answer 1 MB).
   */
  byVolunteer: pub(
    z.array(
      out({
        volunteerId: pub(num),
        fullName: identity(str),
        state: pub(z.enum(VOLUNTEER_STATES)),
        taskIds: pub(z.array(num)),
      }),
    ),
  ),
  /** The week's open tasks without a volunteer. */
  unassigned: pub(z.array(taskSummarySchema)),
  /** Open tasks scheduled before today (any week). */
  overdue: pub(z.array(taskSummarySchema)),
});
export type Board = z.output<typeof boardSchema>;
