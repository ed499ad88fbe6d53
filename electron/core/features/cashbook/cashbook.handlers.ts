import type { FeatureHandlers } from '../../handlers';
import type { cashbookCalls } from '../../../../shared/api/calls/cashbook';
import { cashbookService } from './cashbook.service';

type Calls = keyof typeof cashbookCalls;

/** The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. */
export const cashbookHandlers: FeatureHandlers<Calls> = {
  'accounts.list': (input, _ctx, deps) => cashbookService(deps).accounts.list(input.includeArchived),
  'accounts.create': (input, ctx, deps) => cashbookService(deps).accounts.create(input, ctx.actor),
  'accounts.update': (input, _ctx, deps) => cashbookService(deps).accounts.update(input.id, input.data),
  'accounts.setArchived': (input, _ctx, deps) => cashbookService(deps).accounts.setArchived(input.id, input.archived),
  'cashbook.categories': (input, _ctx, deps) => cashbookService(deps).categories(input.includeArchived),
  'cashbook.createCategory': (input, _ctx, deps) => cashbookService(deps).createCategory(input),
  'cashbook.renameCategory': (input, _ctx, deps) => cashbookService(deps).renameCategory(input.id, input.name),
  'cashbook.setCategoryArchived': (input, _ctx, deps) => cashbookService(deps).setCategoryArchived(input.id, input.archived),
  'cashbook.list': (input, _ctx, deps) => cashbookService(deps).list(input),
  'cashbook.post': (input, ctx, deps) => cashbookService(deps).post(input, ctx.actor),
  'cashbook.transfer': (input, ctx, deps) => cashbookService(deps).transfer(input, ctx.actor),
  'cashbook.reverse': (input, ctx, deps) => cashbookService(deps).reverse(input, ctx.actor),
  'cashbook.grantOptions': (_input, _ctx, deps) => cashbookService(deps).grantOptions(),
  'cashbook.pendingAdvances': (_input, _ctx, deps) => cashbookService(deps).pendingAdvances(),
  'cashbook.settleAdvance': (input, ctx, deps) => cashbookService(deps).settleAdvance(input, ctx.actor),
};
