// Calls of the volunteers feature (coordinator issue). Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import {
  SPECIALISTS,
  VOLUNTEER_STATUSES,
  volunteerInputSchema,
  volunteerMergeFieldsSchema,
  skillSchema,
  volunteerPageSchema,
  volunteerSchema,
  volunteerSummarySchema,
} from '../../domain/volunteers';

const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500).default(50);
const skillName = z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.tooLong');
const skillIds = z.array(id).max(100, 'validation.tooMany');

export const volunteersCalls = {
  'volunteers.search': call({
    output: z.array(volunteerSummarySchema),
    input: z.object({
      q: z.string().max(200).default(''),
      status: z.enum(VOLUNTEER_STATUSES).optional(),
      skillId: id.optional(),
      specialist: z.enum(SPECIALISTS).optional(),
      settlement: z.string().max(100).optional(),
      limit,
    }),
    // The front desk sees who comes in; only coordination changes volunteers.
    roles: CASEWORK,
    reads: ['volunteers'],
    summary: 'Find volunteers by name, settlement or phone (folding case and accents), by status, skill or specialty.',
  }),
  'volunteers.get': call({
    output: volunteerPageSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    reads: ['volunteers', 'tasks', 'residents', 'catalogue'],
    summary: "A volunteer's page: the profile, upcoming and past tasks, hours by month, residents they help regularly.",
  }),
  'volunteers.create': call({
    output: volunteerSchema,
    input: volunteerInputSchema,
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: 'Register a volunteer or specialist.',
  }),
  'volunteers.update': call({
    entity: { read: 'volunteers.get', key: 'id' },
    output: volunteerSchema,
    input: z.object({ id, data: volunteerInputSchema }),
    roles: COORDINATION,
    // Task lists show volunteers' names.
    changes: ['volunteers', 'tasks'],
    summary: "Change a volunteer's profile, skills and availability.",
  }),
  'volunteers.setStatus': call({
    entity: { read: 'volunteers.get', key: 'id' },
    output: volunteerSchema,
    input: z.object({ id, status: z.enum(VOLUNTEER_STATUSES) }),
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: 'Pause a volunteer or make them active again; the answer counts their open tasks, for a warning.',
  }),
  'volunteers.delete': call({
    entity: { read: 'volunteers.get', key: 'id' },
    output: z.null(),
    input: z.object({ id }),
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: 'Remove a volunteer without open tasks; their past tasks and hours stay in the history.',
  }),
  'volunteers.merge': call({
    entity: { read: 'volunteers.get', key: 'survivorId' },
    output: volunteerSchema,
    input: z.object({
      survivorId: id,
      otherId: id,
      /** Which record's value is kept, field by field (default: the survivor's). */
      fields: volunteerMergeFieldsSchema,
    }),
    roles: COORDINATION,
    // Task lists and events' organisers show volunteers' names (pending advances read 'volunteers').
    changes: ['volunteers', 'tasks', 'events'],
    summary: "Merge two records of one volunteer: the other's tasks and hours, help plans, advances, organiser's places, skills, phones and availability move to the survivor, chosen values are kept, the other record goes.",
  }),

  'skills.list': call({
    output: z.array(skillSchema),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: CASEWORK,
    reads: ['volunteers'],
    summary: 'The list of skills: built-in ones first, then the centre’s own.',
  }),
  'skills.create': call({
    output: skillSchema,
    input: z.object({ name: skillName }),
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: "Add a centre's own skill.",
  }),
  'skills.update': call({
    output: skillSchema,
    input: z.object({ id, name: skillName }),
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: "Rename a centre's own skill (built-in skills keep their translated name).",
  }),
  'skills.setArchived': call({
    output: skillSchema,
    input: z.object({ id, archived: z.boolean() }),
    roles: COORDINATION,
    changes: ['volunteers'],
    summary: 'Archive a skill (no longer offered, kept where it is held) or bring it back.',
  }),
  'kinds.skills': call({
    output: z.array(z.number()),
    input: z.object({ kindId: id }),
    roles: COORDINATION,
    reads: ['catalogue', 'volunteers'],
    summary: 'The skills a kind of help needs (ids), for volunteer suggestions.',
  }),
  'kinds.setSkills': call({
    output: z.array(z.number()),
    input: z.object({ kindId: id, skillIds }),
    roles: COORDINATION,
    changes: ['catalogue', 'volunteers'],
    summary: 'Set the skills a kind of help needs.',
  }),
} as const;
