import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { tillCalls } from '../../../../shared/api/calls/till';

type Calls = keyof typeof tillCalls;

/** The paid-services till (treasurer issue): price list with history, sales, reversing sales, receipts, daily cash-up. */
export function tillHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
