import type { FeatureHandlers } from '../../handlers';
import type { volunteersCalls } from '../../../../shared/api/calls/volunteers';
import { volunteersService } from './volunteers.service';
import { skillsService } from './skills';

type Calls = keyof typeof volunteersCalls;

/** The volunteers calls of the contract (coordinator issue). */
export const volunteerHandlers: FeatureHandlers<Calls> = {
  'volunteers.search': ({ q, limit, ...filter }, _ctx, deps) => volunteersService(deps).search(q, { ...filter, limit }),
  'volunteers.get': (input, _ctx, deps) => volunteersService(deps).get(input.id),
  'volunteers.create': (input, ctx, deps) => volunteersService(deps).create(input, ctx.actor),
  'volunteers.update': (input, ctx, deps) => volunteersService(deps).update(input.id, input.data, ctx.actor),
  'volunteers.setStatus': (input, ctx, deps) => volunteersService(deps).setStatus(input.id, input.status, ctx.actor),
  'volunteers.delete': (input, ctx, deps) => volunteersService(deps).remove(input.id, ctx.actor),
  'volunteers.merge': (input, ctx, deps) => volunteersService(deps).merge(input, ctx.actor),

  'skills.list': (input, _ctx, deps) => skillsService(deps).list(input.includeArchived),
  'skills.create': (input, _ctx, deps) => skillsService(deps).create(input.name),
  'skills.update': (input, _ctx, deps) => skillsService(deps).rename(input.id, input.name),
  'skills.setArchived': (input, _ctx, deps) => skillsService(deps).setArchived(input.id, input.archived),
  'kinds.skills': (input, _ctx, deps) => skillsService(deps).kindSkills(input.kindId),
  'kinds.setSkills': (input, _ctx, deps) => skillsService(deps).setKindSkills(input.kindId, input.skillIds),
};
