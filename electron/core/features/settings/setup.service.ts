import { AppError } from '../../../../shared/api/errors';
import { DEFAULT_ADMIN_NAME, type CentreSettings } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import { fillDemoData } from '../../demo/demo';
import { readSettings, writeSettings } from './settings.service';
import { hashSecret } from '../users/password';
import { addDemoAccounts, setPasswordHash } from '../users/users.service';
import { DEMO_ADMIN_PASSWORD } from '../../demo/users.demo';
import { ensureDefaultAccounts } from '../cashbook/accounts';
import { inTransaction } from '../../db/transaction';

export function setupService(deps: CoreDeps) {
  const { db } = deps;
  return {
    /** First run: the centre's settings, the admin's language, and optionally demo data. */
    async complete(input: CentreSettings & { demo: boolean; adminName: string; adminPassword?: string | undefined }, actor: Actor): Promise<void> {
      if ((await readSettings(db)) !== null) throw new AppError('alreadySetUp', 'The centre is already set up');
      const { demo, adminName, adminPassword, ...settings } = input;
      const name = adminName.length > 0 ? adminName : DEFAULT_ADMIN_NAME[settings.language];
      const hash = adminPassword !== undefined ? await hashSecret(adminPassword, deps.hashing) : null;
      await inTransaction(db, async (trx) => {
        if ((await readSettings(trx)) !== null) throw new AppError('alreadySetUp', 'The centre is already set up');
        await writeSettings(trx, settings);
        await trx.updateTable('users').set({ language: settings.language, name }).where('id', '=', actor.id).execute();
        // The first admin's password (users feature); `hearth demo`'s well-known one is shown on the demo sign-in screen.
        if (hash !== null) await setPasswordHash(trx, actor.id, hash, deps.clock.now().toISOString());
        if (demo && adminPassword === DEMO_ADMIN_PASSWORD) {
          await addDemoAccounts(trx, [{ userId: actor.id, name, role: 'admin', password: adminPassword, pin: null }]);
        }
        await ensureDefaultAccounts(trx, deps.clock.now());
      });
      if (demo) await fillDemoData(deps, { actor });
    },
  };
}
