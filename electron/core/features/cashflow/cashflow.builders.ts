import type { CallInput } from '../../../../shared/api/contract';
import type { cashflowCalls } from '../../../../shared/api/calls/cashflow';

type Calls = keyof typeof cashflowCalls;

/** A valid input for every cash-flow call (used by the dispatch and fuzz tests). */
export function cashflowValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'cashflow.report': { from: '2026-06', to: '2026-11' },
    'cashflow.export': { from: '2026-06', to: '2026-11', format: 'csv' },
    'cashflow.outlook': { months: 3 },
  };
}
