import type { FeatureHandlers } from '../../handlers';
import type { tasksCalls } from '../../../../shared/api/calls/tasks';
import { tasksService } from './tasks.service';

type Calls = keyof typeof tasksCalls;

/** The tasks calls of the contract (coordinator issue). */
export const taskHandlers: FeatureHandlers<Calls> = {
  'tasks.create': (input, ctx, deps) => tasksService(deps).create(input, ctx.actor),
  'tasks.update': (input, ctx, deps) => tasksService(deps).update(input.id, input.data, ctx.actor),
  'tasks.assign': (input, ctx, deps) => tasksService(deps).assign(input.id, input.volunteerIds, ctx.actor),
  'tasks.suggest': (input, _ctx, deps) => tasksService(deps).suggest(input),
  'tasks.complete': (input, ctx, deps) => tasksService(deps).complete(input.id, input.outcome, ctx.actor),
  'tasks.notDone': (input, ctx, deps) => tasksService(deps).notDone(input.id, input.reason, ctx.actor),
  'tasks.cancel': (input, ctx, deps) => tasksService(deps).cancel(input.id, input.reason, ctx.actor),
  'tasks.reopen': (input, ctx, deps) => tasksService(deps).reopen(input.id, ctx.actor),
  'tasks.get': (input, _ctx, deps) => tasksService(deps).get(input.id),
  'tasks.list': (input, _ctx, deps) => tasksService(deps).list(input),
  'tasks.today': (_input, _ctx, deps) => tasksService(deps).today(),
  'tasks.board': (input, _ctx, deps) => tasksService(deps).board(input),
  'tasks.advances': (input, _ctx, deps) => tasksService(deps).advances(input.settled),
};
