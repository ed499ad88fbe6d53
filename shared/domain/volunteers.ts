/**
 * Volunteers and specialists: who they are, what they can do (skills from an editable list),
 * when they are free (weekday × part of the day), and the rules the UI shares with the core.
 */
import { z } from 'zod';
import type { BuiltInKindCode } from './catalogue';
import { phoneSchema } from './residents';
import { LANGUAGES } from './settings';
import { isIsoDate, isoDateSchema } from './dates';
import { contact, health, identity, out, pub } from '../api/fields';

export const SPECIALISTS = ['psychologist', 'lawyer', 'socialWorker', 'doctor', 'teacher', 'other'] as const;
export type Specialist = (typeof SPECIALISTS)[number];

export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const VOLUNTEER_STATUSES = ['active', 'paused'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/**
 * The built-in skills (translated in the `volunteers` namespace as skills.<code>); a centre adds its
 * own with a name. New codes may be appended in later versions, never renamed or removed.
 */
export const BUILT_IN_SKILLS = ['carriesFirewood', 'hasCar', 'hasSnowTools', 'buysMedicines', 'smallRepairs', 'drivesToDoctor', 'computerHelp'] as const;
export type BuiltInSkillCode = (typeof BUILT_IN_SKILLS)[number];

/**
 * Which skills a built-in kind of help needs, for volunteer suggestions. Applied once when the
 * kind or the skill first appears; the coordinator edits them afterwards (kinds.setSkills). Every
 * built-in kind is listed, so that a new kind cannot be added without deciding.
 */
export const KIND_SKILL_DEFAULTS: Readonly<Record<BuiltInKindCode, readonly BuiltInSkillCode[]>> = {
  firewood: ['carriesFirewood'],
  snowClearing: ['hasSnowTools'],
  medicinePurchase: ['buysMedicines'],
  groceries: [],
  transportDoctor: ['drivesToDoctor', 'hasCar'],
  householdRepairs: ['smallRepairs'],
  checkIn: [],
  // Carrying water is the same heavy carrying as firewood.
  waterCarrying: ['carriesFirewood'],
  printing: [],
  copies: [],
  lamination: [],
  documentPhotos: [],
  formTyping: [],
  formsHelp: [],
  onlineServices: ['computerHelp'],
  legalConsultation: [],
  psychConsultation: [],
  humanitarianAid: [],
  masterClass: [],
};

/** The statuses of a task (tasks table); the tasks feature owns their rules. */
export const VOLUNTEER_TASK_STATUSES = ['planned', 'assigned', 'done', 'notDone', 'cancelled'] as const;
export type VolunteerTaskStatus = (typeof VOLUNTEER_TASK_STATUSES)[number];
/** A task still to be done: it blocks deleting its volunteer and is counted when pausing one. */
export const OPEN_TASK_STATUSES = ['planned', 'assigned'] as const satisfies readonly VolunteerTaskStatus[];

/** Agreements older than this are not plausible (a typo in the year). */
export const MIN_AGREEMENT_YEAR = 1990;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not): the one check of ./dates. */
export const isCalendarDate = isIsoDate;

/** Validation messages are i18n keys in the `common` namespace (validation.*). */
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const requiredText = (max: number) => z.string('validation.required').trim().max(max, 'validation.tooLong').min(1, 'validation.required');

export const availabilitySlotSchema = z.object({
  weekday: z.number('validation.invalid').int('validation.invalid').min(1, 'validation.range').max(7, 'validation.range'),
  part: z.enum(PARTS_OF_DAY, 'validation.invalid'),
});
export type AvailabilitySlot = { weekday: Weekday; part: PartOfDay };

/**
 * The agreement date: a real date, not before 1990. "Not in the future" depends on the centre's
 * today, which only the core knows (its clock): the core checks it.
 */
export const agreementDateSchema = isoDateSchema.refine((s) => Number(s.slice(0, 4)) >= MIN_AGREEMENT_YEAR, 'validation.date');

