/**
 * The browser-mode host: serves the built renderer and the contract over HTTP, on 127.0.0.1 only.
 * Guards: a per-launch random token (cookie set by opening the printed URL, or a Bearer header for
 * scripts), Host and Origin checks against DNS rebinding, a body size limit, and a strict CSP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createReadStream, existsSync } from 'node:fs';
import type { Envelope } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { BUILT_IN_ADMIN, type Caller } from '../core/context';
import type { CoreEvents } from '../core/events';
import { NEW_SESSION_ID_CALLS, type SessionStore } from '../core/features/users/sessions';
import { MAX_IMPORT_BASE64 } from '../../shared/domain/imports';
import { contractDocument } from './contract-document';
import { isAllowedHost, isAllowedOrigin, listenAddress } from './host-check';

const MAX_BODY = 1024 * 1024;
/** The calls that carry a whole file (the import's spreadsheet, as base64 of up to 64 MB) may send that much. */
const FILE_CALLS: ReadonlySet<string> = new Set(['import.preview', 'import.dryRun', 'import.run']);
const MAX_FILE_BODY = MAX_IMPORT_BASE64 + MAX_BODY;
/** Rotated-away session ids remembered at most (see `retire`). */
const MAX_RETIRED = 1000;
const CSP = CONTENT_SECURITY_POLICY;

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

/** What the server needs of the application: the contract's dispatch, its events and its sessions. */
export interface DispatchHost {
  dispatch(name: string, input: unknown, caller: Caller): Promise<Envelope<unknown>>;
  events: CoreEvents;
  /** Issues and rotates the session ids (the same store the core looks sessions up in). */
  sessions: SessionStore;
}

/** Files the browser may download (backups, exports): folder per kind, and a hook when one is fetched. */
export interface Downloads {
  folders: Record<string, string>;
  onDownloaded?: (kind: string, name: string) => void;
}

export interface HttpHostOptions {
  core: DispatchHost;
  downloads?: Downloads;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /**
   * Scripts sending the launch token as a Bearer header act as the first admin without signing in
   * (`hearth serve --script-admin`). Off by default: a script then signs in like a browser
   * (auth.signIn) and sends the session cookie it got back.
   */
  scriptAdmin?: boolean;
  /**
   * The admin allowed other computers of the local network (hosting.setAllowLan or `serve --lan`):
   * listen on 0.0.0.0 and answer private-network Host headers (host-check.ts). Sign-in is then
   * always required: scriptAdmin is ignored, the Bearer token alone never acts as a user.
   */
  allowLan?: boolean;
}

export interface HttpHost {
  url: string;
  /** The URL to open: sets the session cookie and redirects to the app. */
  openUrl: string;
  port: number;
  token: string;
  /** Whether other computers of the local network can reach it (listening on 0.0.0.0). */
  allowLan: boolean;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    // Other local apps share cookies on 127.0.0.1; one badly encoded value must not break ours.
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      continue;
    }
  }
  return out;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));
}

