/**
 * `report results` on the command line (issue 14): the XLSX and the PDF of a period, in the
 * language asked, from a data folder recorded through the contract: two residents given forms help
 * at the desk in November 2026 (people reached 2, services 2). Without Chromium the PDF is refused
 * with a translated sentence, nothing downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../core/start';
import { BUILT_IN_ADMIN } from '../core/context';
import { findChromium } from '../core/features/reports/reports.pdf';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-report-cli-'));
const dataDir = path.join(tmp, 'data');
const PDFTOTEXT = '/usr/bin/pdftotext';

function hearth(args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['HEARTH_LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'CHROMIUM_PATH']) delete base[name];
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env }, timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  const core = await startCore({ dataDir });
  const call = async (name: string, input: unknown) => {
    const r = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r)}`);
    return r.value as { id: number; code?: string }[] & { id: number };
  };
  await call('setup.complete', { centreName: 'Центр «Сильце»', country: 'UA', currency: 'UAH', language: 'uk', demo: false });
  const kinds = (await call('catalogue.list', {})) as unknown as Array<{ id: number; code: string }>;
  const forms = kinds.find((k) => k.code === 'formsHelp')!.id;
  for (const [lastName, firstName] of [
    ['Коваленко', 'Ганна'],
    ['Шевчук', 'Петро'],
  ]) {
    const r = await call('residents.create', { lastName, firstName, settlement: 'Сільце' });
    const q = await call('requests.create', { residentId: r.id, kindId: forms });
    await call('requests.setStatus', { id: q.id, status: 'done' });
  }
  await core.close();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The requests were logged today (the real clock): the report's year is this year.
const year = new Date().toISOString().slice(0, 4);
const period = ['--from', `${year}-01-01`, '--to', `${year}-12-31`];

describe('report results', () => {
  it('writes the XLSX in Ukrainian: one sheet per figure, the figure a number', () => {
    const out = path.join(tmp, 'year.xlsx');
    const r = hearth(['report', 'results', ...period, '--format', 'xlsx', '--out', out, '--language', 'uk', '--data-dir', dataDir]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(out);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Зведення"');
    expect(workbook).toContain('name="Охоплено осіб"');
    expect([...workbook.matchAll(/<sheet /g)]).toHaveLength(18);
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toMatch(/<c r="C5"[^>]*><v>2<\/v><\/c>/);
  }, 300_000);

  it('writes the PDF through the machine\'s Chromium (its text layer in Polish), or refuses without one', () => {
    const chromium = findChromium();
    const refused = hearth(['report', 'results', ...period, '--format', 'pdf', '--out', path.join(tmp, 'none.pdf'), '--language', 'pl', '--data-dir', dataDir], { CHROMIUM_PATH: path.join(tmp, 'no-chromium') });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('PDF wymaga Chromium na tym komputerze');
    expect(existsSync(path.join(tmp, 'none.pdf'))).toBe(false);
    if (chromium === null) {
      console.warn('report-cli: no Chromium (/usr/bin/chromium or CHROMIUM_PATH): the PDF itself is not tested here');
      return;
    }
    const out = path.join(tmp, 'year.pdf');
    const r = hearth(['report', 'results', ...period, '--format', 'pdf', '--out', out, '--language', 'pl', '--data-dir', dataDir]);
    expect(r.code, r.out).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!existsSync(PDFTOTEXT)) return;
    const text = spawnSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const expected of ['Центр «Сильце»', 'Rezultaty w liczbach', 'Liczba osób objętych wsparciem']) expect(text).toContain(expected);
  }, 300_000);
});
