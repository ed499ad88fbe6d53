import type { FeatureHandlers } from '../../handlers';
import type { aggregatesCalls } from '../../../../shared/api/calls/aggregates';
import { aggregatesService } from './aggregates.service';

type Calls = keyof typeof aggregatesCalls;

/** Funder-safe aggregates, their threshold and the grant report (issue 14). */
export const aggregatesHandlers: FeatureHandlers<Calls> = {
  'reports.aggregates': (input, _ctx, deps) => aggregatesService(deps).aggregates(input),
  'reports.threshold': (_input, _ctx, deps) => aggregatesService(deps).threshold(),
  'reports.setThreshold': (input, _ctx, deps) => aggregatesService(deps).setThreshold(input.threshold),
  'reports.grant': (input, _ctx, deps) => aggregatesService(deps).grant(input.grantId),
};
