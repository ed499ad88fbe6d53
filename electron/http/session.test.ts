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
import { startAppHost, type AppHost } from '../core/app-host';
import { BUILT_IN_ADMIN } from '../core/context';
import { createSessionStore, MAX_SIGNED_OUT_IDS } from '../core/features/users/sessions';
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

type Answer = { status: number; headers: IncomingHttpHeaders; json: { ok: boolean; value?: any; error?: { code: string } } };

function post(name: string, body: unknown, headers: Record<string, string>, on: HttpHost = host): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = httpRequest(
      { host: '127.0.0.1', port: on.port, path: `/api/call/${name}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...headers } },
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
const tokenCookie = (on: HttpHost = host) => `hearth_${on.port}=${encodeURIComponent(on.token)}`;

/** The session cookie an answer sets (`name=value`), or null when it sets none. */
function setSessionCookie(headers: IncomingHttpHeaders, on: HttpHost = host): string | null {
  const set = (headers['set-cookie'] ?? []).filter((c) => c.startsWith(`hearth_${on.port}_session=`));
  expect(set.length).toBeLessThanOrEqual(1);
  if (set[0] === undefined) return null;
  expect(set[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
  return set[0].split(';')[0] as string;
}

function sessionCookieOf(headers: IncomingHttpHeaders, on: HttpHost = host): string {
  const set = (headers['set-cookie'] ?? []).find((c) => c.startsWith(`hearth_${on.port}_session=`));
  if (!set) throw new Error('no session cookie');
  expect(set).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
  return set.split(';')[0] as string;
}

/** A browser: the launch-token cookie, and the session cookie of the last answer that set one. */
function browserOf(on: HttpHost) {
  const b = {
    session: null as string | null,
    async call(name: string, body: unknown = {}): Promise<Answer> {
      const r = await post(name, body, { Cookie: [tokenCookie(on), ...(b.session ? [b.session] : [])].join('; ') }, on);
      b.session = setSessionCookie(r.headers, on) ?? b.session;
      return r;
    },
  };
  return b;
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
    const b = browserOf(host);
    const first = await b.call('app.status');
    const session = sessionCookieOf(first.headers);
    const setup = await b.call('setup.complete', { ...settingsInput(), demo: false, adminPassword: 'admin-password-1' });
    expect(setup.json.ok).toBe(true);
    // The set-up signed the caller in on a new id (F3); the id it had is signed out.
    expect(b.session).not.toBe(session);
    expect((await b.call('residents.search', { q: '' })).json.ok).toBe(true);
    expect((await post('residents.search', { q: '' }, { Cookie: `${tokenCookie()}; ${session}` })).json.error?.code).toBe('unauthorised');
    // The same token without this session: signed out.
    expect((await post('residents.search', { q: '' }, { Cookie: tokenCookie() })).json.error?.code).toBe('unauthorised');
    // A made-up session id is just another signed-out session.
    const forged = { Cookie: `${tokenCookie()}; hearth_${host.port}_session=${'A'.repeat(43)}` };
    expect((await post('residents.search', { q: '' }, forged)).json.error?.code).toBe('unauthorised');

    expect((await b.call('auth.lock')).json.ok).toBe(true);
    expect((await b.call('residents.search', { q: '' })).json.error?.code).toBe('locked');
    expect((await b.call('auth.unlock', { method: 'password', secret: 'admin-password-1' })).json.ok).toBe(true);
    expect((await b.call('residents.search', { q: '' })).json.ok).toBe(true);
    expect((await b.call('auth.signOut')).json.ok).toBe(true);
    expect((await b.call('residents.search', { q: '' })).json.error?.code).toBe('unauthorised');

    // A script signs in like a browser: Bearer token + the session cookie it got back.
    const scriptFirst = await post('auth.signIn', { userId: 1, password: 'admin-password-1' }, bearer());
    expect(scriptFirst.json.ok).toBe(true);
    const scriptSession = sessionCookieOf(scriptFirst.headers);
    expect((await post('residents.search', { q: '' }, { ...bearer(), Cookie: scriptSession })).json.ok).toBe(true);
  });
});

/**
 * Session fixation (F3): the host only accepts session ids it handed out itself, and every sign-in
 * (password, PIN or password unlock, claiming the admin, the first-run set-up) moves the session
 * to a new id, so an id someone planted in a browser beforehand never becomes a signed-in one.
 * A host of its own on a temp data folder, called over real HTTP like a browser that follows
 * Set-Cookie.
 */
describe('session ids: only issued ones, and a new one at every sign-in', { timeout: 120_000 }, () => {
  let dir: string;
  let app: AppHost;
  let own: HttpHost;
  const ADMIN_PASSWORD = 'admin-password-fixation';
  const DESK_PASSWORD = 'desk-password-1';
  const DESK_PIN = '2468';
  let deskId = 0;
  // A well-formed id of the attacker's choosing (43 characters of [A-Za-z0-9_-]), never issued.
  const CHOSEN = 'chosen-by-someone-else-0123456789abcdefghij';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-fixation-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Hearth</title>');
    app = await startAppHost({ dataDir: path.join(dir, 'data'), autoBackup: false });
    own = await startHttpHost({ core: app, staticDir: path.join(dir, 'renderer'), port: 0 });
    // Set up without an admin password, as a database from before sign-in; a front-desk user with a PIN.
    expect((await app.dispatch('setup.complete', { ...settingsInput(), demo: false }, { actor: BUILT_IN_ADMIN })).ok).toBe(true);
    const desk = await app.dispatch('users.create', { name: 'Frontdesk Fixation', role: 'frontdesk', language: null, password: DESK_PASSWORD, pin: DESK_PIN }, { actor: BUILT_IN_ADMIN });
    if (!desk.ok) throw new Error(JSON.stringify(desk));
    deskId = (desk.value as { id: number }).id;
  }, 60_000);

  afterAll(async () => {
    await own?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const browser = () => browserOf(own);
  const as = (session: string, name: string, body: unknown = {}) => post(name, body, { Cookie: `${tokenCookie(own)}; ${session}` }, own);
  const state = async (session: string) => ((await as(session, 'app.status')).json.value as { session: { state: string } }).session.state;
  const chosen = () => `hearth_${own.port}_session=${CHOSEN}`;

  it('claiming the admin (a database from before sign-in) moves the session to a new id', async () => {
    const b = browser();
    await b.call('app.status');
    const issued = b.session as string;
    expect(issued).not.toBeNull();
    // An issued, signed-out id stays as it is (the sign-in screen works with it).
    const again = await as(issued, 'app.status');
    expect(setSessionCookie(again.headers, own)).toBeNull();
    expect(again.json.value.session.state).toBe('signedOut');

    const claim = await b.call('auth.claimAdmin', { password: ADMIN_PASSWORD });
    expect(claim.json.ok).toBe(true);
    expect(b.session).not.toBe(issued);
    expect((await b.call('residents.search', { q: '' })).json.ok).toBe(true);
    expect((await as(issued, 'residents.search', { q: '' })).json.error?.code).toBe('unauthorised');
    expect(await state(issued)).toBe('signedOut');
  });

  it('a self-chosen id is not accepted: signing in with it does not sign it in, and answers set another', async () => {
    // The attack (F3): a cookie planted in the browser beforehand is sent with a successful sign-in...
    const signIn = await post('auth.signIn', { userId: 1, password: ADMIN_PASSWORD }, { Cookie: `${tokenCookie(own)}; ${chosen()}` }, own);
    expect(signIn.json.ok).toBe(true);
    // ...and does not act as the admin afterwards.
    expect((await as(chosen(), 'residents.search', { q: '' })).json.error?.code).toBe('unauthorised');
    expect(await state(chosen())).toBe('signedOut');
    // The cookie that answer set does.
    const real = setSessionCookie(signIn.headers, own);
    expect(real).not.toBeNull();
    expect(real).not.toBe(chosen());
    expect((await as(real as string, 'residents.search', { q: '' })).json.ok).toBe(true);

    // Another never-issued id is answered like no cookie at all: signed out, with a new id set.
    const other = `hearth_${own.port}_session=${CHOSEN.replace('chosen', 'picked')}`;
    const status = await post('app.status', {}, { Cookie: `${tokenCookie(own)}; ${other}` }, own);
    expect(status.json.value.session.state).toBe('signedOut');
    const given = setSessionCookie(status.headers, own);
    expect(given).not.toBeNull();
    expect(given).not.toBe(other);
    // The redirect of the printed address replaces it too.
    const open = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: own.port, path: `/?token=${encodeURIComponent(own.token)}`, headers: { Cookie: other } }, (res) => {
        res.resume();
        resolve(res.headers);
      })
        .on('error', reject)
        .end();
    });
    expect(setSessionCookie(open, own)).not.toBeNull();
    expect(setSessionCookie(open, own)).not.toBe(other);
  });

  it('signing in moves the session to a new id; the old one is signed out', async () => {
    const b = browser();
    await b.call('app.status');
    const before = b.session as string;
    const signIn = await b.call('auth.signIn', { userId: 1, password: ADMIN_PASSWORD });
    expect(signIn.json.ok).toBe(true);
    expect(b.session).not.toBe(before);
    expect((await b.call('residents.search', { q: '' })).json.ok).toBe(true);
    const old = await as(before, 'residents.search', { q: '' });
    expect(old.json.error?.code).toBe('unauthorised');
    expect(await state(before)).toBe('signedOut');
    // A request of the browser still in flight with the old id gets no new cookie: it must not
    // overwrite the one the sign-in set.
    expect(setSessionCookie((await as(before, 'app.status')).headers, own)).toBeNull();
    expect((await b.call('app.status')).json.value.session.state).toBe('active');
  });

  it('unlocking with a PIN or the password moves the session to a new id again', async () => {
    // The front desk unlocks with a PIN.
    const desk = browser();
    expect((await desk.call('auth.signIn', { userId: deskId, password: DESK_PASSWORD })).json.ok).toBe(true);
    const signedIn = desk.session as string;
    expect((await desk.call('auth.lock')).json.ok).toBe(true);
    expect(desk.session).toBe(signedIn); // locking keeps the id
    expect((await desk.call('residents.search', { q: '' })).json.error?.code).toBe('locked');
    // A wrong PIN: still locked, whichever cookie the browser holds now.
    expect((await desk.call('auth.unlock', { method: 'pin', secret: '0000' })).json.error?.code).toBe('signInFailed');
    expect((await desk.call('residents.search', { q: '' })).json.error?.code).toBe('locked');
    const beforeUnlock = desk.session as string;
    expect((await desk.call('auth.unlock', { method: 'pin', secret: DESK_PIN })).json.ok).toBe(true);
    expect(desk.session).not.toBe(beforeUnlock);
    expect(desk.session).not.toBe(signedIn);
    expect((await desk.call('residents.search', { q: '' })).json.ok).toBe(true);
    expect(await state(beforeUnlock)).toBe('signedOut');
    expect(await state(signedIn)).toBe('signedOut');

    // The admin unlocks with the password.
    const admin = browser();
    expect((await admin.call('auth.signIn', { userId: 1, password: ADMIN_PASSWORD })).json.ok).toBe(true);
    const adminSignedIn = admin.session as string;
    expect((await admin.call('auth.lock')).json.ok).toBe(true);
    expect((await admin.call('auth.unlock', { method: 'password', secret: ADMIN_PASSWORD })).json.ok).toBe(true);
    expect(admin.session).not.toBe(adminSignedIn);
    expect((await admin.call('residents.search', { q: '' })).json.ok).toBe(true);
    expect((await as(adminSignedIn, 'residents.search', { q: '' })).json.error?.code).toBe('unauthorised');
  });
});

describe('the session store behind both transports', () => {
  it('remembers issued ids, moves a session on rotate, and forgets the oldest signed-out ids beyond its limit', () => {
    const store = createSessionStore();
    const signedIn = store.issue();
    store.signIn(signedIn, 1, 0);
    const signedOut = store.issue();
    expect(store.isIssued(signedIn) && store.isIssued(signedOut)).toBe(true);
    expect(store.isIssued('A'.repeat(43))).toBe(false);

    const moved = store.rotate(signedIn);
    expect(store.get(moved)).toMatchObject({ id: moved, userId: 1, locked: false });
    expect(store.get(signedIn)).toBeUndefined();
    expect(store.isIssued(signedIn)).toBe(false);
    // Signing out keeps the id issued (a signed-out session, as on the sign-in screen).
    store.end(moved);
    expect(store.isIssued(moved)).toBe(true);

    const kept = store.issue();
    store.signIn(kept, 2, 0);
    for (let i = 0; i < MAX_SIGNED_OUT_IDS; i += 1) store.issue();
    // The oldest signed-out ids went; the signed-in one stays whatever its age.
    expect(store.isIssued(signedOut)).toBe(false);
    expect(store.isIssued(kept)).toBe(true);
    expect(store.get(kept)?.userId).toBe(2);
  });
});
