import type { CallInput } from '../../../../shared/api/contract';
import type { auditCalls } from '../../../../shared/api/calls/audit';

/** Valid inputs for the audit calls (for the dispatch and matrix tests). */
export function auditValidInputs(): { [K in keyof typeof auditCalls]: CallInput<K> } {
  return {
    'audit.search': { residentId: 1, from: '2026-11-01', to: '2026-11-30' },
    'audit.verify': {},
    'audit.facets': {},
  };
}
