/**
 * "Who is calling", for dispatch: a trusted in-process actor (the CLI, tests, demo data, a script
 * host started with --script-admin) acts as given; a transport's session id is looked up in the
 * session store, and its user re-read from the database on every call (a deactivated user or a
 * changed role takes effect at once). Non-public calls need a signed-in, unlocked session.
 */
import type { ApiErrorBody } from '../../../../shared/api/errors';
import type { Role } from '../../../../shared/api/roles';
import { ANONYMOUS, BUILT_IN_ADMIN, type Caller, type CallContext, type CoreDeps } from '../../context';
import type { SessionStore } from './sessions';
import { readIdleLockMinutes } from './users.repo';

export type Resolved = { ok: true; ctx: CallContext; anonymous: boolean } | { ok: false; error: ApiErrorBody };
export type CallerResolver = (caller: Caller, isPublic: boolean) => Promise<Resolved>;

/** A session idle this much longer than the idle-lock setting is locked by the core itself. */
const IDLE_GRACE_MS = 60_000;

export function sessionResolver(deps: Pick<CoreDeps, 'db' | 'clock'>, sessions: SessionStore): CallerResolver {
  return async (caller, isPublic) => {
    if (!('sessionId' in caller)) return { ok: true, ctx: { actor: caller.actor }, anonymous: false };
    const id = caller.sessionId;
    const session = sessions.get(id);
    let state: 'signedOut' | 'locked' | 'active' = 'signedOut';
    let actor = ANONYMOUS;
    if (session) {
      const user = await deps.db.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', session.userId).executeTakeFirst();
      if (!user || user.active !== 1) {
        sessions.end(id);
      } else {
        const now = deps.clock.now().getTime();
        // The renderer locks after the idle minutes; this is the backstop when it did not.
        if (!session.locked && now - session.lastActivity > (await readIdleLockMinutes(deps.db)) * 60_000 + IDLE_GRACE_MS) sessions.lock(id);
        state = session.locked ? 'locked' : 'active';
        actor = { id: user.id, role: user.role as Role };
        if (state === 'active' && !isPublic) sessions.touch(id, now);
      }
    }
    const ctx: CallContext = { actor, session: { id, state, userId: state === 'signedOut' ? null : actor.id } };
    if (isPublic || state === 'active') return { ok: true, ctx, anonymous: state === 'signedOut' };
    if (state === 'locked') return { ok: false, error: { code: 'locked', message: 'The session is locked: unlock it first' } };
    return { ok: false, error: { code: 'unauthorised', message: 'Sign in first' } };
  };
}

/** Only trusted in-process actors: a transport's session is refused (the default of createDispatch). */
export const trustedOnly: CallerResolver = async (caller) =>
  'sessionId' in caller ? { ok: false, error: { code: 'unauthorised', message: 'Sign in first' } } : { ok: true, ctx: { actor: caller.actor }, anonymous: false };

/**
 * Recovery mode (the database cannot be opened, so nobody can sign in): the caller acts as the
 * first admin, who may only restore a backup or export. The transport still proved itself (the
 * launch token in browser mode, the app's own window in the desktop app).
 */
export const recoveryResolver: CallerResolver = async (caller) => ({
  ok: true,
  ctx: { actor: 'sessionId' in caller ? BUILT_IN_ADMIN : caller.actor },
  anonymous: false,
});
