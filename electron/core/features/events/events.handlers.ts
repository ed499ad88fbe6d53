import type { FeatureHandlers } from '../../handlers';
import type { eventsCalls } from '../../../../shared/api/calls/events';
import { eventsService } from './events.service';

type Calls = keyof typeof eventsCalls;

/** Events, campaigns and outreach: attendance by name and by head count, organisers. */
export const eventsHandlers: FeatureHandlers<Calls> = {
  'events.list': (input, _ctx, deps) => eventsService(deps).list(input),
  'events.get': (input, _ctx, deps) => eventsService(deps).get(input.id),
  'events.ofResident': (input, _ctx, deps) => eventsService(deps).ofResident(input.residentId),
  'events.create': (input, ctx, deps) => eventsService(deps).create(input, ctx.actor),
  'events.update': (input, ctx, deps) => eventsService(deps).update(input, ctx.actor),
  'events.register': (input, ctx, deps) => eventsService(deps).register(input, ctx.actor),
  'events.markAttendance': (input, ctx, deps) => eventsService(deps).markAttendance(input, ctx.actor),
  'events.setHeadCounts': (input, ctx, deps) => eventsService(deps).setHeadCounts(input, ctx.actor),
  'events.addOrganiser': (input, ctx, deps) => eventsService(deps).addOrganiser(input, ctx.actor),
};
