// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The temporary shelter (issue 12): the shelters a centre runs (a name, an address, a number of
// places) and the stays in them: one row per person, checked in on a day (a household's members
// share its id), checked out on a day with a reason. Rows are never deleted: an erased person's
// stay keeps its days (resident_id null, the note blanked), so every count stays.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shelters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('places', 'integer', (c) => c.notNull().check(sql`places >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('shelter_stays')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shelter_id', 'integer', (c) => c.notNull().references('shelters.id'))
    // Null once the person was erased.
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    // The household they came with (its members' stays share it), or null when alone.
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('bed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_in_on', 'text', (c) => c.notNull())
    .addColumn('checked_out_on', 'text')
    .addColumn('out_reason', 'text', (c) => c.check(sql`out_reason in ('ownHousing', 'relatives', 'leftTown', 'other')`))
    .addColumn('out_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('shelter_stays_out', sql`(checked_out_on is null) = (out_reason is null)`)
    .addCheckConstraint('shelter_stays_period', sql`checked_out_on is null or checked_out_on >= checked_in_on`)
    .execute();
  // Who is there today, per shelter, the longest there first (and the count of each shelter).
  await sql`create index shelter_stays_present on shelter_stays (shelter_id, checked_in_on, id) where checked_out_on is null`.execute(db);
  // The stays of a period, the latest check-in first (a page at a time).
  await db.schema.createIndex('shelter_stays_period').on('shelter_stays').columns(['checked_in_on', 'id']).execute();
  // A resident's stays (their page, their export, erasure).
  await sql`create index shelter_stays_resident on shelter_stays (resident_id, checked_in_on) where resident_id is not null`.execute(db);
  // A household's stays (the foreign-key check when a household is removed).
  await sql`create index shelter_stays_household on shelter_stays (household_id) where household_id is not null`.execute(db);
  // Nobody is in a shelter twice at once.
  await sql`create unique index shelter_stays_one_at_a_time on shelter_stays (resident_id) where checked_out_on is null and resident_id is not null`.execute(db);
}
