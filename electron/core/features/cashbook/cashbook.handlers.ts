import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { cashbookCalls } from '../../../../shared/api/calls/cashbook';
import { cashbookService } from './cashbook.service';

type Calls = keyof typeof cashbookCalls;

/** The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. */
export function cashbookHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const cashbook = cashbookService(deps);
  return {
    'accounts.list': (input) => cashbook.accounts.list(input.includeArchived),
    'accounts.create': (input, ctx) => cashbook.accounts.create(input, ctx.actor),
    'accounts.update': (input) => cashbook.accounts.update(input.id, input.data),
    'accounts.setArchived': (input) => cashbook.accounts.setArchived(input.id, input.archived),
    'cashbook.categories': (input) => cashbook.categories(input.includeArchived),
    'cashbook.createCategory': (input) => cashbook.createCategory(input),
    'cashbook.renameCategory': (input) => cashbook.renameCategory(input.id, input.name),
    'cashbook.setCategoryArchived': (input) => cashbook.setCategoryArchived(input.id, input.archived),
    'cashbook.list': (input) => cashbook.list(input),
    'cashbook.post': (input, ctx) => cashbook.post(input, ctx.actor),
    'cashbook.transfer': (input, ctx) => cashbook.transfer(input, ctx.actor),
    'cashbook.reverse': (input, ctx) => cashbook.reverse(input, ctx.actor),
    'cashbook.grantOptions': () => cashbook.grantOptions(),
    'cashbook.pendingAdvances': () => cashbook.pendingAdvances(),
    'cashbook.settleAdvance': (input, ctx) => cashbook.settleAdvance(input, ctx.actor),
  };
}
