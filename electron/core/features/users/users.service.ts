/**
 * Users, sign-in, PIN unlock, lock-out and sessions. Passwords and PINs are scrypt hashes
 * (password.ts); failed attempts are counted per user in the database (so a restart does not reset
 * them) and every attempt is logged in sign_in_events without the secret.
 */
import { AppError } from '../../../../shared/api/errors';
import type { Role } from '../../../../shared/api/roles';
import type { Language } from '../../../../shared/domain/settings';
import {
  IDLE_LOCK_DEFAULT_MINUTES,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
  mayUnlockWithPin,
  passwordProblem,
  type DemoAccount,
  type SessionStatus,
  type SignInEvent,
  type UserSummary,
} from '../../../../shared/domain/users';
import type { Actor, CallContext, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { hashSecret, needsRehash, SCRYPT_PARAMS, verifySecret } from './password';
import { appendAudit } from '../audit/audit.service';
import type { SessionStore } from './sessions';
import {
  activeAdminsWithPassword,
  DEMO_ACCOUNTS_KEY,
  findUser,
  IDLE_LOCK_KEY,
  listEvents,
  listUsers,
  readIdleLockMinutes,
  readSetting,
  recordEvent,
  signInUsers,
  toLanguage,
  writeSetting,
  type UserRow,
} from './users.repo';
import { inTransaction } from '../../db/transaction';

export interface SignedInUser {
  id: number;
  name: string;
  role: Role;
  language: Language | null;
}

const MINUTE = 60_000;

function toSignedIn(row: UserRow): SignedInUser {
  return { id: row.id, name: row.name, role: row.role, language: toLanguage(row.language) };
}

function checkPassword(password: string, role: Role): void {
  const problem = passwordProblem(password, role);
  if (problem) throw new AppError('validation', 'Password too short', { fields: [{ path: 'password', message: problem }] });
}

/** Sets the first admin's password (first-run set-up), inside the set-up's transaction. */
export async function setPasswordHash(ex: Executor, userId: number, hash: string, at: string): Promise<void> {
  await ex
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at, failed_attempts: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function readDemoAccounts(ex: Executor): Promise<DemoAccount[] | null> {
  const raw = await readSetting(ex, DEMO_ACCOUNTS_KEY);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as DemoAccount[];
  } catch {
    return null;
  }
}

export async function addDemoAccounts(ex: Executor, accounts: DemoAccount[]): Promise<void> {
  const existing = (await readDemoAccounts(ex)) ?? [];
  const merged = [...existing.filter((a) => !accounts.some((b) => b.userId === a.userId)), ...accounts];
  const order: Role[] = ['frontdesk', 'coordinator', 'treasurer', 'admin'];
  merged.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  await writeSetting(ex, DEMO_ACCOUNTS_KEY, JSON.stringify(merged));
}

/** A changed password (or PIN) is no longer the demo's: the sign-in screen stops showing it. */
async function forgetDemoAccount(ex: Executor, userId: number): Promise<void> {
  const existing = await readDemoAccounts(ex);
  if (existing === null || !existing.some((a) => a.userId === userId)) return;
  await writeSetting(ex, DEMO_ACCOUNTS_KEY, JSON.stringify(existing.filter((a) => a.userId !== userId)));
}

export function usersService(deps: CoreDeps, sessions: SessionStore) {
  const { db, clock } = deps;
  const hashing = deps.hashing ?? SCRYPT_PARAMS;
  const nowIso = () => clock.now().toISOString();

  /**
   * One attempt with a secret: refused without checking while locked out; a failure counts and
   * the fifth in a row locks the user out for LOCKOUT_MINUTES; a success resets the count.
   */
  async function attempt(user: UserRow, secret: string, method: 'password' | 'pin', kinds: { ok: 'signIn' | 'unlock' | null; fail: 'failure' | 'unlockFailure' }): Promise<void> {
    const now = clock.now();
    if (user.locked_until !== null && now.getTime() < Date.parse(user.locked_until)) {
      throw new AppError('lockedOut', 'Too many failed attempts', { details: { until: user.locked_until } });
    }
    const ok = await verifySecret(secret, method === 'pin' ? user.pin_hash : user.password_hash, hashing);
    const at = clock.now().toISOString();
    if (ok) {
      await inTransaction(db, async (trx) => {
        await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
        if (kinds.ok !== null) await recordEvent(trx, user.id, kinds.ok, method, at);
      });
      // A hash made with weaker parameters (older Hearth, demo users) is redone at today's.
      const stored = method === 'pin' ? user.pin_hash : user.password_hash;
      if (stored !== null && needsRehash(stored, hashing)) {
        const fresh = await hashSecret(secret, hashing);
        await db.updateTable('users').set(method === 'pin' ? { pin_hash: fresh } : { password_hash: fresh }).where('id', '=', user.id).execute();
      }
      return;
    }
    const expired = user.locked_until !== null;
    const until = await inTransaction(db, async (trx) => {
      // A lock-out that has run out starts the count again.
      if (expired) await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
      const row = await trx
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      await recordEvent(trx, user.id, kinds.fail, method, at);
      if (row.failed_attempts < MAX_FAILED_ATTEMPTS) return { left: MAX_FAILED_ATTEMPTS - row.failed_attempts };
      const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
      await trx.updateTable('users').set({ failed_attempts: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
      await recordEvent(trx, user.id, 'lockout', null, at);
      return { until: lockedUntil };
    });
    if (until.until !== undefined) {
      // A locked session whose unlock failed too often ends: the full password is needed again.
      sessions.endForUser(user.id);
      throw new AppError('lockedOut', 'Too many failed attempts', { details: { until: until.until } });
    }
    throw new AppError('signInFailed', 'Wrong password or PIN', { details: { attemptsLeft: until.left } });
  }

  async function requireUser(id: number): Promise<UserRow> {
    const row = await findUser(db, id);
    if (!row) throw new AppError('notFound', 'No such user');
    return row;
  }

  function sessionId(ctx: CallContext): string {
    if (!ctx.session) throw new AppError('badRequest', 'This call needs a session (sign in through the app)');
    return ctx.session.id;
  }

  async function keepAnAdmin(userId: number, trx: Executor): Promise<void> {
    if ((await activeAdminsWithPassword(trx, userId)) === 0) throw new AppError('lastAdmin', 'At least one active administrator must remain');
  }

  return {
    sessions,

    /** What the sign-in and lock screens need, for app.status. */
    async sessionStatus(ctx: CallContext): Promise<SessionStatus> {
      const state = ctx.session?.state ?? 'active';
      const idleLockMinutes = await readIdleLockMinutes(db);
      const needsAdminPassword = (await activeAdminsWithPassword(db)) === 0;
      return {
        state,
        idleLockMinutes,
        users: state === 'active' ? [] : await signInUsers(db),
        demoAccounts: state === 'active' ? null : await readDemoAccounts(db),
        needsAdminPassword,
      };
    },

    /** The user shown by app.status: the signed-in (or locked) one, else an empty placeholder. */
    async statusUser(ctx: CallContext): Promise<SignedInUser> {
      const id = ctx.session ? ctx.session.userId : ctx.actor.id;
      const row = id !== null ? await findUser(db, id) : undefined;
      if (!row) return { id: 0, name: '', role: ctx.actor.role, language: null };
      // A trusted caller keeps the role it was given (tests acting as each role).
      return { ...toSignedIn(row), role: ctx.session ? row.role : ctx.actor.role };
    },

    async signIn(ctx: CallContext, userId: number, password: string): Promise<SignedInUser> {
      const id = sessionId(ctx);
      const user = await findUser(db, userId);
      if (!user || user.active !== 1) {
        await verifySecret(password, null, hashing); // the same cost as a real attempt
        throw new AppError('signInFailed', 'Wrong password or PIN');
      }
      await attempt(user, password, 'password', { ok: 'signIn', fail: 'failure' });
      sessions.signIn(id, user.id, clock.now().getTime());
      return toSignedIn(user);
    },

    async unlock(ctx: CallContext, method: 'pin' | 'password', secret: string): Promise<SignedInUser> {
      const id = sessionId(ctx);
      const session = sessions.get(id);
      if (!session || !session.locked) throw new AppError('unauthorised', 'No locked session to unlock');
      const user = await findUser(db, session.userId);
      if (!user || user.active !== 1) {
        sessions.end(id);
        throw new AppError('unauthorised', 'The user can no longer sign in');
      }
      if (method === 'pin' && !mayUnlockWithPin(user.role)) throw new AppError('pinNotAllowed', 'Admins and treasurers unlock with their password');
      await attempt(user, secret, method, { ok: 'unlock', fail: 'unlockFailure' });
      sessions.unlock(id, clock.now().getTime());
      return toSignedIn(user);
    },

    async lock(ctx: CallContext): Promise<null> {
      const id = sessionId(ctx);
      const s = sessions.get(id);
      if (s && !s.locked) {
        sessions.lock(id);
        await recordEvent(db, s.userId, 'lock', null, nowIso());
      }
      return null;
    },

    /** Also from the lock screen ("sign in as someone else"): the locked session ends. */
    async signOut(ctx: CallContext): Promise<null> {
      const id = sessionId(ctx);
      const s = sessions.get(id);
      if (s) {
        sessions.end(id);
        await recordEvent(db, s.userId, 'signOut', null, nowIso());
      }
      return null;
    },

    /** Lock every session (the desktop app on the OS lock screen or suspend). */
    async lockAll(): Promise<number> {
      return sessions.lockAll();
    },

    /**
     * An older database where no active admin has a password (sign-in did not exist yet): the
     * person at the PC sets the first admin's password and is signed in. Refused once any active
     * admin has one.
     */
    async claimAdmin(ctx: CallContext, password: string): Promise<SignedInUser> {
      const id = sessionId(ctx);
      checkPassword(password, 'admin');
      const hash = await hashSecret(password, hashing);
      const user = await inTransaction(db, async (trx) => {
        if ((await activeAdminsWithPassword(trx)) > 0) throw new AppError('alreadySetUp', 'An administrator already has a password');
        const admin = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).orderBy('id').executeTakeFirst();
        if (!admin) throw new AppError('notFound', 'No administrator');
        await setPasswordHash(trx, admin.id, hash, nowIso());
        await recordEvent(trx, admin.id, 'passwordReset', 'password', nowIso());
        // A change like any other: its audit entry commits with it (never the password itself).
        await appendAudit(trx, { at: nowIso(), userId: admin.id, role: 'admin', action: 'change', call: 'auth.claimAdmin', entityType: 'users', entityId: admin.id, fields: [{ field: 'password', changed: true }] });
        return admin.id;
      });
      sessions.signIn(id, user, clock.now().getTime());
      return toSignedIn(await requireUser(user));
    },

    /** After the first-run set-up, the calling session is the new admin's. */
    signInAfterSetup(ctx: CallContext, userId: number): void {
      if (ctx.session) sessions.signIn(ctx.session.id, userId, clock.now().getTime());
    },

    /** Every user; `lockedUntil` only while a lock-out is still running. */
    async list(includeInactive: boolean): Promise<UserSummary[]> {
      const now = clock.now().getTime();
      return (await listUsers(db, includeInactive)).map((u) => ({ ...u, lockedUntil: u.lockedUntil !== null && Date.parse(u.lockedUntil) > now ? u.lockedUntil : null }));
    },

    async create(input: { name: string; role: Role; language: Language | null; password: string; pin: string | null }): Promise<UserSummary> {
      checkPassword(input.password, input.role);
      if (input.pin !== null && !mayUnlockWithPin(input.role)) throw new AppError('pinNotAllowed', 'Admins and treasurers do not use a PIN');
      const passwordHash = await hashSecret(input.password, hashing);
      const pinHash = input.pin !== null ? await hashSecret(input.pin, hashing) : null;
      const at = nowIso();
      const row = await db
        .insertInto('users')
        .values({ name: input.name, role: input.role, language: input.language, created_at: at, password_hash: passwordHash, pin_hash: pinHash, password_changed_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await listUsers(db, true)).find((u) => u.id === row.id) as UserSummary;
    },

    async update(id: number, input: { name: string; role: Role; language: Language | null }): Promise<UserSummary> {
      await inTransaction(db, async (trx) => {
        const user = await findUser(trx, id);
        if (!user) throw new AppError('notFound', 'No such user');
        if (user.role === 'admin' && input.role !== 'admin' && user.active === 1) await keepAnAdmin(id, trx);
        // A PIN is only for roles that may unlock with one.
        const pin = mayUnlockWithPin(input.role) ? user.pin_hash : null;
        await trx.updateTable('users').set({ name: input.name, role: input.role, language: input.language, pin_hash: pin }).where('id', '=', id).execute();
      });
      return (await listUsers(db, true)).find((u) => u.id === id) as UserSummary;
    },

    async resetPassword(id: number, password: string): Promise<null> {
      const user = await requireUser(id);
      checkPassword(password, user.role);
      const hash = await hashSecret(password, hashing);
      await inTransaction(db, async (trx) => {
        await setPasswordHash(trx, id, hash, nowIso());
        await recordEvent(trx, id, 'passwordReset', 'password', nowIso());
        await forgetDemoAccount(trx, id);
      });
      return null;
    },

    async setPin(id: number, pin: string | null): Promise<null> {
      const user = await requireUser(id);
      if (pin !== null && !mayUnlockWithPin(user.role)) throw new AppError('pinNotAllowed', 'Admins and treasurers do not use a PIN');
      const hash = pin !== null ? await hashSecret(pin, hashing) : null;
      await inTransaction(db, async (trx) => {
        await trx.updateTable('users').set({ pin_hash: hash }).where('id', '=', id).execute();
        await recordEvent(trx, id, 'passwordReset', 'pin', nowIso());
        await forgetDemoAccount(trx, id);
      });
      return null;
    },

    /**
     * The signed-in user changes their own password, or sets or removes their own PIN, after
     * typing the current password (a wrong one counts towards the lock-out like any failure).
     */
    async changeOwn(ctx: CallContext, currentPassword: string, change: { password: string } | { pin: string | null }): Promise<null> {
      // A session's own user only (a trusted in-process caller has no password of its own to change).
      const session = sessions.get(sessionId(ctx));
      const user = session && !session.locked ? await findUser(db, session.userId) : undefined;
      if (!user || user.active !== 1) throw new AppError('unauthorised', 'Sign in first');
      if ('pin' in change && change.pin !== null && !mayUnlockWithPin(user.role)) throw new AppError('pinNotAllowed', 'Admins and treasurers do not use a PIN');
      if ('password' in change) checkPassword(change.password, user.role);
      await attempt(user, currentPassword, 'password', { ok: null, fail: 'failure' });
      const secret = 'password' in change ? change.password : change.pin;
      const hash = secret !== null ? await hashSecret(secret, hashing) : null;
      await inTransaction(db, async (trx) => {
        if ('password' in change) await setPasswordHash(trx, user.id, hash as string, nowIso());
        else await trx.updateTable('users').set({ pin_hash: hash }).where('id', '=', user.id).execute();
        await recordEvent(trx, user.id, 'passwordReset', 'password' in change ? 'password' : 'pin', nowIso());
        await forgetDemoAccount(trx, user.id);
        // A change like any other: its audit entry commits with it (never the secret itself).
        const field = 'password' in change ? 'password' : 'pin';
        await appendAudit(trx, { at: nowIso(), userId: user.id, role: user.role, action: 'change', call: field === 'password' ? 'auth.changePassword' : 'auth.changePin', entityType: 'users', entityId: user.id, fields: [{ field, changed: true }] });
      });
      return null;
    },

    async setActive(id: number, active: boolean): Promise<UserSummary> {
      await inTransaction(db, async (trx) => {
        const user = await findUser(trx, id);
        if (!user) throw new AppError('notFound', 'No such user');
        if (!active && user.role === 'admin') await keepAnAdmin(id, trx);
        await trx.updateTable('users').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
      });
      if (!active) sessions.endForUser(id);
      return (await listUsers(db, true)).find((u) => u.id === id) as UserSummary;
    },

    events: (userId: number | undefined, limit: number): Promise<SignInEvent[]> => listEvents(db, userId, limit),

    idleLockMinutes: () => readIdleLockMinutes(db),

    async setIdleLockMinutes(minutes: number): Promise<number> {
      await writeSetting(db, IDLE_LOCK_KEY, String(minutes));
      return minutes;
    },

    async setLanguage(actor: Actor, language: Language): Promise<null> {
      await db.updateTable('users').set({ language }).where('id', '=', actor.id).execute();
      return null;
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
export { IDLE_LOCK_DEFAULT_MINUTES };
