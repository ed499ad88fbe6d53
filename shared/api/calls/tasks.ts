// Calls of the tasks feature (coordinator issue). Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import {
  cancelReasonSchema,
  isoDateSchema,
  notDoneReasonSchema,
  PARTS_OF_DAY,
  TASK_STATUSES,
  taskInputSchema,
  taskOutcomeSchema,
  taskUpdateSchema,
  volunteerIdsSchema,
  advanceRowSchema,
  boardSchema,
  suggestionSchema,
  taskDetailSchema,
  taskListSchema,
  taskSummarySchema,
} from '../../domain/tasks';

const id = z.number().int().positive();
const settlement = z.string().max(100).optional();

// Writes also announce 'volunteers': a volunteer's page lists their tasks and hours.
export const tasksCalls = {
  'tasks.create': call({
    output: taskDetailSchema,
    input: taskInputSchema,
    roles: COORDINATION,
    changes: ['tasks', 'requests', 'volunteers'],
    summary: "Plan a task, from a request (its resident and kind unless overridden) or on its own; the request's status follows its tasks.",
  }),
  'tasks.update': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id, data: taskUpdateSchema }),
    roles: COORDINATION,
    changes: ['tasks', 'volunteers'],
    summary: 'Change an open task: what, for whom, when, the estimate, the note and (when given) its volunteers.',
  }),
  'tasks.assign': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id, volunteerIds: volunteerIdsSchema }),
    roles: COORDINATION,
    changes: ['tasks', 'volunteers'],
    summary: 'Set the volunteers of an open task (assigned with one or more, planned with none); answers with a warning per volunteer.',
  }),
  'tasks.suggest': call({
    output: z.array(suggestionSchema),
    input: z.object({
      kindId: id,
      residentId: id,
      scheduledOn: isoDateSchema,
      partOfDay: z.enum(PARTS_OF_DAY).nullable().default(null),
      startTime: taskUpdateSchema.shape.startTime,
      excludeTaskId: id.optional(),
    }),
    roles: COORDINATION,
    reads: ['volunteers', 'tasks', 'residents', 'catalogue'],
    summary: 'Volunteers ranked for a task (skill, availability that day, same settlement, light week) with reasons and warnings.',
  }),
  'tasks.complete': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id, outcome: taskOutcomeSchema.default({ minutes: [], note: '', advances: [] }) }),
    // The front desk marks a task done when a volunteer calls in.
    roles: CASEWORK,
    changes: ['tasks', 'requests', 'volunteers'],
    summary: 'Record that a task was done: the day, minutes per volunteer, a note and money volunteers advanced.',
  }),
  'tasks.notDone': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id, reason: notDoneReasonSchema }),
    roles: COORDINATION,
    changes: ['tasks', 'requests', 'volunteers'],
    summary: 'Record that a task could not be done, and why.',
  }),
  'tasks.cancel': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id, reason: cancelReasonSchema }),
    roles: COORDINATION,
    changes: ['tasks', 'requests', 'volunteers'],
    summary: 'Cancel an open task (with an optional reason).',
  }),
  'tasks.reopen': call({
    entity: { read: 'tasks.get', key: 'id' },
    output: taskDetailSchema,
    input: z.object({ id }),
    roles: COORDINATION,
    changes: ['tasks', 'requests', 'volunteers'],
    summary: 'Reopen a task that was not done or cancelled.',
  }),
  'tasks.get': call({
    output: taskDetailSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    reads: ['tasks', 'requests', 'residents', 'volunteers', 'catalogue'],
    summary: 'A task with its volunteers (and their warnings), the outcome and the advances.',
  }),
  'tasks.list': call({
    output: taskListSchema,
    input: z.object({
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      statuses: z.array(z.enum(TASK_STATUSES)).max(TASK_STATUSES.length).default([]),
      kindId: id.optional(),
      settlement,
      volunteerId: id.optional(),
      residentId: id.optional(),
      requestId: id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    roles: COORDINATION,
    reads: ['tasks', 'residents', 'volunteers', 'catalogue'],
    summary: 'Tasks filtered by dates, status, kind, settlement, volunteer, resident or request, by day and time.',
  }),
  'tasks.today': call({
    output: z.array(taskSummarySchema),
    input: z.object({}),
    roles: CASEWORK,
    reads: ['tasks', 'residents', 'volunteers', 'catalogue'],
    summary: "Today's tasks (all but cancelled), by time.",
  }),
  'tasks.board': call({
    output: boardSchema,
    input: z.object({ weekStart: isoDateSchema.optional(), kindId: id.optional(), settlement }),
    roles: COORDINATION,
    reads: ['tasks', 'requests', 'residents', 'volunteers', 'catalogue'],
    summary: "The coordinator's board: open requests without tasks, the week by day and by volunteer, overdue tasks.",
  }),
  'tasks.advances': call({
    output: z.array(advanceRowSchema),
    input: z.object({ settled: z.boolean().default(false) }),
    roles: COORDINATION,
    reads: ['tasks', 'residents', 'volunteers', 'catalogue'],
    summary: 'Money volunteers advanced on tasks: pending reimbursements, or settled ones with settled: true.',
  }),
} as const;
