import type { CallInput } from '../../../../shared/api/contract';
import type { cashbookCalls } from '../../../../shared/api/calls/cashbook';

type Calls = keyof typeof cashbookCalls;

/** A valid input for every cash-book call (used by the dispatch and fuzz tests). */
export function cashbookValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'accounts.list': {},
    'accounts.create': { name: 'Касса №2', kind: 'cash', currency: 'RUB', openingBalanceMinor: 100000, openingDate: '2026-11-01' },
    'accounts.update': { id: 1, data: { name: 'Касса', kind: 'cash', currency: 'RUB', openingBalanceMinor: 0, openingDate: '2026-11-01' } },
    'accounts.setArchived': { id: 1, archived: true },
    'cashbook.categories': {},
    'cashbook.createCategory': { name: 'Праздники', direction: 'expense' },
    'cashbook.renameCategory': { id: 13, name: 'Праздники и подарки' },
    'cashbook.setCategoryArchived': { id: 1, archived: true },
    'cashbook.list': { accountId: 1, fromMonth: '2026-10', toMonth: '2026-11', text: 'свет' },
    'cashbook.post': { type: 'expense', date: '2026-11-16', accountId: 1, amountMinor: 350000, categoryId: 7, counterparty: 'Пермэнергосбыт', documentNo: '123', note: 'Свет за октябрь' },
    'cashbook.transfer': { date: '2026-11-16', fromAccountId: 1, toAccountId: 2, amountMinor: 500000 },
    'cashbook.reverse': { id: 1, note: 'Ошибка суммы' },
    'cashbook.grantOptions': {},
    'cashbook.pendingAdvances': {},
    'cashbook.settleAdvance': { id: 1, accountId: 1 },
  };
}
