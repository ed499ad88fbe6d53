/**
 * "Results in numbers" (issue 14): the figures of a period, each defined once in the core
 * (electron/core/features/reports/figures.ts) with a sentence that says what it counts
 * (`definitions`, namespace `reports`, key `definitions.<figure>`).
 *
 * Shapes, for the screen, the exports and the command line alike:
 * - `months` lists the period's months ('YYYY-MM'); every `byMonth` array has one number per month
 *   in that order. The first and last month may be partial: they count only the period's days.
 * - Additive figures (things that happened: tasks done, services, attendances, aid given, nights)
 *   sum over their months to the period's figure.
 * - Distinct figures (people, households, volunteers) count each one once in the period and once
 *   in each month they appear in: their months are NOT to be added (a person who came in two
 *   months is one person of the period). Their series are named `…ByMonth` inside an object that
 *   says `additive: false`.
 * - A breakdown is a list of rows, each with a stable `code` (a catalogue kind's code or `id:<n>`
 *   for a centre's own kind, a status, an event kind, `id:<n>` for an aid item or a project), the
 *   thing's own `name` where it has one (a centre's own kind, an aid item, a project), null where
 *   the screen translates the code, and the counts.
 *
 * Every figure is public (counts, nobody named) except `money` (the money group): the front desk
 * does not receive it. The named list behind a number is `reports.people` (identity, contact).
 */
import { z } from 'zod';
import { contact, identity, money, out, pub } from '../api/fields';
import { isoDateSchema, monthRange } from './dates';
import { LANGUAGES } from './settings';

