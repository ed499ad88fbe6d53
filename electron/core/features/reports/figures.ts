/**
 * "Results in numbers": every figure of the results report defined ONCE, here (issue 14). A
 * figure is its key (the JSON key of the report and of the command line), the key of its
 * definition sentence (namespace `reports`, `definitions.<key>`, shown beside the figure in the
 * UI and in the exports), whether it is distinct (its months are not to be added) and its
 * computation over a period of days (both included).
 *
 * Month series: one number per month of the period (the first and last month count only the
 * period's days). Additive figures sum over their months to the period's figure; distinct ones
 * (people, households, volunteers) count each one once per month and once in the period.
 *
 * An erased resident keeps their rows (erasure blanks the content and keeps every count): they are
 * counted like anyone else.
 */
import { sql } from 'kysely';
import { monthRange, addDays, dayNumber } from '../../../../shared/domain/dates';
import type { ReportFigure, ResultsReport } from '../../../../shared/domain/reports';
import type { Executor } from '../../db/schema';
import { bitSums, maskColumns, monthIndexSql } from '../../db/month-masks';
import { familiesServedByMonth } from '../households/households.repo';
import { volunteersInvolved, type InvolvedVolunteer } from '../plans/reports';

export interface Period {
  from: string;
  to: string;
  /** 'YYYY-MM' of every month touched by the period. */
  months: string[];
  /** Today (the centre's): open shelter stays count their nights up to it. */
  today: string;
  /** What two figures read alike (the involved volunteers), read once per report. */
  cache: Map<string, Promise<unknown>>;
}

export function periodOf(from: string, to: string, today: string): Period {
  return { from, to, months: monthRange(from.slice(0, 7), to.slice(0, 7)), today, cache: new Map() };
}

/** The days of the period's month `i`: the period's days in that month. */
export function monthSpan(p: Pick<Period, 'from' | 'to' | 'months'>, i: number): { from: string; to: string } {
  const m = p.months[i] ?? '';
  const first = `${m}-01`;
  const last = addDays(nextMonthStart(m), -1);
  return { from: first < p.from ? p.from : first, to: last > p.to ? p.to : last };
}

function nextMonthStart(m: string): string {
  let y = Number(m.slice(0, 4));
  let mo = Number(m.slice(5, 7)) + 1;
  if (mo > 12) {
    mo = 1;
    y++;
  }
  return `${y}-${String(mo).padStart(2, '0')}-01`;
}

function zeros(p: Period): number[] {
  return p.months.map(() => 0);
}

/** Adds n to month `month` ('YYYY-MM') of a series. */
function addTo(p: Period, s: number[], month: string, n: number): void {
  const i = p.months.indexOf(month);
  if (i >= 0) s[i] = (s[i] ?? 0) + n;
}

const sum = (s: readonly number[]) => s.reduce((a, b) => a + b, 0);
const n = (v: unknown) => Number(v ?? 0);

/** A catalogue kind's stable code: its built-in code, or id:<n> for a centre's own kind. */
const kindCode = (code: string | null, id: number) => code ?? `id:${id}`;

// ---------------------------------------------------------------------------------------------
// People reached: the one definition of a contact

/**
 * Every contact a named resident had with the centre, as (resident, day) over the period: a
 * request logged, a task done for them, an attended event, aid handed to them, a needs
 * assessment, a case contact, project attendance or recruitment. Shelter nights are added from
 * `shelterStays` (a stay spans months). Each branch reads its table by its date index.
 */
export function contactsSql(from: string, to: string) {
  return sql`
    select q.resident_id as rid, q.created_on as day from requests q where q.created_on >= ${from} and q.created_on <= ${to}
    union all
    select t.resident_id, coalesce(t.done_on, t.scheduled_on) from tasks t
      where t.status = 'done' and coalesce(t.done_on, t.scheduled_on) >= ${from} and coalesce(t.done_on, t.scheduled_on) <= ${to}
    union all
    select a.resident_id, e.starts_on from events e cross join event_attendance a on a.event_id = e.id
      where e.starts_on >= ${from} and e.starts_on <= ${to} and a.status = 'attended' and a.resident_id is not null
    union all
    select m.resident_id, m.on_date from aid_movements m
      where m.on_date >= ${from} and m.on_date <= ${to} and m.kind = 'given' and m.resident_id is not null
        and m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0) <> 0
    union all
    select s.resident_id, s.assessed_on from assessments s
      where s.assessed_on >= ${from} and s.assessed_on <= ${to} and s.resident_id is not null
    union all
    select c.resident_id, cc.contact_on from case_contacts cc cross join cases c on c.id = cc.case_id
      where cc.contact_on >= ${from} and cc.contact_on <= ${to} and c.resident_id is not null
    union all
    select pp.resident_id, pa.attended_on from project_attendance pa cross join project_participants pp on pp.id = pa.participant_id
      where pa.attended_on >= ${from} and pa.attended_on <= ${to} and pp.resident_id is not null
    union all
    select pp.resident_id, pp.recruited_on from project_participants pp
      where pp.recruited_on >= ${from} and pp.recruited_on <= ${to} and pp.resident_id is not null`;
}

