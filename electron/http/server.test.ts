import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../shared/api/contract';
import { createTestCore, type TestCore } from '../core/testing/test-core';
import { residentInput } from '../core/testing/builders';
import { startHttpHost, type HttpHost } from './server';

const INDEX_HTML = '<!doctype html><title>Hearth</title><div id="root"></div>';
const SECRET = 'TOP SECRET OUTSIDE THE STATIC DIR';

let t: TestCore;
let host: HttpHost;
let root: string;
let staticDir: string;

beforeAll(async () => {
  t = await createTestCore();
  root = mkdtempSync(path.join(os.tmpdir(), 'hearth-http-'));
  staticDir = path.join(root, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("hearth")');
  writeFileSync(path.join(root, 'secret.txt'), SECRET);
  // Scripts with the Bearer token act as the first admin (hearth serve --script-admin); sessions: session.test.ts.
  host = await startHttpHost({ core: t, staticDir, port: 0, scriptAdmin: true });
});

afterAll(async () => {
  await host?.close();
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, for what fetch will not send: a foreign Host, a raw path, an Origin. */
function raw(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: options.host ?? '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (name: string) => `${host.url}api/call/${name}`;
const bearer = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
  });

  it('prints an open URL carrying the token', () => {
    expect(host.openUrl).toBe(`${host.url}?token=${encodeURIComponent(host.token)}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });
});

describe('authentication', () => {
  it('refuses a call without a token with 401', async () => {
    const res = await fetch(api('app.status'), { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('refuses a wrong Bearer token', async () => {
    const res = await fetch(api('app.status'), { method: 'POST', headers: { Authorization: `Bearer ${host.token}x` }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('answers with the envelope for a Bearer token', async () => {
    const res = await fetch(api('app.status'), { method: 'POST', headers: bearer(), body: '{}' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, value: { setupDone: false, user: { id: 1, role: 'admin' } } });
  });

  it('runs writes and answers errors in the envelope', async () => {
    const created = await fetch(api('residents.create'), { method: 'POST', headers: bearer(), body: JSON.stringify(residentInput()) });
    expect(await created.json()).toMatchObject({ ok: true, value: { fullName: 'Иванов Пётр Сергеевич' } });
    const invalid = await fetch(api('residents.create'), { method: 'POST', headers: bearer(), body: JSON.stringify({ lastName: '' }) });
    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const empty = await fetch(api('app.counts'), { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
    expect(await empty.json()).toMatchObject({ ok: true, value: { residents: 1 } });
  });

  it('sets an HttpOnly SameSite=Strict cookie from /?token= and redirects; the cookie then works', async () => {
    const res = await fetch(host.openUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0] ?? '';
    expect(cookie).toMatch(/=/);
    const call = await fetch(api('app.status'), { method: 'POST', headers: { Cookie: cookie }, body: '{}' });
    expect(call.status).toBe(200);
    expect(await call.json()).toMatchObject({ ok: true });
    const forged = await fetch(api('app.status'), { method: 'POST', headers: { Cookie: `${cookie.split('=')[0]}=nope` }, body: '{}' });
    expect(forged.status).toBe(401);
  });

  // BUG: cookies are shared by every port of 127.0.0.1, so another local app may set one whose
  // value is not valid percent-encoding; decoding it throws and every call answers 500.
  it("still works when another app's cookie on 127.0.0.1 is not valid percent-encoding", async () => {
    const res = await fetch(host.openUrl, { redirect: 'manual' });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const call = await fetch(api('app.status'), { method: 'POST', headers: { Cookie: `other_app=%E0%A4%A; ${cookie}` }, body: '{}' });
    expect(call.status).toBe(200);
    const bearerCall = await fetch(api('app.status'), { method: 'POST', headers: { ...bearer(), Cookie: 'other_app=100%' }, body: '{}' });
    expect(bearerCall.status).toBe(200);
  });

  it('refuses a wrong token in the open URL', async () => {
    const res = await fetch(`${host.url}?token=wrong`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('DNS rebinding and cross-site guards', () => {
  it('refuses a foreign Host header with 403', async () => {
    const res = await raw({ path: '/api/call/app.status', method: 'POST', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(res.status).toBe(403);
    const page = await raw({ path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Hearth</title>');
  });

  it('refuses the right host on another port', async () => {
    const res = await raw({ path: '/', headers: { Host: `127.0.0.1:${host.port + 1}` } });
    expect(res.status).toBe(403);
  });

  it('accepts localhost and 127.0.0.1 on its port', async () => {
    expect((await raw({ path: '/', headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
    expect((await raw({ path: '/', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403, even with the token', async () => {
    const res = await raw({
      path: '/api/call/app.status',
      method: 'POST',
      headers: { Origin: 'http://evil.example', Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const samePortOtherHost = await raw({ path: '/api/call/app.status', method: 'POST', headers: { Origin: `http://evil.example:${host.port}`, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(samePortOtherHost.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const res = await raw({ path: '/api/call/app.status', method: 'POST', headers: { Origin: `http://127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(res.status).toBe(200);
  });
});

describe('request bodies', () => {
  it('answers 413 for a body over 1 MB', async () => {
    // A host of its own: the refused upload must not disturb the connections of the other tests.
    const own = await startHttpHost({ core: t, staticDir, port: 0 });
    try {
      const body = JSON.stringify({ q: 'x'.repeat(1024 * 1024) });
      const res = await new Promise<RawResponse>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: own.port, method: 'POST', path: '/api/call/residents.search', headers: { Authorization: `Bearer ${own.token}`, 'Content-Type': 'application/json' } },
          (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    } finally {
      await own.close();
    }
  });

  it('answers 413 for a body over 1 MB sent with fetch', async () => {
    const own = await startHttpHost({ core: t, staticDir, port: 0 });
    try {
      const res = await fetch(`${own.url}api/call/residents.search`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${own.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ q: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(res.status).toBe(413);
    } finally {
      await own.close();
    }
  });

  it('takes a spreadsheet of over 1 MB in an import call (the wizard sends the file as base64)', async () => {
    const own = await startHttpHost({ core: t, staticDir, port: 0, scriptAdmin: true });
    try {
      const csv = `ФИО;Адрес\r\n${'Иванов Иван;Сылва\r\n'.repeat(60_000)}`;
      const base64 = Buffer.from(csv, 'utf8').toString('base64');
      expect(base64.length).toBeGreaterThan(2 * 1024 * 1024);
      const res = await fetch(`${own.url}api/call/import.preview`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${own.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'residents', file: { fileName: 'list.csv', base64 } }),
      });
      expect(res.status).not.toBe(413);
      const body = (await res.json()) as { ok: boolean; value?: { rowCount: number } };
      expect(body.ok ? body.value?.rowCount : body).toBe(60_000);
    } finally {
      await own.close();
    }
  });

  // BUG: after a 413 the server stops reading the request but keeps the connection open and does
  // not say `Connection: close`; a keep-alive client (a browser, undici's fetch) sends its next
  // request on that connection and waits forever.
  it('keeps answering on a keep-alive connection after a 413', { timeout: 60_000 }, async () => {
    const own = await startHttpHost({ core: t, staticDir, port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { agent, host: '127.0.0.1', port: own.port, method: 'POST', path: '/api/call/residents.search', headers: { Authorization: `Bearer ${own.token}`, 'Content-Type': 'application/json' } },
          (r) => {
            r.resume();
            r.on('end', () => resolve(r.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const within = <T,>(ms: number, p: Promise<T>) =>
      Promise.race([p, new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${ms} ms`), ms))]);
    try {
      // A bound against a host that never answers (the bug this guards against), not a speed check.
      expect(await within(20_000, post(JSON.stringify({ q: 'x'.repeat(2 * 1024 * 1024) })))).toBe(413);
      expect(await within(20_000, post('{"q": "иван"}'))).toBe(200);
    } finally {
      agent.destroy();
      await own.close();
    }
  });

  it('accepts a body just under 1 MB', async () => {
    const res = await fetch(api('residents.search'), { method: 'POST', headers: bearer(), body: JSON.stringify({ q: 'иван', pad: 'x'.repeat(1000 * 1000) }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await fetch(api('residents.search'), { method: 'POST', headers: bearer(), body: '{"q": "иван",' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'badRequest' } });
  });

  it('answers a JSON that is not an object with a validation envelope', async () => {
    const res = await fetch(api('residents.search'), { method: 'POST', headers: bearer(), body: '[1,2,3]' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('routes', () => {
  it('serves the contract at /api/contract.json with every call, its roles and an input schema', async () => {
    const res = await fetch(`${host.url}api/contract.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { calls: Array<{ name: string; roles: string[]; input: { type?: string } }> };
    expect(doc.calls.map((c) => c.name)).toEqual(CALL_NAMES);
    for (const c of doc.calls) {
      expect(c.roles, c.name).toEqual([...contract[c.name as keyof typeof contract].roles]);
      expect(c.input.type, c.name).toBe('object');
    }
  });

  it('serves a date field with format "date" and a month field with its pattern (contract-document.test.ts checks them all)', async () => {
    const doc = (await (await fetch(`${host.url}api/contract.json`)).json()) as { calls: Array<{ name: string; input: { properties: Record<string, { format?: string; pattern?: string }> } }> };
    const field = (call: string, key: string) => doc.calls.find((c) => c.name === call)?.input.properties[key];
    expect(field('privacy.recordConsent', 'givenOn')).toMatchObject({ type: 'string', format: 'date' });
    expect(field('till.cashUp', 'day')).toMatchObject({ type: 'string', format: 'date' });
    expect(field('cashflow.report', 'from')).toMatchObject({ type: 'string', pattern: '^(\\d{4})-(0[1-9]|1[0-2])$' });
  });

  it('answers 404 for an unknown route under /api', async () => {
    for (const p of ['/api/nope', '/api/call', '/api/call/', '/api/call/residents', '/api/call/residents.search/extra']) {
      const res = await fetch(`${host.url}${p.slice(1)}`, { method: 'POST', headers: bearer(), body: '{}' });
      expect(res.status, p).toBe(404);
    }
    const get = await fetch(api('app.status'), { headers: bearer() });
    expect(get.status).toBe(404);
  });

  it('answers unknownCall for a well-formed but unknown call', async () => {
    const res = await fetch(api('residents.drop'), { method: 'POST', headers: bearer(), body: '{}' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unknownCall' } });
  });

  it('serves the app shell and its assets', async () => {
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toBe(INDEX_HTML);
    const js = await fetch(`${host.url}assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log("hearth")');
    const route = await fetch(`${host.url}residents/12`);
    expect(await route.text()).toBe(INDEX_HTML);
  });

  it.each([
    '/..%2f..%2f..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/..%252fsecret.txt',
  ])('never serves outside the static folder: %s', async (p) => {
    const res = await raw({ path: p, headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    if (res.status === 200) expect(res.body).toBe(INDEX_HTML);
  });

  it('answers 400 for a path that does not decode', async () => {
    const res = await raw({ path: '/%E0%A4%A', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(400);
  });
});

describe('headers', () => {
  it('sends a strict CSP without unsafe-eval or unsafe-inline, on pages and API answers', async () => {
    const responses = [
      await fetch(host.url),
      await fetch(`${host.url}assets/app.js`),
      await fetch(api('app.status'), { method: 'POST', headers: bearer(), body: '{}' }),
      await fetch(api('app.status'), { method: 'POST', body: '{}' }),
      await fetch(`${host.url}api/contract.json`),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, res.url).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
