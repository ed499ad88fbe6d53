// Calls of the projects feature (issue 13): projects and programmes with participants.
//
// Roles: coordinators and admins (COORDINATION) run the projects: they recruit participants with
// social contracts and record their attendance, completion or drop-out. The front desk does not
// (it registers people; a project's participants are casework). The treasurer is in no call's
// roles: a grant-linked project's figures matter to the grant's report, but the treasurer gets
// them from the coordinator's report (the reports issue counts them), and an answer that carries
// the figures here carries the participants' names too; no call is split for one figure.
// Names are identity; a drop-out reason and a participant's notes are casework content (`case`).
import { z } from 'zod';
import { call } from '../define';
import { COORDINATION } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import {
  activityInputSchema,
  grantOptionSchema,
  hoursSchema,
  MAX_SESSIONS,
  participationSchema,
  projectInputSchema,
  projectSchema,
  projectSummarySchema,
} from '../../domain/projects';

const id = z.number().int().positive();
/** The day it happened; default: the centre's today. Never in the future. */
const on = isoDate.optional();
const note = z.string('validation.invalid').trim().max(2000, 'validation.tooLong').default('');
/** Every change to one project shows it in the audit log with its changed fields. */
const entity = { read: 'projects.get', key: 'id' } as const;

export const projectsCalls = {
  'projects.list': call({
    output: z.array(projectSummarySchema),
    input: z.object({}),
    roles: COORDINATION,
    // A linked grant's title is the treasurer's.
    reads: ['projects', 'money'],
    summary: 'Projects, the latest period first, with their figures (recruited, active, completed, dropped out, with a contract, per kind of activity) and targets.',
  }),
  'projects.get': call({
    output: projectSchema,
    input: z.object({ id }),
    roles: COORDINATION,
    reads: ['projects', 'residents', 'money'],
    summary: 'A project: its activities (with participants, sessions and hours), its participants (status, contract, attendance) and its figures.',
  }),
  'projects.ofResident': call({
    output: z.array(participationSchema),
    input: z.object({ residentId: id }),
    roles: COORDINATION,
    reads: ['projects', 'residents'],
    summary: "A resident's participations in projects (their page), the latest recruited first.",
  }),
  'projects.grantOptions': call({
    output: z.array(grantOptionSchema),
    input: z.object({}),
    roles: COORDINATION,
    reads: ['money'],
    summary: 'The grants a project may be linked to: id, title and period only (no money).',
  }),
  'projects.create': call({
    output: projectSchema,
    input: projectInputSchema,
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'Create a project: name, funder, period, an optional grant, target figures.',
  }),
  'projects.update': call({
    entity,
    output: projectSchema,
    input: z.object({ id, data: projectInputSchema }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: "Change a project's name, funder, period, grant or targets (the period must still hold every participant's days).",
  }),
  'projects.addActivity': call({
    entity,
    output: projectSchema,
    input: z.object({ id, activity: activityInputSchema }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'Add an activity the project offers (a training, a course, an internship, a self-help group, counselling, a health day…).',
  }),
  'projects.enrol': call({
    entity,
    output: projectSchema,
    input: z.object({
      id,
      residentId: id,
      /** The day they were recruited; default today. Within the project's period. */
      recruitedOn: on,
      /** The day the social contract was signed, when it was signed with the recruitment. */
      contractOn: isoDate.optional(),
      note,
    }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'Recruit a resident as a participant (once while they take part), optionally with the day their social contract was signed.',
  }),
  'projects.recordContract': call({
    entity,
    output: projectSchema,
    input: z.object({ id, participantId: id, on }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: "Record the day a participant's social contract was signed (not before they were recruited).",
  }),
  'projects.recordAttendance': call({
    entity,
    output: projectSchema,
    input: z.object({
      id,
      participantId: id,
      activityId: id,
      on,
      sessions: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_SESSIONS, 'validation.range').default(1),
      hours: hoursSchema.nullable().default(null),
    }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'Record that a participant attended an activity on a day (sessions, hours).',
  }),
  'projects.complete': call({
    entity,
    output: projectSchema,
    input: z.object({ id, participantId: id, on }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'A participant completed the project (not before they were recruited).',
  }),
  'projects.dropOut': call({
    entity,
    output: projectSchema,
    input: z.object({ id, participantId: id, on, reason: z.string('validation.invalid').trim().min(1, 'validation.required').max(1000, 'validation.tooLong') }),
    roles: COORDINATION,
    changes: ['projects'],
    summary: 'A participant dropped out, with the reason (casework content).',
  }),
} as const;
