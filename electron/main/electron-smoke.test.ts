import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const p: unknown = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

describe('Electron smoke', () => {
  it.skipIf(binary === null)('starts the desktop app (skipped: Electron binary not installed, ELECTRON_SKIP_BINARY_DOWNLOAD)', async () => {
    const { _electron } = await import('@playwright/test');
    const app = await _electron.launch({ args: ['.'], env: { ...process.env, HEARTH_SMOKE: '1' } });
    const window = await app.firstWindow();
    expect(await window.evaluate(() => typeof (window as unknown as { hearth?: unknown }).hearth)).toBe('object');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
