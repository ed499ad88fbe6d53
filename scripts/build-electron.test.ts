/**
 * The desktop app's bundles: scripts/build-electron.mjs builds the long-work thread as its own
 * entry (work-worker.cjs, beside main.cjs, which passes its path to the app host), and that bundle
 * runs a real job in a worker thread of plain Node, with better-sqlite3 loaded from node_modules
 * as in the packaged app. (The Electron window itself cannot run here.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ADMIN } from '../electron/core/context';
import { startCore } from '../electron/core/start';
import { createWorkRunner, type WorkProgress } from '../electron/core/work/runner';

const ROOT = path.resolve(__dirname, '..');
// Inside the project, so that the bundle finds node_modules/better-sqlite3 as the packaged app does.
const out = path.join(ROOT, 'node_modules', '.cache', `hearth-build-test-${process.pid}`);
let data: string;

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: ROOT, env: { ...process.env, HEARTH_ELECTRON_OUT: out }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-electron failed: ${built.stderr}`);
  data = mkdtempSync(path.join(tmpdir(), 'hearth-bundle-'));
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('the bundled long-work thread', () => {
  it('is built beside main.cjs, and main.cjs starts the app host with it', () => {
    for (const file of ['main.cjs', 'preload.cjs', 'work-worker.cjs']) expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(readFileSync(path.join(out, 'main.cjs'), 'utf8')).toMatch(/work-worker\.cjs/);
    // better-sqlite3 stays outside the bundle (its native module is rebuilt for Electron when packaging).
    expect(readFileSync(path.join(out, 'work-worker.cjs'), 'utf8')).toMatch(/require\("better-sqlite3"\)/);
  });

  it('makes a verified backup of a real data folder in plain Node', async () => {
    const core = await startCore({ dataDir: data });
    await core.dispatch('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Ελένη' }, { actor: BUILT_IN_ADMIN });
    await core.close();
    const seen: WorkProgress[] = [];
    const work = createWorkRunner({ script: path.join(out, 'work-worker.cjs'), onProgress: (p) => seen.push(p) });
    try {
      const made = await work.run('backup', {
        databaseFile: path.join(data, 'hearth.sqlite'),
        workDir: path.join(data, 'backups'),
        targetDir: path.join(data, 'backups'),
        name: 'bundled.hearthbak',
        kind: 'manual',
        createdAt: '2026-03-01T09:30:00.000Z',
        appVersion: '0.1.0',
      });
      expect(made.header.counts.residents).toBe(1);
      expect(existsSync(made.file)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ task: 'backup', done: 1000, total: 1000 });
    } finally {
      await work.close();
    }
  });
});
