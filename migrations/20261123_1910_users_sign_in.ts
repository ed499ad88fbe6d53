// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Users and sign-in (issue 6): password and PIN hashes (scrypt, parameters stored with the hash),
// an active flag (users are deactivated, never deleted), the lock-out counter, and a log of
// sign-in events (no passwords). The idle-lock minutes live in `settings` (key idleLockMinutes).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('pin_hash', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .execute();
  await db.schema.alterTable('users').addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();

  await db.schema
    .createTable('sign_in_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('signIn', 'failure', 'lockout', 'unlock', 'unlockFailure', 'lock', 'signOut', 'passwordReset')`),
    )
    .addColumn('method', 'text', (c) => c.check(sql`method in ('password', 'pin')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_events_user_at').on('sign_in_events').columns(['user_id', 'at']).execute();
}
