import type { FeatureHandlers } from '../../handlers';
import type { plansCalls } from '../../../../shared/api/calls/plans';
import { plansService } from './plans.service';
import { snowDayConfirm, snowDayPreview } from './snow-day';
import { careList } from './care';
import { tasksByKind, volunteerHours, volunteersActive } from './reports';

type Calls = keyof typeof plansCalls;

/** The plans calls of the contract (coordinator issue). */
export const planHandlers: FeatureHandlers<Calls> = {
  'plans.list': (input, _ctx, deps) => plansService(deps).list(input),
  'plans.get': (input, _ctx, deps) => plansService(deps).get(input.id),
  'plans.create': (input, ctx, deps) => plansService(deps).create(input, ctx.actor),
  'plans.update': (input, ctx, deps) => plansService(deps).update(input.id, input.data, ctx.actor),
  'plans.end': (input, ctx, deps) => plansService(deps).end(input.id, input.endsOn, input.reason, ctx.actor),
  'plans.generate': (_input, ctx, deps) => plansService(deps).generate(ctx.actor),
  'plans.setHorizon': (input, ctx, deps) => plansService(deps).setHorizon(input.days, ctx.actor),
  'plans.ensureCheckIns': (_input, ctx, deps) => plansService(deps).ensureCheckIns(ctx.actor),
  'residents.markLeft': (input, ctx, deps) => plansService(deps).markLeft(input.id, input.reason, input.on, ctx.actor),
  'snowDay.preview': (input, _ctx, deps) => snowDayPreview(deps, input.date, input.maxPerVolunteer),
  'snowDay.confirm': (input, ctx, deps) => snowDayConfirm(deps, input, ctx.actor),
  'care.list': (input, _ctx, deps) => careList(deps, input),
  'reports.volunteerHours': (input, _ctx, deps) => volunteerHours(deps, input.from, input.to),
  'reports.tasksByKind': (input, _ctx, deps) => tasksByKind(deps, input.from, input.to),
  'reports.volunteersActive': (input, _ctx, deps) => volunteersActive(deps, input.from, input.to),
};
