import { AppError } from '../../../../shared/api/errors';
import type { AppStatus } from '../../../../shared/api/contract';
import { BUILT_IN_ADMIN, type CallContext, type CoreDeps } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import { schemaVersion } from '../../db/migrate';
import { APP_VERSION } from '../../version';
import { countRequests } from '../requests/requests.repo';
import { countResidents } from '../residents/residents.repo';
import { catalogueService } from '../catalogue/catalogue.service';
import { usersService } from '../users/users.service';
import { settingsService } from './settings.service';
import { setupService } from './setup.service';

type Calls = 'app.status' | 'app.counts' | 'setup.complete' | 'settings.update' | 'settings.setLanguage';

function users(deps: CoreDeps) {
  // createCore always gives the core its one session store; a store made here would forget sign-ins.
  if (!deps.sessions) throw new Error('The core has no session store');
  return usersService(deps, deps.sessions);
}

async function status(deps: CoreDeps, ctx: CallContext): Promise<AppStatus> {
  const s = await settingsService(deps).read();
  return {
    setupDone: s !== null,
    settings: s,
    user: await users(deps).statusUser(ctx),
    session: await users(deps).sessionStatus(ctx),
    schemaVersion: await schemaVersion(deps.db),
    version: APP_VERSION,
    today: deps.clock.today(),
    recovery: null,
  };
}

/** The centre: its status for the UI, first-run set-up and the settings. */
export const settingsHandlers: FeatureHandlers<Calls> = {
  'app.status': (_input, ctx, deps) => status(deps, ctx),
  'app.counts': async (_input, _ctx, deps) => {
    const r = await countRequests(deps.db);
    const kinds = await catalogueService(deps).list(false);
    return { residents: await countResidents(deps.db), requests: r.all, openRequests: r.open, kinds: kinds.length };
  },
  'setup.complete': async (input, ctx, deps) => {
    // Before anyone can sign in: the first admin (user 1) is set up, and the caller becomes them.
    if (ctx.session && input.adminPassword === undefined) {
      throw new AppError('validation', 'The admin needs a password', { fields: [{ path: 'adminPassword', message: 'validation.required' }] });
    }
    await setupService(deps).complete(input, BUILT_IN_ADMIN);
    users(deps).signInAfterSetup(ctx, BUILT_IN_ADMIN.id);
    const after: CallContext = ctx.session
      ? { actor: BUILT_IN_ADMIN, session: { id: ctx.session.id, state: 'active', userId: BUILT_IN_ADMIN.id } }
      : ctx;
    return status(deps, after);
  },
  'settings.update': (input, _ctx, deps) => settingsService(deps).update(input),
  'settings.setLanguage': (input, ctx, deps) => settingsService(deps).setLanguage(ctx.actor, input.language),
};
