/**
 * `npm run hearth -- audit verify`: exit code 0 with the count on an intact log, 1 at the first
 * changed entry, and 1 when the log no longer reaches the end the newest backup recorded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../core/start';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-audit-cli-'));

function hearth(...args: string[]) {
  // The English messages, whatever the machine's or the centre's language.
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, HEARTH_LANGUAGE: 'en' } });
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
  }, 600_000);

  it('after a backup: OK with the anchor; the newest entries deleted: exit 1, also against a backup kept off the PC', async () => {
    const dataDir = path.join(tmp, 'anchored');
    const core = await startCore({ dataDir });
    for (let i = 0; i < 3; i += 1) await core.dispatch('settings.setLanguage', { language: 'uk' }, { actor: { id: 1, role: 'admin' } });
    await core.close();

    const none = hearth('audit', 'verify', '--data-dir', dataDir);
    expect(none.code, none.out).toBe(0);
    expect(none.out).toContain("No backup has recorded the log's end yet");

    const stick = path.join(tmp, 'stick');
    expect(hearth('backup', '--to', stick, '--data-dir', dataDir).code).toBe(0);
    const copy = path.join(stick, readdirSync(stick).find((n) => n.endsWith('.hearthbak')) ?? '');
    const ok = hearth('audit', 'verify', '--data-dir', dataDir);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/^OK: .* 3 entries/m);
    expect(ok.out).toMatch(/^Anchor OK: entry 3 is the one the backup of 20\d\d-.* recorded$/m);

    // The newest entry removed: what is left is still a valid chain, but shorter than the anchor.
    const db = new Database(path.join(dataDir, 'hearth.sqlite'));
    db.exec('drop trigger audit_log_no_delete');
    db.prepare('delete from audit_log where id = 3').run();
    db.close();
    const cut = hearth('audit', 'verify', '--data-dir', dataDir);
    expect(cut.code, cut.out).toBe(1);
    expect(cut.out).toMatch(/^OK: .* 2 entries/m);
    expect(cut.out).toMatch(/^ANCHOR: the backup of .* recorded 3 entries; the log now has fewer/m);

    // Whoever can change the data folder can also wipe its backup log; the copy on the stick still knows.
    const logFile = path.join(dataDir, 'backup-log.json');
    writeFileSync(logFile, JSON.stringify({ ...JSON.parse(readFileSync(logFile, 'utf8')), auditAnchor: null }));
    expect(hearth('audit', 'verify', '--data-dir', dataDir).code).toBe(0);
    const offPc = hearth('audit', 'verify', '--data-dir', dataDir, '--backup', copy);
    expect(offPc.code, offPc.out).toBe(1);
    expect(offPc.out).toContain('recorded 3 entries; the log now has fewer');
  }, 600_000);
});
