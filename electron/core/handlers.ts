import type { CallName, CallOutput, ParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { BUILT_IN_ADMIN, type CallContext, type CoreDeps } from './context';
import { usersService } from './features/users/users.service';
import { createSessionStore } from './features/users/sessions';
import { schemaVersion } from './db/migrate';
import { residentsService } from './features/residents/residents.service';
import { requestsService } from './features/requests/requests.service';
import { catalogueService } from './features/catalogue/catalogue.service';
import { settingsService } from './features/settings/settings.service';
import { countResidents } from './features/residents/residents.repo';
import { countRequests } from './features/requests/requests.repo';
import { setupService } from './features/settings/setup.service';
import { APP_VERSION } from './version';
import { backupHandlers } from './features/backups/backups.handlers';
import { volunteerHandlers } from './features/volunteers/volunteers.handlers';
import { taskHandlers } from './features/tasks/tasks.handlers';
import { planHandlers } from './features/plans/plans.handlers';
import { cashbookHandlers } from './features/cashbook/cashbook.handlers';
import { tillHandlers } from './features/till/till.handlers';
import { grantsHandlers } from './features/grants/grants.handlers';
import { cashflowHandlers } from './features/cashflow/cashflow.handlers';
import { usersHandlers } from './features/users/users.handlers';
import { auditHandlers } from './features/audit/audit.handlers';
import { privacyHandlers } from './features/privacy/privacy.handlers';
import { hostingHandlers } from './features/hosting/hosting.handlers';

export type Handler<K extends CallName> = (input: ParsedInput<K>, ctx: CallContext) => Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

/** The contract's functions; `satisfies Handlers` makes the compiler check that none is missing. */
export function createHandlers(deps: CoreDeps) {
  const residents = residentsService(deps);
  const requests = requestsService(deps);
  const catalogue = catalogueService(deps);
  const settings = settingsService(deps);
  const setup = setupService(deps);

  const users = usersService(deps, deps.sessions ?? createSessionStore());

  const status = async (ctx: CallContext) => {
    const s = await settings.read();
    return {
      setupDone: s !== null,
      settings: s,
      user: await users.statusUser(ctx),
      session: await users.sessionStatus(ctx),
      schemaVersion: await schemaVersion(deps.db),
      version: APP_VERSION,
      today: deps.clock.today(),
      recovery: null,
    };
  };

  return {
    'app.status': (_input, ctx) => status(ctx),
    'app.counts': async () => {
      const r = await countRequests(deps.db);
      const kinds = await catalogue.list(false);
      return { residents: await countResidents(deps.db), requests: r.all, openRequests: r.open, kinds: kinds.length };
    },
    'setup.complete': async (input, ctx) => {
      // Before anyone can sign in: the first admin (user 1) is set up, and the caller becomes them.
      if (ctx.session && input.adminPassword === undefined) {
        throw new AppError('validation', 'The admin needs a password', { fields: [{ path: 'adminPassword', message: 'validation.required' }] });
      }
      await setup.complete(input, BUILT_IN_ADMIN);
      users.signInAfterSetup(ctx, BUILT_IN_ADMIN.id);
      const after: CallContext = ctx.session
        ? { actor: BUILT_IN_ADMIN, session: { id: ctx.session.id, state: 'active', userId: BUILT_IN_ADMIN.id } }
        : ctx;
      return status(after);
    },
    'settings.update': (input) => settings.update(input),
    'settings.setLanguage': (input, ctx) => settings.setLanguage(ctx.actor, input.language),

    'residents.search': (input) => residents.search(input.q, input.settlement, input.limit),
    'residents.get': (input) => residents.get(input.id),
    'residents.findDuplicates': (input) => residents.findDuplicates(input),
    'residents.create': (input, ctx) => residents.create(input, ctx.actor),
    'residents.update': (input, ctx) => residents.update(input.id, input.data, ctx.actor),
    'residents.settlements': () => residents.settlements(),

    'catalogue.list': (input) => catalogue.list(input.includeArchived),
    'catalogue.create': (input, ctx) => catalogue.create(input, ctx.actor),
    'catalogue.update': (input) => catalogue.update(input),
    'catalogue.setArchived': (input) => catalogue.setArchived(input.id, input.archived),
    'catalogue.delete': (input) => catalogue.remove(input.id),

    'requests.create': (input, ctx) => requests.create(input, ctx.actor),
    'requests.update': (input, ctx) => requests.update(input.id, input.data, ctx.actor),
    'requests.get': (input) => requests.get(input.id),
    'requests.list': (input) => requests.list(input),
    'requests.today': () => requests.today(),
    'requests.setStatus': (input, ctx) => requests.setStatus(input.id, input.status, input.note, ctx.actor),

    ...backupHandlers(deps),
    ...volunteerHandlers(deps),
    ...taskHandlers(deps),
    ...planHandlers(deps),
    ...cashbookHandlers(deps),
    ...tillHandlers(deps),
    ...grantsHandlers(deps),
    ...cashflowHandlers(deps),
    ...usersHandlers(deps),
    ...auditHandlers(deps),
    ...privacyHandlers(deps),
    ...hostingHandlers(deps),
  } satisfies Handlers;
}
