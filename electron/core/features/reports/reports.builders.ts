import type { CallInput } from '../../../../shared/api/contract';
import type { resultsCalls } from '../../../../shared/api/calls/results';

type Calls = keyof typeof resultsCalls;

/** A valid input for every results-report call (used by the dispatch and fuzz tests). */
export function reportsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'reports.results': { from: '2026-01-01', to: '2026-06-30' },
    'reports.people': { figure: 'peopleReached', from: '2026-01-01', to: '2026-06-30' },
  };
}
