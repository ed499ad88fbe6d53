/**
 * Sessions, kept in memory by the core for both transports: an id the transport got from `issue`
 * (an unguessable HttpOnly cookie in browser mode, a window's in the desktop app) → the signed-in
 * user, whether the session is locked, and the last activity. Nothing is written to disk: a
 * restart signs everybody out. The app host keeps one store across a restore.
 *
 * Session fixation (F3): a transport only accepts ids the store issued (`isIssued`), and moves the
 * session to a new id (`rotate`) at every sign-in, so an id known to someone else before a
 * sign-in is never a signed-in one. The core's own code never picks or changes ids.
 */
import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: number;
  locked: boolean;
  signedInAt: number;
  lastActivity: number;
}

/**
 * The calls that sign a session in (or unlock it): the transports move the session to a new id
 * (`rotate`) before running them, and hand the new id to the browser or window.
 */
export const NEW_SESSION_ID_CALLS: ReadonlySet<string> = new Set(['auth.signIn', 'auth.unlock', 'auth.claimAdmin', 'setup.complete']);

/**
 * Issued ids without a signed-in user (a browser on the sign-in screen, a script's every
 * cookieless call) kept at most; the oldest are forgotten first (such a browser just gets a new
 * one). Signed-in sessions are never forgotten this way.
 */
export const MAX_SIGNED_OUT_IDS = 10_000;

export interface SessionStore {
  get(id: string): Session | undefined;
  /** A new unguessable id (256 random bits), signed out until a sign-in; the store remembers it as issued. */
  issue(): string;
  /** Whether this id came from `issue` or `rotate` (and has not been rotated away or forgotten since). */
  isIssued(id: string): boolean;
  /**
   * Moves the session of `oldId` (signed in, locked or signed out) to a newly issued id and
   * returns it; `oldId` is forgotten: from then on it is a signed-out id the store never issued.
   */
  rotate(oldId: string): string;
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
  /** Every issued id, oldest first. */
  const issued = new Set<string>();

  function issue(): string {
    const id = randomBytes(32).toString('base64url');
    issued.add(id);
    if (issued.size - sessions.size > MAX_SIGNED_OUT_IDS) {
      for (const old of issued) {
        if (sessions.has(old)) continue;
        issued.delete(old);
        break;
      }
    }
    return id;
  }

  return {
    get: (id) => sessions.get(id),
    issue,
    isIssued: (id) => issued.has(id),
    rotate(oldId) {
      const id = issue();
      const s = sessions.get(oldId);
      if (s) sessions.set(id, { ...s, id });
      sessions.delete(oldId);
      issued.delete(oldId);
      return id;
    },
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
