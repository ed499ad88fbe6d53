import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { tasksCalls } from '../../../../shared/api/calls/tasks';

type Calls = keyof typeof tasksCalls;

/** The tasks calls of the contract (coordinator issue). */
export function taskHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
