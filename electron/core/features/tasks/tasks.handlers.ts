import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { tasksCalls } from '../../../../shared/api/calls/tasks';
import { tasksService } from './tasks.service';

type Calls = keyof typeof tasksCalls;

/** The tasks calls of the contract (coordinator issue). */
export function taskHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const tasks = tasksService(deps);
  return {
    'tasks.create': (input, ctx) => tasks.create(input, ctx.actor),
    'tasks.update': (input, ctx) => tasks.update(input.id, input.data, ctx.actor),
    'tasks.assign': (input, ctx) => tasks.assign(input.id, input.volunteerIds, ctx.actor),
    'tasks.suggest': (input) => tasks.suggest(input),
    'tasks.complete': (input, ctx) => tasks.complete(input.id, input.outcome, ctx.actor),
    'tasks.notDone': (input, ctx) => tasks.notDone(input.id, input.reason, ctx.actor),
    'tasks.cancel': (input, ctx) => tasks.cancel(input.id, input.reason, ctx.actor),
    'tasks.reopen': (input, ctx) => tasks.reopen(input.id, ctx.actor),
    'tasks.get': (input) => tasks.get(input.id),
    'tasks.list': (input) => tasks.list(input),
    'tasks.today': () => tasks.today(),
    'tasks.board': (input) => tasks.board(input),
    'tasks.advances': (input) => tasks.advances(input.settled),
  };
}
