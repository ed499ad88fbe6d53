// The audit log: search and verify (issue 6). Call names: audit.*
import { z } from 'zod';
import { call, returns } from '../define';
import { ADMIN_ONLY } from '../roles';
import { auditSearchSchema, type AuditFacets, type AuditPage, type AuditVerifyResult } from '../../domain/audit';

export const auditCalls = {
  'audit.search': call({
    output: returns<AuditPage>(),
    input: auditSearchSchema,
    roles: ADMIN_ONLY,
    summary: 'Audit entries by user, call, entity, resident and date range, newest first.',
  }),
  'audit.verify': call({
    output: returns<AuditVerifyResult>(),
    input: z.object({}),
    roles: ADMIN_ONLY,
    summary: "Recompute the audit log's hash chain; reports the first changed or missing entry.",
  }),
  'audit.facets': call({
    output: returns<AuditFacets>(),
    input: z.object({}),
    roles: ADMIN_ONLY,
    summary: 'Users and call names that appear in the audit log, for the search form.',
  }),
} as const;
