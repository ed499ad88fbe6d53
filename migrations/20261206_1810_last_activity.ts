// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The admin's home counts the residents whose retention review is due (issue 14, "retention due"):
// those not erased whose last contact with the centre is older than the retention period. The
// review computes the last contact per resident over six tables (seconds at city scale); here
// each resident keeps it in `last_activity_on`, kept by triggers on every table it is read from
// (null until the first contact after registration: then the registration day counts), so that
// the count reads two partial indexes. The day is the privacy review's (privacy.service.ts
// LAST_ACTIVITY): registration, a request, a task (done, else planned), a help plan (an
// open-ended one counts as never ending), a sale, a household membership's start or end.
import { sql, type Kysely } from 'kysely';

/** The last activity of the resident whose id is `who` (an expression over NEW/OLD in a trigger). */
const recompute = (who: string) => `update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = ${who};`;

/** Each table the last activity reads, with the columns whose change can move it. */
const SOURCES: Array<[table: string, columns: string]> = [
  ['requests', 'resident_id, created_on'],
  ['tasks', 'resident_id, done_on, scheduled_on'],
  ['help_plans', 'resident_id, ends_on'],
  ['sales', 'resident_id, day'],
  ['household_members', 'resident_id, from_on, to_on'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table residents add column last_activity_on text`.execute(db);
  await sql.raw(recompute('residents.id').replace(' where id = residents.id;', ';')).execute(db);
  await sql`create index residents_last_activity on residents (last_activity_on) where erased_at is null`.execute(db);
  // A resident registered since, with no contact yet, keeps null (no second write per new
  // resident, which would double the cost of an import): their day is the registration's, read
  // from this index.
  await sql`create index residents_no_activity on residents (created_at) where last_activity_on is null and erased_at is null`.execute(db);
  await sql.raw(`create trigger residents_last_activity_created after update of created_at on residents begin ${recompute('new.id')} end`).execute(db);
  for (const [table, columns] of SOURCES) {
    await sql.raw(`create trigger ${table}_last_activity_insert after insert on ${table} when new.resident_id is not null begin ${recompute('new.resident_id')} end`).execute(db);
    await sql
      .raw(`create trigger ${table}_last_activity_update after update of ${columns} on ${table} begin ${recompute('old.resident_id')} ${recompute('new.resident_id')} end`)
      .execute(db);
    await sql.raw(`create trigger ${table}_last_activity_delete after delete on ${table} when old.resident_id is not null begin ${recompute('old.resident_id')} end`).execute(db);
  }
}
