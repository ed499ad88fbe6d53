// Calls of the import feature (issue 15): a centre's existing lists brought in from CSV or XLSX.
import { z } from 'zod';
import { call } from '../define';
import { COORDINATION } from '../roles';
import {
  IMPORT_KINDS,
  importFileSchema,
  importMappingInfoSchema,
  importMappingSchema,
  importPreviewSchema,
  importReportSchema,
  importResultSchema,
  rejectedSheetSchema,
} from '../../domain/imports';

const kind = z.enum(IMPORT_KINDS);
const source = { kind, file: importFileSchema };

export const importCalls = {
  'import.preview': call({
    output: importPreviewSchema,
    input: z.object(source),
    roles: COORDINATION,
    // The preview reads the file, not the data: nothing on screen depends on a topic.
    reads: ['residents'],
    summary: 'Read a file (CSV or XLSX): its encoding and separator as found (or as given), the header, the first rows as read, and the field each column is guessed to be.',
  }),
  'import.dryRun': call({
    output: importResultSchema,
    input: z.object({ ...source, mapping: importMappingSchema }),
    roles: COORDINATION,
    reads: ['residents', 'households'],
    summary: 'What an import would do, row by row: create, update, skip as a duplicate, or reject and why. Nothing is written.',
  }),
  'import.run': call({
    // The file is read on the long-work thread first; then every row is written in one transaction
    // of the feature's own with its audit entry (all rows or none).
    transaction: 'none',
    audit: 'self',
    output: importResultSchema,
    input: z.object({ ...source, mapping: importMappingSchema }),
    roles: COORDINATION,
    changes: ['residents', 'households'],
    summary: 'Import a file: all rows in one transaction or none; rows already imported (their fingerprint) and duplicates create nothing; a report is kept.',
  }),
  'import.mappings': call({
    output: z.array(importMappingInfoSchema),
    input: z.object({ kind }),
    roles: COORDINATION,
    reads: ['residents'],
    summary: 'The named column mappings saved for a kind of list.',
  }),
  'import.saveMapping': call({
    output: importMappingInfoSchema,
    input: z.object({ kind, name: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'), mapping: importMappingSchema }),
    roles: COORDINATION,
    changes: ['residents'],
    summary: 'Save a column mapping under a name (the same name replaces it).',
  }),
  'import.reports': call({
    output: z.array(importReportSchema),
    input: z.object({ kind: kind.optional() }),
    roles: COORDINATION,
    reads: ['residents'],
    summary: 'The imports made, newest first, with their counts (at most 200).',
  }),
  'import.rejectedSheet': call({
    audit: 'export',
    output: rejectedSheetSchema,
    input: z.object({ reportId: z.number().int().positive() }),
    roles: COORDINATION,
    reads: ['residents'],
    summary: "An import's rejected rows as a spreadsheet (CSV) with the reason beside each, to fix and import again.",
  }),
};
