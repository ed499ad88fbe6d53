/**
 * Every security decision of the Electron shell, as pure functions with Electron injected, so that
 * each one is unit-tested in plain Node (security.test.ts) and main.ts only wires them up.
 * Follows Electron's security checklist (see shared/reference/reliability.md, section 1.1):
 *
 *  - webPreferencesFor(): sandbox, context isolation, no Node, webSecurity kept, no webview, no
 *    experimental or Blink features, no insecure content (items 2–4, 6, 8–12);
 *  - isAllowedNavigation(): will-navigate / will-redirect only inside app://hearth (item 13);
 *  - windowOpenHandler(): every new window denied, allowlisted https links go to the OS browser
 *    (items 14, 15);
 *  - permissionRequestHandler / permissionCheckHandler: every permission denied (item 5);
 *  - isAllowedRequest(): session.webRequest cancels every request that is not app:// (item 1, and
 *    "no network traffic at all");
 *  - isTrustedSender(): IPC only from the app's own top frame (item 17).
 */
import { APP_ORIGIN, APP_SCHEME } from './app-protocol';

const APP_HOST = new URL(APP_ORIGIN).host;

/**
 * Hosts whose https pages may be opened in the system browser. Empty: Hearth links to nothing on
 * the web. Add a host (exact match, e.g. the project's help page) only after review.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for app://hearth/… exactly: no other host, no port, no user name or password. */
export function isAppUrl(raw: unknown): boolean {
  const u = parse(raw);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** will-navigate and will-redirect: the window never leaves the app. */
export function isAllowedNavigation(raw: unknown): boolean {
  return isAppUrl(raw);
}

/**
 * Links that may be handed to the OS browser (`shell.openExternal`): https only, the host exactly
 * in the allowlist, no credentials, no port. Never file:, smb:, javascript:, ms-*: or custom schemes.
 */
export function externalLinkAllowed(raw: unknown, allowlist: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const u = parse(raw);
  if (u === null || u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '' || u.port !== '') return false;
  return allowlist.includes(u.hostname.toLowerCase());
}

/**
 * session.webRequest.onBeforeRequest: only the app's own protocol (and in-memory data:/blob:
 * URLs, which never touch the network) may load. http(s), ws(s), file:, ftp: and the rest are cancelled.
 */
export function isAllowedRequest(raw: unknown): boolean {
  if (isAppUrl(raw)) return true;
  const u = parse(raw);
  if (u === null) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppUrl(u.pathname);
  return false;
}

/** The parts of Electron's WebFrameMain that the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** IPC is answered only for the app's own top frame (not an iframe, not another origin). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Every permission request (camera, geolocation, notifications, clipboard, media…) is refused. */
export function permissionRequestHandler(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every permission check is answered "no". */
export function permissionCheckHandler(): boolean {
  return false;
}

/** The webPreferences of every window. Only `preload` varies. */
export function webPreferencesFor(preload: string) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Spell-check dictionaries are downloaded from the web: off (no network traffic at all).
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/** What the window-open handler does with a URL: always deny the window; maybe open the link outside. */
export function windowOpenDecision(raw: unknown, allowlist: readonly string[] = EXTERNAL_LINK_HOSTS): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: externalLinkAllowed(raw, allowlist) };
}

/** The pieces of Electron the hardening functions need, injected (tests pass fakes). */
export interface PreventableEvent {
  preventDefault(): void;
}
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent, ...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface HardenableSession {
  setPermissionRequestHandler(handler: typeof permissionRequestHandler): void;
  setPermissionCheckHandler(handler: typeof permissionCheckHandler): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Navigation, redirects, new windows and webviews of one webContents. */
export function hardenWebContents(
  contents: HardenableContents,
  openExternal: (url: string) => unknown,
  log: (what: string, url: string) => void = () => {},
  allowlist: readonly string[] = EXTERNAL_LINK_HOSTS,
): void {
  const guard = (what: string) => (event: PreventableEvent, url: unknown) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(what, typeof url === 'string' ? url.slice(0, 200) : '');
    }
  };
  contents.on('will-navigate', guard('navigation refused'));
  contents.on('will-redirect', guard('redirect refused'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url, allowlist);
    if (decision.openExternally) void openExternal(url);
    else log('window refused', url.slice(0, 200));
    return { action: decision.action };
  });
}

/** Permissions and the network of a session: everything denied, only app:// loads. */
export function hardenSession(session: HardenableSession, log: (what: string, url: string) => void = () => {}): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log('request cancelled', details.url.slice(0, 200));
    callback({ cancel: !allowed });
  });
}

/** The reply of an IPC call from an untrusted sender. */
export const UNTRUSTED_SENDER_REPLY = { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } } as const;

/**
 * Wraps an ipcMain.handle listener: the handler runs only for the app's own top frame; anything
 * else gets `refused` (and is logged). The event object never reaches the renderer.
 */
export function trustedHandler<A extends unknown[], R, F>(
  handler: (event: { senderFrame: SenderFrame | null | undefined }, ...args: A) => R,
  refused: F,
  log: (what: string, url: string) => void = () => {},
): (event: { senderFrame: SenderFrame | null | undefined }, ...args: A) => R | F {
  return (event, ...args) => {
    if (!isTrustedSender(event.senderFrame)) {
      log('IPC from an untrusted sender refused', event.senderFrame?.url?.slice(0, 200) ?? '');
      return refused;
    }
    return handler(event, ...args);
  };
}
