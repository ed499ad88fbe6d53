/**
 * Funder-safe aggregates and the grant report (issue 14). Definitions, once:
 *
 * A resident is reached in a period (from … to, both days included) by any of these contacts,
 * each a kind of contact of the `byContact` table:
 * - request: a request registered in the period (whatever its status);
 * - service: a task done for them in the period (its done day, else its planned day);
 * - event: attendance marked "attended" at an event held in the period;
 * - aid: in-kind aid handed to them in the period;
 * - assessment: a needs assessment of them in the period;
 * - caseContact: a contact of their own case in the period;
 * - project: project activity attended in the period;
 * - shelter: a shelter stay overlapping the period.
 * People reached = distinct residents with any of them, each counted once however often and in
 * however many ways they came; the kinds overlap, so `byContact` has no total. Unnamed attendance
 * (head counts) is never added into people reached: it has its own table.
 *
 * Erasure keeps requests and tasks on the anonymised resident, so an erased person is still
 * counted through those; the other contacts lose the link to the person on erasure and then no
 * longer count them.
 *
 * Every table is suppressed by `suppressTable` (shared/domain/aggregates.ts) before it leaves
 * the core: the counts below the threshold never reach the caller.
 */
import { sql } from 'kysely';
import { AppError } from '../../../../shared/api/errors';
import {
  AGE_BANDS,
  ageBand,
  CONTACT_KINDS,
  DEFAULT_THRESHOLD,
  HEAD_COUNT_BANDS,
  LIVING_SITUATIONS,
  livingSituation,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  showCell,
  suppressTable,
  THRESHOLD_KEY,
  type AggregateTable,
  type AggregateTableId,
  type AggregatesReport,
  type GrantActivity,
  type GrantReport,
} from '../../../../shared/domain/aggregates';
import type { Language } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { grantsService } from '../grants/grants.service';
import { FIGURES, periodOf } from './figures';
import { computeFigures, definitionsIn, languageOf } from './reports.service';

/** Bit of each kind of contact in the per-resident mask (sum(distinct …) of powers of two is their OR). */
const BIT: Record<(typeof CONTACT_KINDS)[number], number> = { request: 1, service: 2, event: 4, aid: 8, assessment: 16, caseContact: 32, project: 64, shelter: 128 };

export async function readThreshold(ex: Executor): Promise<number | null> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', THRESHOLD_KEY).executeTakeFirst();
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= MIN_THRESHOLD && n <= MAX_THRESHOLD ? n : null;
}

interface ReachedRow {
  kinds: number;
  /** The service kinds they were served with in the period (ids, comma-separated), or null. */
  served: string | null;
  birth_year: number | null;
  settlement: string;
  lives_alone: number;
  household_size: number | null;
}

/**
 * One row per resident reached in the period: the kinds of contact (bit mask), the service kinds
 * they were served with (a done task, or a request done, of that kind) and what the tables group
 * by (no name, no address). One pass over each table of contacts.
 */
export async function reachedResidents(ex: Executor, from: string, to: string): Promise<ReachedRow[]> {
  const { rows } = await sql<ReachedRow>`
    with contacts(resident_id, kind, kind_id) as (
      select resident_id, ${BIT.request}, case when status = 'done' then kind_id end from requests where created_on between ${from} and ${to}
      union all
      select resident_id, ${BIT.service}, kind_id from tasks where status = 'done' and coalesce(done_on, scheduled_on) between ${from} and ${to}
      union all
      select a.resident_id, ${BIT.event}, null from events e join event_attendance a on a.event_id = e.id
        where e.starts_on between ${from} and ${to} and a.status = 'attended' and a.resident_id is not null
      union all
      select resident_id, ${BIT.aid}, null from aid_movements where on_date between ${from} and ${to} and kind = 'given' and resident_id is not null
      union all
      select resident_id, ${BIT.assessment}, null from assessments where assessed_on between ${from} and ${to} and resident_id is not null
      union all
      select c.resident_id, ${BIT.caseContact}, null from case_contacts cc join cases c on c.id = cc.case_id
        where cc.contact_on between ${from} and ${to} and c.resident_id is not null
      union all
      select p.resident_id, ${BIT.project}, null from project_attendance pa join project_participants p on p.id = pa.participant_id
        where pa.attended_on between ${from} and ${to} and p.resident_id is not null
      union all
      select resident_id, ${BIT.shelter}, null from shelter_stays
        where checked_in_on <= ${to} and (checked_out_on is null or checked_out_on >= ${from}) and resident_id is not null
    ),
    per as (select resident_id, sum(distinct kind) as kinds, group_concat(distinct kind_id) as served from contacts group by resident_id)
    select per.kinds, per.served, r.birth_year, r.settlement, r.lives_alone, r.household_size
    from per join residents r on r.id = per.resident_id`.execute(ex);
  return rows;
}

