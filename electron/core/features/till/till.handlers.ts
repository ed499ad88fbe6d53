import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { tillCalls } from '../../../../shared/api/calls/till';
import { tillService } from './till.service';

type Calls = keyof typeof tillCalls;

/** The paid-services till (treasurer issue): price list with history, sales, reversing sales, receipts, daily cash-up. */
export function tillHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const till = tillService(deps);
  return {
    'till.prices': () => till.prices(),
    'till.setPrice': (input, ctx) => till.setPrice(input, ctx.actor),
    'till.sell': (input, ctx) => till.sell(input, ctx.actor),
    'till.reverse': (input, ctx) => till.reverse(input.saleId, ctx.actor),
    'till.receipt': (input) => till.receipt(input.saleId),
    'till.day': (input) => till.day(input.day),
    'till.cashUp': (input, ctx) => till.cashUp(input, ctx.actor),
    'till.cashUps': (input) => till.cashUps(input.limit),
  };
}
