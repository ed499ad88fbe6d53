// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Consent, health-related needs, erasure (issue 6). Retention periods and the notice version are
// rows of the existing `settings` table (keys privacy.*), so they need no table of their own.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Health-related needs ("insulin, needs help with stairs"): recorded only under a consent whose
  // scope covers health (GDPR art. 9, 152-FZ art. 10, Ukrainian law 2297-VI art. 7).
  await db.schema.alterTable('residents').addColumn('health_needs', 'text', (c) => c.notNull().defaultTo('')).execute();
  // Set when the person was erased (anonymised): the row stays for the statistics.
  await db.schema.alterTable('residents').addColumn('erased_at', 'text').execute();

  await db.schema
    .createTable('resident_consents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
    .addColumn('basis', 'text', (c) =>
      c.notNull().check(sql`basis in ('consent', 'vitalInterests', 'socialCareLaw', 'legitimateInterest')`),
    )
    .addColumn('scope_basic', 'integer', (c) => c.notNull().defaultTo(1).check(sql`scope_basic in (0, 1)`))
    .addColumn('scope_health', 'integer', (c) => c.notNull().defaultTo(0).check(sql`scope_health in (0, 1)`))
    .addColumn('scope_photos', 'integer', (c) => c.notNull().defaultTo(0).check(sql`scope_photos in (0, 1)`))
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    // Health data needs an art. 9 condition: legitimate interest alone never covers it.
    .addCheckConstraint('resident_consents_health_basis', sql`scope_health = 0 or basis <> 'legitimateInterest'`)
    .execute();
  await db.schema.createIndex('resident_consents_resident').on('resident_consents').columns(['resident_id', 'withdrawn_at']).execute();
}
