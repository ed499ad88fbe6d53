import type { FeatureHandlers } from '../../handlers';
import type { assessmentsCalls } from '../../../../shared/api/calls/assessments';
import { assessmentsService } from './assessments.service';

type Calls = keyof typeof assessmentsCalls;

/** Needs assessments and social histories, and the centre's lists of kinds and need areas. */
export const assessmentsHandlers: FeatureHandlers<Calls> = {
  'assessments.record': (input, ctx, deps) => assessmentsService(deps).record(input, ctx.actor),
  'assessments.get': (input, _ctx, deps) => assessmentsService(deps).get(input.id),
  'assessments.update': (input, ctx, deps) => assessmentsService(deps).update(input, ctx.actor),
  'assessments.ofResident': (input, _ctx, deps) => assessmentsService(deps).ofResident(input.residentId),
  'assessments.dueFollowUps': (input, _ctx, deps) => assessmentsService(deps).dueFollowUps(input.until, input.workerId),
  'assessments.options': (input, _ctx, deps) => assessmentsService(deps).options(input.includeArchived),
  'assessments.addOption': (input, _ctx, deps) => assessmentsService(deps).addOption(input.list, input.name),
  'assessments.renameOption': (input, _ctx, deps) => assessmentsService(deps).renameOption(input.id, input.name),
  'assessments.setOptionArchived': (input, _ctx, deps) => assessmentsService(deps).setOptionArchived(input.id, input.archived),
};
