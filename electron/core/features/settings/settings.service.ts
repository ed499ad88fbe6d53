import { AppError } from '../../../../shared/api/errors';
import { centreSettingsSchema, LANGUAGES, type CentreSettings, type Language } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';

const KEYS = ['centreName', 'country', 'currency', 'language'] as const;

export async function readSettings(ex: Executor): Promise<CentreSettings | null> {
  const rows = await ex.selectFrom('settings').select(['key', 'value']).where('key', 'in', [...KEYS]).execute();
  if (rows.length < KEYS.length) return null;
  const parsed = centreSettingsSchema.safeParse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  return parsed.success ? parsed.data : null;
}

export async function writeSettings(ex: Executor, s: CentreSettings): Promise<void> {
  for (const key of KEYS) {
    await ex
      .insertInto('settings')
      .values({ key, value: s[key] })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: s[key] }))
      .execute();
  }
}

export function settingsService(deps: CoreDeps) {
  const { db } = deps;
  return {
    read: () => readSettings(db),

    async update(s: CentreSettings): Promise<CentreSettings> {
      if ((await readSettings(db)) === null) throw new AppError('setupRequired', 'The centre is not set up yet');
      await inTransaction(db, (trx) => writeSettings(trx, s));
      return s;
    },

    async user(actor: Actor): Promise<{ id: number; name: string; role: Actor['role']; language: Language | null }> {
      const row = await db.selectFrom('users').select(['id', 'name', 'language']).where('id', '=', actor.id).executeTakeFirst();
      if (!row) throw new AppError('notFound', 'Unknown user');
      const language = (LANGUAGES as readonly string[]).includes(row.language ?? '') ? (row.language as Language) : null;
      return { id: row.id, name: row.name, role: actor.role, language };
    },

    async setLanguage(actor: Actor, language: Language): Promise<null> {
      await db.updateTable('users').set({ language }).where('id', '=', actor.id).execute();
      return null;
    },
  };
}
