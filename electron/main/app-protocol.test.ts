import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { appResponseHeaders, resolveAppFile, resolveAppPath } from './app-protocol';

const root = path.resolve('/srv/hearth/dist/renderer');

describe('app:// protocol guard', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://hearth/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hearth/assets/main.js')).toBe(path.join(root, 'assets', 'main.js'));
    expect(resolveAppPath(root, 'app://hearth/')).toBe(path.join(root, 'index.html'));
  });

  it('never leaves the renderer folder, encoded or not', () => {
    for (const url of [
      'app://hearth/../../etc/passwd',
      'app://hearth/%2e%2e/%2e%2e/etc/passwd',
      'app://hearth/..%2f..%2fetc%2fpasswd',
      'app://hearth/assets/..%5c..%5c..%5cwindows',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('refuses other origins, schemes and malformed URLs', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://hearth/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, 'app://hearth/a%00b')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  it('refuses backslashes, drive letters and credentials in the URL', () => {
    expect(resolveAppPath(root, 'app://hearth/assets/..%5c..%5cetc')).toBeNull();
    expect(resolveAppPath(root, 'app://hearth/C:/Windows/win.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://hearth/c%3a/Windows/win.ini')).toBeNull();
    expect(resolveAppPath(root, 'app://user:pw@hearth/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://hearth/%252e%252e/%252e%252e/etc/passwd')?.startsWith(root + path.sep)).toBe(true);
  });
});

describe('app:// files on disk (realpath)', () => {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hearth-protocol-')));
  const dist = path.join(dir, 'renderer');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(dist, 'assets', 'main.js'), 'export {}');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dist, 'assets', 'link.js'));
  symlinkSync(dir, path.join(dist, 'up'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves real files and falls back to index.html for routes only', async () => {
    expect(await resolveAppFile(dist, 'app://hearth/assets/main.js')).toBe(path.join(dist, 'assets', 'main.js'));
    expect(await resolveAppFile(dist, 'app://hearth/')).toBe(path.join(dist, 'index.html'));
    expect(await resolveAppFile(dist, 'app://hearth/residents/12')).toBe(path.join(dist, 'index.html'));
    expect(await resolveAppFile(dist, 'app://hearth/assets/missing.js')).toBeNull();
  });

  it('never follows a symlink out of the renderer folder', async () => {
    expect(await resolveAppFile(dist, 'app://hearth/assets/link.js')).toBeNull();
    expect(await resolveAppFile(dist, 'app://hearth/up/secret.txt')).toBeNull();
    expect(await resolveAppFile(dist, 'app://hearth/%2e%2e/secret.txt')).not.toBe(path.join(dir, 'secret.txt'));
  });

  it('sends the CSP and nosniff on every response', () => {
    for (const file of [path.join(dist, 'index.html'), path.join(dist, 'assets', 'main.js'), null]) {
      const headers = appResponseHeaders(file);
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
    expect(appResponseHeaders(path.join(dist, 'assets', 'main.js'))['Content-Type']).toMatch(/^text\/javascript/);
  });
});
