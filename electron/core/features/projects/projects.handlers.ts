import type { FeatureHandlers } from '../../handlers';
import type { projectsCalls } from '../../../../shared/api/calls/projects';
import { projectsService } from './projects.service';

type Calls = keyof typeof projectsCalls;

/** Projects and programmes with participants: recruitment, contracts, attendance, completion. */
export const projectsHandlers: FeatureHandlers<Calls> = {
  'projects.list': (_input, _ctx, deps) => projectsService(deps).list(),
  'projects.get': (input, _ctx, deps) => projectsService(deps).get(input.id),
  'projects.ofResident': (input, _ctx, deps) => projectsService(deps).ofResident(input.residentId),
  'projects.grantOptions': (_input, _ctx, deps) => projectsService(deps).grantOptions(),
  'projects.create': (input, ctx, deps) => projectsService(deps).create(input, ctx.actor),
  'projects.update': (input, ctx, deps) => projectsService(deps).update(input, ctx.actor),
  'projects.addActivity': (input, ctx, deps) => projectsService(deps).addActivity(input, ctx.actor),
  'projects.enrol': (input, ctx, deps) => projectsService(deps).enrol(input, ctx.actor),
  'projects.recordContract': (input, ctx, deps) => projectsService(deps).recordContract(input, ctx.actor),
  'projects.recordAttendance': (input, ctx, deps) => projectsService(deps).recordAttendance(input, ctx.actor),
  'projects.complete': (input, ctx, deps) => projectsService(deps).complete(input, ctx.actor),
  'projects.dropOut': (input, ctx, deps) => projectsService(deps).dropOut(input, ctx.actor),
};
