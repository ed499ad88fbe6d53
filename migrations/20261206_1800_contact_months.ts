// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
//
// People reached (issue 14, speed): the contacts of the results report (figures.ts contactsSql),
// counted per (month, resident, kind of contact) in contact_months, so that a year's people
// reached reads some 40,000 cells instead of 80,000 contacts looked up in eight tables.
//
// The table is derived: SQLite triggers on every source table keep it right in the transaction
// of whatever write changed a source row (a call, an import, a merge, an erasure, the city
// generator, a repair by hand). A trigger never adds or subtracts: it RECOUNTS the cells that the
// old and the new row touch from the source tables (a cell with no contact left is deleted), so
// the table cannot drift from its sources. Kinds: 1 request logged, 2 task done (the day done,
// else planned), 3 event attended, 4 aid given (not corrected to nothing), 5 needs assessment,
// 6 contact of the resident's case, 7 project activity attended, 8 recruited into a project.
import { sql, type Kysely } from 'kysely';

type Kind = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** How many contacts of `kind` resident `r` had in month `m` (SQL expressions): the definition, once per kind. */
export function countOf(kind: Kind, r: string, m: string): string {
  const first = `(${m} || '-01')`;
  const last = `(${m} || '-31')`;
  switch (kind) {
    case 1:
      return `(select count(*) from requests q where q.resident_id = ${r} and q.created_on >= ${first} and q.created_on <= ${last})`;
    case 2:
      return `((select count(*) from tasks t where t.resident_id = ${r} and t.status = 'done' and t.done_on >= ${first} and t.done_on <= ${last})
        + (select count(*) from tasks t where t.resident_id = ${r} and t.status = 'done' and t.done_on is null and t.scheduled_on >= ${first} and t.scheduled_on <= ${last}))`;
    case 3:
      return `(select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = ${r} and a.status = 'attended' and e.starts_on >= ${first} and e.starts_on <= ${last})`;
    case 4:
      return `(select count(*) from aid_movements g where g.resident_id = ${r} and g.on_date >= ${first} and g.on_date <= ${last} and g.kind = 'given'
        and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0)`;
    case 5:
      return `(select count(*) from assessments s where s.resident_id = ${r} and s.assessed_on >= ${first} and s.assessed_on <= ${last})`;
    case 6:
      return `(select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = ${r} and cc.contact_on >= ${first} and cc.contact_on <= ${last})`;
    case 7:
      return `(select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = ${r} and pa.attended_on >= ${first} and pa.attended_on <= ${last})`;
    case 8:
      return `(select count(*) from project_participants pp where pp.resident_id = ${r} and pp.recruited_on >= ${first} and pp.recruited_on <= ${last})`;
  }
}

/** Statements that recount the cells of `kind` named by `cells` (a select of rid, month; nulls skipped). */
function recount(kind: Kind, cells: string): string {
  return `
      delete from contact_months where kind = ${kind} and (month, resident_id) in (select month, rid from (${cells}));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, ${kind}, n from (
          select c.month, c.rid, ${countOf(kind, 'c.rid', 'c.month')} as n
          from (select distinct rid, month from (${cells}) where rid is not null and month is not null) c
        ) where n > 0;`;
}

interface Source {
  table: string;
  /** Columns whose change can move a contact (the update trigger's `of`). */
  columns: string[];
  /** Per kind: the cells a row touches, as a select over `row` (new or old). */
  cells: Array<[Kind, (row: 'new' | 'old') => string]>;
}

