/**
 * Sessions, kept in memory by the core for both transports: an id chosen by the transport (an
 * unguessable HttpOnly cookie in browser mode, the window's webContents in the desktop app) →
 * the signed-in user, whether the session is locked, and the last activity. Nothing is written to
 * disk: a restart signs everybody out. The app host keeps one store across a restore.
 */
export interface Session {
  id: string;
  userId: number;
  locked: boolean;
  signedInAt: number;
  lastActivity: number;
}

export interface SessionStore {
  get(id: string): Session | undefined;
  signIn(id: string, userId: number, now: number): Session;
  lock(id: string): void;
  /** OS lock screen or suspend (desktop app): every session of this host locks. */
  lockAll(): number;
  unlock(id: string, now: number): void;
  touch(id: string, now: number): void;
  end(id: string): void;
  /** A deactivated user: every session of theirs ends. */
  endForUser(userId: number): void;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    get: (id) => sessions.get(id),
    signIn(id, userId, now) {
      const s: Session = { id, userId, locked: false, signedInAt: now, lastActivity: now };
      sessions.set(id, s);
      return s;
    },
    lock(id) {
      const s = sessions.get(id);
      if (s) s.locked = true;
    },
    lockAll() {
      let n = 0;
      for (const s of sessions.values()) {
        if (!s.locked) n += 1;
        s.locked = true;
      }
      return n;
    },
    unlock(id, now) {
      const s = sessions.get(id);
      if (s) {
        s.locked = false;
        s.lastActivity = now;
      }
    },
    touch(id, now) {
      const s = sessions.get(id);
      if (s) s.lastActivity = now;
    },
    end: (id) => void sessions.delete(id),
    endForUser(userId) {
      for (const [id, s] of sessions) if (s.userId === userId) sessions.delete(id);
    },
  };
}
