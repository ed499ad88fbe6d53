import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { volunteersCalls } from '../../../../shared/api/calls/volunteers';
import { volunteersService } from './volunteers.service';
import { skillsService } from './skills';

type Calls = keyof typeof volunteersCalls;

/** The volunteers calls of the contract (coordinator issue). */
export function volunteerHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const volunteers = volunteersService(deps);
  const skills = skillsService(deps);
  return {
    'volunteers.search': ({ q, limit, ...filter }) => volunteers.search(q, { ...filter, limit }),
    'volunteers.get': (input) => volunteers.get(input.id),
    'volunteers.create': (input, ctx) => volunteers.create(input, ctx.actor),
    'volunteers.update': (input, ctx) => volunteers.update(input.id, input.data, ctx.actor),
    'volunteers.setStatus': (input, ctx) => volunteers.setStatus(input.id, input.status, ctx.actor),
    'volunteers.delete': (input, ctx) => volunteers.remove(input.id, ctx.actor),

    'skills.list': (input) => skills.list(input.includeArchived),
    'skills.create': (input) => skills.create(input.name),
    'skills.update': (input) => skills.rename(input.id, input.name),
    'skills.setArchived': (input) => skills.setArchived(input.id, input.archived),
    'kinds.skills': (input) => skills.kindSkills(input.kindId),
    'kinds.setSkills': (input) => skills.setKindSkills(input.kindId, input.skillIds),
  };
}
