// The results report as a file (issue 14): XLSX or CSV from the same rows as the screen.
import { z } from 'zod';
import { call } from '../define';
import { EVERYONE } from '../roles';
import { out, pub } from '../fields';
import { isoDateSchema, monthRange } from '../../domain/dates';
import { LANGUAGES } from '../../domain/settings';

export const REPORT_EXPORT_FORMATS = ['xlsx', 'csv'] as const;

export const reportsExportInputSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    format: z.enum(REPORT_EXPORT_FORMATS),
    /** The language of the headers and definitions; default: the acting user's, else the centre's. */
    language: z.enum(LANGUAGES).optional(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' })
  .refine((r) => r.from > r.to || monthRange(r.from.slice(0, 7), r.to.slice(0, 7)).length <= 61, { path: ['to'], message: 'validation.range' });

export const reportExportCalls = {
  'reports.export': call({
    audit: 'export',
    output: out({ id: pub(z.string()), sheets: pub(z.number()) }),
    input: reportsExportInputSchema,
    // The same numbers as reports.results: counts for every role, money only for the roles that see it.
    roles: EVERYONE,
    reads: ['residents', 'requests', 'catalogue', 'households', 'assessments', 'cases', 'projects', 'events', 'aid', 'shelter', 'tasks', 'volunteers', 'money', 'app'],
    summary:
      'The results report of a period as an XLSX (a summary sheet, then one sheet per figure, headers translated, numbers as numbers, dates as dates) or a CSV (UTF-8 BOM, ";", formula-safe); download it from /api/download/exports/<id>.',
  }),
} as const;
