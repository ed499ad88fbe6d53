// Calls of the duplicate matcher and merging (issue 15). Declared with call() from ../define.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import { duplicatePairsPageSchema, mergeFieldsSchema } from '../../domain/matcher';
import { residentSchema } from '../../domain/residents';

const id = z.number().int().positive();

export const duplicatesCalls = {
  'residents.duplicatePairs': call({
    output: duplicatePairsPageSchema,
    input: z.object({
      /** The last resident id of the page before (its nextCursor); omitted for the first page. */
      cursor: z.number().int().min(0).optional(),
      /** About this many pairs a page (a page ends with the residents looked at). */
      limit: z.number().int().min(1).max(100).default(25),
    }),
    roles: CASEWORK,
    reads: ['residents'],
    summary: 'Pairs of registered residents who may be the same person (verdict "same" or "maybe"), with the score and why, paged by resident id.',
  }),
  'residents.merge': call({
    entity: { read: 'residents.get', key: 'survivorId' },
    output: residentSchema,
    input: z.object({
      survivorId: id,
      otherId: id,
      /** Which record's value is kept, field by field (default: the survivor's). */
      fields: mergeFieldsSchema,
    }),
    // Merging rewrites whose requests, cases and money are whose: the coordinators and admins.
    roles: COORDINATION,
    changes: ['residents', 'requests', 'tasks', 'households', 'assessments', 'cases', 'projects', 'events', 'aid', 'shelter', 'till', 'privacy'],
    summary: "Merge two records of one person: the other's requests, tasks, plans, assessments, cases, projects, attendance, aid, stays, sales, household memberships and consents move to the survivor, chosen values are kept, the other record goes.",
  }),
};
