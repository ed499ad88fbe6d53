import type { FeatureHandlers } from '../../handlers';
import type { dashboardCalls } from '../../../../shared/api/calls/dashboard';
import { dashboardService } from './dashboard.service';

type Calls = keyof typeof dashboardCalls;

/**
 * The home screen of each role (issue 14): one answer per screen. The coordinator's, the
 * treasurer's and the admin's also start the report's second reader (figure-reader.ts), so the
 * results report they open next is not the slow first one; the front desk rarely reads reports.
 */
export const dashboardHandlers: FeatureHandlers<Calls> = {
  'dashboard.frontdesk': (_input, _ctx, deps) => dashboardService(deps).frontdesk(),
  'dashboard.coordinator': (_input, ctx, deps) => {
    deps.figures?.warm();
    return dashboardService(deps).coordinator(ctx.actor);
  },
  'dashboard.treasurer': (_input, _ctx, deps) => {
    deps.figures?.warm();
    return dashboardService(deps).treasurer();
  },
  'dashboard.admin': (_input, ctx, deps) => {
    deps.figures?.warm();
    return dashboardService(deps).admin(ctx);
  },
};
