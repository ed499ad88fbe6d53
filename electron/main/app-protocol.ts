/**
 * Pure helpers of the app:// protocol (no Electron import, so they are tested in plain Node).
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://hearth';

export { CONTENT_SECURITY_POLICY } from '../../shared/api/security';

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
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'hearth') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  return target === base ? path.join(base, 'index.html') : target;
}

/** Only the app's own frames may call the core over IPC. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'hearth';
  } catch {
    return false;
  }
}

/** Links that may be opened in the system browser: http(s) only. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
