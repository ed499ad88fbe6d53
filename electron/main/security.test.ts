import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  externalLinkAllowed,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  trustedHandler,
  UNTRUSTED_SENDER_REPLY,
  webPreferencesFor,
  windowOpenDecision,
  type HardenableContents,
  type HardenableSession,
  type PreventableEvent,
} from './security';

/** URLs that must never be navigated to, opened or loaded. */
const HOSTILE = [
  'https://example.org/',
  'http://127.0.0.1:8080/',
  'file:///C:/Windows/win.ini',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'smb://server/share',
  'ms-settings:privacy',
  'app://hearth@evil.example/',
  'app://evil.example/index.html',
  'app://hearth.evil.example/',
  'app://hearth:8080/index.html',
  'app://user:pw@hearth/index.html',
  'app://hearth.attacker.com/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  '',
  'not a url',
];

describe('navigation and redirects', () => {
  it('stay inside app://hearth', () => {
    expect(isAllowedNavigation('app://hearth/index.html')).toBe(true);
    expect(isAllowedNavigation('app://hearth/#/residents/3')).toBe(true);
    for (const url of HOSTILE) expect(isAllowedNavigation(url), url).toBe(false);
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation(42)).toBe(false);
  });

  it('are compared with new URL(), not a prefix', () => {
    // 'app://hearth' is a prefix of these, yet they are other hosts.
    expect(isAppUrl('app://hearth.attacker.com/')).toBe(false);
    expect(isAppUrl('app://hearthx/')).toBe(false);
    expect(isAppUrl('app://hearth/index.html')).toBe(true);
  });
});

describe('links to the web', () => {
  it('open nothing by default (the allowlist is empty)', () => {
    expect(externalLinkAllowed('https://example.org/')).toBe(false);
    expect(windowOpenDecision('https://example.org/')).toEqual({ action: 'deny', openExternally: false });
  });

  it('open only https links to an allowlisted host, exactly', () => {
    const allow = ['help.hearth.example'];
    expect(externalLinkAllowed('https://help.hearth.example/ru/start', allow)).toBe(true);
    expect(externalLinkAllowed('HTTPS://HELP.hearth.example/', allow)).toBe(true);
    for (const url of [
      'http://help.hearth.example/',
      'https://help.hearth.example.evil.com/',
      'https://evil.com/help.hearth.example',
      'https://user@help.hearth.example/',
      'https://help.hearth.example:8443/',
      'file://help.hearth.example/share',
      'smb://help.hearth.example/share',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'hearth://help.hearth.example/',
    ]) {
      expect(externalLinkAllowed(url, allow), url).toBe(false);
    }
    // A new window is always denied, even when the link goes to the OS browser.
    expect(windowOpenDecision('https://help.hearth.example/', allow)).toEqual({ action: 'deny', openExternally: true });
  });
});

describe('permissions', () => {
  it('deny every request and every check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'midi', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(permissionCheckHandler()).toBe(false);
  });
});

describe('network requests (session.webRequest)', () => {
  it('only app://hearth and in-memory URLs load', () => {
    expect(isAllowedRequest('app://hearth/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isAllowedRequest('blob:app://hearth/5f1c-4e2a')).toBe(true);
    for (const url of [
      'https://fonts.googleapis.com/css?family=Roboto',
      'https://update.electronjs.org/hearth',
      'http://127.0.0.1:9229/json',
      'ws://127.0.0.1:9229/',
      'wss://example.org/',
      'file:///etc/passwd',
      'ftp://example.org/',
      'blob:https://example.org/5f1c',
      'app://evil/index.html',
      'chrome-extension://abc/x.js',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('IPC sender', () => {
  const top = { url: 'app://hearth/index.html', parent: null };
  it('is the app top frame only', () => {
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender({ url: 'app://hearth/index.html', parent: top })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://hearth.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('trustedHandler runs the handler for the app frame and refuses the rest', () => {
    const handler = vi.fn((_e: unknown, name: string) => `ran ${name}`);
    const log = vi.fn();
    const wrapped = trustedHandler(handler, UNTRUSTED_SENDER_REPLY, log);
    expect(wrapped({ senderFrame: top }, 'residents.search')).toBe('ran residents.search');
    expect(wrapped({ senderFrame: { url: 'app://hearth/', parent: top } }, 'users.list')).toBe(UNTRUSTED_SENDER_REPLY);
    expect(wrapped({ senderFrame: null }, 'users.list')).toBe(UNTRUSTED_SENDER_REPLY);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(2);
  });
});

describe('webPreferences', () => {
  it('follow the Electron checklist', () => {
    const prefs: Record<string, unknown> = webPreferencesFor('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

/** A fake webContents that records listeners, like Electron's EventEmitter. */
function fakeContents() {
  const listeners = new Map<string, (event: PreventableEvent, ...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: HardenableContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string) => {
    const e = { prevented: false, preventDefault() { this.prevented = true; } };
    listeners.get(event)?.(e, url);
    return e.prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents (Electron injected)', () => {
  it('prevents navigation, redirects and webviews away from the app, and denies windows', () => {
    const { contents, fire, open } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal, () => {}, ['help.hearth.example']);
    expect(fire('will-navigate', 'app://hearth/#/requests')).toBe(false);
    for (const url of HOSTILE) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    expect(fire('will-attach-webview', 'app://hearth/')).toBe(true);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://help.hearth.example/ru')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.hearth.example/ru');
  });
});

describe('hardenSession (Electron injected)', () => {
  it('installs deny-all permission handlers and cancels every non-app request', () => {
    let requestHandler: unknown;
    let checkHandler: unknown;
    let filter: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
    const session: HardenableSession = {
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
      webRequest: { onBeforeRequest: (l) => (filter = l) },
    };
    const log = vi.fn();
    hardenSession(session, log);
    expect(requestHandler).toBe(permissionRequestHandler);
    expect(checkHandler).toBe(permissionCheckHandler);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      filter?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://hearth/index.html')).toBe(false);
    expect(decide('https://fonts.gstatic.com/s/roboto.woff2')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(log).toHaveBeenCalledTimes(2);
  });
});

describe('main.ts wiring (source check)', () => {
  const source = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');

  it('checks the sender first in every IPC handler', () => {
    const handlers = source.split(/ipcMain\.(?:handle|on|handleOnce|once)\(/).slice(1);
    expect(handlers.length).toBeGreaterThan(0);
    for (const h of handlers) {
      const channel = /^\s*'([^']+)'/.exec(h)?.[1] ?? h.slice(0, 40);
      expect(h.slice(0, 400), channel).toMatch(/isTrustedSender\(event\.senderFrame\)|trustedHandler\(/);
    }
  });

  it('wires the hardening, and has no updater, crash reporter or remote request', () => {
    expect(source).toMatch(/webPreferences: webPreferencesFor\(/);
    expect(source).toMatch(/hardenSession\(session\.defaultSession/);
    expect(source).toMatch(/app\.on\('web-contents-created'[\s\S]{0,300}hardenWebContents\(/);
    expect(source).toMatch(/app\.enableSandbox\(\)/);
    expect(source).not.toMatch(/autoUpdater|crashReporter|net\.request|https?:\/\//);
    expect(source).not.toMatch(/webSecurity:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
    // The app:// scheme never bypasses the CSP, and no file:// page is ever loaded.
    expect(source).not.toMatch(/bypassCSP|loadFile\(|file:\/\//);
    expect(source).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
  });
});
