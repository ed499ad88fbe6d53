/**
 * The results report as files (issue 14), all from the same rows (shared/domain/reportTable.ts):
 * - XLSX (write-excel-file, as cashflow.export.ts): a first sheet with the centre, the period (date
 *   cells) and each figure's main number beside its definition, then one sheet per figure; headers
 *   translated, numbers as number cells (money in the currency's units with its decimals), months
 *   as date cells, text always a text cell ('@'), never a formula.
 * - CSV: the command line's (table.ts; the dialect of ../../export/csv.ts: UTF-8 BOM, ';', CRLF,
 *   formula-safe).
 * - HTML: one self-contained A4 page (inline CSS, no script, no outside resource) for headless
 *   Chromium to print as the command line's PDF (reports.pdf.ts).
 * Labels in the language asked (the core's translator over the same locale files as the screen).
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import { formatMoney, minorDigits } from '../../../../shared/domain/amounts';
import type { ResultsReport } from '../../../../shared/domain/reports';
import { reportSections, type ReportSection, type ReportTableRow } from '../../../../shared/domain/reportTable';
import type { Language } from '../../../../shared/domain/settings';
import { toCsv } from '../../export/csv';
import { translator, type CoreTranslator } from '../../i18n';
import { resultsTable } from './table';

export interface ReportDocument {
  centre: string;
  language: Language;
  report: ResultsReport;
  sections: ReportSection[];
  t: CoreTranslator;
}

export function reportDocument(report: ResultsReport, language: Language, centre: string): ReportDocument {
  const t = translator(language);
  return { centre, language, report, sections: reportSections(report, t), t };
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const monthDate = (month: string) => utcDate(`${month}-01`);

function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(monthDate(month));
}

function dateLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

/** A sheet's name: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

const units = (minor: number, currency: string) => {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
};
const numberFormat = (row: ReportTableRow) => {
  if (row.currency) {
    const digits = minorDigits(row.currency);
    return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  }
  return Number.isInteger(row.total) && (row.byMonth ?? []).every(Number.isInteger) ? '#,##0' : '#,##0.0';
};
const numberCell = (value: number, row: ReportTableRow): Cell => ({
  value: row.currency ? units(value, row.currency) : value,
  type: Number,
  format: numberFormat(row),
});
const textCell = (value: string, bold = false): Cell => ({ value, type: String, format: '@', fontWeight: bold ? 'bold' : undefined });
const dateCell = (iso: string, format: string): Cell => ({ value: utcDate(iso), type: Date, format });

/** The measure's header as written in the files: with the currency for money. */
const measureText = (row: ReportTableRow) => (row.currency ? `${row.measure}, ${row.currency}` : row.measure);

export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  const { t, report } = doc;
  const used = new Set<string>();
  const summary: Row[] = [
    [textCell(t('reports:title'), true)],
    [textCell(doc.centre)],
    [textCell(t('reports:table.from')), dateCell(report.from, 'dd.mm.yyyy')],
    [textCell(t('reports:table.to')), dateCell(report.to, 'dd.mm.yyyy')],
    [],
    [textCell(t('reports:columns.figure'), true), textCell(t('reports:columns.measure'), true), textCell(t('reports:columns.total'), true), textCell(t('reports:columns.definition'), true)],
    ...doc.sections.map((s): Row => {
      const first = s.rows[0]!;
      return [textCell(s.title), textCell(measureText(first)), numberCell(first.total, first), textCell(s.definition)];
    }),
  ];
  const sheets = [
    { data: summary, sheet: sheetName(t('reports:table.summarySheet'), used), columns: [{ width: 34 }, { width: 26 }, { width: 14 }, { width: 90 }] },
    ...doc.sections.map((s) => {
      const header: Row = [
        textCell(t('reports:columns.row'), true),
        textCell(t('reports:columns.measure'), true),
        textCell(t('reports:columns.total'), true),
        ...report.months.map((m) => dateCell(`${m}-01`, 'mmm yyyy')),
      ];
      const data: Row[] = [
        [textCell(s.title, true)],
        [textCell(s.definition)],
        [],
        header,
        ...s.rows.map((r): Row => [r.label === '' ? null : textCell(r.label), textCell(measureText(r)), numberCell(r.total, r), ...(r.byMonth ?? []).map((v) => numberCell(v, r))]),
      ];
      if (s.rows.some((r) => r.distinct)) data.push([], [textCell(t('reports:table.distinctNote'))]);
      return { data, sheet: sheetName(s.title, used), columns: [{ width: 34 }, { width: 26 }, { width: 12 }, ...report.months.map(() => ({ width: 11 }))] };
    }),
  ];
  return writeXlsxFile(sheets).toBuffer();
}

