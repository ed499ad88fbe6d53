import type { FeatureHandlers } from '../../handlers';
import type { casesCalls } from '../../../../shared/api/calls/cases';
import { casesService } from './cases.service';

type Calls = keyof typeof casesCalls;

/** Case management: social accompaniment of a resident or a household, and the workers' caseloads. */
export const casesHandlers: FeatureHandlers<Calls> = {
  'cases.get': (input, _ctx, deps) => casesService(deps).get(input.id),
  'cases.ofResident': (input, _ctx, deps) => casesService(deps).ofResident(input.residentId),
  'cases.caseload': (input, ctx, deps) => casesService(deps).caseload(input.workerId, ctx.actor),
  'cases.open': (input, ctx, deps) => casesService(deps).open(input, ctx.actor),
  'cases.updatePlan': (input, ctx, deps) => casesService(deps).updatePlan(input, ctx.actor),
  'cases.addAction': (input, ctx, deps) => casesService(deps).addAction(input, ctx.actor),
  'cases.completeAction': (input, ctx, deps) => casesService(deps).completeAction(input, ctx.actor),
  'cases.logContact': (input, ctx, deps) => casesService(deps).logContact(input, ctx.actor),
  'cases.review': (input, ctx, deps) => casesService(deps).review(input, ctx.actor),
  'cases.recordAgreement': (input, ctx, deps) => casesService(deps).recordAgreement(input, ctx.actor),
  'cases.close': (input, ctx, deps) => casesService(deps).close(input, ctx.actor),
};
