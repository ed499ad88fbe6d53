import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { cashbookCalls } from '../../../../shared/api/calls/cashbook';

type Calls = keyof typeof cashbookCalls;

/** The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. */
export function cashbookHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
