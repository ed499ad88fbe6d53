/**
 * The monthly cash flow as a file: the same rows for XLSX (write-excel-file) and CSV (the CSV
 * dialect of ../../export/csv.ts: BOM, ';', formula-safe).
 *
 * Labels: the core reads the locale JSON files and writes the centre's language (settings), not
 * the language of whoever clicked. The file is the centre's document (sent to a funder or the
 * board), the same call works from a script or the command line where there is no UI to pass
 * labels, and the words stay consistent between XLSX and CSV.
 *
 * Formula injection: in the XLSX every text cell (category names, account names, the centre's
 * name) is a shared-string cell with the text format '@' and never a formula, so "=HYPERLINK(…)"
 * stays text; amounts are numeric cells. In the CSV text goes through `toCsvField`, which puts an
 * apostrophe before a leading = + - @; amounts are written as plain decimal numbers ("-1234,50"),
 * which a spreadsheet reads as a number and never as a formula.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import { minorDigits } from '../../../../shared/domain/amounts';
import type { CashflowBlock, CashflowReport } from '../../../../shared/domain/cashflow';
import { LOCALE_OF, type Language } from '../../../../shared/domain/settings';
import { CSV_BOM, CSV_EOL, toCsvField } from '../../export/csv';
import enCashbook from '../../../../shared/i18n/locales/en/cashbook.json';
import ruCashbook from '../../../../shared/i18n/locales/ru/cashbook.json';
import ukCashbook from '../../../../shared/i18n/locales/uk/cashbook.json';
import plCashbook from '../../../../shared/i18n/locales/pl/cashbook.json';
import elCashbook from '../../../../shared/i18n/locales/el/cashbook.json';
import enCashflow from '../../../../shared/i18n/locales/en/cashflow.json';
import ruCashflow from '../../../../shared/i18n/locales/ru/cashflow.json';
import ukCashflow from '../../../../shared/i18n/locales/uk/cashflow.json';
import plCashflow from '../../../../shared/i18n/locales/pl/cashflow.json';
import elCashflow from '../../../../shared/i18n/locales/el/cashflow.json';

type Dict = { [key: string]: string | Dict };
const CASHBOOK: Record<Language, Dict> = { en: enCashbook, ru: ruCashbook, uk: ukCashbook, pl: plCashbook, el: elCashbook };
const CASHFLOW: Record<Language, Dict> = { en: enCashflow, ru: ruCashflow, uk: ukCashflow, pl: plCashflow, el: elCashflow };

function lookup(dict: Dict, key: string): string | null {
  let node: string | Dict | undefined = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

/** A label in the language, with English as the fallback and {{name}} placeholders filled in. */
export function exportLabel(language: Language, ns: 'cashbook' | 'cashflow', key: string, values: Record<string, string> = {}): string {
  const dicts = ns === 'cashbook' ? CASHBOOK : CASHFLOW;
  const text = lookup(dicts[language], key) ?? lookup(dicts.en, key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

/** A cell of the export: text, or an amount in minor units of a currency. */
export type ExportCell = { text: string; plain?: boolean } | { minor: number; currency: string } | null;

export interface ExportTable {
  title: string;
  sheet: string;
  rows: ExportCell[][];
}

export function monthLabel(monthKey: string, language: Language): string {
  const date = new Date(Date.UTC(Number(monthKey.slice(0, 4)), Number(monthKey.slice(5, 7)) - 1, 15));
  return new Intl.DateTimeFormat(LOCALE_OF[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The rows of the file: per currency the total (and, with several accounts, each account below). */
export function cashflowTable(report: CashflowReport, language: Language, centreName: string): ExportTable {
  const L = (key: string, values?: Record<string, string>) => exportLabel(language, 'cashflow', key, values);
  const months = report.months.map((m) => monthLabel(m, language));
  const rows: ExportCell[][] = [];
  const title = L('export.title', { centre: centreName, from: months[0] ?? report.from, to: months[months.length - 1] ?? report.to });
  rows.push([{ text: title }]);
  rows.push([]);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const block = (b: CashflowBlock, heading: string) => {
    const money = (minor: number): ExportCell => ({ minor, currency: b.currency });
    const line = (label: string, values: number[], total: number | null, plain = false) => [{ text: label, plain }, ...values.map(money), total === null ? null : money(total)];
    rows.push([{ text: heading }, ...months.map((m) => ({ text: m })), { text: L('table.total') }]);
    rows.push(line(L('table.opening'), b.openingMinor, null));
    if (b.startedMinor.some((v) => v !== 0)) rows.push(line(L('table.started'), b.startedMinor, sum(b.startedMinor)));
    for (const direction of ['income', 'expense'] as const) {
      rows.push([{ text: L(direction === 'income' ? 'table.income' : 'table.expenses') }]);
      for (const l of b.lines.filter((x) => x.direction === direction)) {
        const name = l.code ? exportLabel(language, 'cashbook', `categories.${l.code}`) : (l.name ?? '');
        rows.push(line(name, l.amountsMinor, l.totalMinor, true));
      }
      const totals = direction === 'income' ? b.incomeMinor : b.expensesMinor;
      rows.push(line(L(direction === 'income' ? 'table.incomeTotal' : 'table.expensesTotal'), totals, sum(totals)));
    }
    rows.push(line(L('table.transfersIn'), b.transfersInMinor, sum(b.transfersInMinor)));
    rows.push(line(L('table.transfersOut'), b.transfersOutMinor, sum(b.transfersOutMinor)));
    rows.push(line(L('table.closing'), b.closingMinor, null));
    rows.push([]);
  };
  for (const total of report.totals) {
    const accounts = report.accounts.filter((a) => a.currency === total.currency);
    const single = accounts.length === 1 ? accounts[0]! : null;
    block(total, L('table.captionAccount', { account: single?.accountName ?? L('table.allAccounts'), currency: total.currency }));
    if (!single) for (const a of accounts) block(a, L('table.captionAccount', { account: a.accountName ?? '', currency: a.currency }));
  }
  if (report.totals.length === 0) rows.push([{ text: L('table.noEntries') }]);
  return { title, sheet: L('export.sheet'), rows };
}

/** Minor units as the amount a spreadsheet shows: a JS number with the currency's decimals. */
function units(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

function numberFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

export async function cashflowXlsx(table: ExportTable): Promise<Buffer> {
  const width = Math.max(...table.rows.map((r) => r.length));
  const data: Row[] = table.rows.map((row, r) =>
    row.map((cell, c): Cell => {
      if (cell === null) return null;
      if ('text' in cell) {
        // Text is always a string cell in text format: never read as a formula.
        return { value: cell.text, type: String, format: '@', fontWeight: r === 0 || (c === 0 && !cell.plain) ? 'bold' : undefined, indent: cell.plain ? 1 : undefined };
      }
      return { value: units(cell.minor, cell.currency), type: Number, format: numberFormat(cell.currency) };
    }),
  );
  const columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 40 : 16 }));
  return writeXlsxFile(data, { sheet: table.sheet.slice(0, 31), columns, stickyRowsCount: 0 }).toBuffer();
}

/** Minor units as a plain decimal number in the language ("-1234,50"; '.' in English). */
export function csvAmount(minor: number, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  if (digits === 0) return `${sign}${whole}`;
  const decimal = language === 'en' ? '.' : ',';
  return `${sign}${whole}${decimal}${String(abs % 10 ** digits).padStart(digits, '0')}`;
}

export function cashflowCsv(table: ExportTable, language: Language): string {
  const width = Math.max(...table.rows.map((r) => r.length));
  let out = CSV_BOM;
  for (const row of table.rows) {
    const fields: string[] = [];
    for (let i = 0; i < width; i++) {
      const cell = row[i] ?? null;
      if (cell === null) fields.push('');
      else if ('text' in cell) fields.push(toCsvField(cell.text, ';'));
      else fields.push(csvAmount(cell.minor, cell.currency, language));
    }
    out += fields.join(';') + CSV_EOL;
  }
  return out;
}
