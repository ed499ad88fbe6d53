// Calls of the needs assessments feature (issue 13). Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import { assessmentDataSchema, assessmentListSchema, assessmentOptionSchema, assessmentOptionsSchema, assessmentSchema, OPTION_LISTS } from '../../domain/assessments';

const id = z.number().int().positive();
const name = z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.tooLong');

export const assessmentsCalls = {
  'assessments.record': call({
    output: assessmentSchema,
    // Of a resident (residentId) or of a household (householdId): exactly one of the two.
    input: assessmentDataSchema.extend({ residentId: id.optional(), householdId: id.optional() }).superRefine((v, ctx) => {
      if ((v.residentId === undefined) === (v.householdId === undefined)) ctx.addIssue({ code: 'custom', path: ['residentId'], message: 'validation.required' });
    }),
    // Coordinators are the caseworkers (ARCHITECTURE.md): they record and read assessments.
    roles: COORDINATION,
    changes: ['assessments'],
    summary: 'Record an assessment of a resident or a household: kind, date, worker, needs found with their severity, conclusion, services proposed, follow-up date. Its content needs a consent covering health.',
  }),
  'assessments.get': call({
    output: assessmentSchema,
    input: z.object({ id }),
    roles: COORDINATION,
    reads: ['assessments', 'residents', 'households', 'users'],
    summary: 'An assessment with its content (the printable view).',
  }),
  'assessments.update': call({
    entity: { read: 'assessments.get', key: 'id' },
    output: assessmentSchema,
    input: assessmentDataSchema.extend({ id }),
    roles: COORDINATION,
    changes: ['assessments'],
    summary: 'Correct an assessment (or move its follow-up date, or clear it once the follow-up is done).',
  }),
  'assessments.ofResident': call({
    output: assessmentListSchema,
    input: z.object({ residentId: id }),
    // The front desk sees that an assessment exists (kind, date, worker, follow-up), never its content.
    roles: CASEWORK,
    reads: ['assessments', 'households', 'users'],
    summary: "A resident's assessments and those of the household they live in, the latest first.",
  }),
  'assessments.dueFollowUps': call({
    output: assessmentListSchema,
    input: z.object({ until: isoDate.optional(), workerId: id.optional() }),
    roles: COORDINATION,
    reads: ['assessments', 'residents', 'households', 'users'],
    summary: 'Follow-ups due by a day (default: today), the earliest first; optionally one worker’s.',
  }),
  'assessments.options': call({
    output: assessmentOptionsSchema,
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: COORDINATION,
    reads: ['assessments', 'users'],
    summary: 'The kinds of assessment, the need areas (built-in and the centre’s own) and the workers who may assess.',
  }),
  'assessments.addOption': call({
    output: assessmentOptionSchema,
    input: z.object({ list: z.enum(OPTION_LISTS), name }),
    roles: COORDINATION,
    changes: ['assessments'],
    summary: 'Add a kind of assessment or a need area of the centre’s own.',
  }),
  'assessments.renameOption': call({
    output: assessmentOptionSchema,
    input: z.object({ id, name }),
    roles: COORDINATION,
    changes: ['assessments'],
    summary: 'Rename a kind or need area of the centre’s own (built-in ones keep their translated name).',
  }),
  'assessments.setOptionArchived': call({
    output: assessmentOptionSchema,
    input: z.object({ id, archived: z.boolean() }),
    roles: COORDINATION,
    changes: ['assessments'],
    summary: 'Archive a kind or need area (no longer offered; assessments keep it) or bring it back.',
  }),
} as const;
