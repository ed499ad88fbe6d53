// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('frontdesk', 'coordinator', 'treasurer', 'admin')`))
    .addColumn('language', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The built-in administrator acts for every call until sign-in exists.
  await db
    .insertInto('users')
    .values({ id: 1, name: 'Administrator', role: 'admin', language: null, created_at: '2026-11-23T17:00:00.000Z' })
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_kinds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text')
    .addColumn('is_paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('volunteer', 'desk')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('service_kinds_code_or_name', sql`code is not null or name is not null`)
    .execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('short_name_key', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('settlement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('house', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lives_alone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pensioner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('family_in_difficulty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('displaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('household_size', 'integer')
    .addColumn('regular_care', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checkin_interval_days', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('residents_name_key').on('residents').columns(['name_key', 'birth_year']).execute();
  await db.schema.createIndex('residents_short_name_key').on('residents').columns(['short_name_key', 'birth_year']).execute();
  await db.schema.createIndex('residents_sort_key').on('residents').column('sort_key').execute();
  await db.schema.createIndex('residents_settlement').on('residents').column('settlement').execute();

  await db.schema
    .createTable('resident_phones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('national', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_phones_resident').on('resident_phones').columns(['resident_id', 'position']).execute();
  await db.schema.createIndex('resident_phones_national').on('resident_phones').column('national').execute();

  // One row per folded word of a resident's name and address and per phone suffix; an indexed
  // range on `term` is a "starts with" that works in every script (see shared/domain/text.ts).
  await db.schema
    .createTable('resident_search_terms')
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_search_terms_term').on('resident_search_terms').columns(['term', 'rank', 'resident_id']).execute();
  await db.schema.createIndex('resident_search_terms_resident').on('resident_search_terms').columns(['resident_id', 'term']).execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id'))
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('low', 'normal', 'urgent')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('walkIn', 'phone', 'referral', 'outreach')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('new', 'planned', 'inProgress', 'done', 'cancelled', 'referred')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('requests_created_on').on('requests').columns(['created_on', 'status']).execute();
  await db.schema.createIndex('requests_status').on('requests').columns(['status', 'created_on']).execute();
  await db.schema.createIndex('requests_resident').on('requests').columns(['resident_id', 'created_on']).execute();
  await db.schema.createIndex('requests_kind').on('requests').columns(['kind_id', 'created_on']).execute();

  await db.schema
    .createTable('request_status_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('request_status_history_request').on('request_status_history').columns(['request_id', 'id']).execute();
}
