// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Funder-safe aggregates (reports.aggregates) find the people reached in a period by the day of
// each contact: needs assessments by their day, case contacts by theirs and project attendance by
// its day (the existing indexes lead with the kind, the case or the participant).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index assessments_day on assessments (assessed_on) where resident_id is not null`.execute(db);
  await sql`create index case_contacts_day on case_contacts (contact_on, case_id)`.execute(db);
  await sql`create index project_attendance_day on project_attendance (attended_on, participant_id)`.execute(db);
}
