/**
 * The named list behind a figure of the results report: the residents the figure counts (one row
 * of its breakdown when `code` is given), by name, paged by (sort key, id). Erased residents are
 * listed without a name (their record is kept and blanked).
 */
import { sql, type RawBuilder } from 'kysely';
import { fullName } from '../../../../shared/domain/residents';
import type { PeopleFigure, ReportPeople } from '../../../../shared/domain/reports';
import { addDays } from '../../../../shared/domain/dates';
import type { Executor } from '../../db/schema';
import { contactMonthsSql, type Period } from './figures';

export interface PeopleQuery {
  figure: PeopleFigure;
  from: string;
  to: string;
  code?: string | undefined;
  cursor?: { sortKey: string; id: number } | undefined;
  limit: number;
}

/** `id:<n>` → n; anything else → null. */
function idOf(code: string | undefined): number | null {
  const m = /^id:(\d+)$/.exec(code ?? '');
  return m ? Number(m[1]) : null;
}

/** The resident ids a figure counts, as a SQL subquery with one column. */
function idsOf(p: Period, q: PeopleQuery): RawBuilder<unknown> {
  const { from, to } = p;
  const code = q.code;
  const staysOverlap = sql`s.checked_in_on <= ${to} and (s.checked_out_on is null or s.checked_out_on > ${from}) and s.resident_id is not null`;
  switch (q.figure) {
    case 'peopleReached':
      // The figure's own reading (figures.ts peopleReached): whole months from contact_months, cut ends from the contacts.
      return sql`select rid from (${contactMonthsSql(p)}) union select s.resident_id from shelter_stays s where ${staysOverlap}`;
    case 'newResidents':
      return sql`select r.id from residents r where r.created_at >= ${from} and r.created_at < ${addDays(to, 1)}`;
    case 'servicesByKind': {
      const kind = code === undefined ? sql`1` : idOf(code) !== null ? sql`k.id = ${idOf(code)}` : sql`k.code = ${code}`;
      return sql`select t.resident_id from tasks t cross join service_kinds k on k.id = t.kind_id
          where t.status = 'done' and coalesce(t.done_on, t.scheduled_on) >= ${from} and coalesce(t.done_on, t.scheduled_on) <= ${to} and ${kind}
        union select q.resident_id from requests q cross join service_kinds k on k.id = q.kind_id
          where q.created_on >= ${from} and q.created_on <= ${to} and q.status = 'done' and k.mode = 'desk' and ${kind}`;
    }
    case 'assessments':
      return sql`select s.resident_id from assessments s where s.assessed_on >= ${from} and s.assessed_on <= ${to} and s.resident_id is not null`;
    case 'cases': {
      const outcome = code === undefined ? sql`1` : sql`c.outcome = ${code} and c.closed_on >= ${from} and c.closed_on <= ${to}`;
      return sql`select c.resident_id from cases c where c.opened_on <= ${to} and (c.closed_on is null or c.closed_on >= ${from}) and c.resident_id is not null and ${outcome}`;
    }
    case 'projects': {
      const project = idOf(code) === null ? sql`1` : sql`pp.project_id = ${idOf(code)}`;
      return sql`select pp.resident_id from project_participants pp where pp.recruited_on <= ${to} and (pp.ended_on is null or pp.ended_on >= ${from}) and pp.resident_id is not null and ${project}`;
    }
    case 'events': {
      const kind = code === undefined ? sql`1` : sql`e.kind = ${code}`;
      return sql`select a.resident_id from events e cross join event_attendance a on a.event_id = e.id
        where e.starts_on >= ${from} and e.starts_on <= ${to} and a.status = 'attended' and a.resident_id is not null and ${kind}`;
    }
    case 'aidGiven': {
      const item = idOf(code) === null ? sql`1` : sql`m.item_id = ${idOf(code)}`;
      return sql`select m.resident_id from aid_movements m where m.on_date >= ${from} and m.on_date <= ${to} and m.kind = 'given' and m.resident_id is not null
        and m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0) <> 0 and ${item}`;
    }
    case 'underRegularCare':
      // figures.ts underRegularCare's definition: under care on a day of the period (care_periods).
      return sql`select distinct c.resident_id from care_periods c cross join residents r on r.id = c.resident_id
        where c.from_on <= ${to} and (c.to_on is null or c.to_on >= ${from}) and (r.left_on is null or r.left_on >= ${from})`;
    case 'shelter':
      return sql`select s.resident_id from shelter_stays s where ${staysOverlap}`;
  }
}

export async function peopleBehind(ex: Executor, p: Period, q: PeopleQuery): Promise<ReportPeople> {
  const after = q.cursor ? sql`and (r.sort_key, r.id) > (${q.cursor.sortKey}, ${q.cursor.id})` : sql``;
  // The figure's residents are found once (a materialised set, each id once) for both the count and
  // the page (a year of the city: 21,169 people). The page walks the residents in name order and
  // stops at its 101st member ("+r.id": not the rowid lookup per member, which sorts them all):
  // 20 ms of CPU for a year's first page instead of 40.
  const rows = await sql<{ id: number | null; last_name: string; first_name: string; patronymic: string; settlement: string; sort_key: string; erased_at: string | null; total: number }>`
    with found(id) as (${idsOf(p, q)}),
      ids(id) as materialized (select distinct id from found where id is not null),
      counted(total) as (select count(*) from ids cross join residents r on r.id = ids.id),
      page as (select r.id, r.last_name, r.first_name, r.patronymic, r.settlement, r.sort_key, r.erased_at from residents r
        where +r.id in (select id from ids) ${after} order by r.sort_key, r.id limit ${q.limit + 1})
    select page.*, counted.total from counted left join page on 1 order by page.sort_key, page.id`.execute(ex);
  const total = rows.rows[0]?.total ?? 0;
  const found = rows.rows.filter((r): r is typeof r & { id: number } => r.id !== null);
  const page = found.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    figure: q.figure,
    code: q.code ?? null,
    items: page.map((r) => ({
      residentId: r.id,
      name: r.erased_at !== null ? '' : fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
      settlement: r.erased_at !== null ? '' : r.settlement,
      erased: r.erased_at !== null,
    })),
    total: Number(total),
    nextCursor: found.length > q.limit && last ? { sortKey: last.sort_key, id: last.id } : null,
  };
}
