/**
 * Users and sign-in rules shared by the core and the UI: roles, password and PIN rules, lock-out
 * and idle-lock constants. No DOM, no Node.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../api/roles';
import { out, pub } from '../api/fields';
import { LANGUAGES } from './settings';

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

// Outputs: every field with its field group (shared/api/fields.ts). Users are the centre's staff:
// their names, roles and sign-in times are public (they are what every screen's "by" shows).

const text = z.string();
const num = z.number();

/** A user as the admin screen sees them (never a hash). */
export const userSummarySchema = out({
  id: pub(num),
  name: pub(text),
  role: pub(z.enum(ROLES)),
  language: pub(z.enum(LANGUAGES).nullable()),
  active: pub(z.boolean()),
  hasPin: pub(z.boolean()),
  lockedUntil: pub(text.nullable()),
  lastSignInAt: pub(text.nullable()),
  createdAt: pub(text),
});
export type UserSummary = z.output<typeof userSummarySchema>;

/** A user on the sign-in screen's list. */
export const signInUserSchema = out({
  id: pub(num),
  name: pub(text),
  role: pub(z.enum(ROLES)),
});
export type SignInUser = z.output<typeof signInUserSchema>;

/**
 * Known demo accounts, shown on the sign-in screen only while the centre runs on demo data. Their
 * passwords and PINs are the demo's well-known ones, public on purpose (app.status answers them
 * before sign-in); a real centre's answer carries null instead of the list.
 */
export const demoAccountSchema = out({
  userId: pub(num),
  name: pub(text),
  role: pub(z.enum(ROLES)),
  password: pub(text),
  pin: pub(text.nullable()),
});
export type DemoAccount = z.output<typeof demoAccountSchema>;

export const SESSION_STATES = ['signedOut', 'locked', 'active'] as const;

export const sessionStatusSchema = out({
  /** signedOut: pick a user; locked: the same user unlocks (PIN or password); active: in the app. */
  state: pub(z.enum(SESSION_STATES)),
  idleLockMinutes: pub(num),
  /** Active users to pick from (signed out or locked). Empty while active. */
  users: pub(z.array(signInUserSchema)),
  /** When the centre was set up with demo data: the demo accounts and their passwords. */
  demoAccounts: pub(z.array(demoAccountSchema).nullable()),
  /** An older database where no admin has a password yet: the admin sets one first. */
  needsAdminPassword: pub(z.boolean()),
});
export type SessionStatus = z.output<typeof sessionStatusSchema>;

/** The kinds of rows in the sign-in log. */
export const SIGN_IN_EVENT_KINDS = ['signIn', 'failure', 'lockout', 'unlock', 'unlockFailure', 'lock', 'signOut', 'passwordReset'] as const;
export type SignInEventKind = (typeof SIGN_IN_EVENT_KINDS)[number];

export const signInEventSchema = out({
  id: pub(num),
  userId: pub(num.nullable()),
  userName: pub(text.nullable()),
  kind: pub(z.enum(SIGN_IN_EVENT_KINDS)),
  method: pub(z.enum(['password', 'pin']).nullable()),
  at: pub(text),
});
export type SignInEvent = z.output<typeof signInEventSchema>;
