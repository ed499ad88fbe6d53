/**
 * The results report as rows of one table: the one flattening for the command line's CSV, the
 * spreadsheet export and the screen's download. Columns: figure, measure, row (a breakdown's
 * row: a kind, a status, an item…; empty for the figure's own numbers), the period's number, then
 * one column per month (empty where the figure has no monthly series), then the figure's
 * definition (on its first row). Numbers stay numbers; names are translated in the language given.
 *
 * Distinct figures (people, families, volunteers) carry their months too, and the period's number
 * is not their sum: the definition says so, and `distinct` in the JSON lists them.
 */
import type { ReportFigure, ResultsReport } from '../../../../shared/domain/reports';
import { REPORT_FIGURES } from '../../../../shared/domain/reports';
import type { CoreTranslator } from '../../i18n';

export type Cell = string | number | null;

export interface ReportTable {
  columns: string[];
  rows: Cell[][];
}

/** A translated name where a key exists, else the fallback (the code). */
function label(t: CoreTranslator, key: string, fallback: string): string {
  return t.exists(key) ? t(key) : fallback;
}

export function resultsTable(report: ResultsReport, t: CoreTranslator): ReportTable {
  const months = report.months;
  const columns = [t('reports:columns.figure'), t('reports:columns.measure'), t('reports:columns.row'), t('reports:columns.total'), ...months, t('reports:columns.definition')];
  const rows: Cell[][] = [];
  const blank = months.map(() => null as Cell);
  for (const key of REPORT_FIGURES) {
    const figure = report[key as keyof ResultsReport] as unknown;
    if (figure === undefined) continue;
    const title = t(`reports:figures.${key}`);
    let first = true;
    const push = (measure: string, row: string, total: number, byMonth?: readonly number[]) => {
      rows.push([title, t(`reports:measures.${measure}`), row, total, ...(byMonth ? [...byMonth] : blank), first ? (report.definitions[key] ?? '') : null]);
      first = false;
    };
    flatten(key, report, push, t);
  }
  return { columns, rows };
}

type Push = (measure: string, row: string, total: number, byMonth?: readonly number[]) => void;

function flatten(key: ReportFigure, r: ResultsReport, push: Push, t: CoreTranslator): void {
  const kind = (code: string, name: string | null) => name ?? label(t, `catalogue:kinds.${code}`, code);
  switch (key) {
    case 'peopleReached':
      push('named', '', r.peopleReached.named, r.peopleReached.namedByMonth);
      push('headCounts', '', r.peopleReached.headCounts, r.peopleReached.headCountsByMonth);
      for (const s of r.peopleReached.bySettlement) push('named', s.code, s.count);
      return;
    case 'newResidents':
      push('count', '', r.newResidents.count, r.newResidents.byMonth);
      return;
    case 'households':
      push('families', '', r.households.families, r.households.familiesByMonth);
      push('households', '', r.households.households);
      push('personsWithoutHousehold', '', r.households.personsWithoutHousehold);
      return;
    case 'servicesByKind':
      push('total', '', r.servicesByKind.total, r.servicesByKind.byMonth);
      for (const row of r.servicesByKind.rows) push('count', kind(row.code, row.name), row.count, row.byMonth);
      return;
    case 'requestsByStatus':
      push('total', '', r.requestsByStatus.total, r.requestsByStatus.byMonth);
      for (const row of r.requestsByStatus.rows) push('count', label(t, `common:status.${row.code}`, row.code), row.count, row.byMonth);
      return;
    case 'assessments':
      push('count', '', r.assessments.count, r.assessments.byMonth);
      push('residents', '', r.assessments.residents);
      push('households', '', r.assessments.households);
      return;
    case 'cases':
      push('openAtEnd', '', r.cases.openAtEnd);
      push('opened', '', r.cases.opened, r.cases.openedByMonth);
      push('closed', '', r.cases.closed, r.cases.closedByMonth);
      for (const o of r.cases.closedByOutcome) push('closed', label(t, `common:case.outcome.${o.code}`, o.code), o.count);
      push('active', '', r.cases.active);
      return;
    case 'projects':
      for (const m of ['recruited', 'active', 'completed', 'dropped'] as const) push(m, '', r.projects[m]);
      for (const p of r.projects.rows) for (const m of ['recruited', 'active', 'completed', 'dropped'] as const) push(m, p.name, p[m]);
      return;
    case 'tasksDone':
      push('count', '', r.tasksDone.count, r.tasksDone.byMonth);
      for (const row of r.tasksDone.rows) push('count', kind(row.code, row.name), row.count, row.byMonth);
      return;
    case 'volunteerHours':
      push('minutes', '', r.volunteerHours.minutes, r.volunteerHours.byMonth);
      push('unlogged', '', r.volunteerHours.unlogged);
      return;
    case 'volunteers':
      push('involved', '', r.volunteers.involved, r.volunteers.involvedByMonth);
      push('regular', '', r.volunteers.regular);
      push('occasional', '', r.volunteers.occasional);
      return;
    case 'specialists':
      push('count', '', r.specialists.count);
      return;
    case 'events':
      push('held', '', r.events.held, r.events.heldByMonth);
      push('attendances', '', r.events.attendances, r.events.attendancesByMonth);
      push('people', '', r.events.people);
      push('headCounts', '', r.events.headCounts, r.events.headCountsByMonth);
      for (const row of r.events.rows) {
        if (row.held === 0) continue;
        const name = label(t, `events:kind.${row.code}`, row.code);
        push('held', name, row.held);
        push('attendances', name, row.attendances);
        push('people', name, row.people);
        push('headCounts', name, row.headCounts);
      }
      return;
    case 'aidGiven':
      push('people', '', r.aidGiven.people);
      push('households', '', r.aidGiven.households);
      push('headCounts', '', r.aidGiven.headCounts);
      for (const row of r.aidGiven.rows) {
        const unit = label(t, `aid:unitName.${row.unit}`, row.unit);
        push('quantity', [row.name, row.size].filter(Boolean).join(' ') + ` (${unit})`, row.quantity, row.byMonth);
      }
      return;
    case 'underRegularCare':
      push('count', '', r.underRegularCare.count);
      return;
    case 'shelter':
      push('nights', '', r.shelter.nights, r.shelter.nightsByMonth);
      push('people', '', r.shelter.people);
      push('householdStays', '', r.shelter.householdStays);
      return;
    case 'money': {
      const m = r.money;
      if (!m) return;
      push('income', m.currency, m.incomeMinor, m.incomeByMonth);
      push('expenses', m.currency, m.expensesMinor, m.expensesByMonth);
      push('inKind', m.currency, m.inKindMinor, m.inKindByMonth);
      for (const g of m.grants) {
        push('planned', `${g.funder}: ${g.name} (${g.currency})`, g.plannedMinor);
        push('actual', `${g.funder}: ${g.name} (${g.currency})`, g.actualMinor);
      }
      return;
    }
  }
}
