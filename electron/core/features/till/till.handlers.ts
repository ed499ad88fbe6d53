import type { FeatureHandlers } from '../../handlers';
import type { tillCalls } from '../../../../shared/api/calls/till';
import { tillService } from './till.service';

type Calls = keyof typeof tillCalls;

/** The paid-services till (treasurer issue): price list with history, sales, reversing sales, receipts, daily cash-up. */
export const tillHandlers: FeatureHandlers<Calls> = {
  'till.prices': (_input, _ctx, deps) => tillService(deps).prices(),
  'till.setPrice': (input, ctx, deps) => tillService(deps).setPrice(input, ctx.actor),
  'till.sell': (input, ctx, deps) => tillService(deps).sell(input, ctx.actor),
  'till.reverse': (input, ctx, deps) => tillService(deps).reverse(input.saleId, ctx.actor),
  'till.receipt': (input, _ctx, deps) => tillService(deps).receipt(input.saleId),
  'till.day': (input, _ctx, deps) => tillService(deps).day(input.day),
  'till.cashUp': (input, ctx, deps) => tillService(deps).cashUp(input, ctx.actor),
  'till.cashUps': (input, _ctx, deps) => tillService(deps).cashUps(input.limit),
};
