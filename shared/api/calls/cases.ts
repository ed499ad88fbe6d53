// Calls of the case management feature (issue 13). Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import { actionTextSchema, CASE_OUTCOMES, caseloadSchema, caseNoteSchema, caseSchema, CONTACT_KINDS, goalsSchema, residentCasesSchema, responsibleTextSchema } from '../../domain/cases';

const id = z.number().int().positive();
/** The day it happened (opened, a contact, a review, signed, closed); default: the centre's today. Never in the future. */
const on = isoDate.optional();
/** Every change to one case shows it in the audit log with its changed fields. */
const entity = { read: 'cases.get', key: 'id' } as const;

export const casesCalls = {
  'cases.get': call({
    output: caseSchema,
    input: z.object({ id }),
    roles: COORDINATION,
    reads: ['cases', 'residents', 'households', 'users'],
    summary: 'A case: its subject, lead worker, plan (goals, actions), contacts, reviews, agreement and closure.',
  }),
  'cases.ofResident': call({
    output: residentCasesSchema,
    input: z.object({ residentId: id }),
    // The front desk sees that a case exists, who leads it, since when and its status; its
    // content (field group `case`) is removed from their answer.
    roles: CASEWORK,
    reads: ['cases', 'residents', 'households', 'users'],
    summary: "A resident's cases (for their page): their own and their household's.",
  }),
  'cases.caseload': call({
    output: caseloadSchema,
    /** Omitted: the signed-in user's caseload. */
    input: z.object({ workerId: id.optional() }),
    roles: COORDINATION,
    reads: ['cases', 'residents', 'households', 'users'],
    summary: "A worker's caseload: their open cases with the next review day, overdue actions and overdue reviews.",
  }),
  'cases.open': call({
    output: caseSchema,
    input: z
      .object({
        residentId: id.optional(),
        householdId: id.optional(),
        openedOn: on,
        /** The lead worker; omitted: the signed-in user. */
        workerId: id.optional(),
        /** The needs assessment it comes from (of the same person or household). */
        assessmentId: id.optional(),
        goals: goalsSchema.default([]),
        nextReviewOn: isoDate.optional(),
      })
      .superRefine((v, ctx) => {
        if ((v.residentId === undefined) === (v.householdId === undefined)) ctx.addIssue({ code: 'custom', path: ['residentId'], message: 'validation.caseSubject' });
      }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Open a case for a resident or a household (one open case at a time each), under a consent covering health.',
  }),
  'cases.updatePlan': call({
    entity,
    output: caseSchema,
    input: z.object({ id, goals: goalsSchema }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: "Set the plan's goals.",
  }),
  'cases.addAction': call({
    entity,
    output: caseSchema,
    input: z
      .object({
        id,
        text: actionTextSchema,
        /** May be in the future. */
        dueOn: isoDate,
        responsibleUserId: id.optional(),
        /** Someone named in words: "family assistant", "the resident". */
        responsibleText: responsibleTextSchema.default(''),
      })
      .superRefine((v, ctx) => {
        if ((v.responsibleUserId === undefined) === (v.responsibleText === '')) ctx.addIssue({ code: 'custom', path: ['responsibleText'], message: 'validation.caseResponsible' });
      }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Add an agreed action with its due day and who is responsible (a user or a person named in words).',
  }),
  'cases.completeAction': call({
    entity,
    output: caseSchema,
    input: z.object({ id, actionId: id, doneOn: on }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Mark an action done on a day.',
  }),
  'cases.logContact': call({
    entity,
    output: caseSchema,
    input: z.object({ id, on, kind: z.enum(CONTACT_KINDS), note: caseNoteSchema.default('') }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Log a contact or intervention: a visit, call, meeting, referral, psychological or legal consultation.',
  }),
  'cases.review': call({
    entity,
    output: caseSchema,
    input: z.object({ id, on, note: caseNoteSchema.default(''), nextReviewOn: isoDate.optional() }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Record a periodic review and the next review day.',
  }),
  'cases.recordAgreement': call({
    entity,
    output: caseSchema,
    input: z.object({ id, signedOn: isoDate, note: caseNoteSchema.default('') }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Record the signed agreement (social contract) and its day.',
  }),
  'cases.close': call({
    entity,
    output: caseSchema,
    input: z.object({
      id,
      closedOn: on,
      outcome: z.enum(CASE_OUTCOMES),
      note: caseNoteSchema.default(''),
      /** The screen showed how many actions are still open and the worker confirmed closing anyway. */
      confirmOpenActions: z.boolean().default(false),
    }),
    roles: COORDINATION,
    changes: ['cases'],
    summary: 'Close a case with its outcome; with actions still open it is refused (openActions, their count) unless confirmed.',
  }),
} as const;
