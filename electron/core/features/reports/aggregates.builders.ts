import type { CallInput } from '../../../../shared/api/contract';
import type { aggregatesCalls } from '../../../../shared/api/calls/aggregates';

type Calls = keyof typeof aggregatesCalls;

/** A valid input for every funder-safe aggregates call (used by the dispatch and fuzz tests). */
export function aggregatesValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'reports.aggregates': { from: '2026-01-01', to: '2026-06-30' },
    'reports.threshold': {},
    'reports.setThreshold': { threshold: 5 },
    'reports.grant': { grantId: 1 },
    'reports.aggregatesExport': { from: '2026-01-01', to: '2026-06-30', format: 'csv' },
  };
}
