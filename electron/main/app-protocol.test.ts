import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedSender, resolveAppPath } from './app-protocol';

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

  it('accepts IPC only from the app frame', () => {
    expect(isTrustedSender('app://hearth/index.html')).toBe(true);
    expect(isTrustedSender('https://example.org/')).toBe(false);
    expect(isTrustedSender('file:///tmp/x.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('opens only http(s) links outside', () => {
    expect(isSafeExternalUrl('https://example.org')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
  });
});
