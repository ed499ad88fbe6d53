import type { CallInput } from '../../../../shared/api/contract';
import type { duplicatesCalls } from '../../../../shared/api/calls/duplicates';

type Calls = keyof typeof duplicatesCalls;

/** A valid input for every duplicates call (dispatch and policy tests): residents 1 and 2 merged, 2 into 1. */
export function duplicatesValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'residents.duplicatePairs': { limit: 25 },
    'residents.merge': { survivorId: 1, otherId: 2, fields: { lastName: 'survivor', firstName: 'other', patronymic: 'survivor', birthYear: 'survivor', address: 'survivor', phones: 'other', notes: 'survivor', situations: 'survivor' } },
  };
}
