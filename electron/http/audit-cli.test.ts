/** `npm run hearth -- audit verify`: exit code 0 with the count on an intact log, 1 at the first changed entry. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../core/start';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-audit-cli-'));

function hearth(...args: string[]) {
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run hearth -- audit verify', () => {
  it('says OK with the count, then finds the changed entry and exits 1', async () => {
    const dataDir = path.join(tmp, 'data');
    const core = await startCore({ dataDir });
    for (let i = 0; i < 3; i += 1) await core.dispatch('settings.setLanguage', { language: 'ru' }, { actor: { id: 1, role: 'admin' } });
    await core.close();

    const ok = hearth('audit', 'verify', '--data-dir', dataDir);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/^OK: .* 3 entries/m);

    const db = new Database(path.join(dataDir, 'hearth.sqlite'));
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set at = '2020-01-01T00:00:00.000Z' where id = 2").run();
    db.close();
    const broken = hearth('audit', 'verify', '--data-dir', dataDir);
    expect(broken.code, broken.out).toBe(1);
    expect(broken.out).toContain('audit entry 2 was changed');

    expect(hearth('audit', 'nonsense', '--data-dir', dataDir).code).toBe(1);
  }, 120_000);
});
