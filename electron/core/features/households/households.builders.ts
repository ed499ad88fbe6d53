import type { CallInput } from '../../../../shared/api/contract';
import type { householdsCalls } from '../../../../shared/api/calls/households';

type Calls = keyof typeof householdsCalls;

/** A household of four: the head (a registered resident), a spouse and two unnamed children. */
export function householdInput(overrides: Partial<CallInput<'households.create'>> = {}): CallInput<'households.create'> {
  return {
    headResidentId: 1,
    members: [
      { residentId: 2, relation: 'spouse' },
      { relation: 'child', birthYear: 2019 },
      { relation: 'child', birthYear: 2022 },
    ],
    ...overrides,
  };
}

/**
 * A valid input for every households call (used by the dispatch and fuzz tests): the household
 * of residents 1 and 2 is household 1, its members 1–4 (the head first).
 */
export function householdsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'households.get': { id: 1 },
    'households.ofResident': { residentId: 1 },
    'households.create': householdInput(),
    'households.addMember': { id: 1, member: { relation: 'grandparent', birthYear: 1950 } },
    'households.moveMember': { id: 1, memberId: 2, toHouseholdId: 2, relation: 'spouse' },
    'households.split': { id: 1, headMemberId: 2, members: [{ memberId: 4, relation: 'child' }] },
    'households.endMembership': { id: 1, memberId: 3, reason: 'left' },
    'households.update': { id: 1, address: { settlement: 'Сылва', street: 'Заречная', house: '9', flat: '' } },
    'households.changeHead': { id: 1, headMemberId: 2, relation: 'spouse' },
    'households.familiesServed': { from: '2026-01-01', to: '2026-12-31' },
  };
}
