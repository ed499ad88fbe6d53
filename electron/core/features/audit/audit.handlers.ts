import type { FeatureHandlers } from '../../handlers';
import type { auditCalls } from '../../../../shared/api/calls/audit';
import { auditFacets, searchAudit } from './audit.service';
import { verifyChain } from './audit.chain';
import { readAuditAnchor } from '../../backup/manager';

type Calls = keyof typeof auditCalls;

/** The audit log: search, verify the chain, the search form's choices. */
export const auditHandlers: FeatureHandlers<Calls> = {
  'audit.search': (input, _ctx, deps) => searchAudit(deps.db, input),
  'audit.verify': (_input, _ctx, deps) => verifyChain(deps.db, deps.paths.dataDir === null ? null : readAuditAnchor(deps.paths.dataDir)),
  'audit.facets': (_input, _ctx, deps) => auditFacets(deps.db),
};
