import type { CallInput } from '../../../../shared/api/contract';
import type { hostingCalls } from '../../../../shared/api/calls/hosting';

type Calls = keyof typeof hostingCalls;

/** A valid input for every hosting.* call (spread into validInputs() in testing/builders.ts). */
export function hostingValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'hosting.get': {},
    'hosting.setAllowLan': { allowLan: false },
  };
}
