// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Residents: on the snow-clearing list; moved away or died (their plans end, history stays).
  await db.schema.alterTable('residents').addColumn('needs_snow_clearing', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('residents').addColumn('left_on', 'text').execute();
  await db.schema
    .alterTable('residents')
    .addColumn('left_reason', 'text', (c) => c.check(sql`left_reason is null or left_reason in ('moved', 'deceased')`))
    .execute();

  // The editable list of skills: built-in ones have a code (translated), the centre's own a name.
  await db.schema
    .createTable('skills')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('skills_code_or_name', sql`code is not null or name is not null`)
    .execute();

  // Which skills a kind of help needs (for suggestions).
  await db.schema
    .createTable('kind_skills')
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id').onDelete('cascade'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('kind_skills_pk', ['kind_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('volunteers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('settlement', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of language codes, e.g. ["ru","uk"].
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_regular', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('specialist', 'text')
    .addColumn('agreement_signed_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'paused')`))
    .addColumn('deleted_at', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('volunteers_sort_key').on('volunteers').column('sort_key').execute();

  await db.schema
    .createTable('volunteer_phones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('national', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_phones_volunteer').on('volunteer_phones').columns(['volunteer_id', 'position']).execute();

  await db.schema
    .createTable('volunteer_search_terms')
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_search_terms_term').on('volunteer_search_terms').columns(['term', 'rank', 'volunteer_id']).execute();
  await db.schema.createIndex('volunteer_search_terms_volunteer').on('volunteer_search_terms').columns(['volunteer_id', 'term']).execute();

  await db.schema
    .createTable('volunteer_skills')
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('skill_id', 'integer', (c) => c.notNull().references('skills.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('volunteer_skills_pk', ['volunteer_id', 'skill_id'])
    .execute();

  // Weekly availability: weekday 1 (Monday) … 7 (Sunday) × part of the day.
  await db.schema
    .createTable('volunteer_availability')
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('part', 'text', (c) => c.notNull().check(sql`part in ('morning', 'afternoon', 'evening')`))
    .addPrimaryKeyConstraint('volunteer_availability_pk', ['volunteer_id', 'weekday', 'part'])
    .execute();

  // Recurring help: "medicine every Tuesday", "check-in every 7 days", "firewood every 3 weeks Oct–Mar".
  await db.schema
    .createTable('help_plans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id'))
    .addColumn('rule', 'text', (c) => c.notNull().check(sql`rule in ('weekly', 'everyNDays')`))
    .addColumn('weekday', 'integer', (c) => c.check(sql`weekday is null or weekday between 1 and 7`))
    .addColumn('interval_days', 'integer', (c) => c.check(sql`interval_days is null or interval_days between 1 and 366`))
    .addColumn('season_from_month', 'integer', (c) => c.check(sql`season_from_month is null or season_from_month between 1 and 12`))
    .addColumn('season_to_month', 'integer', (c) => c.check(sql`season_to_month is null or season_to_month between 1 and 12`))
    .addColumn('part_of_day', 'text', (c) => c.check(sql`part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')`))
    .addColumn('estimated_minutes', 'integer')
    .addColumn('volunteer_id', 'integer', (c) => c.references('volunteers.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('ended_reason', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('help_plans_resident').on('help_plans').column('resident_id').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('plan_id', 'integer', (c) => c.references('help_plans.id'))
    .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id'))
    .addColumn('scheduled_on', 'text', (c) => c.notNull())
    .addColumn('part_of_day', 'text', (c) => c.check(sql`part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')`))
    .addColumn('start_time', 'text')
    .addColumn('estimated_minutes', 'integer')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'assigned', 'done', 'notDone', 'cancelled')`),
    )
    .addColumn('not_done_reason', 'text')
    .addColumn('done_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // A batch (e.g. "snow:2026-12-01") makes at most one task per resident.
    .addColumn('batch_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('tasks_scheduled').on('tasks').columns(['scheduled_on', 'status']).execute();
  await db.schema.createIndex('tasks_request').on('tasks').column('request_id').execute();
  await db.schema.createIndex('tasks_resident').on('tasks').columns(['resident_id', 'scheduled_on']).execute();
  await db.schema.createIndex('tasks_plan_day').on('tasks').columns(['plan_id', 'scheduled_on']).unique().where(sql.ref('plan_id'), 'is not', null).execute();
  await db.schema.createIndex('tasks_batch_resident').on('tasks').columns(['batch_key', 'resident_id']).unique().where(sql.ref('batch_key'), 'is not', null).execute();

  await db.schema
    .createTable('task_volunteers')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id'))
    .addColumn('minutes_spent', 'integer')
    .addPrimaryKeyConstraint('task_volunteers_pk', ['task_id', 'volunteer_id'])
    .execute();
  await db.schema.createIndex('task_volunteers_volunteer').on('task_volunteers').columns(['volunteer_id', 'task_id']).execute();

  // Money a volunteer advanced on a task (medicines bought for a resident), to be reimbursed.
  await db.schema
    .createTable('volunteer_advances')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('settled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('volunteer_advances_task').on('volunteer_advances').column('task_id').execute();
}