export const volunteerInputSchema = z.object({
  lastName: requiredText(100),
  firstName: requiredText(100),
  patronymic: text(100).default(''),
  settlement: text(100).default(''),
  phones: z.array(phoneSchema, 'validation.invalid').max(5, 'validation.tooMany').default([]),
  languages: z.array(z.enum(LANGUAGES, 'validation.invalid'), 'validation.invalid').max(LANGUAGES.length, 'validation.tooMany').default([]),
  skillIds: z
    .array(z.number('validation.invalid').int('validation.invalid').positive('validation.invalid'), 'validation.invalid')
    .max(100, 'validation.tooMany')
    .default([]),
  availability: z.array(availabilitySlotSchema, 'validation.invalid').max(WEEKDAYS.length * PARTS_OF_DAY.length, 'validation.tooMany').default([]),
  isRegular: z.boolean('validation.invalid').default(false),
  specialist: z.enum(SPECIALISTS, 'validation.invalid').nullable().default(null),
  agreementSignedOn: agreementDateSchema.nullable().default(null),
  status: z.enum(VOLUNTEER_STATUSES, 'validation.invalid').default('active'),
  notes: text(4000).default(''),
});
export type VolunteerInput = z.input<typeof volunteerInputSchema>;
export type VolunteerData = z.output<typeof volunteerInputSchema>;

// ---------------------------------------------------------------------------------------------
// Outputs: every field with its field group (shared/api/fields.ts). Volunteers' names are identity,
// their settlement and phones contact, their notes health, as for residents.

const str = z.string();
const num = z.number();
const weekdaySchema = z.literal(WEEKDAYS);

/** A skill as a volunteer or a kind carries it: built-in ones have a code, the centre's own a name. */
export const skillRefSchema = out({
  id: pub(num),
  code: pub(str.nullable()),
  name: pub(str.nullable()),
});
export type SkillRef = z.output<typeof skillRefSchema>;

/** A skill of the editable list. `inUse`: at least one (not deleted) volunteer has it. */
export const skillSchema = out({
  ...skillRefSchema.shape,
  archived: pub(z.boolean()),
  inUse: pub(z.boolean()),
});
export type Skill = z.output<typeof skillSchema>;

export const volunteerSummarySchema = out({
  id: pub(num),
  fullName: identity(str),
  settlement: contact(str),
  phones: contact(z.array(str)),
  languages: pub(z.array(z.enum(LANGUAGES))),
  isRegular: pub(z.boolean()),
  specialist: pub(z.enum(SPECIALISTS).nullable()),
  status: pub(z.enum(VOLUNTEER_STATUSES)),
  skills: pub(z.array(skillRefSchema)),
});
export type VolunteerSummary = z.output<typeof volunteerSummarySchema>;

