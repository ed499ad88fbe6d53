/**
 * `npm run hearth -- import residents FILE` as a script uses it: --dry-run writes nothing, --json's
 * last line is one JSON object, rows rejected give exit code 2, a second run creates nothing, and a
 * file that is not a spreadsheet is refused with its reason in the user's language (exit code 1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText, encodeText } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-import-cli-'));
const dataDir = path.join(tmp, 'data');

function hearth(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_LANGUAGE: 'ru' };
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastJson = (s: string) => JSON.parse(s.trim().split('\n').at(-1) as string) as Record<string, unknown>;

describe('hearth import residents', () => {
  it('dry run, run, run again; a PDF named .csv', () => {
    const file = path.join(tmp, 'жители.csv');
    const rows = [['ФИО', 'Дата рождения', 'Адрес'], ['Иванова Мария Петровна', '12.03.1941', 'Сылва, Ленина 12-4'], ['Петров Пётр', '31.02.1950', 'Сылва'], ['Кузьмина Ольга', '1966', 'Сылва, Лесная 3']];
    writeFileSync(file, encodeText(csvText(rows, ';'), 'windows-1251'));
    const dry = hearth('import', 'residents', file, '--dry-run', '--json', '--data-dir', dataDir);
    expect(dry.code).toBe(2);
    expect(lastJson(dry.stdout)).toEqual({ dryRun: true, created: 2, updated: 0, duplicates: 0, rejected: 1, rejectedRows: [{ row: 3, reason: 'Дата рождения: 31.02.1950 — такого дня нет в календаре.' }] });
    const run = hearth('import', 'residents', file, '--json', '--data-dir', dataDir);
    expect(lastJson(run.stdout)).toMatchObject({ dryRun: false, created: 2, duplicates: 0, rejected: 1 });
    const again = hearth('import', 'residents', file, '--json', '--data-dir', dataDir);
    expect(lastJson(again.stdout)).toMatchObject({ created: 0, duplicates: 2, rejected: 1 });
    const pdf = path.join(tmp, 'список.csv');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n');
    const refused = hearth('import', 'residents', pdf, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Это не таблица (CSV или XLSX)');
  }, 600_000);
});
