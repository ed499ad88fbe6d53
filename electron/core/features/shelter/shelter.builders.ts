import type { CallInput } from '../../../../shared/api/contract';
import type { shelterCalls } from '../../../../shared/api/calls/shelter';

type Calls = keyof typeof shelterCalls;

/** A small shelter of 12 places (a school's former dormitory). */
export function shelterInput(overrides: Partial<CallInput<'shelter.addShelter'>> = {}): CallInput<'shelter.addShelter'> {
  return { name: 'Тимчасовий притулок', address: 'вул. Шевченка, 12', places: 12, ...overrides };
}

/** A valid input for every shelter call (used by the dispatch and fuzz tests): shelter 1, stay 1. */
export function shelterValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'shelter.list': {},
    'shelter.get': { id: 1 },
    'shelter.addShelter': shelterInput(),
    'shelter.updateShelter': { id: 1, ...shelterInput({ places: 14 }) },
    'shelter.checkIn': { shelterId: 1, residentId: 1, bed: 'кімн. 2', confirmOverPlaces: false },
    'shelter.checkOut': { id: 1, reason: 'ownHousing', note: '' },
    'shelter.today': {},
    'shelter.history': { from: '2026-01-01', to: '2026-12-31', limit: 100 },
    'shelter.ofResident': { residentId: 1 },
  };
}
