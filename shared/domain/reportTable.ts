/**
 * The results report as table rows (issue 14): one section per figure, each with its title, its
 * definition sentence and rows of (row, measure, the period's number, one number per month). The
 * XLSX, the CSV and the printable HTML of the core and the screen's tables read the same rows, so
 * a number is the same wherever it is shown.
 *
 * - `label` is the breakdown's row (a kind, a status, a settlement, an item, a project) or '' for
 *   the figure as a whole.
 * - `byMonth` is null where the figure has no months; `distinct` marks series whose months are
 *   not to be added (people, families, volunteers).
 * - Money rows carry `currency`: their numbers are minor units.
 * - Volunteer time is shown in hours (one decimal), as the figure's title says.
 */
import type { PeopleFigure, ReportFigure, ResultsReport } from './reports';

export type ReportTranslate = (key: string, vars?: Record<string, unknown>) => string;

export interface ReportTableRow {
  label: string;
  measure: string;
  total: number;
  byMonth: number[] | null;
  distinct: boolean;
  /** Money rows: the currency of their minor units. */
  currency?: string;
  /** The named list behind the number (reports.people): its figure and breakdown row. */
  list?: { figure: PeopleFigure; code?: string };
}

/**
 * A report as the core answers it or as a screen receives it: the money group's fields reach only
 * the roles that see money, so a screen's type has them optional.
 */
type Money = NonNullable<ResultsReport['money']>;
export type ReportInput = Omit<ResultsReport, 'money'> & {
  money?: (Partial<Omit<Money, 'grants'>> & { grants?: Array<Partial<Money['grants'][number]>> | undefined }) | undefined;
};

