// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The treasurer takes aid received with a value into the in-kind ledger (issue 12): an in-kind row
// links to the aid receipt it came from, at most once per receipt (a unique index on the nullable
// column), and the receipts with a value are found by a partial index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table in_kind add column aid_movement_id integer references aid_movements (id)`.execute(db);
  await sql`create unique index in_kind_aid_movement on in_kind (aid_movement_id) where aid_movement_id is not null`.execute(db);
  await sql`create index aid_movements_valued on aid_movements (on_date, id) where kind = 'received' and value_minor is not null`.execute(db);
}
