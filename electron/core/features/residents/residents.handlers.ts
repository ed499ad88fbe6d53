import type { FeatureHandlers } from '../../handlers';
import { residentsService } from './residents.service';

type Calls =
  | 'residents.search'
  | 'residents.get'
  | 'residents.findDuplicates'
  | 'residents.create'
  | 'residents.update'
  | 'residents.settlements'
  | 'residents.duplicatePairs'
  | 'residents.merge';

/** Residents (beneficiaries): search, their page, the duplicate warning, registering and editing. */
export const residentHandlers: FeatureHandlers<Calls> = {
  'residents.search': (input, _ctx, deps) => residentsService(deps).search(input.q, input.settlement, input.limit, input.offset),
  'residents.get': (input, _ctx, deps) => residentsService(deps).get(input.id),
  'residents.findDuplicates': (input, _ctx, deps) => residentsService(deps).findDuplicates(input),
  'residents.create': (input, ctx, deps) => residentsService(deps).create(input, ctx.actor),
  'residents.update': (input, ctx, deps) => residentsService(deps).update(input.id, input.data, ctx.actor),
  'residents.settlements': (_input, _ctx, deps) => residentsService(deps).settlements(),
  'residents.duplicatePairs': (input, _ctx, deps) => residentsService(deps).duplicatePairs(input.cursor, input.limit),
  'residents.merge': (input, ctx, deps) => residentsService(deps).merge(input, ctx.actor),
};