export const volunteerSchema = out({
  id: pub(num),
  lastName: identity(str),
  firstName: identity(str),
  patronymic: identity(str),
  fullName: identity(str),
  settlement: contact(str),
  phones: contact(z.array(str)),
  languages: pub(z.array(z.enum(LANGUAGES))),
  skillIds: pub(z.array(num)),
  /** Sorted by weekday, then morning, afternoon, evening; no duplicates. */
  availability: pub(z.array(out({ weekday: pub(weekdaySchema), part: pub(z.enum(PARTS_OF_DAY)) }))),
  isRegular: pub(z.boolean()),
  specialist: pub(z.enum(SPECIALISTS).nullable()),
  agreementSignedOn: pub(str.nullable()),
  status: pub(z.enum(VOLUNTEER_STATUSES)),
  notes: health(str),
  /** The skills of `skillIds` (archived ones included), in the order of the skills list. */
  skills: pub(z.array(skillRefSchema)),
  /** Tasks of this volunteer still planned or assigned (whatever their date): the UI warns when pausing. */
  openTasks: pub(num),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Volunteer = z.output<typeof volunteerSchema>;

/** A task on a volunteer's page. `minutesSpent` is this volunteer's time on it. */
export const volunteerTaskSchema = out({
  id: pub(num),
  scheduledOn: pub(str),
  partOfDay: pub(z.enum(PARTS_OF_DAY).nullable()),
  startTime: pub(str.nullable()),
  status: pub(z.enum(VOLUNTEER_TASK_STATUSES)),
  doneOn: pub(str.nullable()),
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  residentId: pub(num),
  residentName: identity(str),
  settlement: contact(str),
  estimatedMinutes: pub(num.nullable()),
  minutesSpent: pub(num.nullable()),
});
export type VolunteerTask = z.output<typeof volunteerTaskSchema>;

export const monthMinutesSchema = out({
  /** YYYY-MM */
  month: pub(str),
  minutes: pub(num),
});
export type MonthMinutes = z.output<typeof monthMinutesSchema>;

export const regularResidentSchema = out({
  residentId: pub(num),
  fullName: identity(str),
  /** Done tasks for this resident by this volunteer in the window. */
  tasks: pub(num),
});
export type RegularResident = z.output<typeof regularResidentSchema>;

/** How many days back "helps regularly" looks, and how many done tasks make it regular. */
export const REGULAR_RESIDENT_DAYS = 180;
export const REGULAR_RESIDENT_MIN_TASKS = 2;
/** Months of hours on a volunteer's page: this month and the eleven before it. */
export const HOURS_MONTHS = 12;
export const PAST_TASKS_LIMIT = 50;
export const UPCOMING_TASKS_LIMIT = 100;

/**
 * The fields of a volunteers' merge, each taken from the survivor's record or from the other's.
 * The rest is joined: phones (up to 5, the survivor's first), languages, skills, availability,
 * "regular" and "active" if either record says so.
 */
export const VOLUNTEER_MERGE_FIELDS = ['lastName', 'firstName', 'patronymic', 'settlement', 'specialist', 'agreementSignedOn', 'notes'] as const;
export type VolunteerMergeField = (typeof VOLUNTEER_MERGE_FIELDS)[number];
export const volunteerMergeFieldsSchema = z
  .object(
    Object.fromEntries(VOLUNTEER_MERGE_FIELDS.map((f) => [f, z.enum(['survivor', 'other']).default('survivor')])) as Record<
      VolunteerMergeField,
      z.ZodDefault<z.ZodEnum<{ survivor: 'survivor'; other: 'other' }>>
    >,
  )
  .default(Object.fromEntries(VOLUNTEER_MERGE_FIELDS.map((f) => [f, 'survivor'])) as Record<VolunteerMergeField, 'survivor'>);

/** A volunteer record merged into this one, as the page shows it ("merged from …"). */
export const volunteerMergedFromSchema = out({
  mergedId: pub(num),
  fullName: identity(str),
  mergedAt: pub(str),
  mergedBy: pub(str),
});
export type VolunteerMergedFrom = z.output<typeof volunteerMergedFromSchema>;

export const volunteerPageSchema = out({
  volunteer: pub(volunteerSchema),
  /** Records of the same volunteer merged into this one (volunteers.merge), newest first. */
  mergedFrom: pub(z.array(volunteerMergedFromSchema)),
  /** Tasks scheduled today or later, soonest first (at most UPCOMING_TASKS_LIMIT). */
  upcoming: pub(z.array(volunteerTaskSchema)),
  /** Tasks scheduled before today, newest first (at most PAST_TASKS_LIMIT). */
  past: pub(z.array(volunteerTaskSchema)),
  /** Minutes of done tasks by month (done date, else scheduled date), oldest first, empty months as 0. */
  hoursByMonth: pub(z.array(monthMinutesSchema)),
  /** Residents with at least two done tasks by this volunteer in the last 180 days, most first. */
  regularResidents: pub(z.array(regularResidentSchema)),
});
export type VolunteerPage = z.output<typeof volunteerPageSchema>;
