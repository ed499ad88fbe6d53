/**
 * The packaged app's Electron fuses (electron-builder.yml, `electronFuses`): run-as-Node, NODE_OPTIONS
 * and --inspect off; ASAR integrity and app-from-ASAR-only on; cookie encryption on; no extra
 * privileges for file://. The key names are checked against the installed electron-builder's own
 * FuseOptionsV1, so a misspelt key (silently ignored by electron-builder) fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

/** The `key: value` lines of one top-level block of a simple YAML file. */
function yamlBlock(text: string, block: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trimEnd() === `${block}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

describe('electron-builder fuses', () => {
  const fuses = yamlBlock(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'), 'electronFuses');

  it('are set as the security checklist asks', () => {
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('use key names electron-builder knows', () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const typesFile = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'out', 'configuration.d.ts');
    const types = readFileSync(typesFile, 'utf8');
    const body = /interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    const known = new Set([...body.matchAll(/^\s+([A-Za-z]+)\?:\s*boolean;/gm)].map((m) => m[1]));
    expect(known.size).toBeGreaterThan(5);
    for (const key of Object.keys(fuses)) expect(known.has(key), `${key} is not a FuseOptionsV1 key`).toBe(true);
  });

  it('publish nothing: no update feed, so the app never checks for updates', () => {
    const text = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).toMatch(/^publish:\s*null\s*$/m);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    for (const banned of ['electron-updater', 'update-electron-app', '@sentry/electron', '@sentry/browser', 'posthog-js', 'electron-google-analytics']) {
      expect(deps, banned).not.toContain(banned);
    }
  });

  it('keep the ASAR archive (integrity validation needs it)', () => {
    const text = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^asar:\s*false/m);
    expect(text).not.toMatch(/disableIntegrity:\s*true/);
  });
});
