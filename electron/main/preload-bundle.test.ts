/**
 * A sandboxed preload may only require('electron') (and a few Node built-ins Electron polyfills):
 * bundle it as scripts/build-electron.mjs does and check what the bundle still requires.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the preload bundle', () => {
  it("requires nothing but 'electron' and never touches Node globals", async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'electron', 'preload', 'preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/process\.env|__dirname|child_process|node:fs/);
    // The raw IPC object is never handed to the page.
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});
