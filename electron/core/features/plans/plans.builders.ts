import type { CallInput } from '../../../../shared/api/contract';
import type { plansCalls } from '../../../../shared/api/calls/plans';

type Calls = keyof typeof plansCalls;

/** A valid input for every plans call (used by the dispatch and fuzz tests). */
export function plansValidInputs(): { [K in Calls]: CallInput<K> } {
  return {};
}
