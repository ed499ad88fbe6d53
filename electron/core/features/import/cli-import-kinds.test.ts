/**
 * `npm run hearth -- import stock FILE` (and the other kinds) as a script uses it: the same calls
 * and rules as residents, --json's last line one object with created, updated, duplicates,
 * rejected and rejectedRows (their reasons as text in the user's language), a second run creates
 * nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText, encodeText } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-import-kinds-cli-'));
const dataDir = path.join(tmp, 'data');

function hearth(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_LANGUAGE: 'uk' };
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastJson = (s: string) => JSON.parse(s.trim().split('\n').at(-1) as string) as Record<string, unknown>;

describe('hearth import stock', () => {
  it('dry run, run, run again', () => {
    const file = path.join(tmp, 'склад.csv');
    const rows = [
      ['Найменування', 'Розмір', 'Кількість', 'Дата', 'Від кого'],
      ['Дитяче взуття', '28', '12', '01.11.2026', 'Червоний Хрест'],
      ['Продуктовий набір', '', '40', '02.11.2026', ''],
      ['Ковдра', '', 'багато', '', ''],
    ];
    writeFileSync(file, encodeText(csvText(rows, '\t'), 'windows-1251'));
    const dry = hearth('import', 'stock', file, '--dry-run', '--json', '--data-dir', dataDir);
    expect(dry.code).toBe(2);
    expect(lastJson(dry.stdout)).toEqual({ dryRun: true, created: 2, updated: 0, duplicates: 0, rejected: 1, rejectedRows: [{ row: 4, reason: 'Кількість: Будь ласка, введіть ціле число.' }] });
    const run = hearth('import', 'stock', file, '--json', '--data-dir', dataDir);
    expect(lastJson(run.stdout)).toMatchObject({ dryRun: false, created: 2, duplicates: 0, rejected: 1 });
    const again = hearth('import', 'stock', file, '--json', '--data-dir', dataDir);
    expect(lastJson(again.stdout)).toMatchObject({ created: 0, duplicates: 2, rejected: 1 });
  }, 600_000);
});
