// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The results report reads a year of done tasks and their volunteers at city scale: the indexes it
// reads them by now carry the columns it needs, so that it never looks a row up in the table (the
// done-task index keeps its name and leading column: every plan that used it still does).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index tasks_done_day`.execute(db);
  await sql`create index tasks_done_day on tasks (coalesce(done_on, scheduled_on), kind_id, resident_id, status, done_on, scheduled_on) where status = 'done'`.execute(db);
  await sql`create index task_volunteers_minutes on task_volunteers (task_id, volunteer_id, minutes_spent)`.execute(db);
}