/** Distinct residents served per service kind (from reachedResidents' lists), in the catalogue's order. */
async function byServiceKind(ex: Executor, people: ReachedRow[]) {
  const counts = new Map<number, number>();
  for (const p of people) {
    if (p.served === null) continue;
    for (const id of p.served.split(',')) counts.set(Number(id), (counts.get(Number(id)) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const kinds = await ex.selectFrom('service_kinds').select(['id', 'code', 'name']).where('id', 'in', [...counts.keys()]).orderBy('sort_order').orderBy('id').execute();
  return kinds.map((k) => ({ code: k.code, name: k.name, people: counts.get(k.id) ?? 0 }));
}

/** Unnamed head counts of the events held in the period, by kind of event and band. */
async function headCounts(ex: Executor, from: string, to: string) {
  return ex
    .selectFrom('events as e')
    .innerJoin('event_head_counts as h', 'h.event_id', 'e.id')
    .select(['e.kind', 'h.band', (eb) => eb.fn.sum<number>('h.count').as('n')])
    .where('e.starts_on', '>=', from)
    .where('e.starts_on', '<=', to)
    .groupBy(['e.kind', 'h.band'])
    .execute();
}

interface RawTable {
  id: AggregateTableId;
  rows: string[];
  rowsAreNames: boolean[];
  columns: string[];
  colTotals: boolean;
  rowTotals: boolean;
  values: number[][];
}

function finish(t: RawTable, threshold: number): AggregateTable {
  const marks = suppressTable(t.values, { threshold, rowTotals: t.rowTotals, colTotals: t.colTotals });
  return {
    id: t.id,
    rows: t.rows,
    rowsAreNames: t.rowsAreNames,
    columns: t.columns,
    colTotals: t.colTotals,
    rowTotals: t.rowTotals,
    cells: t.values.map((row, r) => row.map((v, c) => showCell(v, marks[r]![c]!, threshold))),
  };
}

/** A one-column table of people with its total row (the rows partition the people reached). */
function partition(id: AggregateTableId, labels: string[], names: boolean[], counts: number[], total: number): RawTable {
  return {
    id,
    rows: [...labels, 'aggregates:total'],
    rowsAreNames: [...names, false],
    columns: ['aggregates:people'],
    colTotals: true,
    rowTotals: false,
    values: [...counts.map((n) => [n]), [total]],
  };
}

export function aggregatesService(deps: CoreDeps) {
  const { db } = deps;
  return {
    async threshold(): Promise<{ threshold: number; isDefault: boolean }> {
      const t = await readThreshold(db);
      return { threshold: t ?? DEFAULT_THRESHOLD, isDefault: t === null };
    },

    async setThreshold(threshold: number): Promise<{ threshold: number; isDefault: boolean }> {
      await db
        .insertInto('settings')
        .values({ key: THRESHOLD_KEY, value: String(threshold) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(threshold) }))
        .execute();
      return { threshold, isDefault: false };
    },

    async aggregates(input: { from: string; to: string; threshold?: number | undefined }): Promise<AggregatesReport> {
      const { from, to } = input;
      const threshold = input.threshold ?? (await readThreshold(db)) ?? DEFAULT_THRESHOLD;
      const ageYear = Number(to.slice(0, 4));
      const people = await reachedResidents(db, from, to);
      const total = people.length;

      const tables: RawTable[] = [];
      // By kind of contact: the kinds overlap (one person, several kinds), so no total row.
      tables.push({
        id: 'byContact',
        rows: CONTACT_KINDS.map((k) => `aggregates:contact.${k}`),
        rowsAreNames: CONTACT_KINDS.map(() => false),
        columns: ['aggregates:people'],
        colTotals: false,
        rowTotals: false,
        values: CONTACT_KINDS.map((k) => [people.filter((p) => (p.kinds & BIT[k]) !== 0).length]),
      });

      // By service kind: overlapping too (no total).
      const kinds = await byServiceKind(db, people);
      tables.push({
        id: 'byServiceKind',
        rows: kinds.map((k) => (k.code !== null ? `catalogue:kinds.${k.code}` : (k.name ?? ''))),
        rowsAreNames: kinds.map((k) => k.code === null),
        columns: ['aggregates:people'],
        colTotals: false,
        rowTotals: false,
        values: kinds.map((k) => [Number(k.people)]),
      });

      const count = <K extends string>(keys: readonly K[], keyOf: (p: ReachedRow) => K) => {
        const m = new Map<K, number>(keys.map((k) => [k, 0]));
        for (const p of people) {
          const k = keyOf(p);
          m.set(k, (m.get(k) ?? 0) + 1);
        }
        return keys.map((k) => m.get(k) ?? 0);
      };
      tables.push(partition('byAge', AGE_BANDS.map((b) => `aggregates:age.${b}`), AGE_BANDS.map(() => false), count(AGE_BANDS, (p) => ageBand(p.birth_year, ageYear)), total));

      const settlements = new Map<string, number>();
      for (const p of people) {
        const s = p.settlement.trim();
        settlements.set(s, (settlements.get(s) ?? 0) + 1);
      }
      const named = [...settlements.keys()].filter((s) => s !== '').sort((a, b) => a.localeCompare(b));
      const settlementRows = settlements.has('') ? [...named, ''] : named;
      tables.push(
        partition(
          'bySettlement',
          settlementRows.map((s) => (s === '' ? 'aggregates:notRecorded' : s)),
          settlementRows.map((s) => s !== ''),
          settlementRows.map((s) => settlements.get(s) ?? 0),
          total,
        ),
      );

      tables.push(
        partition(
          'byLivingSituation',
          LIVING_SITUATIONS.map((l) => `aggregates:living.${l}`),
          LIVING_SITUATIONS.map(() => false),
          count(LIVING_SITUATIONS, (p) => livingSituation(p.lives_alone === 1, p.household_size)),
          total,
        ),
      );

      // Head counts: event kinds (rows) × bands (columns), each row's total and each column's.
      const heads = await headCounts(db, from, to);
      const eventKinds = [...new Set(heads.map((h) => h.kind))].sort();
      const grid = eventKinds.map((k) => HEAD_COUNT_BANDS.map((b) => Number(heads.find((h) => h.kind === k && h.band === b)?.n ?? 0)));
      const withRowTotals = grid.map((row) => [...row, row.reduce((s, v) => s + v, 0)]);
      const colTotal = HEAD_COUNT_BANDS.map((_, c) => grid.reduce((s, row) => s + row[c]!, 0));
      withRowTotals.push([...colTotal, colTotal.reduce((s, v) => s + v, 0)]);
      tables.push({
        id: 'headCounts',
        rows: [...eventKinds.map((k) => `events:kind.${k}`), 'aggregates:total'],
        rowsAreNames: [...eventKinds.map(() => false), false],
        columns: [...HEAD_COUNT_BANDS.map((b) => `aggregates:band.${b}`), 'aggregates:total'],
        colTotals: true,
        rowTotals: true,
        values: withRowTotals,
      });

      const reachedMark = suppressTable([[total]], { threshold, rowTotals: false, colTotals: false })[0]![0]!;
      return {
        from,
        to,
        threshold,
        ageYear,
        peopleReached: showCell(total, reachedMark, threshold),
        tables: tables.map((t) => finish(t, threshold)),
      };
    },

    async grant(grantId: number, actor: Actor, language?: Language): Promise<GrantReport> {
      const view = await grantsService(deps).get(grantId).catch((e: unknown) => {
        throw e instanceof AppError ? e : new AppError('notFound', `Grant ${grantId} not found`);
      });
      const lines = view.lines.map((l) => ({
        id: l.id,
        name: l.name,
        plannedMinor: l.plannedMinor,
        actualMinor: l.actualMinor,
        differenceMinor: l.plannedMinor - l.actualMinor,
        percentSpent: l.percentSpent,
      }));
      const projects = await db.selectFrom('projects').select(['id', 'name']).where('grant_id', '=', grantId).orderBy('id').execute();
      const counts =
        projects.length === 0
          ? []
          : await db
              .selectFrom('project_participants')
              .select(['project_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
              .where(
                'project_id',
                'in',
                projects.map((p) => p.id),
              )
              .groupBy(['project_id', 'status'])
              .execute();
      const of = (projectId: number | null, status: string) =>
        counts.filter((c) => (projectId === null || c.project_id === projectId) && c.status === status).reduce((s, c) => s + Number(c.n), 0);
      const tally = (projectId: number | null) => {
        const active = of(projectId, 'active');
        const completed = of(projectId, 'completed');
        const droppedOut = of(projectId, 'droppedOut');
        return { recruited: active + completed + droppedOut, active, completed, droppedOut };
      };
      // The activity of the grant's period: the results report's figures, without its money
      // (the lines above are the grant's money; the centre's whole cash book is not the grant's).
      const p = periodOf(view.startsOn, view.endsOn, deps.clock.today());
      const activity = {
        from: p.from,
        to: p.to,
        months: p.months,
        ...(await computeFigures(db, p, false, deps.figures)),
        definitions: definitionsIn(await languageOf(db, actor, language)),
        distinct: FIGURES.filter((f) => f.distinct && f.key !== 'money').map((f) => f.key),
      } as GrantActivity;
      return {
        grantId: view.id,
        title: view.title,
        funder: view.funder,
        startsOn: view.startsOn,
        endsOn: view.endsOn,
        currency: view.currency,
        amountMinor: view.amountMinor,
        lines,
        unassignedMinor: view.unassignedMinor,
        plannedMinor: lines.reduce((s, l) => s + l.plannedMinor, 0),
        actualMinor: lines.reduce((s, l) => s + l.actualMinor, 0) + view.unassignedMinor,
        projects: projects.map((p) => ({ id: p.id, name: p.name, ...tally(p.id) })),
        participants: tally(null),
        activity,
      };
    },
  };
}