/** The figures, in the order the report shows them. `money` only for roles that receive money. */
export const REPORT_FIGURES = [
  'peopleReached',
  'newResidents',
  'households',
  'servicesByKind',
  'requestsByStatus',
  'assessments',
  'cases',
  'projects',
  'tasksDone',
  'volunteerHours',
  'volunteers',
  'specialists',
  'events',
  'aidGiven',
  'underRegularCare',
  'shelter',
  'money',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** The figures that are about residents: each has a named list behind it (reports.people). */
export const PEOPLE_FIGURES = [
  'peopleReached',
  'newResidents',
  'servicesByKind',
  'assessments',
  'cases',
  'projects',
  'events',
  'aidGiven',
  'underRegularCare',
  'shelter',
] as const satisfies readonly ReportFigure[];
export type PeopleFigure = (typeof PEOPLE_FIGURES)[number];

/** At most about five years in one report. */
export const MAX_REPORT_DAYS = 5 * 366 + 1;

const num = z.number();
const str = z.string();
/** One number per month of `months`. */
const series = z.array(z.number());

/** The period of a report: calendar-checked days, both included, from ≤ to, at most ~5 years. */
export const reportPeriodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' })
  .refine((r) => r.from > r.to || monthRange(r.from.slice(0, 7), r.to.slice(0, 7)).length <= 61, { path: ['to'], message: 'validation.range' });

export const reportsResultsInputSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    /** The language of `definitions`; default: the acting user's language, else the centre's. */
    language: z.enum(LANGUAGES).optional(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' })
  .refine((r) => r.from > r.to || monthRange(r.from.slice(0, 7), r.to.slice(0, 7)).length <= 61, { path: ['to'], message: 'validation.range' });

/** A row of a breakdown: a stable code, the thing's own name where it has one, a count and its months. */
export const countRowSchema = out({
  code: pub(str),
  /** The thing's own name (a centre's own kind, an aid item, a project); null: translate `code`. */
  name: pub(str.nullable()),
  count: pub(num),
  /** Additive rows only (services, requests): one number per month. */
  byMonth: pub(series),
});
export type CountRow = z.output<typeof countRowSchema>;

/** Distinct named residents and, beside them, unnamed head counts (never added into `named`). */
export const peopleReachedSchema = out({
  /** Distinct residents with any contact in the period (counted once however often they came). */
  named: pub(num),
  /** Unnamed attendance (event head counts) and outreach head counts (aid handed out to a head count). */
  headCounts: pub(num),
  /** Distinct residents per month: NOT to be added (someone who came in two months counts in both). */
  namedByMonth: pub(series),
  /** Head counts per month: additive. */
  headCountsByMonth: pub(series),
  /** Distinct residents reached per settlement (the resident's settlement; '' = not recorded). */
  bySettlement: pub(z.array(out({ code: pub(str), count: pub(num) }))),
});

export const newResidentsSchema = out({
  /** Residents registered in the period. */
  count: pub(num),
  byMonth: pub(series),
});

export const householdsServedSchema = out({
  /** Households plus persons in no household ("families or persons served"). */
  families: pub(num),
  households: pub(num),
  personsWithoutHousehold: pub(num),
  /** Families per month: NOT to be added. */
  familiesByMonth: pub(series),
});

export const servicesByKindSchema = out({
  /** Services given: done tasks plus desk services done (cancelled requests are not services). */
  total: pub(num),
  byMonth: pub(series),
  rows: pub(
    z.array(
      out({
        ...countRowSchema.shape,
        mode: pub(z.enum(['volunteer', 'desk'])),
        /** Done tasks of this kind. */
        tasks: pub(num),
        /** Desk services (done requests of a desk kind). */
        desk: pub(num),
        /** Distinct residents who received this kind. */
        people: pub(num),
      }),
    ),
  ),
});

export const requestsByStatusSchema = out({
  /** Requests logged in the period. */
  total: pub(num),
  byMonth: pub(series),
  /** By their status now: code = new, planned, inProgress, done, cancelled, referred. */
  rows: pub(z.array(countRowSchema)),
});

export const assessmentsFigureSchema = out({
  /** Needs assessments carried out in the period. */
  count: pub(num),
  byMonth: pub(series),
  /** Distinct residents assessed on their own. */
  residents: pub(num),
  /** Distinct households assessed as a household. */
  households: pub(num),
});

export const casesFigureSchema = out({
  /** Cases open on the period's last day. */
  openAtEnd: pub(num),
  /** Cases opened in the period. */
  opened: pub(num),
  openedByMonth: pub(series),
  /** Cases closed in the period. */
  closed: pub(num),
  closedByMonth: pub(series),
  /** Closed in the period by outcome: goalsMet, partlyMet, droppedOut, moved, referred. */
  closedByOutcome: pub(z.array(out({ code: pub(str), count: pub(num) }))),
  /** Cases with any day in the period (open at some time in it). */
  active: pub(num),
});

export const projectsFigureSchema = out({
  /** Participants recruited in the period. */
  recruited: pub(num),
  /** Participants taking part on some day of the period. */
  active: pub(num),
  /** Participants who completed in the period. */
  completed: pub(num),
  /** Participants who dropped out in the period. */
  dropped: pub(num),
  rows: pub(
    z.array(
      out({ code: pub(str), name: pub(str), recruited: pub(num), active: pub(num), completed: pub(num), dropped: pub(num) }),
    ),
  ),
});

export const tasksDoneSchema = out({
  count: pub(num),
  byMonth: pub(series),
  /** Done tasks by kind of help. */
  rows: pub(z.array(countRowSchema)),
});

export const volunteerHoursSchema = out({
  /** Minutes logged on done tasks, plus minutes of event organisers who are volunteers. */
  minutes: pub(num),
  byMonth: pub(series),
  /** Volunteers' task shares done without minutes logged. */
  unlogged: pub(num),
});

export const volunteersFigureSchema = out({
  /** Volunteers involved: a done task or an event they helped run in the period. */
  involved: pub(num),
  regular: pub(num),
  occasional: pub(num),
  /** Volunteers involved per month: NOT to be added. */
  involvedByMonth: pub(series),
});

export const specialistsFigureSchema = out({
  /** Involved volunteers who are specialists (a psychologist, a lawyer…). */
  count: pub(num),
});

export const eventsFigureSchema = out({
  /** Events held in the period. */
  held: pub(num),
  heldByMonth: pub(series),
  /** Named attendances (a resident marked attended; one per event). */
  attendances: pub(num),
  attendancesByMonth: pub(series),
  /** Distinct named residents who attended: NOT the sum of the kinds' people. */
  people: pub(num),
  /** Unnamed attendance counted at the door. */
  headCounts: pub(num),
  headCountsByMonth: pub(series),
  /** Per kind: masterClass, consultationDay, awarenessEvent, campaign, partnerMeeting, distributionDay, streetWork, mobileTeamTrip. */
  rows: pub(z.array(out({ code: pub(str), held: pub(num), attendances: pub(num), people: pub(num), headCounts: pub(num) }))),
});

export const aidGivenSchema = out({
  /** Distinct named residents who received aid themselves. */
  people: pub(num),
  /** Distinct households given aid as a household. */
  households: pub(num),
  /** Head counts of aid handed out without names (outreach). */
  headCounts: pub(num),
  /** Quantities given by item, after corrections: code id:<item>, name, size, unit. */
  rows: pub(
    z.array(
      out({ code: pub(str), name: pub(str), size: pub(str), unit: pub(str), quantity: pub(num), byMonth: pub(series), people: pub(num) }),
    ),
  ),
});

export const underRegularCareSchema = out({
  /** Residents under regular care on some day of the period. */
  count: pub(num),
});

export const shelterFigureSchema = out({
  /** Nights spent in the centre's shelters in the period (additive). */
  nights: pub(num),
  nightsByMonth: pub(series),
  /** Distinct residents sheltered on some night of the period. */
  people: pub(num),
  /** Stays of households registered without a named resident. */
  householdStays: pub(num),
});

export const moneyFigureSchema = out({
  /** The centre's currency; amounts in minor units. */
  currency: money(str),
  /** Income in the cash book in the period (no transfers between accounts). */
  incomeMinor: money(num),
  incomeByMonth: money(series),
  /** Expenses in the period (no transfers), as a positive number. */
  expensesMinor: money(num),
  expensesByMonth: money(series),
  /** In-kind contributions (co-financing) in the period. */
  inKindMinor: money(num),
  inKindByMonth: money(series),
  /** Grants running in the period: planned total vs spent on their budget lines in the period. */
  grants: money(
    z.array(out({ code: money(str), name: money(str), funder: money(str), plannedMinor: money(num), actualMinor: money(num), currency: money(str) })),
  ),
});

export const resultsReportSchema = out({
  from: pub(str),
  to: pub(str),
  /** The period's months, 'YYYY-MM', in order; every byMonth has one number per month. */
  months: pub(z.array(str)),
  peopleReached: pub(peopleReachedSchema),
  newResidents: pub(newResidentsSchema),
  households: pub(householdsServedSchema),
  servicesByKind: pub(servicesByKindSchema),
  requestsByStatus: pub(requestsByStatusSchema),
  assessments: pub(assessmentsFigureSchema),
  cases: pub(casesFigureSchema),
  projects: pub(projectsFigureSchema),
  tasksDone: pub(tasksDoneSchema),
  volunteerHours: pub(volunteerHoursSchema),
  volunteers: pub(volunteersFigureSchema),
  specialists: pub(specialistsFigureSchema),
  events: pub(eventsFigureSchema),
  aidGiven: pub(aidGivenSchema),
  underRegularCare: pub(underRegularCareSchema),
  shelter: pub(shelterFigureSchema),
  /** Absent for roles that do not receive money (the front desk). */
  money: money(moneyFigureSchema).optional(),
  /** One sentence per figure key, in the caller's language (what it counts). */
  definitions: pub(z.record(z.string(), z.string())),
  /** Which figures are distinct (their months are not to be added). */
  distinct: pub(z.array(str)),
});
export type ResultsReport = z.output<typeof resultsReportSchema>;

export const reportsPeopleInputSchema = z
  .object({
    figure: z.enum(PEOPLE_FIGURES),
    from: isoDateSchema,
    to: isoDateSchema,
    /** A row of the figure's breakdown (a kind's code, an event kind, `id:<n>` of an item…). */
    code: z.string().max(100).optional(),
    /** The next page: after the resident with this sort key and id (the previous page's nextCursor). */
    cursor: z.object({ sortKey: z.string().max(400), id: z.number().int().positive() }).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' })
  .refine((r) => r.from > r.to || monthRange(r.from.slice(0, 7), r.to.slice(0, 7)).length <= 61, { path: ['to'], message: 'validation.range' });

export const reportPersonSchema = out({
  residentId: pub(num),
  /** Empty for a resident erased for privacy (still counted). */
  name: identity(str),
  settlement: contact(str),
  erased: pub(z.boolean()),
});
export type ReportPerson = z.output<typeof reportPersonSchema>;

export const reportPeopleSchema = out({
  figure: pub(str),
  code: pub(str.nullable()),
  items: pub(z.array(reportPersonSchema)),
  /** How many residents the list has (the figure's number for that row). */
  total: pub(num),
  nextCursor: pub(out({ sortKey: identity(str), id: pub(num) }).nullable()),
});
export type ReportPeople = z.output<typeof reportPeopleSchema>;
