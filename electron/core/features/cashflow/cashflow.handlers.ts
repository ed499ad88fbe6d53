import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { cashflowCalls } from '../../../../shared/api/calls/cashflow';

type Calls = keyof typeof cashflowCalls;

/** The monthly cash flow, its XLSX/CSV export and the outlook (treasurer issue). */
export function cashflowHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
