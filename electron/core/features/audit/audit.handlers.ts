import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { auditCalls } from '../../../../shared/api/calls/audit';
import { auditFacets, searchAudit } from './audit.service';
import { verifyChain } from './audit.chain';
import { readAuditAnchor } from '../../backup/manager';

type Calls = keyof typeof auditCalls;

/** The audit log: search, verify the chain, the search form's choices. */
export function auditHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {
    'audit.search': (input) => searchAudit(deps.db, input),
    'audit.verify': () => verifyChain(deps.db, deps.paths.dataDir === null ? null : readAuditAnchor(deps.paths.dataDir)),
    'audit.facets': () => auditFacets(deps.db),
  };
}
