import type { FeatureHandlers } from '../../handlers';
import type { usersCalls } from '../../../../shared/api/calls/users';
import { usersService } from './users.service';
import type { CoreDeps } from '../../context';

type Calls = keyof typeof usersCalls;

function users(deps: CoreDeps) {
  // createCore always gives the core its one session store; a store made here would forget sign-ins.
  if (!deps.sessions) throw new Error('The core has no session store');
  return usersService(deps, deps.sessions);
}

/** Users, sign-in, PIN unlock, lock-out and sessions (issue 6). */
export const usersHandlers: FeatureHandlers<Calls> = {
  'auth.signIn': (input, ctx, deps) => users(deps).signIn(ctx, input.userId, input.password),
  'auth.unlock': (input, ctx, deps) => users(deps).unlock(ctx, input.method, input.secret),
  'auth.lock': (_input, ctx, deps) => users(deps).lock(ctx),
  'auth.touch': async () => null, // dispatch has marked the session active
  'auth.signOut': (_input, ctx, deps) => users(deps).signOut(ctx),
  'auth.claimAdmin': (input, ctx, deps) => users(deps).claimAdmin(ctx, input.password),
  'auth.changePassword': (input, ctx, deps) => users(deps).changeOwn(ctx, input.currentPassword, { password: input.password }),
  'auth.changePin': (input, ctx, deps) => users(deps).changeOwn(ctx, input.currentPassword, { pin: input.pin }),
  'users.list': (input, _ctx, deps) => users(deps).list(input.includeInactive),
  'users.create': (input, _ctx, deps) => users(deps).create(input),
  'users.update': (input, _ctx, deps) => users(deps).update(input.id, input),
  'users.resetPassword': (input, _ctx, deps) => users(deps).resetPassword(input.id, input.password),
  'users.setPin': (input, _ctx, deps) => users(deps).setPin(input.id, input.pin),
  'users.setActive': (input, _ctx, deps) => users(deps).setActive(input.id, input.active),
  'users.signInEvents': (input, _ctx, deps) => users(deps).events(input.userId, input.limit),
  'users.setIdleLock': (input, _ctx, deps) => users(deps).setIdleLockMinutes(input.minutes),
};
