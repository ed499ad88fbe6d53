import type { FeatureHandlers } from '../../handlers';
import { catalogueService } from './catalogue.service';

type Calls = 'catalogue.list' | 'catalogue.create' | 'catalogue.update' | 'catalogue.setArchived' | 'catalogue.delete';

/** The service catalogue: the built-in kinds and the centre's own. */
export const catalogueHandlers: FeatureHandlers<Calls> = {
  'catalogue.list': (input, _ctx, deps) => catalogueService(deps).list(input.includeArchived),
  'catalogue.create': (input, ctx, deps) => catalogueService(deps).create(input, ctx.actor),
  'catalogue.update': (input, _ctx, deps) => catalogueService(deps).update(input),
  'catalogue.setArchived': (input, _ctx, deps) => catalogueService(deps).setArchived(input.id, input.archived),
  'catalogue.delete': (input, _ctx, deps) => catalogueService(deps).remove(input.id),
};