/**
 * The CSV of the report: the command line's (features/reports/table.ts: figure, measure, row, the
 * period, the months, the definition), so the screen's download and a script's file are the same.
 */
export function resultsCsv(report: ResultsReport, t: CoreTranslator): string {
  const table = resultsTable(report, t);
  return toCsv(table.columns, table.rows, { delimiter: ';', bom: true });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The report as one A4 HTML page (the print stylesheet inline) for the command line's PDF. */
export function reportHtml(doc: ReportDocument): string {
  const { t, report } = doc;
  const locale = t.locale;
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const show = (value: number, row: ReportTableRow) => (row.currency ? formatMoney(value, row.currency, locale) : nf.format(value));
  const months = report.months.map((m) => monthLabel(m, locale));
  // A year's twelve months fit A4 landscape; the table of a longer period shows the totals only.
  const withMonths = months.length <= 12;
  const period = `${dateLabel(report.from, locale)} – ${dateLabel(report.to, locale)}`;
  const sections = doc.sections
    .map((s) => {
      const head = `<tr><th class="label">${escapeHtml(t('reports:columns.row'))}</th><th class="label">${escapeHtml(t('reports:columns.measure'))}</th><th>${escapeHtml(
        t('reports:columns.total'),
      )}</th>${withMonths ? months.map((m) => `<th>${escapeHtml(m)}</th>`).join('') : ''}</tr>`;
      const body = s.rows
        .map(
          (r) =>
            `<tr${r.label === '' ? ' class="main"' : ''}><td class="label">${escapeHtml(r.label)}</td><td class="label">${escapeHtml(measureText(r))}${r.distinct ? ' *' : ''}</td><td>${escapeHtml(
              show(r.total, r),
            )}</td>${withMonths ? months.map((_, i) => `<td>${r.byMonth ? escapeHtml(show(r.byMonth[i] ?? 0, r)) : ''}</td>`).join('') : ''}</tr>`,
        )
        .join('');
      const note = s.rows.some((r) => r.distinct) ? `<p class="note">* ${escapeHtml(t('reports:table.distinctNote'))}</p>` : '';
      return `<section><h2>${escapeHtml(s.title)}</h2><p class="definition">${escapeHtml(s.definition)}</p><table><thead>${head}</thead><tbody>${body}</tbody></table>${note}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${doc.language}"><head><meta charset="utf-8"><title>${escapeHtml(`${t('reports:title')} ${report.from} – ${report.to}`)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: 9pt; line-height: 1.3; }
header { border-bottom: 2px solid #000; padding-bottom: 2mm; margin-bottom: 4mm; }
header .centre { margin: 0; font-size: 10pt; }
h1 { margin: 1mm 0; font-size: 16pt; }
header .period { margin: 0; font-size: 11pt; font-weight: 700; }
section { break-inside: avoid; margin: 0 0 4mm; }
h2 { font-size: 11.5pt; margin: 0 0 1mm; }
.definition { margin: 0 0 1.5mm; font-style: italic; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
th, td { border: 1px solid #000; padding: 0.8mm 1.5mm; text-align: right; font-variant-numeric: tabular-nums; }
th { font-size: 8pt; }
.label { text-align: left; overflow-wrap: break-word; }
th.label:first-child { width: 24%; }
th.label + th.label { width: 13%; }
tr.main td { font-weight: 700; }
tr { break-inside: avoid; }
.note { margin: 1mm 0 0; font-size: 8pt; }
</style></head>
<body>
<header><p class="centre">${escapeHtml(doc.centre)}</p><h1>${escapeHtml(t('reports:title'))}</h1><p class="period">${escapeHtml(period)}</p></header>
${sections}
</body></html>
`;
}
