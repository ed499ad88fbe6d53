/**
 * Pure helpers of the app:// protocol (no Electron import, so they are tested in plain Node).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://hearth';

export { CONTENT_SECURITY_POLICY };

/**
 * Maps app://hearth/<path> to a file inside `root`, or null when the URL is of another origin or
 * would escape the root (path traversal, encoded or not). Unknown paths fall back to index.html.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'hearth' || url.username !== '' || url.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // NUL, backslashes (separators on Windows) and drive letters are never part of our file names.
  if (decoded.includes('\0') || decoded.includes('\\') || /(^|\/)[a-zA-Z]:/.test(decoded)) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  return target === base ? path.join(base, 'index.html') : target;
}

/**
 * resolveAppPath, then symlinks followed (realpath): the real file must still be inside the real
 * root. A missing file with an extension (a script, an image) is null (404); a missing path without
 * one is a client-side route and gets index.html.
 */
export async function resolveAppFile(root: string, requestUrl: string): Promise<string | null> {
  const target = resolveAppPath(root, requestUrl);
  if (target === null) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    if (path.extname(target) !== '') return null;
    try {
      real = await realpath(path.join(root, 'index.html'));
    } catch {
      return null;
    }
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  if (real === realRoot) return null;
  return real;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The headers of every app:// response: the CSP on each one (HTML and scripts alike). */
export function appResponseHeaders(file: string | null): Record<string, string> {
  return {
    'Content-Type': file === null ? 'text/plain; charset=utf-8' : (MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
