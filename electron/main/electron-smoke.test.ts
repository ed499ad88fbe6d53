/**
 * The desktop app itself, driven by Playwright's Electron support: runs only where
 * `require('electron')` resolves to an installed binary. These build machines install with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, so here it is reported as skipped, with the reason in its name.
 * Everything it checks is also unit-tested as pure functions in security.test.ts and app-protocol.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(__dirname, '..', '..');

function electronBinary(): string | null {
  try {
    const p: unknown = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

describe.skipIf(binary === null)('Electron smoke (skipped: no Electron binary on this machine, ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs')], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
      execFileSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'ignore' });
    }
    userData = mkdtempSync(path.join(os.tmpdir(), 'hearth-electron-'));
    const { _electron } = await import('@playwright/test');
    app = await _electron.launch({ args: [ROOT], cwd: ROOT, env: { ...process.env, HEARTH_USER_DATA: userData } });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('loads the app from app://hearth, sandboxed, with no webview', async () => {
    expect(page.url()).toMatch(/^app:\/\/hearth\//);
    // Electron 41 no longer reports a window's webPreferences (webPreferencesFor() is unit-tested);
    // their effects are checked here: a sandboxed renderer without Node, and webviews never attach.
    const sandboxed = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Tab').every((m) => m.sandboxed === true));
    expect(sandboxed).toBe(true);
    await page.evaluate(() => {
      const view = document.createElement('webview');
      view.setAttribute('src', 'https://example.org/');
      document.body.appendChild(view);
    });
    await page.waitForTimeout(300);
    expect(await app.evaluate(({ webContents }) => webContents.getAllWebContents().length)).toBe(1);
  });

  it('exposes only window.hearth and window.hearthHost, no Node and no ipcRenderer', async () => {
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        hearth: Object.entries((w.hearth as object) ?? {}).map(([k, v]) => `${k}:${typeof v}`),
        host: Object.entries((w.hearthHost as object) ?? {}).map(([k, v]) => `${k}:${typeof v}`),
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
    expect(surface.hearth).toEqual(expect.arrayContaining(['invoke:function', 'subscribe:function']));
    // Only functions, and never a raw channel API.
    for (const entry of [...surface.hearth, ...surface.host]) expect(entry).toMatch(/^(?!(send|on|ipcRenderer|sendSync):)\w+:function$/);
  });

  it('sends the CSP header and blocks eval and inline script', async () => {
    const result = await page.evaluate(async () => {
      const csp = (await fetch('app://hearth/index.html')).headers.get('content-security-policy');
      let evalBlocked = false;
      try {
        eval('1');
      } catch {
        evalBlocked = true;
      }
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      return { csp, evalBlocked, inline: (window as unknown as { __inline?: number }).__inline ?? null };
    });
    expect(result).toEqual({ csp: CONTENT_SECURITY_POLICY, evalBlocked: true, inline: null });
  });

  it('never navigates away, opens no window, loads nothing from the network, grants no permission', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.org/');
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.org/').then(
        () => 'loaded',
        () => 'refused',
      );
      const file = await fetch('file:///etc/hostname').then(
        () => 'loaded',
        () => 'refused',
      );
      const notification = await Notification.requestPermission();
      const geolocation = (await navigator.permissions.query({ name: 'geolocation' })).state;
      return { fetched, file, notification, geolocation };
    });
    expect(outcome).toEqual({ fetched: 'refused', file: 'refused', notification: 'denied', geolocation: 'denied' });
  });
});
