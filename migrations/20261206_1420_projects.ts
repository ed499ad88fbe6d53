// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Projects and programmes with participants (issue 13): a project (name, funder, period, an
// optional grant, target figures), the activities it offers, its participants (a resident
// recruited on a day, a social contract signed on a day, completed or dropped out with a reason)
// and their attendance (participant × activity: a day, sessions, minutes). Rows are never deleted:
// an erased person's participation keeps its status and days (resident_id null, texts blanked),
// so every figure stays.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('funder', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'integer', (c) => c.references('grants.id'))
    .addColumn('target_recruited', 'integer', (c) => c.check(sql`target_recruited is null or target_recruited >= 0`))
    .addColumn('target_completed', 'integer', (c) => c.check(sql`target_completed is null or target_completed >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('projects_period', sql`starts_on <= ends_on`)
    .execute();
  // The list, the latest period first.
  await db.schema.createIndex('projects_period').on('projects').columns(['starts_on', 'id']).execute();
  // A grant's projects (and the foreign-key check when a grant is removed).
  await sql`create index projects_grant on projects (grant_id) where grant_id is not null`.execute(db);

  await db.schema
    .createTable('project_activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('training', 'course', 'internship', 'selfHelpGroup', 'counselling', 'healthDay', 'other')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('project_activities_project').on('project_activities').columns(['project_id', 'id']).execute();

  await db.schema
    .createTable('project_participants')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    // Null once the person was erased (the row stays, so the figures do).
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('recruited_on', 'text', (c) => c.notNull())
    // The day the social contract was signed.
    .addColumn('contract_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'completed', 'droppedOut')`))
    // The day they completed or dropped out.
    .addColumn('ended_on', 'text')
    .addColumn('drop_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('project_participants_ended', sql`(status = 'active') = (ended_on is null)`)
    .addCheckConstraint('project_participants_contract', sql`contract_on is null or contract_on >= recruited_on`)
    .addCheckConstraint('project_participants_order', sql`ended_on is null or ended_on >= recruited_on`)
    .execute();
  // A project's participants and its figures by status.
  await db.schema.createIndex('project_participants_project').on('project_participants').columns(['project_id', 'status', 'contract_on']).execute();
  // A resident's participations (their page, their export, erasure).
  await sql`create index project_participants_resident on project_participants (resident_id, recruited_on) where resident_id is not null`.execute(db);
  // A resident takes part in a project once at a time.
  await sql`create unique index project_participants_once on project_participants (project_id, resident_id) where status = 'active' and resident_id is not null`.execute(db);

  await db.schema
    .createTable('project_attendance')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('project_participants.id'))
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('project_activities.id'))
    .addColumn('attended_on', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull().check(sql`sessions >= 1`))
    .addColumn('minutes', 'integer', (c) => c.check(sql`minutes is null or minutes >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('project_attendance_participant').on('project_attendance').columns(['participant_id', 'attended_on']).execute();
  await db.schema.createIndex('project_attendance_activity').on('project_attendance').columns(['activity_id', 'participant_id']).execute();
}
