/**
 * `npm run hearth -- report results` as a script uses it: the village demo's half-year as JSON
 * (one key per figure, their definitions beside, in the language asked) and as CSV (UTF-8 with a
 * BOM, ';', headers translated), read back; an unknown format refused (xlsx and pdf: report-cli.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FIGURES } from '../../shared/domain/reports';
import { parseCsv } from '../core/export/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-report-'));
const dataDir = path.join(tmp, 'data');

function hearth(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['HEARTH_LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...env, HEARTH_LANGUAGE: 'en' }, timeout: 180_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run hearth -- report results', () => {
  it('writes the figures as JSON and CSV, the same numbers in both', () => {
    expect(hearth('demo', '--data-dir', dataDir, '--language', 'uk').code).toBe(0);
    const json = path.join(tmp, 'results.json');
    const made = hearth('report', 'results', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'json', '--out', json, '--language', 'uk', '--data-dir', dataDir);
    expect(made.code, made.out).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> & { definitions: Record<string, string>; months: string[]; peopleReached: { named: number; namedByMonth: number[] }; servicesByKind: { total: number; byMonth: number[] } };
    // One key per figure, money included (the command line acts as the admin), each defined in Ukrainian.
    for (const key of REPORT_FIGURES) {
      expect(report[key], key).toBeDefined();
      expect(report.definitions[key], key).toMatch(/[а-яіїєґ]/i);
    }
    expect(report.months).toHaveLength(12);
    // Additive: the months add up to the year; distinct: a person is counted once in the year.
    expect(report.servicesByKind.byMonth.reduce((a, b) => a + b, 0)).toBe(report.servicesByKind.total);
    expect(report.peopleReached.named).toBeLessThanOrEqual(report.peopleReached.namedByMonth.reduce((a, b) => a + b, 0));

    const csv = path.join(tmp, 'results.csv');
    expect(hearth('report', 'results', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv', '--out', csv, '--language', 'uk', '--data-dir', dataDir).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header = [], ...rows] = parseCsv(text.slice(1), { delimiter: ';', restore: true });
    expect(header.slice(0, 4)).toEqual(['Показник', 'Міра', 'Рядок', 'За період']);
    expect(header).toHaveLength(4 + 12 + 1);
    const people = rows.find((r) => r[0] === 'Охоплено осіб' && r[1] === 'Поіменно' && r[2] === '');
    expect(Number(people?.[3])).toBe(report.peopleReached.named);
    const services = rows.find((r) => r[0] === 'Надано послуг за видами' && r[2] === '');
    expect(Number(services?.[3])).toBe(report.servicesByKind.total);
  }, 400_000);

  it('refuses an unknown format, a missing period and a period backwards', () => {
    const out = path.join(tmp, 'x.docx');
    const docx = hearth('report', 'results', '--from', '2026-01-01', '--to', '2026-06-30', '--format', 'docx', '--out', out, '--data-dir', dataDir);
    expect(docx.code).toBe(1);
    expect(docx.out).toContain('--format must be json, csv, xlsx or pdf, not "docx"');
    expect(hearth('report', 'results', '--to', '2026-06-30', '--out', out, '--data-dir', dataDir).code).toBe(1);
    const backwards = hearth('report', 'results', '--from', '2026-06-30', '--to', '2026-01-01', '--out', out, '--data-dir', dataDir);
    expect(backwards.code).toBe(1);
  }, 400_000);
});
