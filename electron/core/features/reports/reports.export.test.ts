/**
 * The results report as files (reports.export, and the HTML the command line prints to PDF), on a
 * hand-built dataset whose numbers are written here by hand: September: Anna (settlement
 * "=SUM(1+1)", a hostile name) gets forms help at the desk (done); October: Boris (Сылва) gets
 * firewood, a task done on 12 October. People reached 2, services 2 (1 in each month).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { BUILT_IN_ADMIN } from '../../context';
import { parseCsv } from '../../export/csv';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import type { ResultsReport } from '../../../../shared/domain/reports';
import { reportExportHandlers } from './reports.export.handlers';
import { reportDocument, reportHtml } from './reports.export';

const PERIOD = { from: '2026-09-01', to: '2026-10-31' } as const;
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };

let t: TestCore;
let dir: string;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-09-10T09:00:00.000Z' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-results-'));
  await writeSettings(t.deps.db, settingsInput({ centreName: 'Центр «Сильва»', language: 'uk' }));
  const kinds = await t.value('catalogue.list', {});
  const kind = (code: string) => kinds.find((k) => k.code === code)!.id;
  const anna = (await t.value('residents.create', residentInput({ lastName: 'Смирнова', firstName: 'Анна', patronymic: '', settlement: '=SUM(1+1)' }))).id;
  const boris = (await t.value('residents.create', residentInput({ lastName: 'Петров', firstName: 'Борис', patronymic: '', settlement: 'Сылва' }))).id;
  const forms = await t.value('requests.create', { residentId: anna, kindId: kind('formsHelp') });
  await t.value('requests.setStatus', { id: forms.id, status: 'done' });
  t.clock.set('2026-10-05T10:00:00.000Z');
  const wood = await t.value('requests.create', { residentId: boris, kindId: kind('firewood') });
  const task = await t.value('tasks.create', { requestId: wood.id, scheduledOn: '2026-10-12' });
  t.clock.set('2026-10-12T10:00:00.000Z');
  await t.value('tasks.complete', { id: task.id });
  t.clock.set('2026-11-16T10:00:00.000Z');
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

async function exportFile(format: 'xlsx' | 'csv', actor: Actor = BUILT_IN_ADMIN, language?: 'uk' | 'el') {
  const result = await reportExportHandlers['reports.export']({ ...PERIOD, format, ...(language ? { language } : {}) }, { actor }, { ...t.deps, paths: { dataDir: dir } });
  expect(result.id).toMatch(new RegExp(`^results-2026-09-01-2026-10-31-${language ?? 'uk'}-\\d{8}-\\d{6}\\.${format}$`));
  return { file: readFileSync(path.join(dir, 'exports', result.id)), sheets: result.sheets };
}

describe('reports.export', () => {
  it('writes an XLSX: a summary sheet and one sheet per figure, headers in Ukrainian, numbers as numbers, months and the period as dates, text never a formula', async () => {
    const { file, sheets } = await exportFile('xlsx');
    // Summary + 17 figures (money included for the admin).
    expect(sheets).toBe(18);
    const files = unzipSync(new Uint8Array(file));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(18);
    expect(names.slice(0, 3)).toEqual(['Зведення', 'Охоплено осіб', 'Нові отримувачі послуг']);
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('Поіменно');
    expect(strings).toContain('Центр «Сильва»');
    expect(strings).toContain('<t>=SUM(1+1)</t>');
    const summary = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const people = strFromU8(files['xl/worksheets/sheet2.xml']!);
    for (const sheet of [summary, people]) expect(sheet).not.toMatch(/<f[\s>]/);
    // People reached: 2 in the period, 1 in September and 1 in October (number cells).
    expect(people).toMatch(/<c r="C5"[^>]*><v>2<\/v><\/c><c r="D5"[^>]*><v>1<\/v><\/c><c r="E5"[^>]*><v>1<\/v><\/c>/);
    // The months of the header are dates: serial numbers of 1 September and 1 October 2026 (46266, 46296).
    expect(people).toMatch(/<c r="D4"[^>]*><v>46266<\/v><\/c><c r="E4"[^>]*><v>46296<\/v><\/c>/);
    // The period's first and last day are date cells of the summary (2026-09-01 = 46266, 2026-10-31 = 46326).
    expect(summary).toMatch(/<c r="B3"[^>]*><v>46266<\/v><\/c>/);
    expect(summary).toMatch(/<c r="B4"[^>]*><v>46326<\/v><\/c>/);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('formatCode="dd.mm.yyyy"');
  });

  it("writes the command line's CSV (BOM, ';'): the same numbers, a hostile settlement neutralised", async () => {
    const text = (await exportFile('csv')).file.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1), { delimiter: ';', restore: false });
    expect(rows[0]!.slice(0, 6)).toEqual(['Показник', 'Міра', 'Рядок', 'За період', '2026-09', '2026-10']);
    const named = rows.find((r) => r[0] === 'Охоплено осіб' && r[1] === 'Поіменно' && r[2] === '');
    expect(named?.slice(3, 6)).toEqual(['2', '1', '1']);
    expect(rows.some((r) => r[0] === 'Охоплено осіб' && r[2] === "'=SUM(1+1)" && r[3] === '1')).toBe(true);
    const services = rows.find((r) => r[0] === 'Надано послуг за видами' && r[1] === 'Усього');
    expect(services?.slice(3, 6)).toEqual(['2', '1', '1']);
  });

  it('leaves money out for the front desk, and writes Greek when asked', async () => {
    const { file, sheets } = await exportFile('xlsx', FRONTDESK, 'el');
    expect(sheets).toBe(17);
    const files = unzipSync(new Uint8Array(file));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Σύνοψη"');
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('Ωφελούμενοι');
    expect(strings).not.toContain('Έσοδα');
  });

  it("renders the PDF's HTML with the definitions and the numbers, self-contained (no script, nothing fetched)", async () => {
    const report = (await t.value('reports.results', { ...PERIOD, language: 'uk' })) as ResultsReport;
    const html = reportHtml(reportDocument(report, 'uk', 'Центр «Сильва»'));
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain(report.definitions.peopleReached!.slice(0, 40));
    expect(html).toContain('Центр «Сильва»');
    expect(html).toContain('<td class="label">=SUM(1+1)</td>');
    expect(html).not.toMatch(/<script|src=|href=|url\(/i);
  });
});
