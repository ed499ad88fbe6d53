import type { FeatureHandlers } from '../../handlers';
import type { shelterCalls } from '../../../../shared/api/calls/shelter';
import { shelterService } from './shelter.service';

type Calls = keyof typeof shelterCalls;

/** The temporary shelter: shelters with places, check-in and check-out, who is there today. */
export const shelterHandlers: FeatureHandlers<Calls> = {
  'shelter.list': (_input, _ctx, deps) => shelterService(deps).list(),
  'shelter.get': (input, _ctx, deps) => shelterService(deps).get(input.id),
  'shelter.addShelter': (input, ctx, deps) => shelterService(deps).addShelter(input, ctx.actor),
  'shelter.updateShelter': (input, ctx, deps) => shelterService(deps).updateShelter(input, ctx.actor),
  'shelter.checkIn': (input, ctx, deps) => shelterService(deps).checkIn(input, ctx.actor),
  'shelter.checkOut': (input, ctx, deps) => shelterService(deps).checkOut(input, ctx.actor),
  'shelter.today': (_input, _ctx, deps) => shelterService(deps).today(),
  'shelter.history': (input, _ctx, deps) => shelterService(deps).history(input),
  'shelter.ofResident': (input, _ctx, deps) => shelterService(deps).ofResident(input.residentId),
};
