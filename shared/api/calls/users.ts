// Users, sign-in, PIN unlock, lock-out and sessions (issue 6). Call names: auth.*, users.*
import { z } from 'zod';
import { ADMIN_ONLY, EVERYONE, ROLES } from '../roles';
import { call } from '../define';
import { out, pub } from '../fields';
import { LANGUAGES } from '../../domain/settings';
import {
  IDLE_LOCK_MAX_MINUTES,
  IDLE_LOCK_MIN_MINUTES,
  passwordSchema,
  pinSchema,
  userInputSchema,
  signInEventSchema,
  userNameSchema,
  userSummarySchema,
} from '../../domain/users';

const id = z.number().int().positive();

/** The user a sign-in or unlock opened the app for (the UI applies their language). */
export const signedInSchema = out({
  id: pub(z.number()),
  name: pub(z.string()),
  role: pub(z.enum(ROLES)),
  language: pub(z.enum(LANGUAGES).nullable()),
});
export type SignedIn = z.output<typeof signedInSchema>;

export const usersCalls = {
  'auth.signIn': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: signedInSchema,
    input: z.object({ userId: id, password: passwordSchema }),
    roles: EVERYONE,
    public: true,
    changes: ['app'],
    summary:
      'Sign the calling session in with a password. Five failures in a row lock the user out for five minutes (lockedOut, details.until); every attempt is logged without the password.',
  }),
  'auth.unlock': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: signedInSchema,
    input: z.object({ method: z.enum(['pin', 'password']), secret: passwordSchema }),
    roles: EVERYONE,
    public: true,
    changes: ['app'],
    summary:
      "Unlock the calling session's locked session: the same user's PIN (front desk, coordinator) or password (always for admin and treasurer). Failures count towards the lock-out.",
  }),
  'auth.lock': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: z.null(),
    input: z.object({}),
    roles: EVERYONE,
    changes: ['app'],
    summary: 'Lock the calling session (the Lock button, Ctrl+L, the idle timer); its calls are refused until unlocked.',
  }),
  'auth.touch': call({
    output: z.null(),
    input: z.object({}),
    roles: EVERYONE,
    // Answers nothing (null): no topic makes it stale.
    reads: [],
    summary: "The UI reports that someone is using it (keys, mouse) so that the core's idle backstop does not lock an active session.",
  }),
  'auth.signOut': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: z.null(),
    input: z.object({}),
    roles: EVERYONE,
    public: true,
    changes: ['app'],
    summary: 'End the calling session, also a locked one ("sign in as someone else").',
  }),
  'auth.claimAdmin': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: signedInSchema,
    input: z.object({ password: passwordSchema }),
    roles: EVERYONE,
    public: true,
    changes: ['app', 'users'],
    summary: 'A database from before sign-in existed: set the first admin\'s password and sign in. Refused once any active admin has a password.',
  }),
  'auth.changePassword': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: z.null(),
    input: z.object({ currentPassword: passwordSchema, password: passwordSchema }),
    roles: EVERYONE,
    changes: ['users', 'app'],
    summary: 'The signed-in user sets a new password after typing the current one (a wrong one counts towards the lock-out).',
  }),
  'auth.changePin': call({
    // Sign-in events are the users feature's own log; a failed attempt must be kept (it counts
    // towards the lock-out) although the call fails, so the feature opens its own transactions.
    transaction: 'none',
    audit: 'self',
    output: z.null(),
    input: z.object({ currentPassword: passwordSchema, pin: pinSchema.nullable() }),
    roles: EVERYONE,
    changes: ['users', 'app'],
    summary: 'The signed-in user sets or removes their own PIN (front desk and coordinators) after typing their password.',
  }),

  'users.list': call({
    output: z.array(userSummarySchema),
    input: z.object({ includeInactive: z.boolean().default(true) }),
    roles: ADMIN_ONLY,
    // Signing in (an 'app' change) sets the last sign-in and lifts or sets a lock-out.
    reads: ['users', 'app'],
    summary: 'Every user with their role, language, PIN set or not, lock-out and last sign-in.',
  }),
  'users.create': call({
    output: userSummarySchema,
    input: userInputSchema,
    roles: ADMIN_ONLY,
    changes: ['users'],
    summary: 'Add a user with one role, a password (10+ characters for admin and treasurer, 8+ otherwise) and an optional PIN.',
  }),
  'users.update': call({
    output: userSummarySchema,
    input: z.object({ id, name: userNameSchema, role: z.enum(ROLES), language: z.enum(LANGUAGES).nullable() }),
    roles: ADMIN_ONLY,
    changes: ['users', 'app'],
    summary: "Change a user's name, role or UI language. The last active admin keeps the admin role.",
  }),
  'users.resetPassword': call({
    output: z.null(),
    input: z.object({ id, password: passwordSchema }),
    roles: ADMIN_ONLY,
    changes: ['users'],
    summary: "Set a new password for a user (and lift a lock-out).",
  }),
  'users.setPin': call({
    output: z.null(),
    input: z.object({ id, pin: pinSchema.nullable() }),
    roles: ADMIN_ONLY,
    changes: ['users'],
    summary: 'Set or remove the PIN that unlocks a locked session (front desk and coordinators only).',
  }),
  'users.setActive': call({
    output: userSummarySchema,
    input: z.object({ id, active: z.boolean() }),
    roles: ADMIN_ONLY,
    changes: ['users', 'app'],
    summary: 'Deactivate (never delete: records refer to users) or reactivate a user; a deactivated user is signed out everywhere.',
  }),
  'users.signInEvents': call({
    output: z.array(signInEventSchema),
    input: z.object({ userId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    roles: ADMIN_ONLY,
    // Sign-ins, locks and unlocks are 'app' changes; a password reset and the purge 'users' ones.
    reads: ['users', 'app'],
    summary: 'The sign-in log: sign-ins, failures, lock-outs, locks and unlocks (never a password).',
  }),
  'users.setIdleLock': call({
    output: z.number(),
    input: z.object({ minutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES, 'validation.invalid').max(IDLE_LOCK_MAX_MINUTES, 'validation.invalid') }),
    roles: ADMIN_ONLY,
    changes: ['app', 'users'],
    summary: 'Minutes without input after which the screen locks (default 5).',
  }),
};
