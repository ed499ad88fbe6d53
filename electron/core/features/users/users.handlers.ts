import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { usersCalls } from '../../../../shared/api/calls/users';
import { usersService } from './users.service';
import { createSessionStore } from './sessions';

type Calls = keyof typeof usersCalls;

/** Users, sign-in, PIN unlock, lock-out and sessions (issue 6). */
export function usersHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const users = usersService(deps, deps.sessions ?? createSessionStore());
  return {
    'auth.signIn': (input, ctx) => users.signIn(ctx, input.userId, input.password),
    'auth.unlock': (input, ctx) => users.unlock(ctx, input.method, input.secret),
    'auth.lock': (_input, ctx) => users.lock(ctx),
    'auth.touch': async () => null, // dispatch has marked the session active
    'auth.signOut': (_input, ctx) => users.signOut(ctx),
    'auth.claimAdmin': (input, ctx) => users.claimAdmin(ctx, input.password),
    'auth.changePassword': (input, ctx) => users.changeOwn(ctx, input.currentPassword, { password: input.password }),
    'auth.changePin': (input, ctx) => users.changeOwn(ctx, input.currentPassword, { pin: input.pin }),
    'users.list': (input) => users.list(input.includeInactive),
    'users.create': (input) => users.create(input),
    'users.update': (input) => users.update(input.id, input),
    'users.resetPassword': (input) => users.resetPassword(input.id, input.password),
    'users.setPin': (input) => users.setPin(input.id, input.pin),
    'users.setActive': (input) => users.setActive(input.id, input.active),
    'users.signInEvents': (input) => users.events(input.userId, input.limit),
    'users.setIdleLock': (input) => users.setIdleLockMinutes(input.minutes),
  };
}
