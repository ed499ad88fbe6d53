import type { Role } from '../../../shared/api/roles';
import type { DemoAccount } from '../../../shared/domain/users';
import type { Language } from '../../../shared/domain/settings';
import { hashSecret, type ScryptParams } from '../features/users/password';

export const DEMO_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 12, r: 8, p: 1, keyLength: 64, saltLength: 16 };
import { addDemoAccounts } from '../features/users/users.service';
import { readSettings } from '../features/settings/settings.service';
import type { DemoContext } from './demo-context';

/**
 * The well-known demo passwords (README, `hearth demo` prints them). They are shown on the sign-in
 * screen only while the centre runs on demo data, and each disappears from it once an admin sets a
 * new password or PIN for that user.
 */
export const DEMO_ADMIN_PASSWORD = 'hearth-demo-admin';

export const DEMO_USERS: ReadonlyArray<{ name: string; role: Role; password: string; pin: string | null }> = [
  // The Sylva centre's people (seed 004): a front-desk volunteer, the curator, the treasurer.
  { name: 'Галина Мартынова', role: 'frontdesk', password: 'frontdesk-demo', pin: '1111' },
  { name: 'Анна Белова', role: 'coordinator', password: 'coordinator-demo', pin: '2222' },
  { name: 'Ирина Козлова', role: 'treasurer', password: 'treasurer-demo', pin: null },
];

/**
 * The demo users' names in the demo centre's language (the same roles, passwords and PINs): the
 * Sylva people in Russian and in English (whose demo is the Russian village), and people of the
 * Polish, Ukrainian and Greek demo centres (words/index.ts DEMO_CENTRES).
 */
export const DEMO_USER_NAMES: Readonly<Record<Language, readonly [frontdesk: string, coordinator: string, treasurer: string]>> = {
  ru: ['Галина Мартынова', 'Анна Белова', 'Ирина Козлова'],
  en: ['Галина Мартынова', 'Анна Белова', 'Ирина Козлова'],
  uk: ['Галина Мартинюк', 'Ганна Білик', 'Ірина Коваль'],
  pl: ['Halina Marciniak', 'Anna Białek', 'Irena Kozłowska'],
  el: ['Ελένη Μαρτίνου', 'Άννα Γεωργίου', 'Ειρήνη Κωνσταντίνου'],
};

/** DEMO_USERS with the names of a language's demo centre (the Russian names for none). */
export function demoUsersIn(language: Language | null): ReadonlyArray<{ name: string; role: Role; password: string; pin: string | null }> {
  const names = DEMO_USER_NAMES[language ?? 'ru'];
  return DEMO_USERS.map((u, i) => ({ ...u, name: names[i] ?? u.name }));
}

/** Demo users: one per role besides the admin, with the passwords and PINs above, named in the centre's language. */
export async function demoUsers(ctx: DemoContext): Promise<void> {
  const { db } = ctx.deps;
  const language = (await readSettings(db))?.language ?? null;
  const created = new Date(ctx.now - ctx.windowDays * 86_400_000).toISOString();
  const accounts: DemoAccount[] = [];
  // These passwords are public (printed, and shown on the demo's sign-in screen): they are hashed
  // cheaply, and the first sign-in or unlock re-hashes them at full cost (needsRehash).
  const cheap = (secret: string) => hashSecret(secret, DEMO_SCRYPT_PARAMS);
  const users = demoUsersIn(language);
  const hashes = await Promise.all(users.map((u) => Promise.all([cheap(u.password), u.pin !== null ? cheap(u.pin) : Promise.resolve(null)])));
  for (const [i, u] of users.entries()) {
    const [passwordHash, pinHash] = hashes[i] as [string, string | null];
    const row = await db
      .insertInto('users')
      .values({ name: u.name, role: u.role, language, created_at: created, password_hash: passwordHash, pin_hash: pinHash, password_changed_at: created })
      .returning('id')
      .executeTakeFirstOrThrow();
    accounts.push({ userId: row.id, name: u.name, role: u.role, password: u.password, pin: u.pin });
  }
  await addDemoAccounts(db, accounts);
}