async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { core } = options;
  const staticRoot = path.resolve(options.staticDir);
  let port = options.port ?? 0;
  let cookieName = '';
  const contractJson = JSON.stringify(contractDocument(), null, 2);

  const allowLan = options.allowLan === true;

  /**
   * The signed-in user is tied to a session cookie (HttpOnly, SameSite=Strict), one per browser,
   * issued beside the launch-token cookie: the token says the browser may talk to this host, the
   * session says who is signed in there. Only ids this host issued count (session fixation, F3): a
   * request without one, or with an id the host never handed out, gets a new (signed-out) session.
   * Every sign-in and unlock (NEW_SESSION_ID_CALLS) first moves the session to a new id, which only
   * that answer's Set-Cookie carries; the old id is signed out from then on.
   */
  const sessionCookie = () => `${cookieName}_session`;
  const SESSION_ID = /^[\w-]{43}$/;
  const setSessionCookie = (id: string) => `${sessionCookie()}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  const { sessions } = core;
  /**
   * Ids rotated away in the last minute. They are signed out, but answered without a new cookie:
   * the browser's own requests still in flight at its sign-in (it refetches app.status when the
   * sign-in's 'changed' event arrives, often before the sign-in's answer) must not overwrite the
   * new cookie with yet another, signed-out one. After the minute they are unknown ids.
   */
  const RETIRED_MS = 60_000;
  const retired = new Map<string, number>();
  const retire = (id: string) => {
    const now = Date.now();
    retired.set(id, now);
    for (const [old, at] of retired) {
      if (now - at <= RETIRED_MS && retired.size <= MAX_RETIRED) break;
      retired.delete(old);
    }
  };
  const isRetired = (id: string) => {
    const at = retired.get(id);
    return at !== undefined && Date.now() - at <= RETIRED_MS;
  };
  const givenSession = (req: IncomingMessage): string | null => {
    const given = cookies(req)[sessionCookie()];
    return given !== undefined && SESSION_ID.test(given) ? given : null;
  };
  const scriptAdmin = (req: IncomingMessage): boolean => {
    const auth = req.headers.authorization;
    return options.scriptAdmin === true && !allowLan && auth?.startsWith('Bearer ') === true && safeEqual(auth.slice(7), token);
  };
  /** The caller of a request, and the session cookie to set (a new id); `call` is the contract call it makes, if any. */
  const sessionOf = (req: IncomingMessage, call?: string): { caller: Caller; setCookie: string | null } => {
    if (scriptAdmin(req)) return { caller: { actor: BUILT_IN_ADMIN }, setCookie: null };
    const given = givenSession(req);
    if (call !== undefined && NEW_SESSION_ID_CALLS.has(call)) {
      // The session (an issued id's, else a new signed-out one) moves to a new id before the call
      // runs; the id sent is signed out from now on, whoever else knows it.
      const id = given !== null && sessions.isIssued(given) ? sessions.rotate(given) : sessions.issue();
      if (given !== null) retire(given);
      return { caller: { sessionId: id }, setCookie: setSessionCookie(id) };
    }
    if (given !== null && (sessions.isIssued(given) || isRetired(given))) return { caller: { sessionId: given }, setCookie: null };
    const id = sessions.issue();
    return { caller: { sessionId: id }, setCookie: setSessionCookie(id) };
  };
  /** The caller of a download: its issued session, else signed out (no new id is issued for it). */
  const downloaderOf = (req: IncomingMessage): Caller => {
    if (scriptAdmin(req)) return { actor: BUILT_IN_ADMIN };
    const given = givenSession(req);
    return { sessionId: given !== null && sessions.isIssued(given) ? given : randomBytes(32).toString('base64url') };
  };

  const authorised = (req: IncomingMessage): boolean => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && safeEqual(auth.slice(7), token)) return true;
    const c = cookies(req)[cookieName];
    return c !== undefined && safeEqual(c, token);
  };

  async function serveStatic(res: ServerResponse, urlPath: string) {
    let rel: string;
    try {
      rel = decodeURIComponent(urlPath);
    } catch {
      return sendError(res, 400, 'badRequest', 'Bad path');
    }
    const file = path.resolve(staticRoot, '.' + path.posix.normalize('/' + rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return sendError(res, 403, 'forbidden', 'Forbidden');
    let target = file;
    try {
      const s = await stat(target);
      if (s.isDirectory()) target = path.join(target, 'index.html');
    } catch {
      // Client-side routes fall back to the app shell.
      target = path.join(staticRoot, 'index.html');
    }
    try {
      const body = await readFile(target);
      const type = MIME[path.extname(target)] ?? 'application/octet-stream';
      send(res, 200, body, type, { 'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600' });
    } catch {
      sendError(res, 404, 'notFound', 'The app has not been built: run npm run build:renderer');
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      // DNS rebinding: only our own Host names, and a browser's Origin must be that very host (host-check.ts).
      if (!isAllowedHost(host, port, allowLan)) return sendError(res, 403, 'forbidden', 'Unexpected Host header');
      if (!isAllowedOrigin(req.headers.origin, host, port, allowLan)) return sendError(res, 403, 'forbidden', 'Unexpected Origin');
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname === '/api/contract.json' && req.method === 'GET') {
        return send(res, 200, contractJson);
      }
      if (url.pathname.startsWith('/api/')) {
        if (!authorised(req)) return sendError(res, 401, 'unauthorised', 'Open the URL printed by `hearth serve`, or send the token as a Bearer header');
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          const unsubscribe = core.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
          const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
          req.on('close', () => {
            clearInterval(ping);
            unsubscribe();
          });
          return;
        }
        const download = /^\/api\/download\/([a-z]+)\/([\w.-]{1,200})$/.exec(url.pathname);
        if (download && req.method === 'GET') {
          // Backups and exports hold everyone's data: only a signed-in admin session (the role
          // policy of backups.status), never the launch token alone.
          // A cash-flow export (exports/cashflow-*) is the treasurer's document: the role policy of
          // cashflow.export decides. Dispatch checks the role before the input, so the empty input
          // answers 'validation' (allowed, nothing runs) or 'forbidden'/'unauthorised'.
          const cashflowFile = download[1] === 'exports' && (download[2] as string).startsWith('cashflow-');
          const allowed = cashflowFile
            ? await core.dispatch('cashflow.export', {}, downloaderOf(req)).then((e) => (!e.ok && e.error.code === 'validation' ? { ok: true } : e))
            : await core.dispatch('backups.status', {}, downloaderOf(req));
          // Only the caller decides (the role check runs before the handler): a failure of the call itself is not a refusal.
          if (!allowed.ok && ['forbidden', 'unauthorised', 'locked'].includes((allowed as { error?: { code: string } }).error?.code ?? '')) return sendError(res, 403, 'forbidden', 'Sign in as an administrator to download');
          const folder = options.downloads?.folders[download[1] as string];
          const name = download[2] as string;
          const file = folder !== undefined ? path.join(folder, name) : '';
          if (folder === undefined || name.startsWith('.') || !existsSync(file)) return sendError(res, 404, 'notFound', 'No such file');
          res.writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'Content-Disposition': `attachment; filename="${name}"`,
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
          });
          const stream = createReadStream(file);
          stream.on('error', () => res.destroy());
          res.on('finish', () => options.downloads?.onDownloaded?.(download[1] as string, name));
          stream.pipe(res);
          return;
        }
        const match = /^\/api\/call\/([a-zA-Z]+\.[a-zA-Z]+)$/.exec(url.pathname);
        if (!match || req.method !== 'POST') return sendError(res, 404, 'unknownCall', 'Unknown call');
        const raw = await readBody(req, FILE_CALLS.has(match[1] as string) ? MAX_FILE_BODY : MAX_BODY);
        if (raw === null) {
          // The rest of the body is not read, so this connection cannot be reused.
          return send(res, 413, JSON.stringify({ ok: false, error: { code: 'badRequest', message: 'Request body too large' } }), undefined, {
            Connection: 'close',
          });
        }
        let input: unknown;
        try {
          input = raw.length === 0 ? {} : JSON.parse(raw);
        } catch {
          return sendError(res, 400, 'badRequest', 'Malformed JSON');
        }
        const { caller, setCookie } = sessionOf(req, match[1]);
        const envelope = await core.dispatch(match[1] as string, input, caller);
        return send(res, 200, JSON.stringify(envelope), undefined, setCookie ? { 'Set-Cookie': setCookie } : {});
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'badRequest', 'Method not allowed');
      const given = url.searchParams.get('token');
      if (given !== null) {
        if (!safeEqual(given, token)) return sendError(res, 401, 'unauthorised', 'Wrong token');
        const { setCookie } = sessionOf(req);
        res.writeHead(302, {
          Location: '/',
          'Set-Cookie': [`${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`, ...(setCookie ? [setCookie] : [])],
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      return serveStatic(res, url.pathname);
    } catch {
      if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error');
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenAddress(allowLan), () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  cookieName = `hearth_${port}`;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${encodeURIComponent(token)}`,
    port,
    token,
    allowLan,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
