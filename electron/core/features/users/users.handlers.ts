import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { usersCalls } from '../../../../shared/api/calls/users';

type Calls = keyof typeof usersCalls;

/** Users, sign-in, PIN unlock, lock-out and sessions (privacy issue). */
export function usersHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
