// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Households (issue 13): residents who live together at one address, with a head and members
// related to the head; a member is a registered resident or an unnamed person (a child aged 7)
// with a relation and a birth year. A membership is a period (from_on – to_on): moving to another
// household or splitting off ends one row and starts another, so the history stays. Rows are
// never deleted ("families served" counts households and their members over a period).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('settlement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('house', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flat', 'text', (c) => c.notNull().defaultTo(''))
    // The day its members live together from (registered, or split off from another household).
    .addColumn('formed_on', 'text', (c) => c.notNull())
    // The day its last member left; nobody can join it after that.
    .addColumn('closed_on', 'text')
    // The household it was split off from.
    .addColumn('split_from_id', 'integer', (c) => c.references('households.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('households_closed_after_formed', sql`closed_on is null or closed_on >= formed_on`)
    .execute();

  await db.schema
    .createTable('household_members')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    // A registered resident, or null for an unnamed member (and for a person who was erased).
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('relation', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`relation in ('head', 'spouse', 'partner', 'child', 'stepchild', 'fosterChild', 'grandchild', 'parent', 'grandparent', 'sibling', 'otherRelative', 'nonRelative')`,
        ),
    )
    // An unnamed member's birth year (a registered resident's is on their own record).
    .addColumn('birth_year', 'integer')
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('moved', 'split', 'left', 'deceased', 'relationChanged')`))
    // Where the member came from (a move or a split) and where they went.
    .addColumn('from_household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('to_household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('household_members_birth_year', sql`birth_year is null or (resident_id is null and birth_year >= 1900)`)
    .addCheckConstraint('household_members_ended', sql`(to_on is null) = (end_reason is null)`)
    .addCheckConstraint('household_members_period', sql`to_on is null or to_on >= from_on`)
    .execute();
  // A household's members, present and past.
  await db.schema.createIndex('household_members_household').on('household_members').columns(['household_id', 'from_on']).execute();
  // A resident's memberships, present and past (their page, their export, erasure).
  await sql`create index household_members_resident on household_members (resident_id, from_on) where resident_id is not null`.execute(db);
  // A resident lives in one household at a time; a household has one head at a time.
  await sql`create unique index household_members_one_household on household_members (resident_id) where to_on is null and resident_id is not null`.execute(db);
  await sql`create unique index household_members_one_head on household_members (household_id) where relation = 'head' and to_on is null`.execute(db);
}
