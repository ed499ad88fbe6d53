/**
 * Recurring help ("medicine every Tuesday", "check-in every 7 days", "firewood every 3 weeks from
 * October to March"), the snow day, residents under regular care and the coordination reports.
 *
 * Dates here are calendar dates (YYYY-MM-DD strings) and are computed on a day count, never with
 * local-time Date arithmetic: a daylight-saving change can neither skip nor repeat a day.
 */
import { z } from 'zod';
import { PARTS_OF_DAY, TASK_STATUSES, type PartOfDay } from './tasks';
import { contact, health, identity, money, out, pub } from '../api/fields';

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
// Outputs: every field with its field group (shared/api/fields.ts). Residents' names are identity,
// addresses, settlements and phones contact, a plan's note health (a case note).

const str = z.string();
const num = z.number();
const planEndReasonSchema = z.enum([...PLAN_END_REASONS, ...LEFT_REASONS]);

export const helpPlanSchema = out({
  id: pub(num),
  residentId: pub(num),
  residentName: identity(str),
  residentAddress: contact(str),
  settlement: contact(str),
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  rule: pub(z.enum(PLAN_RULES)),
  weekday: pub(num.nullable()),
  intervalDays: pub(num.nullable()),
  seasonFromMonth: pub(num.nullable()),
  seasonToMonth: pub(num.nullable()),
  partOfDay: pub(z.enum(PARTS_OF_DAY).nullable()),
  estimatedMinutes: pub(num.nullable()),
  volunteerId: pub(num.nullable()),
  volunteerName: pub(str.nullable()),
  startsOn: pub(str),
  endsOn: pub(str.nullable()),
  /** Set when the plan was ended (by the coordinator, or because the resident moved or died). */
  endedReason: pub(planEndReasonSchema.nullable()),
  note: health(str),
  /** Not ended, and its end date (if any) is today or later. */
  active: pub(z.boolean()),
  /** The next open task the plan made (today or later), or null. */
  nextOn: pub(str.nullable()),
  openTasks: pub(num),
  doneTasks: pub(num),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type HelpPlan = z.output<typeof helpPlanSchema>;

export const planTaskSchema = out({
  id: pub(num),
  scheduledOn: pub(str),
  status: pub(z.enum(TASK_STATUSES)),
  volunteerNames: pub(z.array(str)),
});
export type PlanTask = z.output<typeof planTaskSchema>;

export const helpPlanDetailSchema = out({
  ...helpPlanSchema.shape,
  /** The last 20 tasks up to today and every task after today, in date order. */
  tasks: pub(z.array(planTaskSchema)),
});
export type HelpPlanDetail = z.output<typeof helpPlanDetailSchema>;

export const planListSchema = out({
  items: pub(z.array(helpPlanSchema)),
  horizonDays: pub(num),
});
export type PlanList = z.output<typeof planListSchema>;

export const generateResultSchema = out({
  from: pub(str),
  to: pub(str),
  horizonDays: pub(num),
  /** Tasks made by this run (days that already had their task are skipped). */
  created: pub(num),
  plans: pub(num),
});
export type GenerateResult = z.output<typeof generateResultSchema>;

export const ensureCheckInsResultSchema = out({
  /** Plans created by this run (residents who already had an active check-in plan are skipped). */
  created: pub(num),
  planIds: pub(z.array(num)),
  tasksCreated: pub(num),
});
export type EnsureCheckInsResult = z.output<typeof ensureCheckInsResultSchema>;

export const markLeftResultSchema = out({
  residentId: pub(num),
  leftOn: pub(str),
  leftReason: pub(z.enum(LEFT_REASONS)),
  plansEnded: pub(num),
  tasksCancelled: pub(num),
  /** Open requests (new, planned, in progress) closed as cancelled. */
  requestsCancelled: pub(num),
  /** The household they lived in, which they left that day (moved away or died), or null. */
  householdId: pub(num.nullable()),
});
export type MarkLeftResult = z.output<typeof markLeftResultSchema>;

export const snowDayVolunteerSchema = out({
  id: pub(num),
  name: pub(str),
  settlement: contact(str),
  isRegular: pub(z.boolean()),
  hasSnowTools: pub(z.boolean()),
  /** Available that weekday (any part of the day), or null when no availability is recorded. */
  available: pub(z.boolean().nullable()),
  /** Open and done tasks that day / that ISO week, before this snow day. */
  tasksThatDay: pub(num),
  tasksThatWeek: pub(num),
  /** Residents this preview proposes for them. */
  proposed: pub(num),
});
export type SnowDayVolunteer = z.output<typeof snowDayVolunteerSchema>;

export const snowDayResidentSchema = out({
  residentId: pub(num),
  fullName: identity(str),
  address: contact(str),
  settlement: contact(str),
  /** 'exists': a snow-clearing task is already there that day (it is not made again). */
  state: pub(z.enum(['new', 'exists'])),
  taskId: pub(num.nullable()),
  /** Proposed for new ones; the task's volunteers for existing ones. */
  volunteerIds: pub(z.array(num)),
});
export type SnowDayResident = z.output<typeof snowDayResidentSchema>;

export const snowDayPreviewSchema = out({
  date: pub(str),
  batchKey: pub(str),
  kindId: pub(num),
  maxPerVolunteer: pub(num),
  residents: pub(z.array(snowDayResidentSchema)),
  /** The candidates (volunteers with snow tools, or every active volunteer when nobody has them). */
  volunteers: pub(z.array(snowDayVolunteerSchema)),
  /** New residents nobody could be proposed for (everyone is at the limit). */
  unassigned: pub(num),
});
export type SnowDayPreview = z.output<typeof snowDayPreviewSchema>;

export const snowDayResultSchema = out({
  date: pub(str),
  batchKey: pub(str),
  created: pub(num),
  existing: pub(num),
  taskIds: pub(z.array(num)),
  /** Residents skipped because a snow-clearing task was already there that day. */
  existingResidentIds: pub(z.array(num)),
});
export type SnowDayResult = z.output<typeof snowDayResultSchema>;

export const careEntrySchema = out({
  residentId: pub(num),
  fullName: identity(str),
  address: contact(str),
  settlement: contact(str),
  phones: contact(z.array(str)),
  checkinIntervalDays: pub(num),
  /** The day of the latest done task for the resident (a check-in or any other visit). */
  lastContactOn: pub(str.nullable()),
  lastContactKindCode: pub(str.nullable()),
  /** lastContactOn + interval, or today when nobody has been yet. */
  nextDueOn: pub(str),
  overdue: pub(z.boolean()),
  daysOverdue: pub(num),
  /** The next open check-in task, if one is planned. */
  nextCheckInOn: pub(str.nullable()),
  hasCheckInPlan: pub(z.boolean()),
});
export type CareEntry = z.output<typeof careEntrySchema>;

export const volunteerHoursRowSchema = out({
  volunteerId: pub(num),
  name: pub(str),
  isRegular: pub(z.boolean()),
  /** Minutes per month, aligned with `months`. */
  minutes: pub(z.array(num)),
  totalMinutes: pub(num),
  tasks: pub(num),
  /** Done tasks without minutes written down. */
  unlogged: pub(num),
});
export type VolunteerHoursRow = z.output<typeof volunteerHoursRowSchema>;

export const volunteerHoursReportSchema = out({
  from: pub(str),
  to: pub(str),
  months: pub(z.array(str)),
  rows: pub(z.array(volunteerHoursRowSchema)),
  /**
   * Minutes per month. Marked money because the older key list (policy.ts, OPAQUE_KEYS) filed
   * every `totalsByMonth` as money; the lead decides (the calls are the coordinator's, who
   * receives money anyway).
   */
  totalsByMonth: money(z.array(num)),
  totalMinutes: pub(num),
});
export type VolunteerHoursReport = z.output<typeof volunteerHoursReportSchema>;

export const tasksByKindRowSchema = out({
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  counts: pub(z.array(num)),
  total: pub(num),
});
export type TasksByKindRow = z.output<typeof tasksByKindRowSchema>;

export const tasksByKindReportSchema = out({
  from: pub(str),
  to: pub(str),
  months: pub(z.array(str)),
  rows: pub(z.array(tasksByKindRowSchema)),
  /** Done tasks per month; money for the same reason as the volunteer hours' totals. */
  totalsByMonth: money(z.array(num)),
  total: pub(num),
});
export type TasksByKindReport = z.output<typeof tasksByKindReportSchema>;

export const volunteerCountsSchema = out({
  regular: pub(num),
  occasional: pub(num),
  /** Specialists (psychologist, lawyer…) among them; they are also counted as regular or occasional. */
  specialists: pub(num),
  total: pub(num),
});
export type VolunteerCounts = z.output<typeof volunteerCountsSchema>;

export const volunteersActiveReportSchema = out({
  from: pub(str),
  to: pub(str),
  /** Volunteers involved in the period: a done task or an event they helped run (the results report's definition). */
  active: pub(volunteerCountsSchema),
  /** Every volunteer on the list (active status, not deleted), for comparison. */
  registered: pub(volunteerCountsSchema),
});
export type VolunteersActiveReport = z.output<typeof volunteersActiveReportSchema>;
