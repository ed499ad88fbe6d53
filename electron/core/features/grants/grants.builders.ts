import type { CallInput } from '../../../../shared/api/contract';
import type { grantsCalls } from '../../../../shared/api/calls/grants';
import type { GrantInput, LeaseInput } from '../../../../shared/domain/funding';

type Calls = keyof typeof grantsCalls;

/** A regional grant for a year in roubles (overrides state what matters). */
export function grantInput(overrides: Partial<GrantInput> = {}): GrantInput {
  return {
    funder: 'Фонд президентских грантов',
    title: 'Тёплый дом: помощь пожилым Сылвы',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    currency: 'RUB',
    amountMinor: 60_000_000,
    note: '',
    ...overrides,
  };
}

/** The Sylva lease: market rent 25,000, the centre pays 5,000, due on the 5th. */
export function leaseInput(overrides: Partial<LeaseInput> = {}): LeaseInput {
  return {
    landlord: 'Администрация Сылвенского поселения',
    premises: 'ул. Ленина, 12, помещение 3',
    marketRentMinor: 2_500_000,
    paidRentMinor: 500_000,
    dueDay: 5,
    startsOn: '2026-01-01',
    endsOn: null,
    accountId: null,
    note: '',
    ...overrides,
  };
}

/** A valid input for every grants/budget/rent/inKind call (used by the dispatch and fuzz tests). */
export function grantsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'grants.list': {},
    'grants.get': { id: 1 },
    'grants.create': { grant: grantInput(), lines: [{ name: 'Оплата труда куратора', plannedMinor: 36_000_000 }] },
    'grants.update': { id: 1, data: grantInput() },
    'grants.addLine': { grantId: 1, line: { name: 'Транспорт и ГСМ', plannedMinor: 12_000_000 } },
    'grants.updateLine': { id: 1, line: { name: 'Транспорт и ГСМ', plannedMinor: 10_000_000 } },
    'grants.addTranche': { grantId: 1, expectedOn: '2026-03-01', amountMinor: 30_000_000, note: '' },
    'grants.removeTranche': { id: 1 },
    'grants.removeLine': { id: 1 },
    'grants.remove': { id: 1 },
    'grants.receiveTranche': { id: 1, accountId: 1 },
    'grants.cancelReceipt': { id: 1 },
    'budget.get': { year: 2026 },
    'budget.set': { year: 2026, categoryId: 1, plannedMinor: 10_000_000 },
    'rent.overview': {},
    'rent.overdueCount': {},
    'rent.createLease': leaseInput(),
    'rent.updateLease': { id: 1, data: leaseInput() },
    'rent.pay': { chargeId: 1 },
    'rent.cancelPayment': { chargeId: 1 },
    'inKind.list': { fromMonth: '2026-01', toMonth: '2026-12' },
    'inKind.create': { date: '2026-11-10', kind: 'goods', donor: 'Магазин «Уют»', description: 'Два мешка муки', valueMinor: 300_000 },
    'inKind.update': { id: 1, data: { date: '2026-11-10', kind: 'goods', donor: '', description: 'Мука', valueMinor: 300_000 } },
    'inKind.remove': { id: 1 },
    'inKind.aidToTakeIn': {},
    'inKind.takeInAid': { movementId: 1, grantId: null, description: '' },
    'inKind.rate': {},
    'inKind.setRate': { rateMinor: 25_000 },
    'inKind.report': { fromMonth: '2026-01', toMonth: '2026-12' },
  };
}
