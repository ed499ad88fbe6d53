import type { CallInput } from '../../../../shared/api/contract';
import type { volunteersCalls } from '../../../../shared/api/calls/volunteers';

type Calls = keyof typeof volunteersCalls;

/** A valid input for every volunteers call (used by the dispatch and fuzz tests). */
export function volunteersValidInputs(): { [K in Calls]: CallInput<K> } {
  return {};
}
