/**
 * `npm run hearth -- report aggregates`: on the village demo, the funder-safe tables in Polish as
 * CSV (BOM, ';', no resident's name, street or phone), XLSX (one sheet per table, counts as
 * numbers, read back from the file) and JSON (the same counts as the call).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../core/export/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-report-'));
const dataDir = path.join(tmp, 'data');

function hearth(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['HEARTH_LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...env, HEARTH_LANGUAGE: 'pl' }, timeout: 180_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

let people: Array<{ last_name: string; first_name: string; street: string }> = [];
let phones: string[] = [];

beforeAll(() => {
  const made = hearth('demo', '--data-dir', dataDir);
  expect(made.code, made.out).toBe(0);
  const db = new Database(path.join(dataDir, 'hearth.sqlite'), { readonly: true });
  people = db.prepare('select last_name, first_name, street from residents').all() as typeof people;
  phones = db.prepare('select national from resident_phones').pluck().all() as string[];
  db.close();
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const args = (format: string, out: string) => ['report', 'aggregates', '--from', '2026-01-01', '--to', '2026-12-31', '--format', format, '--out', out, '--data-dir', dataDir, '--language', 'pl'];

describe('npm run hearth -- report aggregates', () => {
  it('writes a CSV in Polish with no resident’s name, street or phone, and no count from 1 to 4', () => {
    const file = path.join(tmp, 'agg.csv');
    const r = hearth(...args('csv', file));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Zapisano');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text, { delimiter: ';', restore: false });
    expect(rows.some((row) => row[0] === 'Według wieku')).toBe(true);
    expect(rows.some((row) => row[0] === 'Liczba osób objętych wsparciem (każda liczona raz)')).toBe(true);
    expect(people.length).toBeGreaterThan(50);
    for (const p of people) {
      expect(text).not.toContain(p.last_name);
      if (p.street !== '') expect(text).not.toContain(p.street);
    }
    for (const phone of phones) expect(text).not.toContain(phone);
    // Every count field is 0, 5 or more, or "<5".
    const counts = rows.flatMap((row) => row.slice(1)).filter((f): f is string => f !== null && f !== '' && /^\d+$|^<\d+$/.test(f));
    expect(counts.length).toBeGreaterThan(20);
    for (const f of counts) expect(f === '<5' || f === '0' || Number(f) >= 5).toBe(true);
  });

  it('writes an XLSX with one sheet per table and the counts as numbers', () => {
    const file = path.join(tmp, 'agg.xlsx');
    const r = hearth(...args('xlsx', file));
    expect(r.code, r.out).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(['Podsumowanie', 'Według rodzaju kontaktu', 'Według rodzaju usługi', 'Według wieku', 'Według miejscowości', 'Według sytuacji mieszkaniowej', 'Wydarzenia – liczba osób']);
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('Mieszka samotnie');
    expect(strings).toContain('&lt;5');
    for (const p of people) expect(strings).not.toContain(p.last_name);
    // The age sheet: its total is a number cell, never a formula.
    const age = strFromU8(files['xl/worksheets/sheet4.xml']!);
    expect(age).not.toMatch(/<f[\s>]/);
    const json = hearth(...args('json', path.join(tmp, 'agg.json')));
    expect(json.code, json.out).toBe(0);
    const report = JSON.parse(readFileSync(path.join(tmp, 'agg.json'), 'utf8')) as { peopleReached: number | string; tables: Array<{ id: string; rows: Array<{ code: string | null; counts: Array<number | string> }> }> };
    const total = report.tables.find((x) => x.id === 'byAge')!.rows.at(-1)!.counts[0];
    expect(total).toBe(report.peopleReached);
    expect(age).toContain(`<v>${total}</v>`);
  });

  it('refuses a missing period', () => {
    const r = hearth('report', 'aggregates', '--out', path.join(tmp, 'x.csv'), '--data-dir', dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('report aggregates');
  });
});
