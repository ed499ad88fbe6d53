// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Case management (issue 13): social accompaniment of a resident or of a household, led by a
// worker (a user): a plan (goals, agreed actions with due dates and who is responsible), the
// contacts and interventions logged, periodic reviews, a signed agreement (social contract) when
// there is one, and the closure with its outcome. Rows are never deleted: erasing a person blanks
// a case's content and its link to them, and the case (dates, status, outcome) still counts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The case of a resident, or of a household (at most one of the two; both null once the
    // person was erased).
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    // The lead worker (a coordinator or an admin: they are the centre's caseworkers).
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('goalsMet', 'partlyMet', 'droppedOut', 'moved', 'referred')`))
    .addColumn('closing_note', 'text', (c) => c.notNull().defaultTo(''))
    // The signed agreement (social contract), when there is one.
    .addColumn('agreement_on', 'text')
    .addColumn('agreement_note', 'text', (c) => c.notNull().defaultTo(''))
    // The next review's day (the latest review's, or the one planned when the case was opened).
    .addColumn('next_review_on', 'text')
    // The needs assessment the case was opened from (of the same person or household).
    .addColumn('assessment_id', 'integer', (c) => c.references('assessments.id'))
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('cases_one_subject', sql`resident_id is null or household_id is null`)
    .addCheckConstraint('cases_closed', sql`(status = 'closed') = (closed_on is not null) and (closed_on is null) = (outcome is null)`)
    .addCheckConstraint('cases_closed_after_opened', sql`closed_on is null or closed_on >= opened_on`)
    .execute();
  // A resident's cases and a household's cases (their page, their export, erasure).
  await sql`create index cases_resident on cases (resident_id, opened_on) where resident_id is not null`.execute(db);
  await sql`create index cases_household on cases (household_id, opened_on) where household_id is not null`.execute(db);
  // A worker's open cases, by their next review (the caseload).
  await sql`create index cases_worker_open on cases (worker_id, next_review_on) where status = 'open'`.execute(db);
  // One open case at a time for a person, and for a household.
  await sql`create unique index cases_one_open_resident on cases (resident_id) where status = 'open' and resident_id is not null`.execute(db);
  await sql`create unique index cases_one_open_household on cases (household_id) where status = 'open' and household_id is not null`.execute(db);

  await db.schema
    .createTable('case_goals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_goals_case').on('case_goals').columns(['case_id', 'position']).execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    // Who is responsible: a user, or a person named in words ("family assistant", "the resident").
    .addColumn('responsible_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('responsible_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('case_actions_case').on('case_actions').columns(['case_id', 'due_on']).execute();

  await db.schema
    .createTable('case_contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('contact_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('visit', 'call', 'meeting', 'referral', 'psychologicalConsultation', 'legalConsultation')`),
    )
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_contacts_case').on('case_contacts').columns(['case_id', 'contact_on']).execute();

  await db.schema
    .createTable('case_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_review_on', 'text')
    .addColumn('by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_reviews_case').on('case_reviews').columns(['case_id', 'reviewed_on']).execute();
}
