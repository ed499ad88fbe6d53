// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Events, campaigns and outreach (issue 12): an event (a master class, a consultation day, an
// awareness event, a campaign, a meeting with partners, a distribution day, a street-work outing,
// a mobile-team trip) with its day and times, place, capacity, partner organisations and optional
// project; its organisers (staff users or volunteers, with a role and, for a volunteer, the
// minutes they gave: volunteer time); the attendance of named residents (registered beforehand or
// at the door, attended or no-show) and head counts of people not registered by name by band.
// Attendance rows are never deleted: an erased person's row keeps its status (resident_id null,
// note blanked), so every count stays.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('masterClass', 'consultationDay', 'awarenessEvent', 'campaign', 'partnerMeeting', 'distributionDay', 'streetWork', 'mobileTeamTrip')`),
    )
    .addColumn('starts_on', 'text', (c) => c.notNull())
    // 24-hour 'HH:MM', both optional; an end needs a start.
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('settlement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity >= 1`))
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo(''))
    // Street work and mobile-team trips: where they went and whom they met.
    .addColumn('outreach_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('events_times', sql`ends_at is null or (starts_at is not null and ends_at >= starts_at)`)
    .execute();
  // The list by period (newest first) and by kind within a period.
  await db.schema.createIndex('events_day').on('events').columns(['starts_on', 'id']).execute();
  await db.schema.createIndex('events_kind_day').on('events').columns(['kind', 'starts_on', 'id']).execute();
  await sql`create index events_project on events (project_id) where project_id is not null`.execute(db);

  await db.schema
    .createTable('event_organisers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('volunteer_id', 'integer', (c) => c.references('volunteers.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    // A volunteer's time at the event (volunteer hours, the reports issue sums them).
    .addColumn('minutes', 'integer', (c) => c.check(sql`minutes is null or minutes >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('event_organisers_one', sql`(user_id is null) <> (volunteer_id is null)`)
    .execute();
  await db.schema.createIndex('event_organisers_event').on('event_organisers').columns(['event_id', 'id']).execute();
  await sql`create unique index event_organisers_user on event_organisers (event_id, user_id) where user_id is not null`.execute(db);
  await sql`create unique index event_organisers_volunteer on event_organisers (event_id, volunteer_id) where volunteer_id is not null`.execute(db);
  // A volunteer's events (their hours).
  await sql`create index event_organisers_of_volunteer on event_organisers (volunteer_id) where volunteer_id is not null`.execute(db);

  await db.schema
    .createTable('event_attendance')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    // Null once the person was erased (the row stays, so the counts do).
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('registered', 'attended', 'noShow')`))
    // Registered at the door (came without registering beforehand).
    .addColumn('at_door', 'integer', (c) => c.notNull().defaultTo(0).check(sql`at_door in (0, 1)`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('event_attendance_event').on('event_attendance').columns(['event_id', 'status']).execute();
  // Once per event and person.
  await sql`create unique index event_attendance_once on event_attendance (event_id, resident_id) where resident_id is not null`.execute(db);
  // A resident's events (their page, their export, erasure).
  await sql`create index event_attendance_resident on event_attendance (resident_id, event_id) where resident_id is not null`.execute(db);

  // People not registered by name, by band.
  await db.schema
    .createTable('event_head_counts')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('band', 'text', (c) => c.notNull().check(sql`band in ('women', 'men', 'girls', 'boys')`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('event_head_counts_pk', ['event_id', 'band'])
    .execute();
}
