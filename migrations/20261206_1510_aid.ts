// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// In-kind aid (issue 12): items (a size or variant is part of the item: children's shoes size 28
// and size 30 are two items with their own stock) and the movements of their stock. A movement is
// never edited nor deleted: a wrong one is corrected by a new movement that refers to it
// (`corrects_id`). `delta` is the effect on the stock (received +, given −, adjusted ±); the
// item's `stock` is kept equal to the sum of its movements' deltas in the same transaction as
// each movement (the stock list reads one row per item instead of summing the history).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('aid_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('piece', 'pair', 'parcel', 'kit', 'bottle', 'pack', 'set', 'kg', 'litre', 'm3')`))
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  // One item per name and size (compared case-folded by the service too).
  await sql`create unique index aid_items_name_size on aid_items (name, size)`.execute(db);

  await db.schema
    .createTable('aid_movements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('aid_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('received', 'given', 'adjusted', 'correction')`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    // A correction: the movement it corrects (never a correction itself).
    .addColumn('corrects_id', 'integer', (c) => c.references('aid_movements.id'))
    // Received: from whom, and what it is worth (minor units of `currency`).
    .addColumn('from_whom', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value_minor', 'integer')
    .addColumn('currency', 'text')
    // Given: to a resident (null once the person is erased: the movement and its count stay) or a household …
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    // … or at an event or outing (a distribution day, street work, a mobile team's trip) as a head count.
    .addColumn('event_id', 'integer', (c) => c.references('events.id'))
    .addColumn('head_count', 'integer')
    // Adjusted: why.
    .addColumn('reason', 'text', (c) => c.check(sql`reason in ('spoiled', 'counted', 'lost', 'other')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('aid_movements_delta', sql`delta <> 0`)
    .addCheckConstraint(
      'aid_movements_sign',
      sql`(kind = 'received' and delta > 0) or (kind = 'given' and delta < 0) or kind in ('adjusted', 'correction')`,
    )
    .addCheckConstraint('aid_movements_correction', sql`(kind = 'correction') = (corrects_id is not null)`)
    .addCheckConstraint('aid_movements_value', sql`(value_minor is null) = (currency is null) and (value_minor is null or value_minor >= 0)`)
    .execute();
  // An item's history, newest first (the cursor is the day and the id).
  await db.schema.createIndex('aid_movements_item').on('aid_movements').columns(['item_id', 'on_date', 'id']).execute();
  // A day's distributions (the list to sign).
  await db.schema.createIndex('aid_movements_day').on('aid_movements').columns(['on_date', 'id']).execute();
  // A resident's and a household's aid (their page, their export, erasure).
  await sql`create index aid_movements_resident on aid_movements (resident_id, on_date) where resident_id is not null`.execute(db);
  await sql`create index aid_movements_household on aid_movements (household_id, on_date) where household_id is not null`.execute(db);
  // The corrections of a movement.
  await sql`create index aid_movements_corrects on aid_movements (corrects_id) where corrects_id is not null`.execute(db);
}
