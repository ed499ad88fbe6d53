// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// "People under regular care" for a past period (issue 14) must not read today's flag: someone
// taken under care after the period, or no longer under care before it, was not under care then.
// Each stretch of regular care is kept as a period of days, written by triggers on the flag (so
// every way of changing it, the form, the merge, an import, erasure, writes it): from the day
// the flag was set (the record's updated_at, or created_at for a new record) to the day it was
// cleared (null while under care). Residents under care today start from their registration
// day, the only day known for them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table care_periods (
    id integer primary key,
    resident_id integer not null references residents (id),
    from_on text not null,
    to_on text,
    check (to_on is null or to_on >= from_on)
  )`.execute(db);
  await sql`create index care_periods_resident on care_periods (resident_id, from_on)`.execute(db);
  // The report reads the periods that began by its last day (and had not ended before its first).
  await sql`create index care_periods_from on care_periods (from_on, to_on, resident_id)`.execute(db);
  await sql`insert into care_periods (resident_id, from_on) select id, substr(created_at, 1, 10) from residents where regular_care = 1`.execute(db);
  await sql`create trigger care_periods_new after insert on residents when new.regular_care = 1 begin
    insert into care_periods (resident_id, from_on) values (new.id, substr(new.created_at, 1, 10));
  end`.execute(db);
  await sql`create trigger care_periods_start after update of regular_care on residents when new.regular_care = 1 and old.regular_care = 0 begin
    insert into care_periods (resident_id, from_on) values (new.id, substr(new.updated_at, 1, 10));
  end`.execute(db);
  await sql`create trigger care_periods_end after update of regular_care on residents when new.regular_care = 0 and old.regular_care = 1 begin
    update care_periods set to_on = max(from_on, substr(new.updated_at, 1, 10)) where resident_id = new.id and to_on is null;
  end`.execute(db);
}
