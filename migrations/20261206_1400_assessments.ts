// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Needs assessments and social histories (issue 13): a dated assessment of a resident or of a
// household by a named worker (a user), of a kind the centre configures (needs assessment, social
// history, assessment of a family's needs to decide a child's status as war-affected, and its
// own), with the needs found (an area from an editable list and a severity), a conclusion, the
// services proposed and an optional follow-up date. Rows are never deleted: erasure blanks the
// content and the link to the person, the kind and the date stay (reports count assessments).
import { sql, type Kysely } from 'kysely';

/** The built-in kinds and need areas (labels: common:assessment.kind.<code>, common:assessment.area.<code>). */
const BUILT_IN = [
  ['kind', 'needsAssessment'],
  ['kind', 'socialHistory'],
  ['kind', 'warAffectedChild'],
  ['area', 'housing'],
  ['area', 'income'],
  ['area', 'health'],
  ['area', 'care'],
  ['area', 'documents'],
  ['area', 'children'],
  ['area', 'safety'],
  ['area', 'employment'],
  ['area', 'warAffected'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The editable lists: a built-in entry has a code (translated label) and no name; a centre's
  // own has a name and no code. Entries are archived, never deleted once used.
  await db.schema
    .createTable('assessment_options')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('list', 'text', (c) => c.notNull().check(sql`list in ('kind', 'area')`))
    .addColumn('code', 'text')
    .addColumn('name', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('assessment_options_label', sql`(code is null) <> (name is null)`)
    .execute();
  await sql`create unique index assessment_options_code on assessment_options (list, code) where code is not null`.execute(db);
  await db
    .insertInto('assessment_options')
    .values(BUILT_IN.map(([list, code], i) => ({ list, code, name: null, sort_order: i, archived_at: null, created_at: '2026-12-06T14:00:00.000Z' })))
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // Of a resident or of a household (neither once the person assessed was erased).
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('assessment_options.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    // The worker who made it (a user).
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('conclusion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('services', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up_on', 'text')
    // Set when the person assessed was erased: the content is blank, the row still counts.
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('assessments_subject', sql`resident_id is null or household_id is null`)
    .addCheckConstraint('assessments_follow_up', sql`follow_up_on is null or follow_up_on >= assessed_on`)
    .execute();
  // A resident's assessments and a household's (their page, the export, erasure).
  await sql`create index assessments_resident on assessments (resident_id, assessed_on) where resident_id is not null`.execute(db);
  await sql`create index assessments_household on assessments (household_id, assessed_on) where household_id is not null`.execute(db);
  // Follow-ups due (the worker's list), by date.
  await sql`create index assessments_follow_up on assessments (follow_up_on) where follow_up_on is not null`.execute(db);

  await db.schema
    .createTable('assessment_needs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('assessment_options.id'))
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('low', 'medium', 'high', 'urgent')`))
    .execute();
  await db.schema.createIndex('assessment_needs_assessment').unique().on('assessment_needs').columns(['assessment_id', 'area_id']).execute();
  // How many assessments found each need (the reports), and whether an area is in use.
  await db.schema.createIndex('assessment_needs_area').on('assessment_needs').columns(['area_id']).execute();
  await db.schema.createIndex('assessments_kind').on('assessments').columns(['kind_id', 'assessed_on']).execute();
}
