import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { grantsCalls } from '../../../../shared/api/calls/grants';

type Calls = keyof typeof grantsCalls;

/** Grants with budget lines and tranches, the annual budget, leases and rent due, in-kind contributions (treasurer issue). */
export function grantsHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
