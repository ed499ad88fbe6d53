/**
 * Users and sign-in rules shared by the core and the UI: roles, password and PIN rules, lock-out
 * and idle-lock constants. No DOM, no Node.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../api/roles';
import { LANGUAGES, type Language } from './settings';

/** Failed attempts in a row (password or PIN) after which a user is locked out. */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a lock-out lasts. */
export const LOCKOUT_MINUTES = 5;
/** Idle lock: default and bounds of the admin's setting, in minutes. */
export const IDLE_LOCK_DEFAULT_MINUTES = 5;
export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 120;

/** Admins and treasurers need a longer password, and always the full password (never a PIN). */
export const STRONG_PASSWORD_ROLES: readonly Role[] = ['admin', 'treasurer'];
export const PASSWORD_MIN_STRONG = 10;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export function passwordMinLength(role: Role): number {
  return STRONG_PASSWORD_ROLES.includes(role) ? PASSWORD_MIN_STRONG : PASSWORD_MIN;
}

/** A locked session of this role may be unlocked with a PIN (front desk, coordinator). */
export function mayUnlockWithPin(role: Role): boolean {
  return !STRONG_PASSWORD_ROLES.includes(role);
}

/** Length only: no composition rules (NIST SP 800-63B). Returns an i18n key, or null when fine. */
export function passwordProblem(password: string, role: Role): string | null {
  if (password.length > PASSWORD_MAX) return 'validation.tooLong';
  if ([...password].length < passwordMinLength(role)) return role === 'admin' || role === 'treasurer' ? 'validation.passwordShortStrong' : 'validation.passwordShort';
  return null;
}

export const PIN_PATTERN = /^\d{4,8}$/;

export const passwordSchema = z.string('validation.required').min(1, 'validation.required').max(PASSWORD_MAX, 'validation.tooLong');
export const pinSchema = z.string('validation.required').regex(PIN_PATTERN, 'validation.pin');
export const userNameSchema = z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.tooLong');

export const userInputSchema = z
  .object({
    name: userNameSchema,
    role: z.enum(ROLES),
    language: z.enum(LANGUAGES).nullable().default(null),
    password: passwordSchema,
    pin: pinSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.role);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type UserInput = z.input<typeof userInputSchema>;

/** A user as the admin screen sees them (never a hash). */
export interface UserSummary {
  id: number;
  name: string;
  role: Role;
  language: Language | null;
  active: boolean;
  hasPin: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

/** A user on the sign-in screen's list. */
export interface SignInUser {
  id: number;
  name: string;
  role: Role;
}

/** Known demo accounts, shown on the sign-in screen only while the centre runs on demo data. */
export interface DemoAccount {
  userId: number;
  name: string;
  role: Role;
  password: string;
  pin: string | null;
}

export interface SessionStatus {
  /** signedOut: pick a user; locked: the same user unlocks (PIN or password); active: in the app. */
  state: 'signedOut' | 'locked' | 'active';
  idleLockMinutes: number;
  /** Active users to pick from (signed out or locked). Empty while active. */
  users: SignInUser[];
  /** When the centre was set up with demo data: the demo accounts and their passwords. */
  demoAccounts: DemoAccount[] | null;
  /** An older database where no admin has a password yet: the admin sets one first. */
  needsAdminPassword: boolean;
}

/** The kinds of rows in the sign-in log. */
export const SIGN_IN_EVENT_KINDS = ['signIn', 'failure', 'lockout', 'unlock', 'unlockFailure', 'lock', 'signOut', 'passwordReset'] as const;
export type SignInEventKind = (typeof SIGN_IN_EVENT_KINDS)[number];

export interface SignInEvent {
  id: number;
  userId: number | null;
  userName: string | null;
  kind: SignInEventKind;
  method: 'password' | 'pin' | null;
  at: string;
}
