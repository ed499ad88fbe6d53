// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Import of a centre's existing lists (issue 15): named column mappings, a report of each import
// (counts and the rejected rows with their reasons, exportable to fix and re-import), and a
// fingerprint of every source row imported, so that importing the same file again creates nothing.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // residents | volunteers | requests | cashbook | stock
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: { columns: { [header]: field }, nameOrder, language, currency }
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_mappings_kind_name').on('import_mappings').columns(['kind', 'name']).unique().execute();

  await db.schema
    .createTable('import_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('separator', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    // JSON: the header and the rejected rows ({ row, reason, column, cells }), to export and fix.
    .addColumn('rejected_rows', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('import_fingerprints')
    // A hash of the kind and the row's mapped values: the same row of the same list is imported once.
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('import_reports.id'))
    .addColumn('entity_id', 'integer')
    .execute();
  await db.schema.createIndex('import_fingerprints_report').on('import_fingerprints').column('report_id').execute();
  // Erasing a person deletes the fingerprints of the rows that made or updated their record.
  await db.schema.createIndex('import_fingerprints_entity').on('import_fingerprints').column('entity_id').execute();
}
