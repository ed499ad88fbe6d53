import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { grantsCalls } from '../../../../shared/api/calls/grants';
import { grantsService } from './grants.service';
import { rentService } from './rent.service';

type Calls = keyof typeof grantsCalls;

/** Grants with budget lines and tranches, the annual budget, leases and rent due, in-kind contributions (treasurer issue). */
export function grantsHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const grants = grantsService(deps);
  const rent = rentService(deps);
  return {
    'grants.list': () => grants.list(),
    'grants.get': (input) => grants.get(input.id),
    'grants.create': (input, ctx) => grants.create(input, ctx.actor),
    'grants.update': (input) => grants.update(input.id, input.data),
    'grants.addLine': (input) => grants.addLine(input.grantId, input.line),
    'grants.updateLine': (input) => grants.updateLine(input.id, input.line),
    'grants.addTranche': (input) => grants.addTranche(input),
    'grants.removeTranche': (input) => grants.removeTranche(input.id),
    'grants.removeLine': (input) => grants.removeLine(input.id),
    'grants.remove': (input) => grants.remove(input.id),
    'grants.receiveTranche': (input, ctx) => grants.receiveTranche(input, ctx.actor),
    'grants.cancelReceipt': (input, ctx) => grants.cancelReceipt(input.id, ctx.actor),
    'budget.get': (input) => grants.budget(input.year),
    'budget.set': (input) => grants.setBudget(input),
    'rent.overview': (input) => rent.overview(input.leaseId),
    'rent.overdueCount': () => rent.overdueCount(),
    'rent.createLease': (input, ctx) => rent.createLease(input, ctx.actor),
    'rent.updateLease': (input) => rent.updateLease(input.id, input.data),
    'rent.pay': (input, ctx) => rent.pay(input, ctx.actor),
    'rent.cancelPayment': (input, ctx) => rent.cancelPayment(input.chargeId, ctx.actor),
    'inKind.list': (input) => rent.listInKind(input),
    'inKind.create': (input, ctx) => rent.createInKind(input, ctx.actor),
    'inKind.update': (input) => rent.updateInKind(input.id, input.data),
    'inKind.remove': (input) => rent.removeInKind(input.id),
    'inKind.rate': () => rent.rate(),
    'inKind.setRate': (input) => rent.setRate(input.rateMinor),
    'inKind.report': (input) => rent.report(input),
  };
}
