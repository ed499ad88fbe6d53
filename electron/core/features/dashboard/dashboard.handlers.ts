import type { FeatureHandlers } from '../../handlers';
import type { dashboardCalls } from '../../../../shared/api/calls/dashboard';
import { dashboardService } from './dashboard.service';

type Calls = keyof typeof dashboardCalls;

/** The home screen of each role (issue 14): one answer per screen. */
export const dashboardHandlers: FeatureHandlers<Calls> = {
  'dashboard.frontdesk': (_input, _ctx, deps) => dashboardService(deps).frontdesk(),
  'dashboard.coordinator': (_input, ctx, deps) => dashboardService(deps).coordinator(ctx.actor),
  'dashboard.treasurer': (_input, _ctx, deps) => dashboardService(deps).treasurer(),
  'dashboard.admin': (_input, ctx, deps) => dashboardService(deps).admin(ctx),
};
