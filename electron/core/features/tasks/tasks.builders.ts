import type { CallInput } from '../../../../shared/api/contract';
import type { tasksCalls } from '../../../../shared/api/calls/tasks';

type Calls = keyof typeof tasksCalls;

/** A valid input for every tasks call (used by the dispatch and fuzz tests). */
export function tasksValidInputs(): { [K in Calls]: CallInput<K> } {
  return {};
}
