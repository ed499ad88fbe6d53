import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { hostingCalls } from '../../../../shared/api/calls/hosting';

type Calls = keyof typeof hostingCalls;

/** How the browser-mode host may be reached (local network opt-in) (privacy issue). */
export function hostingHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
