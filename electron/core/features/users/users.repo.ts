import type { Role } from '../../../../shared/api/roles';
import type { Language } from '../../../../shared/domain/settings';
import { LANGUAGES } from '../../../../shared/domain/settings';
import type { SignInEvent, SignInEventKind, SignInUser, UserSummary } from '../../../../shared/domain/users';
import { IDLE_LOCK_DEFAULT_MINUTES, IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/domain/users';
import type { Executor } from '../../db/schema';

export const IDLE_LOCK_KEY = 'idleLockMinutes';
export const DEMO_ACCOUNTS_KEY = 'demoAccounts';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  language: string | null;
  active: number;
  password_hash: string | null;
  pin_hash: string | null;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

export function toLanguage(value: string | null): Language | null {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
}

export async function findUser(ex: Executor, id: number): Promise<UserRow | undefined> {
  const row = await ex
    .selectFrom('users')
    .select(['id', 'name', 'role', 'language', 'active', 'password_hash', 'pin_hash', 'failed_attempts', 'locked_until', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row as UserRow | undefined;
}

export async function listUsers(ex: Executor, includeInactive: boolean): Promise<UserSummary[]> {
  let q = ex
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.name',
      'users.role',
      'users.language',
      'users.active',
      'users.pin_hash',
      'users.locked_until',
      'users.created_at',
      eb
        .selectFrom('sign_in_events')
        .select((e) => e.fn.max('at').as('m'))
        .whereRef('sign_in_events.user_id', '=', 'users.id')
        .where('sign_in_events.kind', '=', 'signIn')
        .as('last_sign_in'),
    ])
    .orderBy('users.active', 'desc')
    .orderBy('users.name');
  if (!includeInactive) q = q.where('users.active', '=', 1);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    language: toLanguage(r.language),
    active: r.active === 1,
    hasPin: r.pin_hash !== null,
    lockedUntil: r.locked_until,
    lastSignInAt: (r.last_sign_in as string | null) ?? null,
    createdAt: r.created_at,
  }));
}

/** Active users who can sign in (they have a password), for the sign-in screen. */
export async function signInUsers(ex: Executor): Promise<SignInUser[]> {
  const rows = await ex
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('active', '=', 1)
    .where('password_hash', 'is not', null)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
}

export async function activeAdminsWithPassword(ex: Executor, exceptId?: number): Promise<number> {
  let q = ex
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('password_hash', 'is not', null);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function recordEvent(ex: Executor, userId: number | null, kind: SignInEventKind, method: 'password' | 'pin' | null, at: string): Promise<void> {
  await ex.insertInto('sign_in_events').values({ user_id: userId, kind, method, at }).execute();
}

export async function listEvents(ex: Executor, userId: number | undefined, limit: number): Promise<SignInEvent[]> {
  let q = ex
    .selectFrom('sign_in_events')
    .leftJoin('users', 'users.id', 'sign_in_events.user_id')
    .select(['sign_in_events.id', 'sign_in_events.user_id', 'users.name', 'sign_in_events.kind', 'sign_in_events.method', 'sign_in_events.at'])
    .orderBy('sign_in_events.id', 'desc')
    .limit(limit);
  if (userId !== undefined) q = q.where('sign_in_events.user_id', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.name,
    kind: r.kind as SignInEventKind,
    method: r.method as 'password' | 'pin' | null,
    at: r.at,
  }));
}

export async function readSetting(ex: Executor, key: string): Promise<string | null> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(ex: Executor, key: string, value: string): Promise<void> {
  await ex
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function readIdleLockMinutes(ex: Executor): Promise<number> {
  const n = Number(await readSetting(ex, IDLE_LOCK_KEY));
  return Number.isInteger(n) && n >= IDLE_LOCK_MIN_MINUTES && n <= IDLE_LOCK_MAX_MINUTES ? n : IDLE_LOCK_DEFAULT_MINUTES;
}