/**
 * The same contacts as (resident, month) for a whole period: its whole months from the stored
 * cells of contact_months (migration 20261206_1800: kept by triggers from the very tables
 * contactsSql reads, a cell per resident, month and kind of contact), its first and last month
 * from contactsSql when the period starts or ends inside them. Rows repeat (one per kind, per
 * contact in an edge month): the callers count distinct residents.
 */
export function contactMonthsSql(p: Pick<Period, 'from' | 'to' | 'months'>) {
  const spans = p.months.map((m, i) => ({ m, ...monthSpan(p, i) }));
  const whole = spans.filter((s) => s.from === `${s.m}-01` && s.to === addDays(nextMonthStart(s.m), -1));
  const parts = spans.filter((s) => !whole.includes(s));
  const branches = parts.map((s) => sql`select c.rid as rid, ${s.m} as month from (${contactsSql(s.from, s.to)}) c`);
  const first = whole[0];
  const last = whole[whole.length - 1];
  // Whole months are contiguous (only the first and the last month of a period can be cut).
  if (first && last) branches.unshift(sql`select cm.resident_id as rid, cm.month as month from contact_months cm where cm.month >= ${first.m} and cm.month <= ${last.m}`);
  if (branches.length === 0) return sql`select null as rid, null as month where 0`;
  return sql.join(branches, sql` union all `);
}

interface Stay {
  resident_id: number | null;
  household_id: number | null;
  checked_in_on: string;
  checked_out_on: string | null;
  settlement: string | null;
}

/** Shelter stays with a night in the period (checked in on or before its last day, not out before its first night). */
async function shelterStays(ex: Executor, p: Period): Promise<Stay[]> {
  const r = await sql<Stay>`
    select s.resident_id, s.household_id, s.checked_in_on, s.checked_out_on, r.settlement
    from shelter_stays s left join residents r on r.id = s.resident_id
    where s.checked_in_on <= ${p.to} and (s.checked_out_on is null or s.checked_out_on > ${p.from})`.execute(ex);
  return r.rows;
}

