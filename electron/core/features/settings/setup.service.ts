import { AppError } from '../../../../shared/api/errors';
import type { CentreSettings } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import { fillDemoData } from '../../demo/demo';
import { readSettings, writeSettings } from './settings.service';

export function setupService(deps: CoreDeps) {
  const { db } = deps;
  return {
    /** First run: the centre's settings, the admin's language, and optionally demo data. */
    async complete(input: CentreSettings & { demo: boolean }, actor: Actor): Promise<void> {
      if ((await readSettings(db)) !== null) throw new AppError('alreadySetUp', 'The centre is already set up');
      const { demo, ...settings } = input;
      await db.transaction().execute(async (trx) => {
        await writeSettings(trx, settings);
        await trx.updateTable('users').set({ language: settings.language }).where('id', '=', actor.id).execute();
      });
      if (demo) await fillDemoData(deps, { actor });
    },
  };
}
