import { AppError } from '../../../../shared/api/errors';
import { DEFAULT_ADMIN_NAME, type CentreSettings } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import { fillDemoData } from '../../demo/demo';
import { readSettings, writeSettings } from './settings.service';

export function setupService(deps: CoreDeps) {
  const { db } = deps;
  return {
    /** First run: the centre's settings, the admin's language, and optionally demo data. */
    async complete(input: CentreSettings & { demo: boolean; adminName: string }, actor: Actor): Promise<void> {
      if ((await readSettings(db)) !== null) throw new AppError('alreadySetUp', 'The centre is already set up');
      const { demo, adminName, ...settings } = input;
      const name = adminName.length > 0 ? adminName : DEFAULT_ADMIN_NAME[settings.language];
      await db.transaction().execute(async (trx) => {
        await writeSettings(trx, settings);
        await trx.updateTable('users').set({ language: settings.language, name }).where('id', '=', actor.id).execute();
      });
      if (demo) await fillDemoData(deps, { actor });
    },
  };
}
