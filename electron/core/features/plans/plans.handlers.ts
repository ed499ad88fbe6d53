import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { plansCalls } from '../../../../shared/api/calls/plans';

type Calls = keyof typeof plansCalls;

/** The plans calls of the contract (coordinator issue). */
export function planHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
