import type { CoreDeps } from './context';
import { optimizeAtClose } from './db/optimize';
import { createDispatch, type Dispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import { handlers, type Handlers } from './handlers';
import { sessionResolver } from './features/users/caller';
import { createSessionStore, type SessionStore } from './features/users/sessions';

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  deps: CoreDeps;
  /** Who is signed in, per transport session (kept by the app host across a restore). */
  sessions: SessionStore;
  close(): Promise<void>;
}

/** Builds the core from injected dependencies. Does no I/O of its own; see start.ts for opening a file. */
export function createCore(given: CoreDeps): Core {
  const sessions = given.sessions ?? createSessionStore();
  const deps: CoreDeps = { ...given, sessions };
  const events = createEvents();
  return {
    handlers,
    events,
    deps,
    sessions,
    dispatch: createDispatch({ handlers, events, deps, resolveCaller: sessionResolver(deps, sessions) }),
    close: async () => {
      // SQLite's advice for a connection about to close: refresh the statistics that went stale.
      if (deps.sqlite) optimizeAtClose(deps.sqlite);
      await deps.db.destroy();
    },
  };
}
