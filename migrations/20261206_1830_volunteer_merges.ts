// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// volunteer_merges: two records of one volunteer merged (volunteers.merge, issue 15): the
// survivor keeps every task, hour, skill, phone, advance and organiser's place; the other's row
// goes, its name stays here for the survivor's page ("merged from …") and what moved is counted
// in `moved` (JSON).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table volunteer_merges (
    id integer primary key autoincrement,
    survivor_id integer not null references volunteers (id),
    merged_id integer not null,
    merged_name text not null,
    fields text not null default '{}',
    moved text not null default '{}',
    merged_at text not null,
    merged_by integer not null references users (id)
  )`.execute(db);
  await sql`create index volunteer_merges_survivor on volunteer_merges (survivor_id, merged_at)`.execute(db);
  // help_plans.volunteer_id had no index: a merge moves a volunteer's plans by it.
  await sql`create index help_plans_volunteer on help_plans (volunteer_id) where volunteer_id is not null`.execute(db);
  // volunteer_advances by volunteer: the same.
  await sql`create index volunteer_advances_volunteer on volunteer_advances (volunteer_id)`.execute(db);
}
