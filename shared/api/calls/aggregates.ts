// Funder-safe aggregates, the suppression threshold and the grant report (issue 14). Call names: reports.aggregates, reports.aggregatesExport, reports.grant, reports.threshold, reports.setThreshold
import { z } from 'zod';
import { call } from '../define';
import { isoDateSchema } from '../../domain/dates';
import { out, pub } from '../fields';
import { LANGUAGES } from '../../domain/settings';
import { aggregatesInputSchema, aggregatesReportSchema, grantReportInputSchema, grantReportSchema, thresholdOutputSchema, thresholdSchema } from '../../domain/aggregates';

const aggregatesBase = z.object({ from: isoDateSchema, to: isoDateSchema, threshold: thresholdSchema.optional() });
/** Counts only, no personal data: coordinators, the treasurer and admins (the front desk works with the people themselves). */
const REPORTERS = ['coordinator', 'treasurer', 'admin'] as const;

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
    input: grantReportInputSchema,
    roles: REPORTERS,
    reads: ['money', 'projects', 'residents', 'requests', 'catalogue', 'households', 'assessments', 'cases', 'events', 'aid', 'shelter', 'tasks', 'volunteers', 'app'],
    summary:
      'A grant report: plan vs actual per budget line over the grant’s period, the participants of the projects tied to the grant by status, and the results report’s figures (except money) for the grant’s first to last day.',
  }),
  'reports.aggregatesExport': call({
    audit: 'export',
    output: out({ id: pub(z.string()), sheets: pub(z.number()) }),
    input: z
      .object({
        from: aggregatesBase.shape.from,
        to: aggregatesBase.shape.to,
        threshold: aggregatesBase.shape.threshold,
        format: z.enum(['xlsx', 'csv']),
        /** The language of the labels; default: the acting user's, else the centre's. */
        language: z.enum(LANGUAGES).optional(),
      })
      .refine((v) => v.from <= v.to, { message: 'validation.dateOrder', path: ['to'] }),
    roles: REPORTERS,
    reads: ['residents', 'requests', 'tasks', 'events', 'aid', 'assessments', 'cases', 'projects', 'shelter', 'catalogue', 'app'],
    summary:
      'The funder-safe tables of a period as an XLSX (a summary sheet, then one sheet per table, counts as numbers, suppressed counts as the text "<5") or a CSV (UTF-8 BOM, ";", formula-safe), the same rows as the command line’s `report aggregates`; download it from /api/download/exports/<id>.',
  }),
} as const;
