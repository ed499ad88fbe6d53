// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// Aid handed out at an event or outing, listed on the event's page (aid.ofEvent): an index on
// aid_movements(event_id) for the movements of one event.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index aid_movements_event on aid_movements (event_id, on_date, id) where event_id is not null`.execute(db);
}
