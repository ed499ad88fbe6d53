/**
 * Recurring help ("medicine every Tuesday", "check-in every 7 days", "firewood every 3 weeks from
 * October to March"), the snow day, residents under regular care and the coordination reports.
 *
 * Dates here are calendar dates (YYYY-MM-DD strings) and are computed on a day count, never with
 * local-time Date arithmetic: a daylight-saving change can neither skip nor repeat a day.
 */
import { z } from 'zod';
import { PARTS_OF_DAY, type PartOfDay, type TaskStatus } from './tasks';

export const PLAN_RULES = ['weekly', 'everyNDays'] as const;
export type PlanRule = (typeof PLAN_RULES)[number];

export { PARTS_OF_DAY, type PartOfDay };

/** Why a plan ended: chosen by the coordinator, or set when the resident moved away or died. */
export const PLAN_END_REASONS = ['noLongerNeeded', 'refused', 'other'] as const;
export const LEFT_REASONS = ['moved', 'deceased'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];
export type PlanEndReason = (typeof PLAN_END_REASONS)[number] | LeftReason;

/** How far ahead plans make tasks unless the centre says otherwise (setting 'planHorizonDays'). */
export const DEFAULT_PLAN_HORIZON_DAYS = 28;
export const MAX_PLAN_HORIZON_DAYS = 120;
/** A check-in plan for someone under regular care whose interval is not set. */
export const DEFAULT_CHECKIN_INTERVAL_DAYS = 7;
/** The snow day spreads the list: at most this many residents per volunteer and day (by default). */
export const SNOW_DAY_MAX_PER_VOLUNTEER = 4;

// Calendar dates live in ./dates (one set for every feature); re-exported for existing callers.
import { daysInMonth, isIsoDate, dayNumber, fromDayNumber, addDays, daysBetween, isoWeekday, weekStart, monthOf, isMonthKey, monthRange, monthBounds, isoDateSchema, monthKeySchema } from './dates';
export { daysInMonth, isIsoDate, dayNumber, fromDayNumber, addDays, daysBetween, isoWeekday, weekStart, monthOf, isMonthKey, monthRange, monthBounds, isoDateSchema, monthKeySchema };

// ---------------------------------------------------------------------------------------------
// Which days a plan falls on

/** Is the month in the season? A season may wrap over the new year (October → March). */
export function inSeason(month: number, from: number | null, to: number | null): boolean {
  if (from === null || to === null) return true;
  return from <= to ? month >= from && month <= to : month >= from || month <= to;
}

export interface PlanSchedule {
  rule: PlanRule;
  /** weekly: 1 Monday … 7 Sunday. */
  weekday: number | null;
  /** everyNDays: counted from startsOn. */
  intervalDays: number | null;
  seasonFromMonth: number | null;
  seasonToMonth: number | null;
  startsOn: string;
  /** The last day of the plan (included), or null. */
  endsOn: string | null;
}

/**
 * The days a plan falls on between `from` and `to` (both included), in order. Weekly plans fall on
 * their weekday; every-N-days plans on startsOn, startsOn + N, …; outside the season nothing
 * (an every-N-days plan keeps counting from startsOn through the off-season).
 */
