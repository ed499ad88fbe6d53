import type { CallInput } from '../../../../shared/api/contract';
import type { reportExportCalls } from '../../../../shared/api/calls/reportExports';

type Calls = keyof typeof reportExportCalls;

/** A valid input for every call of the report's exports (used by the dispatch and fuzz tests). */
export function reportExportValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'reports.export': { from: '2026-01-01', to: '2026-06-30', format: 'csv' },
  };
}
