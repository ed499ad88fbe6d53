import type { FeatureHandlers } from '../../handlers';
import type { resultsCalls } from '../../../../shared/api/calls/results';
import { reportsService } from './reports.service';

type Calls = keyof typeof resultsCalls;

/** The results report: figures for a period and the people behind a number. */
export const reportsHandlers: FeatureHandlers<Calls> = {
  'reports.results': (input, ctx, deps) => reportsService(deps).results(input, ctx.actor),
  'reports.people': (input, _ctx, deps) => reportsService(deps).people(input),
};
