// Calls of the plans feature (coordinator issue): help plans, the snow day, residents under
// regular care, residents who moved away or died, and the coordination reports.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import {
  isoDateSchema,
  LEFT_REASONS,
  MAX_PLAN_HORIZON_DAYS,
  monthRangeSchema,
  PARTS_OF_DAY,
  PLAN_END_REASONS,
  planInputSchema,
  SNOW_DAY_MAX_PER_VOLUNTEER,
  careEntrySchema,
  ensureCheckInsResultSchema,
  generateResultSchema,
  helpPlanDetailSchema,
  helpPlanSchema,
  markLeftResultSchema,
  planListSchema,
  snowDayPreviewSchema,
  snowDayResultSchema,
  tasksByKindReportSchema,
  volunteerHoursReportSchema,
  volunteersActiveReportSchema,
} from '../../domain/plans';

const id = z.number().int().positive();
const volunteerIds = z.array(z.number('validation.unknownVolunteer').int().positive()).max(10, 'validation.tooMany');

export const plansCalls = {
  'plans.list': call({
    output: planListSchema,
    input: z.object({ residentId: id.optional(), includeEnded: z.boolean().default(false) }),
    roles: COORDINATION,
    reads: ['tasks', 'residents', 'volunteers', 'catalogue'],
    summary: 'Help plans (active ones, or all), with their next task, and the planning horizon.',
  }),
  'plans.get': call({
    output: helpPlanDetailSchema,
    input: z.object({ id }),
    roles: COORDINATION,
    reads: ['tasks', 'residents', 'volunteers', 'catalogue'],
    summary: 'A help plan with its recent and upcoming tasks.',
  }),
  'plans.create': call({
    output: helpPlanSchema,
    input: planInputSchema,
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'Start a help plan ("medicines every Tuesday") and make its tasks up to the horizon.',
  }),
  'plans.update': call({
    entity: { read: 'plans.get', key: 'id' },
    output: helpPlanSchema,
    input: z.object({ id, data: planInputSchema }),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: "Change a plan: its open tasks after today are made again; done ones stay as history.",
  }),
  'plans.end': call({
    entity: { read: 'plans.get', key: 'id' },
    output: helpPlanSchema,
    input: z.object({ id, endsOn: isoDateSchema.optional(), reason: z.enum(PLAN_END_REASONS).default('noLongerNeeded') }),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'End a plan (today unless a last day is given); its open tasks after that day go.',
  }),
  'plans.generate': call({
    output: generateResultSchema,
    input: z.object({}),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'Make the tasks of every active plan from today to the horizon; days that have one are skipped.',
  }),
  'plans.setHorizon': call({
    output: generateResultSchema,
    input: z.object({
      days: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_PLAN_HORIZON_DAYS, 'validation.range'),
    }),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'How many days ahead plans make tasks; makes the tasks of the new horizon.',
  }),
  'plans.ensureCheckIns': call({
    output: ensureCheckInsResultSchema,
    input: z.object({}),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'A check-in plan (every check-in interval) for everyone under regular care who has none.',
  }),

  'residents.markLeft': call({
    entity: { read: 'residents.get', key: 'id' },
    output: markLeftResultSchema,
    input: z.object({ id, reason: z.enum(LEFT_REASONS), on: isoDateSchema }),
    roles: CASEWORK,
    changes: ['residents', 'tasks', 'households'],
    summary: 'A resident moved away or died: their plans end, open tasks from that day are cancelled and they leave their household that day (a head hands over to a spouse or partner, else the eldest registered member); history stays.',
  }),

  'snowDay.preview': call({
    output: snowDayPreviewSchema,
    input: z.object({
      date: isoDateSchema,
      maxPerVolunteer: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(20, 'validation.range').default(SNOW_DAY_MAX_PER_VOLUNTEER),
    }),
    roles: COORDINATION,
    reads: ['residents', 'volunteers', 'tasks', 'catalogue'],
    summary: 'Everyone on the snow-clearing list with a proposed volunteer (same settlement, least load first).',
  }),
  'snowDay.confirm': call({
    output: snowDayResultSchema,
    input: z.object({
      date: isoDateSchema,
      assignments: z
        .array(z.object({ residentId: id, volunteerIds: volunteerIds.default([]) }))
        .min(1, 'validation.required')
        .max(2000, 'validation.tooMany')
        .refine((list) => new Set(list.map((a) => a.residentId)).size === list.length, 'validation.duplicate'),
      partOfDay: z.enum(PARTS_OF_DAY).nullable().default(null),
      estimatedMinutes: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(24 * 60, 'validation.range').nullable().default(60),
    }),
    roles: COORDINATION,
    changes: ['tasks'],
    summary: 'Make the snow-clearing tasks of a day in one go; residents who already have one that day are skipped.',
  }),

  'care.list': call({
    output: z.array(careEntrySchema),
    input: z.object({ settlement: z.string().max(100).optional(), overdueOnly: z.boolean().default(false) }),
    roles: CASEWORK,
    reads: ['residents', 'tasks'],
    summary: 'Residents under regular care: last contact, next check-in due, who is overdue.',
  }),

  'reports.volunteerHours': call({
    output: volunteerHoursReportSchema,
    input: monthRangeSchema,
    roles: COORDINATION,
    reads: ['tasks', 'volunteers'],
    summary: 'Minutes given per volunteer and month (done tasks).',
  }),
  'reports.tasksByKind': call({
    output: tasksByKindReportSchema,
    input: monthRangeSchema,
    roles: COORDINATION,
    reads: ['tasks', 'catalogue'],
    summary: 'Done tasks per kind of help and month.',
  }),
  'reports.volunteersActive': call({
    output: volunteersActiveReportSchema,
    input: monthRangeSchema,
    roles: COORDINATION,
    reads: ['tasks', 'volunteers', 'events'],
    summary: 'Regular, occasional and specialist volunteers involved in the period (a done task or an event they helped run), beside everyone on the list.',
  }),
} as const;
