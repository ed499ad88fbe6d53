// Funder-safe aggregates, the suppression threshold and the grant report (issue 14). Call names: reports.aggregates, reports.grant, reports.threshold, reports.setThreshold
import { z } from 'zod';
import { call } from '../define';
import { aggregatesInputSchema, aggregatesReportSchema, grantReportSchema, thresholdOutputSchema, thresholdSchema } from '../../domain/aggregates';

/** Counts only, no personal data: coordinators, the treasurer and admins (the front desk works with the people themselves). */
const REPORTERS = ['coordinator', 'treasurer', 'admin'] as const;
const id = z.number().int().positive();

export const aggregatesCalls = {
  'reports.aggregates': call({
    output: aggregatesReportSchema,
    input: aggregatesInputSchema,
    roles: REPORTERS,
    reads: ['residents', 'requests', 'tasks', 'events', 'aid', 'assessments', 'cases', 'projects', 'shelter', 'catalogue', 'app'],
    summary:
      'Funder-safe tables of a period: people reached by kind of contact, service kind, age band, settlement and living situation, and events’ head counts by kind and band; counts from 1 to the threshold − 1 shown as "<threshold", with secondary suppression so that no hidden count follows from a total; no names, addresses or dates of birth.',
  }),
  'reports.threshold': call({
    output: thresholdOutputSchema,
    input: z.object({}),
    roles: REPORTERS,
    reads: ['app'],
    summary: 'The centre’s suppression threshold of the funder-safe tables (default 5).',
  }),
  'reports.setThreshold': call({
    output: thresholdOutputSchema,
    input: z.object({ threshold: thresholdSchema }),
    roles: ['coordinator', 'admin'] as const,
    changes: ['app'],
    summary: 'Set the centre’s suppression threshold of the funder-safe tables (2 to 100).',
  }),
  'reports.grant': call({
    output: grantReportSchema,
    input: z.object({ grantId: id }),
    roles: REPORTERS,
    reads: ['money', 'projects'],
    summary: 'A grant report: plan vs actual per budget line over the grant’s period and the participants of the projects tied to the grant by status.',
  }),
} as const;
