import type { HostingSettings } from '../../../../shared/api/calls/hosting';
import type { Executor } from '../../db/schema';
import type { FeatureHandlers } from '../../handlers';
import type { hostingCalls } from '../../../../shared/api/calls/hosting';

type Calls = keyof typeof hostingCalls;

/** The settings key of the local-network opt-in ('1' allowed; anything else or absent: not allowed). */
export const ALLOW_LAN_KEY = 'hosting.allowLan';

/** Read by the browser-mode host at start (cli.ts) and by hosting.get. */
export async function readHostingSettings(ex: Executor): Promise<HostingSettings> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', ALLOW_LAN_KEY).executeTakeFirst();
  return { allowLan: row?.value === '1' };
}

/** How the browser-mode host may be reached (local network opt-in). */
export const hostingHandlers: FeatureHandlers<Calls> = {
  'hosting.get': (_input, _ctx, deps) => readHostingSettings(deps.db),
  'hosting.setAllowLan': async ({ allowLan }, ctx, deps) => {
    const value = allowLan ? '1' : '0';
    await deps.db
      .insertInto('settings')
      .values({ key: ALLOW_LAN_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    deps.logger.warn(allowLan ? 'local network access allowed' : 'local network access refused', { by: ctx.actor.id });
    return readHostingSettings(deps.db);
  },
};