const SOURCES: Source[] = [
  {
    table: 'requests',
    columns: ['resident_id', 'created_on'],
    cells: [[1, (o) => `select ${o}.resident_id as rid, substr(${o}.created_on, 1, 7) as month`]],
  },
  {
    table: 'tasks',
    columns: ['resident_id', 'status', 'done_on', 'scheduled_on'],
    cells: [[2, (o) => `select ${o}.resident_id as rid, substr(coalesce(${o}.done_on, ${o}.scheduled_on), 1, 7) as month where ${o}.status = 'done'`]],
  },
  {
    table: 'event_attendance',
    columns: ['event_id', 'resident_id', 'status'],
    cells: [[3, (o) => `select ${o}.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = ${o}.event_id and ${o}.status = 'attended'`]],
  },
  {
    table: 'events',
    columns: ['starts_on'],
    cells: [[3, (o) => `select a.resident_id as rid, substr(${o}.starts_on, 1, 7) as month from event_attendance a where a.event_id = ${o}.id and a.status = 'attended'`]],
  },
  {
    // A correction (corrects_id) changes whether the movement it corrects still counts.
    table: 'aid_movements',
    columns: ['resident_id', 'on_date', 'kind', 'delta', 'corrects_id'],
    cells: [
      [
        4,
        (o) => `select ${o}.resident_id as rid, substr(${o}.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = ${o}.corrects_id`,
      ],
    ],
  },
  {
    table: 'assessments',
    columns: ['resident_id', 'assessed_on'],
    cells: [[5, (o) => `select ${o}.resident_id as rid, substr(${o}.assessed_on, 1, 7) as month`]],
  },
  {
    table: 'case_contacts',
    columns: ['case_id', 'contact_on'],
    cells: [[6, (o) => `select c.resident_id as rid, substr(${o}.contact_on, 1, 7) as month from cases c where c.id = ${o}.case_id`]],
  },
  {
    table: 'cases',
    columns: ['resident_id'],
    cells: [[6, (o) => `select ${o}.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = ${o}.id`]],
  },
  {
    table: 'project_attendance',
    columns: ['participant_id', 'attended_on'],
    cells: [[7, (o) => `select pp.resident_id as rid, substr(${o}.attended_on, 1, 7) as month from project_participants pp where pp.id = ${o}.participant_id`]],
  },
  {
    table: 'project_participants',
    columns: ['resident_id', 'recruited_on'],
    cells: [
      [7, (o) => `select ${o}.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = ${o}.id`],
      [8, (o) => `select ${o}.resident_id as rid, substr(${o}.recruited_on, 1, 7) as month`],
    ],
  },
];

/** Every contact ever, as (resident, month, kind): the backfill (the same definitions as countOf). */
const ALL_CONTACTS = `
  select q.resident_id as rid, substr(q.created_on, 1, 7) as month, 1 as kind from requests q
  union all select t.resident_id, substr(coalesce(t.done_on, t.scheduled_on), 1, 7), 2 from tasks t where t.status = 'done'
  union all select a.resident_id, substr(e.starts_on, 1, 7), 3 from event_attendance a cross join events e on e.id = a.event_id
    where a.status = 'attended' and a.resident_id is not null
  union all select g.resident_id, substr(g.on_date, 1, 7), 4 from aid_movements g where g.kind = 'given' and g.resident_id is not null
    and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0
  union all select s.resident_id, substr(s.assessed_on, 1, 7), 5 from assessments s where s.resident_id is not null
  union all select c.resident_id, substr(cc.contact_on, 1, 7), 6 from case_contacts cc cross join cases c on c.id = cc.case_id where c.resident_id is not null
  union all select pp.resident_id, substr(pa.attended_on, 1, 7), 7 from project_attendance pa cross join project_participants pp on pp.id = pa.participant_id
    where pp.resident_id is not null
  union all select pp.resident_id, substr(pp.recruited_on, 1, 7), 8 from project_participants pp where pp.resident_id is not null`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table contact_months (
    month text not null,
    resident_id integer not null,
    kind integer not null check (kind between 1 and 8),
    n integer not null check (n > 0),
    primary key (month, resident_id, kind)
  )`.execute(db);
  await sql
    .raw(`insert into contact_months (month, resident_id, kind, n)
      select month, rid, kind, count(*) from (${ALL_CONTACTS}) where rid is not null group by month, rid, kind`)
    .execute(db);
  for (const s of SOURCES) {
    const on = (row: 'new' | 'old') => s.cells.map(([kind, cells]) => recount(kind, cells(row))).join('\n');
    const name = `contact_months_${s.table}`;
    await sql.raw(`create trigger ${name}_insert after insert on ${s.table} begin ${on('new')} end`).execute(db);
    await sql.raw(`create trigger ${name}_delete after delete on ${s.table} begin ${on('old')} end`).execute(db);
    await sql.raw(`create trigger ${name}_update after update of ${s.columns.join(', ')} on ${s.table} begin ${on('old')} ${on('new')} end`).execute(db);
  }
}