export function planDates(plan: PlanSchedule, from: string, to: string): string[] {
  let first = dayNumber(from);
  let last = dayNumber(to);
  const start = dayNumber(plan.startsOn);
  first = Math.max(first, start);
  if (plan.endsOn !== null) last = Math.min(last, dayNumber(plan.endsOn));
  if (first > last) return [];
  let step: number;
  let day: number;
  if (plan.rule === 'weekly') {
    const weekday = plan.weekday;
    if (weekday === null || weekday < 1 || weekday > 7) return [];
    const firstWeekday = ((((first + 3) % 7) + 7) % 7) + 1;
    day = first + ((weekday - firstWeekday + 7) % 7);
    step = 7;
  } else {
    const n = plan.intervalDays;
    if (n === null || n < 1) return [];
    const offset = (((first - start) % n) + n) % n;
    day = offset === 0 ? first : first + (n - offset);
    step = n;
  }
  const out: string[] = [];
  for (; day <= last; day += step) {
    const date = fromDayNumber(day);
    if (inSeason(monthOf(date), plan.seasonFromMonth, plan.seasonToMonth)) out.push(date);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation (messages are i18n keys of the `common` namespace)

const id = (message: string) => z.number(message).int(message).positive(message);
const month = z.number('validation.number').int('validation.number').min(1, 'validation.range').max(12, 'validation.range');

export const planFieldsSchema = z.object({
  residentId: id('validation.unknownResident'),
  kindId: id('validation.unknownKind'),
  rule: z.enum(PLAN_RULES, 'validation.required'),
  weekday: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(7, 'validation.range').nullable().default(null),
  intervalDays: z
    .number('validation.number')
    .int('validation.number')
    .min(1, 'validation.range')
    .max(366, 'validation.range')
    .nullable()
    .default(null),
  seasonFromMonth: month.nullable().default(null),
  seasonToMonth: month.nullable().default(null),
  partOfDay: z.enum(PARTS_OF_DAY, 'validation.invalid').nullable().default(null),
  estimatedMinutes: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(24 * 60, 'validation.range').nullable().default(null),
  volunteerId: id('validation.unknownVolunteer').nullable().default(null),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable().default(null),
  note: z.string('validation.invalid').trim().max(1000, 'validation.tooLong').default(''),
});

/** A help plan as the form sends it: the rule's own field is required, the season has both ends. */
export const planInputSchema = planFieldsSchema.superRefine((p, ctx) => {
  if (p.rule === 'weekly' && p.weekday === null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'validation.required' });
  if (p.rule === 'everyNDays' && p.intervalDays === null) ctx.addIssue({ code: 'custom', path: ['intervalDays'], message: 'validation.required' });
  if ((p.seasonFromMonth === null) !== (p.seasonToMonth === null)) {
    const path = p.seasonFromMonth === null ? 'seasonFromMonth' : 'seasonToMonth';
    ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
  }
  if (p.endsOn !== null && isIsoDate(p.endsOn) && isIsoDate(p.startsOn) && p.endsOn < p.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.dateOrder' });
  }
});
export type PlanInput = z.input<typeof planInputSchema>;
export type PlanData = z.output<typeof planInputSchema>;

/** The rule's unused field is dropped (a weekly plan has no interval), so the row says one thing. */
export function normalisePlan(p: PlanData): PlanData {
  return {
    ...p,
    weekday: p.rule === 'weekly' ? p.weekday : null,
    intervalDays: p.rule === 'everyNDays' ? p.intervalDays : null,
  };
}

/** A range of months for the reports, at most ten years. */
export const monthRangeSchema = z
  .object({ from: monthKeySchema, to: monthKeySchema })
  .refine((r) => !isMonthKey(r.from) || !isMonthKey(r.to) || r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' })
  .refine((r) => !isMonthKey(r.from) || !isMonthKey(r.to) || monthRange(r.from, r.to).length <= 120, { path: ['to'], message: 'validation.range' });

// ---------------------------------------------------------------------------------------------
// DTOs

export interface HelpPlan {
  id: number;
  residentId: number;
  residentName: string;
  residentAddress: string;
  settlement: string;
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  rule: PlanRule;
  weekday: number | null;
  intervalDays: number | null;
  seasonFromMonth: number | null;
  seasonToMonth: number | null;
  partOfDay: PartOfDay | null;
  estimatedMinutes: number | null;
  volunteerId: number | null;
  volunteerName: string | null;
  startsOn: string;
  endsOn: string | null;
  /** Set when the plan was ended (by the coordinator, or because the resident moved or died). */
  endedReason: PlanEndReason | null;
  note: string;
  /** Not ended, and its end date (if any) is today or later. */
  active: boolean;
  /** The next open task the plan made (today or later), or null. */
  nextOn: string | null;
  openTasks: number;
  doneTasks: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanTask {
  id: number;
  scheduledOn: string;
  status: TaskStatus;
  volunteerNames: string[];
}

export interface HelpPlanDetail extends HelpPlan {
  /** The last 20 tasks up to today and every task after today, in date order. */
  tasks: PlanTask[];
}

export interface PlanList {
  items: HelpPlan[];
  horizonDays: number;
}

export interface GenerateResult {
  from: string;
  to: string;
  horizonDays: number;
  /** Tasks made by this run (days that already had their task are skipped). */
  created: number;
  plans: number;
}

export interface EnsureCheckInsResult {
  /** Plans created by this run (residents who already had an active check-in plan are skipped). */
  created: number;
  planIds: number[];
  tasksCreated: number;
}

export interface MarkLeftResult {
  residentId: number;
  leftOn: string;
  leftReason: LeftReason;
  plansEnded: number;
  tasksCancelled: number;
  /** Open requests (new, planned, in progress) closed as cancelled. */
  requestsCancelled: number;
}

export interface SnowDayVolunteer {
  id: number;
  name: string;
  settlement: string;
  isRegular: boolean;
  hasSnowTools: boolean;
  /** Available that weekday (any part of the day), or null when no availability is recorded. */
  available: boolean | null;
  /** Open and done tasks that day / that ISO week, before this snow day. */
  tasksThatDay: number;
  tasksThatWeek: number;
  /** Residents this preview proposes for them. */
  proposed: number;
}

export interface SnowDayResident {
  residentId: number;
  fullName: string;
  address: string;
  settlement: string;
  /** 'exists': a snow-clearing task is already there that day (it is not made again). */
  state: 'new' | 'exists';
  taskId: number | null;
  /** Proposed for new ones; the task's volunteers for existing ones. */
  volunteerIds: number[];
}

export interface SnowDayPreview {
  date: string;
  batchKey: string;
  kindId: number;
  maxPerVolunteer: number;
  residents: SnowDayResident[];
  /** The candidates (volunteers with snow tools, or every active volunteer when nobody has them). */
  volunteers: SnowDayVolunteer[];
  /** New residents nobody could be proposed for (everyone is at the limit). */
  unassigned: number;
}

export interface SnowDayResult {
  date: string;
  batchKey: string;
  created: number;
  existing: number;
  taskIds: number[];
  /** Residents skipped because a snow-clearing task was already there that day. */
  existingResidentIds: number[];
}

export interface CareEntry {
  residentId: number;
  fullName: string;
  address: string;
  settlement: string;
  phones: string[];
  checkinIntervalDays: number;
  /** The day of the latest done task for the resident (a check-in or any other visit). */
  lastContactOn: string | null;
  lastContactKindCode: string | null;
  /** lastContactOn + interval, or today when nobody has been yet. */
  nextDueOn: string;
  overdue: boolean;
  daysOverdue: number;
  /** The next open check-in task, if one is planned. */
  nextCheckInOn: string | null;
  hasCheckInPlan: boolean;
}

export interface VolunteerHoursRow {
  volunteerId: number;
  name: string;
  isRegular: boolean;
  /** Minutes per month, aligned with `months`. */
  minutes: number[];
  totalMinutes: number;
  tasks: number;
  /** Done tasks without minutes written down. */
  unlogged: number;
}

export interface VolunteerHoursReport {
  from: string;
  to: string;
  months: string[];
  rows: VolunteerHoursRow[];
  totalsByMonth: number[];
  totalMinutes: number;
}

export interface TasksByKindRow {
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  counts: number[];
  total: number;
}

export interface TasksByKindReport {
  from: string;
  to: string;
  months: string[];
  rows: TasksByKindRow[];
  totalsByMonth: number[];
  total: number;
}

export interface VolunteerCounts {
  regular: number;
  occasional: number;
  /** Specialists (psychologist, lawyer…) among them; they are also counted as regular or occasional. */
  specialists: number;
  total: number;
}

export interface VolunteersActiveReport {
  from: string;
  to: string;
  /** Volunteers with at least one done task in the period. */
  active: VolunteerCounts;
  /** Every volunteer on the list (active status, not deleted), for comparison. */
  registered: VolunteerCounts;
}
