import type { FeatureHandlers } from '../../handlers';
import type { grantsCalls } from '../../../../shared/api/calls/grants';
import { grantsService } from './grants.service';
import { rentService } from './rent.service';

type Calls = keyof typeof grantsCalls;

/** Grants with budget lines and tranches, the annual budget, leases and rent due, in-kind contributions (treasurer issue). */
export const grantsHandlers: FeatureHandlers<Calls> = {
  'grants.list': (_input, _ctx, deps) => grantsService(deps).list(),
  'grants.get': (input, _ctx, deps) => grantsService(deps).get(input.id),
  'grants.create': (input, ctx, deps) => grantsService(deps).create(input, ctx.actor),
  'grants.update': (input, _ctx, deps) => grantsService(deps).update(input.id, input.data),
  'grants.addLine': (input, _ctx, deps) => grantsService(deps).addLine(input.grantId, input.line),
  'grants.updateLine': (input, _ctx, deps) => grantsService(deps).updateLine(input.id, input.line),
  'grants.addTranche': (input, _ctx, deps) => grantsService(deps).addTranche(input),
  'grants.removeTranche': (input, _ctx, deps) => grantsService(deps).removeTranche(input.id),
  'grants.removeLine': (input, _ctx, deps) => grantsService(deps).removeLine(input.id),
  'grants.remove': (input, _ctx, deps) => grantsService(deps).remove(input.id),
  'grants.receiveTranche': (input, ctx, deps) => grantsService(deps).receiveTranche(input, ctx.actor),
  'grants.cancelReceipt': (input, ctx, deps) => grantsService(deps).cancelReceipt(input.id, ctx.actor),
  'budget.get': (input, _ctx, deps) => grantsService(deps).budget(input.year),
  'budget.set': (input, _ctx, deps) => grantsService(deps).setBudget(input),
  'rent.overview': (input, _ctx, deps) => rentService(deps).overview(input.leaseId),
  'rent.overdueCount': (_input, _ctx, deps) => rentService(deps).overdueCount(),
  'rent.createLease': (input, ctx, deps) => rentService(deps).createLease(input, ctx.actor),
  'rent.updateLease': (input, _ctx, deps) => rentService(deps).updateLease(input.id, input.data),
  'rent.pay': (input, ctx, deps) => rentService(deps).pay(input, ctx.actor),
  'rent.cancelPayment': (input, ctx, deps) => rentService(deps).cancelPayment(input.chargeId, ctx.actor),
  'inKind.list': (input, _ctx, deps) => rentService(deps).listInKind(input),
  'inKind.create': (input, ctx, deps) => rentService(deps).createInKind(input, ctx.actor),
  'inKind.update': (input, _ctx, deps) => rentService(deps).updateInKind(input.id, input.data),
  'inKind.remove': (input, _ctx, deps) => rentService(deps).removeInKind(input.id),
  'inKind.aidToTakeIn': (_input, _ctx, deps) => rentService(deps).aidToTakeIn(),
  'inKind.takeInAid': (input, ctx, deps) => rentService(deps).takeInAid(input, ctx.actor),
  'inKind.rate': (_input, _ctx, deps) => rentService(deps).rate(),
  'inKind.setRate': (input, _ctx, deps) => rentService(deps).setRate(input.rateMinor),
  'inKind.report': (input, _ctx, deps) => rentService(deps).report(input),
};
