/**
 * Sessions in browser mode: the launch token (cookie or Bearer) lets a browser or script talk to
 * the host; who is signed in is a separate HttpOnly SameSite=Strict session cookie. Without
 * `--script-admin` a Bearer script is signed out like any browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createTestCore, type TestCore } from '../core/testing/test-core';
import { settingsInput } from '../core/testing/builders';
import { startHttpHost, type HttpHost } from './server';

let t: TestCore;
let host: HttpHost;
let root: string;

beforeAll(async () => {
  t = await createTestCore();
  root = mkdtempSync(path.join(os.tmpdir(), 'hearth-session-'));
  mkdirSync(path.join(root, 'renderer'), { recursive: true });
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>Hearth</title>');
  host = await startHttpHost({ core: t, staticDir: path.join(root, 'renderer'), port: 0 });
}, 30_000);

afterAll(async () => {
  await host?.close();
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

function post(name: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; json: { ok: boolean; value?: any; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path: `/api/call/${name}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const bearer = () => ({ Authorization: `Bearer ${host.token}` });
const tokenCookie = () => `hearth_${host.port}=${encodeURIComponent(host.token)}`;

function sessionCookieOf(headers: IncomingHttpHeaders): string {
  const set = (headers['set-cookie'] ?? []).find((c) => c.startsWith(`hearth_${host.port}_session=`));
  if (!set) throw new Error('no session cookie');
  expect(set).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
  return set.split(';')[0] as string;
}

describe('browser-mode sessions', { timeout: 30_000 }, () => {
  it('a request without a session gets unauthorised for a non-public call, and a session cookie', async () => {
    const r = await post('residents.search', { q: '' }, bearer());
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    sessionCookieOf(r.headers);
    // Without the launch token nothing is answered at all.
    expect((await post('app.status', {}, {})).status).toBe(401);
    // Public calls work before sign-in.
    const status = await post('app.status', {}, { Cookie: tokenCookie() });
    expect(status.json.ok && status.json.value.session.state).toBe('signedOut');
  });

  it('set-up signs the session in; the cookie carries it; lock and sign-out are per session', async () => {
    const first = await post('app.status', {}, { Cookie: tokenCookie() });
    const session = sessionCookieOf(first.headers);
    const cookie = { Cookie: `${tokenCookie()}; ${session}` };
    const setup = await post('setup.complete', { ...settingsInput(), demo: false, adminPassword: 'admin-password-1' }, cookie);
    expect(setup.json.ok).toBe(true);
    expect((await post('residents.search', { q: '' }, cookie)).json.ok).toBe(true);
    // The same token without this session: signed out.
    expect((await post('residents.search', { q: '' }, { Cookie: tokenCookie() })).json.error?.code).toBe('unauthorised');
    // A made-up session id is just another signed-out session.
    const forged = { Cookie: `${tokenCookie()}; hearth_${host.port}_session=${'A'.repeat(43)}` };
    expect((await post('residents.search', { q: '' }, forged)).json.error?.code).toBe('unauthorised');

    expect((await post('auth.lock', {}, cookie)).json.ok).toBe(true);
    expect((await post('residents.search', { q: '' }, cookie)).json.error?.code).toBe('locked');
    expect((await post('auth.unlock', { method: 'password', secret: 'admin-password-1' }, cookie)).json.ok).toBe(true);
    expect((await post('auth.signOut', {}, cookie)).json.ok).toBe(true);
    expect((await post('residents.search', { q: '' }, cookie)).json.error?.code).toBe('unauthorised');

    // A script signs in like a browser: Bearer token + the session cookie it got back.
    const scriptFirst = await post('auth.signIn', { userId: 1, password: 'admin-password-1' }, bearer());
    expect(scriptFirst.json.ok).toBe(true);
    const scriptSession = sessionCookieOf(scriptFirst.headers);
    expect((await post('residents.search', { q: '' }, { ...bearer(), Cookie: scriptSession })).json.ok).toBe(true);
  });
});
