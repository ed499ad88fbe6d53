/**
 * The funder-safe tables as files: XLSX (write-excel-file: one sheet per table, counts as numbers,
 * a suppressed count as the text "<5"), CSV (../../export/csv.ts: BOM, ';', formula-safe) and
 * JSON (for scripts: codes beside the translated labels). Only what `reports.aggregates` returns
 * goes in, and that holds no names, addresses or dates of birth; settlements are names of places.
 *
 * Labels are in the language asked for (the centre's by default), read from the locale files as
 * the cash-flow export does, so that the same words come from the CLI and the screen.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import type { AggregateCell, AggregatesReport, AggregateTable } from '../../../../shared/domain/aggregates';
import type { Language } from '../../../../shared/domain/settings';
import { CSV_BOM, CSV_EOL, toCsvField } from '../../export/csv';
import enAggregates from '../../../../shared/i18n/locales/en/aggregates.json';
import ruAggregates from '../../../../shared/i18n/locales/ru/aggregates.json';
import ukAggregates from '../../../../shared/i18n/locales/uk/aggregates.json';
import plAggregates from '../../../../shared/i18n/locales/pl/aggregates.json';
import elAggregates from '../../../../shared/i18n/locales/el/aggregates.json';
import enEvents from '../../../../shared/i18n/locales/en/events.json';
import ruEvents from '../../../../shared/i18n/locales/ru/events.json';
import ukEvents from '../../../../shared/i18n/locales/uk/events.json';
import plEvents from '../../../../shared/i18n/locales/pl/events.json';
import elEvents from '../../../../shared/i18n/locales/el/events.json';
import enCatalogue from '../../../../shared/i18n/locales/en/catalogue.json';
import ruCatalogue from '../../../../shared/i18n/locales/ru/catalogue.json';
import ukCatalogue from '../../../../shared/i18n/locales/uk/catalogue.json';
import plCatalogue from '../../../../shared/i18n/locales/pl/catalogue.json';
import elCatalogue from '../../../../shared/i18n/locales/el/catalogue.json';

type Dict = { [key: string]: string | Dict };
const DICTS: Record<string, Record<Language, Dict>> = {
  aggregates: { en: enAggregates, ru: ruAggregates, uk: ukAggregates, pl: plAggregates, el: elAggregates },
  events: { en: enEvents, ru: ruEvents, uk: ukEvents, pl: plEvents, el: elEvents },
  catalogue: { en: enCatalogue, ru: ruCatalogue, uk: ukCatalogue, pl: plCatalogue, el: elCatalogue },
};

function lookup(dict: Dict | undefined, key: string): string | null {
  let node: string | Dict | undefined = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

/** A label "ns:key.path" in the language (English as the fallback), with {{name}} filled in. */
export function aggregatesLabel(language: Language, fullKey: string, values: Record<string, string | number> = {}): string {
  const [ns = '', key = ''] = fullKey.includes(':') ? fullKey.split(':', 2) : ['aggregates', fullKey];
  const dicts = DICTS[ns];
  const text = lookup(dicts?.[language], key) ?? lookup(dicts?.en, key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

const rowLabel = (table: AggregateTable, r: number, language: Language) => (table.rowsAreNames[r] ? table.rows[r]! : aggregatesLabel(language, table.rows[r]!));

/** A count as the file shows it: the number, or "<5" when suppressed. */
const countOf = (c: AggregateCell): number | string => (c.suppressed || c.value === null ? c.shown : c.value);

export interface AggregatesSheet {
  name: string;
  /** Text cells or counts (numbers). */
  rows: Array<Array<string | number | null>>;
}

/** The summary sheet, then one sheet per table: the same rows for XLSX and CSV. */
export function aggregatesSheets(report: AggregatesReport, language: Language, centreName: string): AggregatesSheet[] {
  const L = (key: string, values?: Record<string, string | number>) => aggregatesLabel(language, key, values);
  const summary: AggregatesSheet = {
    name: L('export.sheetSummary'),
    rows: [
      [L('export.title', { centre: centreName, from: report.from, to: report.to })],
      [],
      [L('export.peopleReached'), countOf(report.peopleReached)],
      [],
      [L('export.threshold', { max: report.threshold - 1, threshold: report.threshold })],
      [L('export.ageYear', { year: report.ageYear })],
      [L('export.noSex')],
    ],
  };
  const tables = report.tables.map((table): AggregatesSheet => {
    const title = L(`tables.${table.id}`);
    const rows: AggregatesSheet['rows'] = [[title], [null, ...table.columns.map((c) => L(c))]];
    table.cells.forEach((cells, r) => rows.push([rowLabel(table, r, language), ...cells.map(countOf)]));
    if (!table.colTotals && !table.rowTotals) rows.push([], [L('export.overlap')]);
    return { name: title, rows };
  });
  return [summary, ...tables];
}

/** A sheet name Excel accepts: at most 31 characters, none of []/\\:*?, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/\s*:\s*/g, ' – ').replace(/[[\]/\\*?]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
  let unique = clean;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${clean.slice(0, 28)} ${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}

export async function aggregatesXlsx(sheets: AggregatesSheet[]): Promise<Buffer> {
  const taken = new Set<string>();
  return writeXlsxFile(
    sheets.map((s) => {
      const data: Row[] = s.rows.map((row, r) =>
        row.map((cell, c): Cell => {
          if (cell === null) return null;
          if (typeof cell === 'number') return { value: cell, type: Number, format: '0' };
          // Text is a string cell in text format, never a formula; "<5" stays text and right-aligned like the counts.
          return { value: cell, type: String, format: '@', fontWeight: r === 0 || (c === 0 && r > 1) ? 'bold' : undefined, align: cell.startsWith('<') ? 'right' : undefined };
        }),
      );
      return { data, sheet: sheetName(s.name, taken), columns: [{ width: 40 }, ...Array.from({ length: 6 }, () => ({ width: 14 }))] };
    }),
  ).toBuffer();
}

export function aggregatesCsv(sheets: AggregatesSheet[]): string {
  let out = CSV_BOM;
  for (const sheet of sheets) {
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    for (const row of sheet.rows) {
      const fields: string[] = [];
      for (let i = 0; i < width; i++) {
        const cell = row[i] ?? null;
        fields.push(cell === null ? '' : typeof cell === 'number' ? String(cell) : toCsvField(cell, ';'));
      }
      out += fields.join(';') + CSV_EOL;
    }
    out += CSV_EOL;
  }
  return out;
}

/** For scripts: the report with every label translated beside its code. */
export function aggregatesJson(report: AggregatesReport, language: Language) {
  const L = (key: string) => aggregatesLabel(language, key);
  return {
    from: report.from,
    to: report.to,
    threshold: report.threshold,
    ageYear: report.ageYear,
    peopleReached: countOf(report.peopleReached),
    tables: report.tables.map((table) => ({
      id: table.id,
      title: L(`tables.${table.id}`),
      columns: table.columns.map((c) => ({ code: c, label: L(c) })),
      rows: table.cells.map((cells, r) => ({ code: table.rowsAreNames[r] ? null : table.rows[r], label: rowLabel(table, r, language), counts: cells.map(countOf) })),
    })),
  };
}
