/**
 * `npm run hearth -- serve` right after `npm ci`, before `npm run build:renderer` (issue 16): the
 * screens are not built yet, so serve builds them once, then serves them. The build goes to a
 * temporary folder (HEARTH_RENDERER_DIST) so that the checkout's dist/renderer, which other tests
 * read, is left alone. Slow (a Vite build): `npm run test:slow`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-serve-build-'));
let child: ChildProcess | null = null;

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('serve before the screens are built', () => {
  it('builds them once, then serves the app at the printed address', async () => {
    const dist = path.join(tmp, 'renderer');
    expect(existsSync(path.join(dist, 'index.html'))).toBe(false);
    child = spawn(TSX, [path.join(ROOT, 'electron/http/cli.ts'), 'serve', '--data-dir', path.join(tmp, 'data'), '--port', '0'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', HEARTH_LANGUAGE: 'en', HEARTH_RENDERER_DIST: dist },
    });
    const started = child;
    let out = '';
    const url = await new Promise<URL>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 280_000);
      started.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
      started.stdout?.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /Open this address in your browser: (\S+)/.exec(out);
        if (m?.[1] && out.includes('Press Ctrl+C to stop Hearth.')) {
          clearTimeout(timer);
          resolve(new URL(m[1]));
        }
      });
      started.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
    });
    expect(out).toContain('building the user interface (once');
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const exited = new Promise((r) => started.once('exit', r));
    if (started.pid !== undefined) process.kill(-started.pid, 'SIGTERM');
    await exited;
  }, 300_000);
});
