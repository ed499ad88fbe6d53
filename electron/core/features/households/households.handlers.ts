import type { FeatureHandlers } from '../../handlers';
import type { householdsCalls } from '../../../../shared/api/calls/households';
import { householdsService } from './households.service';

type Calls = keyof typeof householdsCalls;

/** Households (families): registering one, its members over time, moves and splits. */
export const householdsHandlers: FeatureHandlers<Calls> = {
  'households.get': (input, _ctx, deps) => householdsService(deps).get(input.id),
  'households.ofResident': (input, _ctx, deps) => householdsService(deps).ofResident(input.residentId),
  'households.create': (input, ctx, deps) => householdsService(deps).create(input, ctx.actor),
  'households.addMember': (input, ctx, deps) => householdsService(deps).addMember(input, ctx.actor),
  'households.moveMember': (input, ctx, deps) => householdsService(deps).moveMember(input, ctx.actor),
  'households.split': (input, ctx, deps) => householdsService(deps).split(input, ctx.actor),
  'households.endMembership': (input, ctx, deps) => householdsService(deps).endMembership(input, ctx.actor),
  'households.update': (input, ctx, deps) => householdsService(deps).update(input, ctx.actor),
  'households.changeHead': (input, ctx, deps) => householdsService(deps).changeHead(input, ctx.actor),
  'households.familiesServed': (input, _ctx, deps) => householdsService(deps).familiesServed(input.from, input.to),
};
