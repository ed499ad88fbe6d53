import type { CoreDeps } from './context';
import { optimizeAtClose } from './db/optimize';
import { createDispatch, type Dispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import { handlers, type Handlers } from './handlers';
import { sessionResolver } from './features/users/caller';
import { createSessionStore, type SessionStore } from './features/users/sessions';
import { createWorkRunner } from './work/runner';

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  deps: CoreDeps;
  /** Who is signed in, per transport session (kept by the app host across a restore). */
  sessions: SessionStore;
  close(): Promise<void>;
}

/**
 * Builds the core from injected dependencies. Does no I/O of its own (the long-work thread starts
 * with the first job); see start.ts for opening a file.
 */
export function createCore(given: Omit<CoreDeps, 'work'> & { work?: CoreDeps['work'] | undefined }): Core {
  const sessions = given.sessions ?? createSessionStore();
  const events = createEvents();
  // Without a runner from the host, the core has its own, whose progress goes out as its events.
  const own = given.work ? null : createWorkRunner({ onProgress: (p) => events.emit({ type: 'progress', ...p }) });
  const deps: CoreDeps = { ...given, sessions, work: given.work ?? (own as NonNullable<typeof own>) };
  return {
    handlers,
    events,
    deps,
    sessions,
    dispatch: createDispatch({ handlers, events, deps, resolveCaller: sessionResolver(deps, sessions) }),
    close: async () => {
      // SQLite's advice for a connection about to close: refresh the statistics that went stale.
      if (deps.sqlite) optimizeAtClose(deps.sqlite);
      await own?.close();
      // Its read-only connection goes before the file may be replaced (a restore).
      await deps.figures?.close();
      await deps.db.destroy();
    },
  };
}
