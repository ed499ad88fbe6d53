import type { CoreDeps } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import { createHandlers, type Handlers } from './handlers';

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  deps: CoreDeps;
  close(): Promise<void>;
}

/** Builds the core from injected dependencies. Does no I/O of its own; see start.ts for opening a file. */
export function createCore(deps: CoreDeps): Core {
  const events = createEvents();
  const handlers = createHandlers(deps);
  return {
    handlers,
    events,
    deps,
    dispatch: createDispatch(handlers, events, deps.logger),
    close: () => deps.db.destroy(),
  };
}
