import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { auditCalls } from '../../../../shared/api/calls/audit';

type Calls = keyof typeof auditCalls;

/** The audit log: search and verify (privacy issue). */
export function auditHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
