import type { FeatureHandlers } from '../../handlers';
import type { aidCalls } from '../../../../shared/api/calls/aid';
import { aidService } from './aid.service';

type Calls = keyof typeof aidCalls;

/** In-kind aid: items and their stock, received, given, adjusted, corrected. */
export const aidHandlers: FeatureHandlers<Calls> = {
  'aid.items': (input, _ctx, deps) => aidService(deps).items(input.includeArchived),
  'aid.addItem': (input, ctx, deps) => aidService(deps).addItem(input, ctx.actor),
  'aid.receive': (input, ctx, deps) => aidService(deps).receive(input, ctx.actor),
  'aid.give': (input, ctx, deps) => aidService(deps).give(input, ctx.actor),
  'aid.giveAtEvent': (input, ctx, deps) => aidService(deps).giveAtEvent(input, ctx.actor),
  'aid.adjust': (input, ctx, deps) => aidService(deps).adjust(input, ctx.actor),
  'aid.correct': (input, ctx, deps) => aidService(deps).correct(input, ctx.actor),
  'aid.movements': (input, _ctx, deps) => aidService(deps).movements(input),
  'aid.ofResident': (input, _ctx, deps) => aidService(deps).ofResident(input.residentId),
  'aid.distributionList': (input, _ctx, deps) => aidService(deps).distributionList(input.on),
  'aid.ofEvent': (input, _ctx, deps) => aidService(deps).ofEvent(input.eventId),
};