/** The nights of a stay in the period per month: a night is the day checked in up to the day before checking out (open: up to today). */
function stayNights(p: Period, s: Stay): Map<string, number> {
  const out = new Map<string, number>();
  const first = dayNumber(s.checked_in_on > p.from ? s.checked_in_on : p.from);
  const lastNight = dayNumber(s.checked_out_on ?? addDays(p.today, 1)) - 1;
  const last = Math.min(lastNight, dayNumber(p.to));
  if (last < first) return out;
  p.months.forEach((m, i) => {
    const span = monthSpan(p, i);
    const nights = Math.min(last, dayNumber(span.to)) - Math.max(first, dayNumber(span.from)) + 1;
    if (nights > 0) out.set(m, nights);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The figures

type Computed<K extends ReportFigure> = NonNullable<ResultsReport[K]>;

export interface Figure<K extends ReportFigure = ReportFigure> {
  key: K;
  /** Namespace `reports`. */
  definition: `definitions.${K}`;
  /** Distinct: its months are not to be added. */
  distinct: boolean;
  compute: (ex: Executor, p: Period) => Promise<Computed<K>>;
}

function figure<K extends ReportFigure>(key: K, distinct: boolean, compute: (ex: Executor, p: Period) => Promise<Computed<K>>): Figure<K> {
  return { key, definition: `definitions.${key}`, distinct, compute };
}

/** Unnamed head counts: event head counts plus aid handed out to a head count (once per event or per handout). */
async function headCounts(ex: Executor, p: Period): Promise<{ total: number; byMonth: number[]; events: Map<number, number> }> {
  const events = await sql<{ id: number; starts_on: string; counted: number | null; aid: number | null }>`
    select e.id, e.starts_on,
      (select sum(h.count) from event_head_counts h where h.event_id = e.id) as counted,
      (select max(m.head_count) from aid_movements m where m.event_id = e.id and m.kind = 'given' and m.head_count is not null and m.resident_id is null and m.household_id is null) as aid
    from events e where e.starts_on >= ${p.from} and e.starts_on <= ${p.to}`.execute(ex);
  const outreach = await sql<{ on_date: string; head_count: number }>`
    select distinct m.on_date, m.head_count from aid_movements m
    where m.on_date >= ${p.from} and m.on_date <= ${p.to} and m.kind = 'given' and m.event_id is null
      and m.resident_id is null and m.household_id is null and m.head_count is not null`.execute(ex);
  const byMonth = zeros(p);
  const perEvent = new Map<number, number>();
  for (const e of events.rows) {
    const c = Math.max(n(e.counted), n(e.aid));
    perEvent.set(e.id, n(e.counted));
    addTo(p, byMonth, e.starts_on.slice(0, 7), c);
  }
  for (const o of outreach.rows) addTo(p, byMonth, o.on_date.slice(0, 7), n(o.head_count));
  return { total: sum(byMonth), byMonth, events: perEvent };
}

/**
 * The period's months as SQL rows (month, first day, last day) for spreading a shelter stay over
 * the months it has nights in; a month after today has none.
 */
function monthSpansSql(p: Period) {
  const spans = p.months.map((_, i) => monthSpan(p, i)).filter((s) => s.from <= p.today);
  if (spans.length === 0) return sql`select null as month, '9999-12-31' as first, '0000-01-01' as last`;
  return sql.join(
    spans.map((s) => sql`select ${s.from.slice(0, 7)} as month, ${s.from} as first, ${s.to} as last`),
    sql` union all `,
  );
}

/**
 * Distinct residents reached, in the period, per month and per settlement, counted in SQL over
 * the contacts (contactsSql) and the shelter nights (a stay counts in every month it has a night):
 * the contacts are grouped by resident once (with a bit per month they came in), then the
 * residents by settlement.
 */
const peopleReached = figure('peopleReached', true, async (ex, p) => {
  const first = p.months[0] ?? p.from.slice(0, 7);
  const rows = await sql<Record<string, number | string | null>>`
    select r.settlement as settlement, count(*) as n, ${bitSums(p.months.length, 'm', (c) => sql.ref(`b${c}`))} from (
      select rid, ${maskColumns(p.months.length, sql.ref('mi'), 'b')} from (
        select c.rid as rid, ${monthIndexSql(first, sql.ref('c.month'))} as mi from (${contactMonthsSql(p)}) c
        union all
        select s.resident_id, ${monthIndexSql(first, sql.ref('mo.first'))} from shelter_stays s cross join (${monthSpansSql(p)}) mo
          on s.checked_in_on <= mo.last and (s.checked_out_on is null or s.checked_out_on > mo.first)
          where s.checked_in_on <= ${p.to} and s.resident_id is not null
      ) group by rid
    ) reached cross join residents r on r.id = reached.rid group by r.settlement`.execute(ex);
  const namedByMonth = zeros(p);
  const bySettlement: Array<{ code: string; count: number }> = [];
  for (const r of rows.rows) {
    p.months.forEach((_, i) => (namedByMonth[i] = (namedByMonth[i] ?? 0) + n(r[`m${i}`])));
    bySettlement.push({ code: String(r.settlement), count: n(r.n) });
  }
  bySettlement.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const heads = await headCounts(ex, p);
  return {
    named: sum(bySettlement.map((s) => s.count)),
    headCounts: heads.total,
    namedByMonth,
    headCountsByMonth: heads.byMonth,
    bySettlement,
  };
});

/** Residents registered in the period (the day their record was made). */
const newResidents = figure('newResidents', false, async (ex, p) => {
  const rows = await sql<{ month: string; n: number }>`
    select substr(r.created_at, 1, 7) as month, count(*) as n from residents r
    where r.created_at >= ${p.from} and r.created_at < ${addDays(p.to, 1)} group by month`.execute(ex);
  const byMonth = zeros(p);
  for (const r of rows.rows) addTo(p, byMonth, r.month, n(r.n));
  return { count: sum(byMonth), byMonth };
});

/** households.familiesServed's definition (familiesServedByMonth), for the period and each month, in one read. */
const households = figure('households', true, async (ex, p) => {
  const c = await familiesServedByMonth(ex, p.from, p.to);
  const familiesByMonth = zeros(p);
  for (const [month, m] of c.byMonth) addTo(p, familiesByMonth, month, m.households + m.personsWithoutHousehold);
  return { families: c.whole.households + c.whole.personsWithoutHousehold, households: c.whole.households, personsWithoutHousehold: c.whole.personsWithoutHousehold, familiesByMonth };
});

interface KindMonth {
  kind_id: number;
  code: string | null;
  name: string | null;
  mode: 'volunteer' | 'desk';
  month: string;
  n: number;
}

/**
 * Done tasks per kind and month (the day done, else scheduled), read once for services and tasks
 * done. Counted per day first (here and in the desk services and requests by status): the day
 * index hands the rows over in day order, so SQLite counts them as they come instead of sorting
 * a year's rows by month; the months are then summed from a few hundred days (3× faster).
 */
function doneTasksByKind(ex: Executor, p: Period): Promise<KindMonth[]> {
  let found = p.cache.get('tasksByKind') as Promise<KindMonth[]> | undefined;
  if (!found) {
    found = sql<KindMonth>`
      select k.id as kind_id, k.code, k.name, k.mode, substr(s.day, 1, 7) as month, sum(s.n) as n from (
        select coalesce(t.done_on, t.scheduled_on) as day, t.kind_id, count(*) as n from tasks t
        where t.status = 'done' and coalesce(t.done_on, t.scheduled_on) >= ${p.from} and coalesce(t.done_on, t.scheduled_on) <= ${p.to}
        group by day, t.kind_id
      ) s cross join service_kinds k on k.id = s.kind_id group by k.id, month`
      .execute(ex)
      .then((r) => r.rows);
    p.cache.set('tasksByKind', found);
  }
  return found;
}

/**
 * Services given by kind: done tasks (on the day done) and desk services (requests of a desk kind
 * marked done, on the day logged). Cancelled requests, and requests not done, are not services.
 */
const servicesByKind = figure('servicesByKind', false, async (ex, p) => {
  const desk = await sql<KindMonth>`
    select k.id as kind_id, k.code, k.name, k.mode, substr(s.day, 1, 7) as month, sum(s.n) as n from (
      select q.created_on as day, q.kind_id, count(*) as n from requests q
        where q.created_on >= ${p.from} and q.created_on <= ${p.to} and +q.status = 'done' and q.kind_id in (select dk.id from service_kinds dk where dk.mode = 'desk')
        group by day, q.kind_id
    ) s cross join service_kinds k on k.id = s.kind_id group by k.id, month`.execute(ex);
  const rows = [...(await doneTasksByKind(ex, p)).map((r) => ({ ...r, src: 'task' as const })), ...desk.rows.map((r) => ({ ...r, src: 'desk' as const }))];
  // The people of each kind read the period's requests from the covering day index (`+` keeps
  // SQLite off requests_status, whose rows it would look up one by one for the resident).
  const people = await sql<{ kind_id: number; n: number }>`
    select kind_id, count(distinct rid) as n from (
      select t.kind_id, t.resident_id as rid from tasks t
        where t.status = 'done' and coalesce(t.done_on, t.scheduled_on) >= ${p.from} and coalesce(t.done_on, t.scheduled_on) <= ${p.to}
      union all
      select q.kind_id, q.resident_id from requests q cross join service_kinds dk on dk.id = q.kind_id
        where q.created_on >= ${p.from} and q.created_on <= ${p.to} and +q.status = 'done' and dk.mode = 'desk'
    ) group by kind_id`.execute(ex);
  const peopleOf = new Map(people.rows.map((r) => [r.kind_id, n(r.n)]));
  const byKind = new Map<number, Computed<'servicesByKind'>['rows'][number]>();
  const byMonth = zeros(p);
  for (const r of rows) {
    let row = byKind.get(r.kind_id);
    if (!row) {
      row = { code: kindCode(r.code, r.kind_id), name: r.code === null ? r.name : null, mode: r.mode, count: 0, byMonth: zeros(p), tasks: 0, desk: 0, people: peopleOf.get(r.kind_id) ?? 0 };
      byKind.set(r.kind_id, row);
    }
    const c = n(r.n);
    row.count += c;
    if (r.src === 'task') row.tasks += c;
    else row.desk += c;
    addTo(p, row.byMonth, r.month, c);
    addTo(p, byMonth, r.month, c);
  }
  const list = [...byKind.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  return { total: sum(byMonth), byMonth, rows: list };
});

const REQUEST_STATUS_ORDER = ['new', 'planned', 'inProgress', 'done', 'referred', 'cancelled'];

/** Requests logged in the period, by their status now. */
const requestsByStatus = figure('requestsByStatus', false, async (ex, p) => {
  const rows = await sql<{ status: string; month: string; n: number }>`
    select status, substr(day, 1, 7) as month, sum(n) as n from (
      select q.status, q.created_on as day, count(*) as n from requests q
      where q.created_on >= ${p.from} and q.created_on <= ${p.to} group by q.status, q.created_on
    ) group by status, month`.execute(ex);
  const byMonth = zeros(p);
  const byStatus = new Map(REQUEST_STATUS_ORDER.map((code) => [code, { code, name: null as string | null, count: 0, byMonth: zeros(p) }]));
  for (const r of rows.rows) {
    const row = byStatus.get(r.status);
    if (!row) continue;
    row.count += n(r.n);
    addTo(p, row.byMonth, r.month, n(r.n));
    addTo(p, byMonth, r.month, n(r.n));
  }
  return { total: sum(byMonth), byMonth, rows: [...byStatus.values()] };
});

/** Needs assessments carried out in the period (the day assessed). */
const assessments = figure('assessments', false, async (ex, p) => {
  const rows = await sql<{ month: string; n: number; residents: number; households: number }>`
    select substr(s.assessed_on, 1, 7) as month, count(*) as n, 0 as residents, 0 as households from assessments s
    where s.assessed_on >= ${p.from} and s.assessed_on <= ${p.to} group by month`.execute(ex);
  const distinct = await sql<{ residents: number; households: number }>`
    select count(distinct s.resident_id) as residents, count(distinct s.household_id) as households from assessments s
    where s.assessed_on >= ${p.from} and s.assessed_on <= ${p.to}`.execute(ex);
  const byMonth = zeros(p);
  for (const r of rows.rows) addTo(p, byMonth, r.month, n(r.n));
  return { count: sum(byMonth), byMonth, residents: n(distinct.rows[0]?.residents), households: n(distinct.rows[0]?.households) };
});

const OUTCOMES = ['goalsMet', 'partlyMet', 'droppedOut', 'moved', 'referred'];

/** Cases: open on the last day, opened and closed in the period (by outcome), active in it. */
const cases = figure('cases', false, async (ex, p) => {
  const rows = await sql<{ opened_on: string; closed_on: string | null; outcome: string | null }>`
    select c.opened_on, c.closed_on, c.outcome from cases c
    where c.opened_on <= ${p.to} and (c.closed_on is null or c.closed_on >= ${p.from})`.execute(ex);
  const openedByMonth = zeros(p);
  const closedByMonth = zeros(p);
  const outcomes = new Map(OUTCOMES.map((code) => [code, 0]));
  let openAtEnd = 0;
  for (const c of rows.rows) {
    if (c.opened_on >= p.from) addTo(p, openedByMonth, c.opened_on.slice(0, 7), 1);
    if (c.closed_on !== null && c.closed_on <= p.to) {
      addTo(p, closedByMonth, c.closed_on.slice(0, 7), 1);
      if (c.outcome !== null) outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + 1);
    }
    if (c.closed_on === null || c.closed_on > p.to) openAtEnd++;
  }
  return {
    openAtEnd,
    opened: sum(openedByMonth),
    openedByMonth,
    closed: sum(closedByMonth),
    closedByMonth,
    closedByOutcome: [...outcomes.entries()].map(([code, count]) => ({ code, count })),
    active: rows.rows.length,
  };
});

/** Project participants recruited, taking part, completed and dropped out in the period, per project. */
const projects = figure('projects', true, async (ex, p) => {
  const rows = await sql<{ id: number; name: string; recruited: number; active: number; completed: number; dropped: number }>`
    select pr.id, pr.name,
      sum(pp.recruited_on >= ${p.from}) as recruited,
      count(*) as active,
      sum(pp.status = 'completed' and pp.ended_on <= ${p.to}) as completed,
      sum(pp.status = 'droppedOut' and pp.ended_on <= ${p.to}) as dropped
    from project_participants pp cross join projects pr on pr.id = pp.project_id
    where pp.recruited_on <= ${p.to} and (pp.ended_on is null or pp.ended_on >= ${p.from})
    group by pr.id, pr.name order by pr.starts_on, pr.id`.execute(ex);
  const list = rows.rows.map((r) => ({ code: `id:${r.id}`, name: r.name, recruited: n(r.recruited), active: n(r.active), completed: n(r.completed), dropped: n(r.dropped) }));
  return {
    recruited: sum(list.map((r) => r.recruited)),
    active: sum(list.map((r) => r.active)),
    completed: sum(list.map((r) => r.completed)),
    dropped: sum(list.map((r) => r.dropped)),
    rows: list,
  };
});

/** Done tasks by kind of help (reports.tasksByKind's definition: the day done, else scheduled). */
const tasksDone = figure('tasksDone', false, async (ex, p) => {
  const rows = await doneTasksByKind(ex, p);
  const byMonth = zeros(p);
  const byKind = new Map<number, { code: string; name: string | null; count: number; byMonth: number[] }>();
  for (const r of rows) {
    let row = byKind.get(r.kind_id);
    if (!row) {
      row = { code: kindCode(r.code, r.kind_id), name: r.code === null ? r.name : null, count: 0, byMonth: zeros(p) };
      byKind.set(r.kind_id, row);
    }
    row.count += n(r.n);
    addTo(p, row.byMonth, r.month, n(r.n));
    addTo(p, byMonth, r.month, n(r.n));
  }
  return { count: sum(byMonth), byMonth, rows: [...byKind.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)) };
});

/** Minutes volunteers logged on done tasks plus minutes of volunteers who helped run an event (read with the volunteers involved). */
const volunteerHours = figure('volunteerHours', false, async (ex, p) => {
  const byMonth = zeros(p);
  let unlogged = 0;
  for (const v of await involvedOf(ex, p)) {
    for (const [m, minutes] of v.months) addTo(p, byMonth, m, minutes);
    unlogged += v.unlogged;
  }
  return { minutes: sum(byMonth), byMonth, unlogged };
});

function involvedOf(ex: Executor, p: Period): Promise<InvolvedVolunteer[]> {
  let found = p.cache.get('volunteers') as Promise<InvolvedVolunteer[]> | undefined;
  if (!found) {
    found = volunteersInvolved(ex, p.from, p.to);
    p.cache.set('volunteers', found);
  }
  return found;
}

/** Volunteers involved (reports.volunteersActive's definition), regular and occasional, once each. */
const volunteers = figure('volunteers', true, async (ex, p) => {
  const involved = await involvedOf(ex, p);
  const perMonth = p.months.map(() => new Set<number>());
  for (const v of involved) for (const m of v.months.keys()) perMonth[p.months.indexOf(m)]?.add(v.id);
  const regular = involved.filter((v) => v.isRegular).length;
  return { involved: involved.length, regular, occasional: involved.length - regular, involvedByMonth: perMonth.map((s) => s.size) };
});

/** Involved volunteers who are specialists. */
const specialists = figure('specialists', true, async (ex, p) => {
  const involved = await involvedOf(ex, p);
  return { count: involved.filter((v) => v.specialist).length };
});

const EVENT_KINDS = ['masterClass', 'consultationDay', 'awarenessEvent', 'campaign', 'partnerMeeting', 'distributionDay', 'streetWork', 'mobileTeamTrip'];

/**
 * Events held (the day they start), named attendance, distinct people and head counts, per kind.
 * An erased resident's attendance keeps its row without the link: it still counts, as one person.
 */
const events = figure('events', false, async (ex, p) => {
  const rows = await sql<{ id: number; kind: string; starts_on: string; attended: number; counted: number }>`
    select e.id, e.kind, e.starts_on,
      (select count(*) from event_attendance a where a.event_id = e.id and a.status = 'attended') as attended,
      coalesce((select sum(h.count) from event_head_counts h where h.event_id = e.id), 0) as counted
    from events e where e.starts_on >= ${p.from} and e.starts_on <= ${p.to}`.execute(ex);
  const people = await sql<{ kind: string | null; n: number }>`
    select e.kind, count(distinct a.resident_id) + sum(a.resident_id is null) as n from events e cross join event_attendance a on a.event_id = e.id
    where e.starts_on >= ${p.from} and e.starts_on <= ${p.to} and a.status = 'attended'
    group by e.kind
    union all
    select null, count(distinct a.resident_id) + sum(a.resident_id is null) from events e cross join event_attendance a on a.event_id = e.id
    where e.starts_on >= ${p.from} and e.starts_on <= ${p.to} and a.status = 'attended'`.execute(ex);
  const heldByMonth = zeros(p);
  const attendancesByMonth = zeros(p);
  const headCountsByMonth = zeros(p);
  const byKind = new Map(EVENT_KINDS.map((code) => [code, { code, held: 0, attendances: 0, people: 0, headCounts: 0 }]));
  for (const e of rows.rows) {
    const m = e.starts_on.slice(0, 7);
    addTo(p, heldByMonth, m, 1);
    addTo(p, attendancesByMonth, m, n(e.attended));
    addTo(p, headCountsByMonth, m, n(e.counted));
    const k = byKind.get(e.kind);
    if (!k) continue;
    k.held++;
    k.attendances += n(e.attended);
    k.headCounts += n(e.counted);
  }
  let total = 0;
  for (const r of people.rows) {
    if (r.kind === null) total = n(r.n);
    else {
      const k = byKind.get(r.kind);
      if (k) k.people = n(r.n);
    }
  }
  return {
    held: sum(heldByMonth),
    heldByMonth,
    attendances: sum(attendancesByMonth),
    attendancesByMonth,
    people: total,
    headCounts: sum(headCountsByMonth),
    headCountsByMonth,
    rows: [...byKind.values()],
  };
});

/** In-kind aid given (after corrections) by item, the people and households given it, outreach head counts. */
const aidGiven = figure('aidGiven', false, async (ex, p) => {
  const rows = await sql<{ item_id: number; name: string; size: string; unit: string; month: string; quantity: number; people: number }>`
    select i.id as item_id, i.name, i.size, i.unit, g.month, g.quantity, 0 as people from (
      select m.item_id, substr(m.on_date, 1, 7) as month,
        -sum(m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0)) as quantity
      from aid_movements m where m.on_date >= ${p.from} and m.on_date <= ${p.to} and m.kind = 'given'
      group by m.item_id, month
    ) g cross join aid_items i on i.id = g.item_id`.execute(ex);
  const receivers = await sql<{ item_id: number | null; people: number; households: number }>`
    select item_id, count(distinct resident_id) as people, count(distinct case when resident_id is null then household_id end) as households from (
      select m.item_id, m.resident_id, m.household_id from aid_movements m
      where m.on_date >= ${p.from} and m.on_date <= ${p.to} and m.kind = 'given'
        and (m.resident_id is not null or m.household_id is not null)
        and m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0) <> 0
    ) group by item_id
    union all
    select null, count(distinct m.resident_id), count(distinct case when m.resident_id is null then m.household_id end) from aid_movements m
    where m.on_date >= ${p.from} and m.on_date <= ${p.to} and m.kind = 'given'
      and (m.resident_id is not null or m.household_id is not null)
      and m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0) <> 0`.execute(ex);
  const peopleOf = new Map<number, number>();
  let people = 0;
  let householdsGiven = 0;
  for (const r of receivers.rows) {
    if (r.item_id === null) {
      people = n(r.people);
      householdsGiven = n(r.households);
    } else peopleOf.set(r.item_id, n(r.people));
  }
  const byItem = new Map<number, Computed<'aidGiven'>['rows'][number]>();
  for (const r of rows.rows) {
    let row = byItem.get(r.item_id);
    if (!row) {
      row = { code: `id:${r.item_id}`, name: r.name, size: r.size, unit: r.unit, quantity: 0, byMonth: zeros(p), people: peopleOf.get(r.item_id) ?? 0 };
      byItem.set(r.item_id, row);
    }
    row.quantity += n(r.quantity);
    addTo(p, row.byMonth, r.month, n(r.quantity));
  }
  const heads = await sql<{ head_count: number }>`
    select m.head_count from aid_movements m
    where m.on_date >= ${p.from} and m.on_date <= ${p.to} and m.kind = 'given' and m.resident_id is null and m.household_id is null and m.head_count is not null
    group by m.on_date, m.event_id, m.head_count`.execute(ex);
  return {
    people,
    households: householdsGiven,
    headCounts: sum(heads.rows.map((h) => n(h.head_count))),
    rows: [...byItem.values()].filter((r) => r.quantity !== 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.size < b.size ? -1 : 1)),
  };
});

/**
 * People under regular care (care.list's list: residents marked for regular care) in a period:
 * those under care on any of its days (care_periods, migration 20261206_1920: kept from the
 * flag by triggers, so a resident taken under care after the period, or no longer under care
 * before it, is not counted) who had not moved away or died before its first day. A resident
 * erased since keeps their past care and is counted.
 */
const underRegularCare = figure('underRegularCare', true, async (ex, p) => {
  const r = await sql<{ n: number }>`
    select count(distinct c.resident_id) as n from care_periods c cross join residents r on r.id = c.resident_id
    where c.from_on <= ${p.to} and (c.to_on is null or c.to_on >= ${p.from}) and (r.left_on is null or r.left_on >= ${p.from})`.execute(ex);
  return { count: n(r.rows[0]?.n) };
});

/** Shelter nights in the period (additive) and the distinct residents sheltered. */
const shelter = figure('shelter', false, async (ex, p) => {
  const nightsByMonth = zeros(p);
  const people = new Set<number>();
  let householdStays = 0;
  for (const s of await shelterStays(ex, p)) {
    const nights = stayNights(p, s);
    if (nights.size === 0) continue;
    for (const [m, c] of nights) addTo(p, nightsByMonth, m, c);
    if (s.resident_id !== null) people.add(s.resident_id);
    else householdStays++;
  }
  return { nights: sum(nightsByMonth), nightsByMonth, people: people.size, householdStays };
});

/** The cash book's income and expenses (no transfers), in-kind contributions, grants' plan vs spent. */
const money = figure('money', false, async (ex, p) => {
  const currency = (await sql<{ value: string }>`select value from settings where key = 'currency'`.execute(ex)).rows[0]?.value ?? '';
  const entries = await sql<{ month: string; direction: string; amount: number }>`
    select e.month_key as month, c.direction, sum(e.amount_minor) as amount
    from cash_entries e cross join cash_categories c on c.id = e.category_id
    where e.entry_date >= ${p.from} and e.entry_date <= ${p.to} and e.transfer_group is null
    group by e.month_key, c.direction`.execute(ex);
  const incomeByMonth = zeros(p);
  const expensesByMonth = zeros(p);
  for (const r of entries.rows) {
    if (r.direction === 'income') addTo(p, incomeByMonth, r.month, n(r.amount));
    else addTo(p, expensesByMonth, r.month, -n(r.amount));
  }
  const inKind = await sql<{ month: string; amount: number }>`
    select k.month_key as month, sum(k.value_minor) as amount from in_kind k
    where k.entry_date >= ${p.from} and k.entry_date <= ${p.to} group by k.month_key`.execute(ex);
  const inKindByMonth = zeros(p);
  for (const r of inKind.rows) addTo(p, inKindByMonth, r.month, n(r.amount));
  const grants = await sql<{ id: number; title: string; funder: string; amount_minor: number; currency: string; spent: number }>`
    select g.id, g.title, g.funder, g.amount_minor, g.currency,
      coalesce((select -sum(e.amount_minor) from cash_entries e where e.grant_id = g.id and e.budget_line_id is not null
        and e.entry_date >= ${p.from} and e.entry_date <= ${p.to}), 0) as spent
    from grants g where g.starts_on <= ${p.to} and g.ends_on >= ${p.from} order by g.starts_on, g.id`.execute(ex);
  return {
    currency,
    incomeMinor: sum(incomeByMonth),
    incomeByMonth,
    expensesMinor: sum(expensesByMonth),
    expensesByMonth,
    inKindMinor: sum(inKindByMonth),
    inKindByMonth,
    grants: grants.rows.map((g) => ({ code: `id:${g.id}`, name: g.title, funder: g.funder, plannedMinor: n(g.amount_minor), actualMinor: n(g.spent), currency: g.currency })),
  };
});

/** Every figure, in the report's order (REPORT_FIGURES). */
export const FIGURES = [
  peopleReached,
  newResidents,
  households,
  servicesByKind,
  requestsByStatus,
  assessments,
  cases,
  projects,
  tasksDone,
  volunteerHours,
  volunteers,
  specialists,
  events,
  aidGiven,
  underRegularCare,
  shelter,
  money,
] as const satisfies readonly Figure[];
