// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The audit log (issue 6): append-only (triggers refuse UPDATE and DELETE) and hash-chained: each
// row stores the previous row's hash and SHA-256(prev_hash + canonical JSON of the row), computed
// by the core. It holds ids, call names and changed field names; never names, phones, addresses,
// notes or health text.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('call', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('resident_id', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_user').on('audit_log').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_resident').on('audit_log').columns(['resident_id', 'at']).execute();
  await db.schema.createIndex('audit_log_call').on('audit_log').columns(['call', 'at']).execute();
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
}
