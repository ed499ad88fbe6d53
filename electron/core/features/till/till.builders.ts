import type { CallInput } from '../../../../shared/api/contract';
import type { tillCalls } from '../../../../shared/api/calls/till';

/** A valid input for each till call (kind 9 is the built-in "printing"). */
export function tillValidInputs(): { [K in keyof typeof tillCalls]: CallInput<K> } {
  return {
    'till.prices': {},
    'till.setPrice': { kindId: 9, priceMinor: 1000, unit: 'page' },
    'till.sell': { kindId: 9, quantity: 3, residentId: null, payment: 'cash' },
    'till.reverse': { saleId: 1 },
    'till.receipt': { saleId: 1 },
    'till.day': {},
    'till.cashUp': { day: '2026-11-16', countedMinor: 0, note: '' },
    'till.cashUps': { limit: 10 },
  };
}