export interface ReportSection {
  key: ReportFigure;
  title: string;
  definition: string;
  rows: ReportTableRow[];
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The sections of a report in the order of the report, translated with `t` (namespaces reports, catalogue, common, events). */
export function reportSections(r: ReportInput, t: ReportTranslate): ReportSection[] {
  const m = (key: string) => t(`reports:measures.${key}`);
  const sections: ReportSection[] = [];
  const section = (key: ReportFigure, rows: ReportTableRow[]) =>
    sections.push({ key, title: t(`reports:figures.${key}`), definition: r.definitions[key] ?? t(`reports:definitions.${key}`), rows });
  const row = (label: string, measure: string, total: number, byMonth: number[] | null = null, distinct = false): ReportTableRow => ({
    label,
    measure: m(measure),
    total,
    byMonth,
    distinct,
  });
  const kind = (code: string, name: string | null) => name ?? t(`catalogue:kinds.${code}`);
  const listed = (x: ReportTableRow, figure: PeopleFigure, code?: string): ReportTableRow => ({ ...x, list: code === undefined ? { figure } : { figure, code } });

  const p = r.peopleReached;
  section('peopleReached', [
    listed(row('', 'named', p.named, p.namedByMonth, true), 'peopleReached'),
    row('', 'headCounts', p.headCounts, p.headCountsByMonth),
    ...p.bySettlement.map((s) => row(s.code === '' ? t('reports:table.noSettlement') : s.code, 'named', s.count)),
  ]);
  section('newResidents', [listed(row('', 'count', r.newResidents.count, r.newResidents.byMonth), 'newResidents')]);
  const h = r.households;
  section('households', [
    row('', 'families', h.families, h.familiesByMonth, true),
    row('', 'households', h.households),
    row('', 'personsWithoutHousehold', h.personsWithoutHousehold),
  ]);
  const s = r.servicesByKind;
  section('servicesByKind', [
    row('', 'total', s.total, s.byMonth),
    ...s.rows.flatMap((x) => [row(kind(x.code, x.name), 'count', x.count, x.byMonth), listed(row(kind(x.code, x.name), 'people', x.people), 'servicesByKind', x.code)]),
  ]);
  const q = r.requestsByStatus;
  section('requestsByStatus', [row('', 'total', q.total, q.byMonth), ...q.rows.map((x) => row(t(`common:status.${x.code}`), 'count', x.count, x.byMonth))]);
  const a = r.assessments;
  section('assessments', [row('', 'count', a.count, a.byMonth), listed(row('', 'residents', a.residents), 'assessments'), row('', 'households', a.households)]);
  const c = r.cases;
  section('cases', [
    row('', 'openAtEnd', c.openAtEnd),
    row('', 'opened', c.opened, c.openedByMonth),
    row('', 'closed', c.closed, c.closedByMonth),
    listed(row('', 'active', c.active), 'cases'),
    ...c.closedByOutcome.map((x) => listed(row(t(`common:case.outcome.${x.code}`), 'closed', x.count), 'cases', x.code)),
  ]);
  const pr = r.projects;
  section('projects', [
    row('', 'recruited', pr.recruited),
    listed(row('', 'active', pr.active), 'projects'),
    row('', 'completed', pr.completed),
    row('', 'dropped', pr.dropped),
    ...pr.rows.flatMap((x) => [row(x.name, 'recruited', x.recruited), listed(row(x.name, 'active', x.active), 'projects', x.code), row(x.name, 'completed', x.completed), row(x.name, 'dropped', x.dropped)]),
  ]);
  const td = r.tasksDone;
  section('tasksDone', [row('', 'count', td.count, td.byMonth), ...td.rows.map((x) => row(kind(x.code, x.name), 'count', x.count, x.byMonth))]);
  const vh = r.volunteerHours;
  section('volunteerHours', [row('', 'hours', hours(vh.minutes), vh.byMonth.map(hours)), row('', 'unlogged', vh.unlogged)]);
  const v = r.volunteers;
  section('volunteers', [row('', 'involved', v.involved, v.involvedByMonth, true), row('', 'regular', v.regular), row('', 'occasional', v.occasional)]);
  section('specialists', [row('', 'count', r.specialists.count)]);
  const e = r.events;
  section('events', [
    row('', 'held', e.held, e.heldByMonth),
    row('', 'attendances', e.attendances, e.attendancesByMonth),
    listed(row('', 'people', e.people), 'events'),
    row('', 'headCounts', e.headCounts, e.headCountsByMonth),
    ...e.rows.flatMap((x) => {
      const label = t(`events:kind.${x.code}`);
      return [row(label, 'held', x.held), row(label, 'attendances', x.attendances), listed(row(label, 'people', x.people), 'events', x.code), row(label, 'headCounts', x.headCounts)];
    }),
  ]);
  const ag = r.aidGiven;
  section('aidGiven', [
    listed(row('', 'people', ag.people), 'aidGiven'),
    row('', 'households', ag.households),
    row('', 'headCounts', ag.headCounts),
    ...ag.rows.flatMap((x) => {
      const label = x.size ? `${x.name}, ${x.size}` : x.name;
      return [{ ...row(label, 'quantity', x.quantity, x.byMonth), measure: `${m('quantity')} (${x.unit})` }, listed(row(label, 'people', x.people), 'aidGiven', x.code)];
    }),
  ]);
  section('underRegularCare', [listed(row('', 'count', r.underRegularCare.count), 'underRegularCare')]);
  const sh = r.shelter;
  section('shelter', [row('', 'nights', sh.nights, sh.nightsByMonth), listed(row('', 'people', sh.people), 'shelter'), row('', 'householdStays', sh.householdStays)]);
  if (r.money?.currency !== undefined) {
    const money = r.money;
    const mo = {
      currency: money.currency ?? '',
      incomeMinor: money.incomeMinor ?? 0,
      incomeByMonth: money.incomeByMonth ?? [],
      expensesMinor: money.expensesMinor ?? 0,
      expensesByMonth: money.expensesByMonth ?? [],
      inKindMinor: money.inKindMinor ?? 0,
      inKindByMonth: money.inKindByMonth ?? [],
      grants: (money.grants ?? []).map((g) => ({
        name: g.name ?? '',
        funder: g.funder ?? '',
        plannedMinor: g.plannedMinor ?? 0,
        actualMinor: g.actualMinor ?? 0,
        currency: g.currency ?? money.currency ?? '',
      })),
    };
    const cur = (x: ReportTableRow, currency: string): ReportTableRow => ({ ...x, currency });
    section('money', [
      cur(row('', 'income', mo.incomeMinor, mo.incomeByMonth), mo.currency),
      cur(row('', 'expenses', mo.expensesMinor, mo.expensesByMonth), mo.currency),
      cur(row('', 'inKind', mo.inKindMinor, mo.inKindByMonth), mo.currency),
      ...mo.grants.flatMap((g) => {
        const label = g.funder ? `${g.name} (${g.funder})` : g.name;
        return [cur(row(label, 'planned', g.plannedMinor), g.currency), cur(row(label, 'actual', g.actualMinor), g.currency)];
      }),
    ]);
  }
  return sections;
}

/** The first day of the period of the same length just before [from, to] (both included). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const f = Date.parse(`${from}T00:00:00Z`);
  const tt = Date.parse(`${to}T00:00:00Z`);
  const length = Math.round((tt - f) / day) + 1;
  // Whole months (1st to last day) step back by the same number of months.
  const fd = new Date(f);
  const td = new Date(tt + day);
  if (fd.getUTCDate() === 1 && td.getUTCDate() === 1) {
    const months = (td.getUTCFullYear() - fd.getUTCFullYear()) * 12 + (td.getUTCMonth() - fd.getUTCMonth());
    const start = new Date(Date.UTC(fd.getUTCFullYear(), fd.getUTCMonth() - months, 1));
    return { from: start.toISOString().slice(0, 10), to: new Date(f - day).toISOString().slice(0, 10) };
  }
  return { from: new Date(f - length * day).toISOString().slice(0, 10), to: new Date(f - day).toISOString().slice(0, 10) };
}
