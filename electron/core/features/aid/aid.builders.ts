import type { CallInput } from '../../../../shared/api/contract';
import type { aidCalls } from '../../../../shared/api/calls/aid';

type Calls = keyof typeof aidCalls;

/**
 * A valid input for every aid call (the dispatch and fuzz tests): item 1 exists (the demo's first
 * item, or one the test added), resident 1 is registered, movement 1 is item 1's first.
 */
export function aidValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'aid.items': {},
    'aid.addItem': { name: 'Παιδικά παπούτσια', size: '31', unit: 'pair' },
    'aid.receive': { itemId: 1, quantity: 20, fromWhom: 'Δήμος Πειραιά', valueMinor: 40_000 },
    'aid.give': { residentId: 1, lines: [{ itemId: 1, quantity: 1 }], confirmBelowZero: true },
    'aid.giveAtEvent': { headCount: 25, lines: [{ itemId: 1, quantity: 10 }], confirmBelowZero: true },
    'aid.adjust': { itemId: 1, delta: -1, reason: 'spoiled', confirmBelowZero: true },
    'aid.correct': { movementId: 1, quantity: 3, note: 'Μετρήθηκε ξανά', confirmBelowZero: true },
    'aid.movements': { itemId: 1 },
    'aid.ofResident': { residentId: 1 },
    'aid.distributionList': { on: '2026-11-16' },
    'aid.ofEvent': { eventId: 1 },
  };
}
