/**
 * Desktop-app session plumbing, kept free of Electron so that it is tested in plain Node: each
 * window (webContents) has one session, whose id the main process got from the session store and
 * the page never sees nor chooses; and the OS lock screen or suspend locks every session at once.
 */
import { NEW_SESSION_ID_CALLS, type SessionStore } from '../core/features/users/sessions';

/** The powerMonitor events that lock Hearth: Windows/macOS lock screen, and sleep. */
export const LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

export interface WindowSessions {
  /** The session id of a window (issued by the store on the window's first call). */
  idFor(webContentsId: number): string;
  /**
   * The caller of a contract call from a window. As in browser mode, a sign-in or unlock
   * (NEW_SESSION_ID_CALLS) first moves the window's session to a new id, and the old id is signed out.
   */
  callerFor(webContentsId: number, call: string): { sessionId: string };
}

export function windowSessions(store: Pick<SessionStore, 'issue' | 'rotate'>): WindowSessions {
  const ids = new Map<number, string>();
  const idFor = (webContentsId: number): string => {
    let id = ids.get(webContentsId);
    if (id === undefined) {
      id = store.issue();
      ids.set(webContentsId, id);
    }
    return id;
  };
  return {
    idFor,
    callerFor(webContentsId, call) {
      if (!NEW_SESSION_ID_CALLS.has(call)) return { sessionId: idFor(webContentsId) };
      const id = store.rotate(idFor(webContentsId));
      ids.set(webContentsId, id);
      return { sessionId: id };
    },
  };
}

export interface PowerEvents {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
}

/** Locks every session on each of LOCK_EVENTS (Electron's powerMonitor is passed in). */
export function lockOnPowerEvents(monitor: PowerEvents, lockAll: () => void): void {
  for (const event of LOCK_EVENTS) monitor.on(event, lockAll);
}
