/**
 * Case management (issue 13): social accompaniment ("соціальний супровід", "социальное
 * сопровождение") of a resident or of a household, with a social contract ("kontrakt socjalny")
 * when one is signed. A case is opened on a day by its lead worker (a user: coordinators and
 * admins are the centre's caseworkers), has a plan (goals; agreed actions with a due day and who
 * is responsible), contacts and interventions, periodic reviews, and is closed with an outcome.
 * Labels: cases:outcome.<code>, cases:contactKind.<code>, cases:status.<code>.
 *
 * Field groups: that a case exists, its subject, worker, opening day, status and next review day
 * are public (the front desk sees them on the resident's page); everything it says (goals,
 * actions, contacts, reviews, the agreement, the outcome and closing note) is casework content.
 */
import { z } from 'zod';
import { caseContent, identity, out, pub } from '../api/fields';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['goalsMet', 'partlyMet', 'droppedOut', 'moved', 'referred'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'referral', 'psychologicalConsultation', 'legalConsultation'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Goals in a plan. */
export const MAX_GOALS = 20;
export const GOAL_MAX = 500;
export const ACTION_MAX = 500;
export const RESPONSIBLE_MAX = 100;
export const NOTE_MAX = 4000;

const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
export const goalsSchema = z.array(text(GOAL_MAX).min(1, 'validation.required')).max(MAX_GOALS, 'validation.tooMany');
export const actionTextSchema = text(ACTION_MAX).min(1, 'validation.required');
export const responsibleTextSchema = text(RESPONSIBLE_MAX);
export const caseNoteSchema = text(NOTE_MAX);

const str = z.string();
const num = z.number();

export const caseActionSchema = out({
  id: pub(num),
  text: caseContent(str),
  dueOn: caseContent(str),
  /** A user who is responsible, or null (then `responsibleText` names who). */
  responsibleUserId: caseContent(num.nullable()),
  responsibleUserName: caseContent(str.nullable()),
  responsibleText: caseContent(str),
  doneOn: caseContent(str.nullable()),
  /** Not done and due before today. */
  overdue: caseContent(z.boolean()),
});
export type CaseAction = z.output<typeof caseActionSchema>;

export const caseContactSchema = out({
  id: pub(num),
  on: caseContent(str),
  kind: caseContent(z.enum(CONTACT_KINDS)),
  note: caseContent(str),
  byUserId: caseContent(num),
  byUserName: caseContent(str),
});
export type CaseContact = z.output<typeof caseContactSchema>;

export const caseReviewSchema = out({
  id: pub(num),
  on: caseContent(str),
  note: caseContent(str),
  nextReviewOn: caseContent(str.nullable()),
  byUserId: caseContent(num),
  byUserName: caseContent(str),
});
export type CaseReview = z.output<typeof caseReviewSchema>;

/** What anyone who works with residents sees of a case: that it exists, whose it is, who leads it, since when. */
const caseHeader = {
  id: pub(num),
  /** The case of a resident (null for a household's case, and once the person was erased). */
  residentId: pub(num.nullable()),
  /** The case of a household. */
  householdId: pub(num.nullable()),
  /** The resident's name, or the head's for a household ('' when erased). */
  subjectName: identity(str),
  openedOn: pub(str),
  workerId: pub(num),
  workerName: pub(str),
  status: pub(z.enum(CASE_STATUSES)),
  closedOn: pub(str.nullable()),
  nextReviewOn: pub(str.nullable()),
} as const;

export const caseSummarySchema = out({
  ...caseHeader,
  outcome: caseContent(z.enum(CASE_OUTCOMES).nullable()),
  goalCount: caseContent(num),
  openActions: caseContent(num),
});
export type CaseSummary = z.output<typeof caseSummarySchema>;

export const caseSchema = out({
  ...caseHeader,
  outcome: caseContent(z.enum(CASE_OUTCOMES).nullable()),
  closingNote: caseContent(str),
  /** The day the agreement (social contract) was signed, or null. */
  agreementOn: caseContent(str.nullable()),
  agreementNote: caseContent(str),
  /** The needs assessment it was opened from (not checked yet: see the migration). */
  assessmentId: pub(num.nullable()),
  goals: caseContent(z.array(str)),
  actions: caseContent(z.array(caseActionSchema)),
  contacts: caseContent(z.array(caseContactSchema)),
  reviews: caseContent(z.array(caseReviewSchema)),
  /** Actions not done yet. */
  openActions: caseContent(num),
  /** The next review day has passed. */
  reviewOverdue: pub(z.boolean()),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Case = z.output<typeof caseSchema>;

export const residentCasesSchema = out({
  /** The resident's own cases and their household's (now), the open one first, then the latest. */
  cases: pub(z.array(caseSummarySchema)),
  /** The household the resident lives in now (a household case may be opened for it). */
  householdId: pub(num.nullable()),
});
export type ResidentCases = z.output<typeof residentCasesSchema>;

export const caseloadCaseSchema = out({
  id: pub(num),
  residentId: pub(num.nullable()),
  householdId: pub(num.nullable()),
  subjectName: identity(str),
  openedOn: pub(str),
  nextReviewOn: pub(str.nullable()),
  reviewOverdue: pub(z.boolean()),
  openActions: caseContent(num),
  overdueActions: caseContent(num),
});

export const caseloadSchema = out({
  workerId: pub(num),
  workerName: pub(str),
  today: pub(str),
  /** Open cases, the next review first (none planned last). */
  cases: pub(z.array(caseloadCaseSchema)),
  /** Actions not done whose due day has passed, the oldest first. */
  overdueActions: caseContent(
    z.array(
      out({
        caseId: pub(num),
        actionId: pub(num),
        subjectName: identity(str),
        text: caseContent(str),
        dueOn: caseContent(str),
        responsible: caseContent(str),
      }),
    ),
  ),
  /** Open cases whose review day has passed. */
  reviewsOverdue: pub(num),
  /** The users who may lead cases (to pick another worker's caseload). */
  workers: pub(z.array(out({ id: pub(num), name: pub(str) }))),
});
export type Caseload = z.output<typeof caseloadSchema>;
