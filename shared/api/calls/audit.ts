// The audit log: search and verify (issue 6). Call names: audit.*
import { z } from 'zod';
import { call, EVERY_TOPIC } from '../define';
import { ADMIN_ONLY } from '../roles';
import { auditFacetsSchema, auditPageSchema, auditSearchSchema, auditVerifyResultSchema } from '../../domain/audit';

// Every change writes its entry to the log (dispatch, or the feature itself), so any change makes
// the log's answers stale, whatever its topic.
export const auditCalls = {
  'audit.search': call({
    output: auditPageSchema,
    input: auditSearchSchema,
    roles: ADMIN_ONLY,
    reads: EVERY_TOPIC,
    summary: 'Audit entries by user, call, entity, resident and date range, newest first (by time); the next page from `nextCursor`.',
  }),
  'audit.verify': call({
    output: auditVerifyResultSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    reads: EVERY_TOPIC,
    summary: "Recompute the audit log's hash chain; reports the first changed or missing entry.",
  }),
  'audit.facets': call({
    output: auditFacetsSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    reads: EVERY_TOPIC,
    summary: 'Users and call names that appear in the audit log, for the search form.',
  }),
} as const;
