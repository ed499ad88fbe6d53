import type { CallInput } from '../../../../shared/api/contract';
import type { dashboardCalls } from '../../../../shared/api/calls/dashboard';

type Calls = keyof typeof dashboardCalls;

/** A valid input for every dashboard call (the dispatch and fuzz tests): none takes any. */
export function dashboardValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'dashboard.frontdesk': {},
    'dashboard.coordinator': {},
    'dashboard.treasurer': {},
    'dashboard.admin': {},
  };
}
