import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { volunteersCalls } from '../../../../shared/api/calls/volunteers';

type Calls = keyof typeof volunteersCalls;

/** The volunteers calls of the contract (coordinator issue). */
export function volunteerHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
