import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { plansCalls } from '../../../../shared/api/calls/plans';
import { plansService } from './plans.service';
import { snowDayConfirm, snowDayPreview } from './snow-day';
import { careList } from './care';
import { tasksByKind, volunteerHours, volunteersActive } from './reports';

type Calls = keyof typeof plansCalls;

/** The plans calls of the contract (coordinator issue). */
export function planHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const plans = plansService(deps);
  return {
    'plans.list': (input) => plans.list(input),
    'plans.get': (input) => plans.get(input.id),
    'plans.create': (input, ctx) => plans.create(input, ctx.actor),
    'plans.update': (input, ctx) => plans.update(input.id, input.data, ctx.actor),
    'plans.end': (input, ctx) => plans.end(input.id, input.endsOn, input.reason, ctx.actor),
    'plans.generate': (_input, ctx) => plans.generate(ctx.actor),
    'plans.setHorizon': (input, ctx) => plans.setHorizon(input.days, ctx.actor),
    'plans.ensureCheckIns': (_input, ctx) => plans.ensureCheckIns(ctx.actor),
    'residents.markLeft': (input, ctx) => plans.markLeft(input.id, input.reason, input.on, ctx.actor),
    'snowDay.preview': (input) => snowDayPreview(deps, input.date, input.maxPerVolunteer),
    'snowDay.confirm': (input, ctx) => snowDayConfirm(deps, input, ctx.actor),
    'care.list': (input) => careList(deps, input),
    'reports.volunteerHours': (input) => volunteerHours(deps, input.from, input.to),
    'reports.tasksByKind': (input) => tasksByKind(deps, input.from, input.to),
    'reports.volunteersActive': (input) => volunteersActive(deps, input.from, input.to),
  };
}
