import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, TEST_HASHING, type TestCore } from '../../testing/test-core';
import { settingsInput } from '../../testing/builders';
import { hashSecret, needsRehash, parseHash, SCRYPT_PARAMS, verifySecret } from './password';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../../shared/domain/users';
import type { Envelope } from '../../../../shared/api/errors';
import type { CallInput, CallName, CallOutput } from '../../../../shared/api/contract';

const ADMIN_PASSWORD = 'admin-password-1';
const MINUTE = 60_000;

let t: TestCore;

/** Calls through a transport session, as the browser and the desktop window do. */
function as(sessionId: string) {
  return async <K extends CallName>(name: K, input: CallInput<K>): Promise<Envelope<CallOutput<K>>> =>
    (await t.dispatch(name, input, { sessionId })) as Envelope<CallOutput<K>>;
}
function code(e: Envelope<unknown>): string | null {
  return e.ok ? null : e.error.code;
}

async function newUser(role: 'frontdesk' | 'coordinator' | 'treasurer' | 'admin', password: string, pin: string | null = null, name = `User ${role}`) {
  return t.value('users.create', { name, role, language: null, password, pin });
}

describe('password hashing', { timeout: 60_000 }, () => {
  it('uses scrypt at OWASP parameters, stored with the hash, and a random salt', async () => {
    const h = await hashSecret('correct horse battery');
    const p = parseHash(h);
    expect(h.startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true);
    expect(p?.key.length).toBe(64);
    expect(p?.salt.length).toBe(16);
    expect(SCRYPT_PARAMS).toMatchObject({ N: 131072, r: 8, p: 1, keyLength: 64, saltLength: 16 });
    expect(await hashSecret('correct horse battery')).not.toBe(h);
    expect(await verifySecret('correct horse battery', h)).toBe(true);
    expect(await verifySecret('correct horse batterY', h)).toBe(false);
    expect(await verifySecret('', h)).toBe(false);
    expect(await verifySecret('anything', null)).toBe(false);
    expect(await verifySecret('anything', 'not a hash')).toBe(false);
    expect(needsRehash(h)).toBe(false);
  });

  it('verifies hashes made with older (weaker) parameters and says they need re-hashing', async () => {
    const weak = await hashSecret('old password', { N: 2 ** 14, r: 8, p: 1, keyLength: 32, saltLength: 16 });
    expect(await verifySecret('old password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
  });

  it('compares with crypto.timingSafeEqual', async () => {
    const source = (await import('node:fs')).readFileSync(new URL('./password.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/timingSafeEqual\(key, target\.key\)/);
    expect(source).not.toMatch(/key\.equals|===\s*target\.key|toString\('base64'\) ===/);
  });
});

describe('sign-in, lock and unlock', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    // The flows, not the cost: a cheap scrypt keeps each test well inside its time on a busy PC
    // (the production cost has its own tests above).
    t = await createTestCore({ hashing: TEST_HASHING });
    const s = await as('setup')('setup.complete', { ...settingsInput(), demo: false, adminName: 'Анна', adminPassword: ADMIN_PASSWORD });
    expect(s.ok).toBe(true);
  });

  it('the first-run set-up signs the calling session in as the new admin and needs a password', async () => {
    const status = await t.value('app.status', {});
    expect(status.session.needsAdminPassword).toBe(false);
    const me = await as('setup')('app.status', {});
    expect(me.ok && me.value.session.state).toBe('active');
    expect(me.ok && me.value.user).toMatchObject({ id: 1, name: 'Анна', role: 'admin' });
    // Set-up through a session without a password is refused (the UI always sends one).
    const t2 = await createTestCore({ hashing: TEST_HASHING });
    const missing = await t2.dispatch('setup.complete', { ...settingsInput(), demo: false }, { sessionId: 'x' });
    expect(missing.ok === false && missing.error.fields?.[0]?.path).toBe('adminPassword');
    const short = await t2.dispatch('setup.complete', { ...settingsInput(), demo: false, adminPassword: 'short-pw' }, { sessionId: 'x' });
    expect(short.ok === false && short.error.fields?.[0]?.message).toBe('validation.passwordShortStrong');
  });

  it('refuses non-public calls without a session (unauthorised) and with a locked one (locked)', async () => {
    const anon = as('nobody');
    expect(code(await anon('residents.search', { q: '' }))).toBe('unauthorised');
    expect(code(await anon('users.list', {}))).toBe('unauthorised');
    expect(code(await anon('settings.setLanguage', { language: 'en' }))).toBe('unauthorised');
    const status = await anon('app.status', {});
    expect(status.ok && status.value.session.state).toBe('signedOut');
    expect(status.ok && status.value.user.id).toBe(0);
    expect(status.ok && status.value.session.users.map((u) => u.name)).toEqual(['Анна']);

    const admin = as('a');
    expect((await admin('auth.signIn', { userId: 1, password: ADMIN_PASSWORD })).ok).toBe(true);
    expect(code(await admin('residents.search', { q: '' }))).toBe(null);
    expect((await admin('auth.lock', {})).ok).toBe(true);
    expect(code(await admin('residents.search', { q: '' }))).toBe('locked');
    const locked = await admin('app.status', {});
    expect(locked.ok && locked.value.session.state).toBe('locked');
    expect(locked.ok && locked.value.user.name).toBe('Анна');
    // Another session is not affected.
    const other = as('b');
    expect((await other('auth.signIn', { userId: 1, password: ADMIN_PASSWORD })).ok).toBe(true);
    expect(code(await other('residents.search', { q: '' }))).toBe(null);
  });

  it('a wrong password fails and is recorded without the password; a deactivated user cannot sign in', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234', 'Галина');
    const s = as('s');
    const wrong = await s('auth.signIn', { userId: fd.id, password: 'frontdesk-PASS' });
    expect(wrong.ok === false && wrong.error).toMatchObject({ code: 'signInFailed', details: { attemptsLeft: MAX_FAILED_ATTEMPTS - 1 } });
    expect(code(await s('residents.search', { q: '' }))).toBe('unauthorised');
    const ok = await s('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    expect(ok.ok && ok.value).toMatchObject({ id: fd.id, role: 'frontdesk' });
    expect(code(await s('residents.search', { q: '' }))).toBe(null);
    // The front desk is not an admin.
    expect(code(await s('users.list', {}))).toBe('forbidden');

    const events = await t.value('users.signInEvents', { userId: fd.id });
    expect(events.map((e) => e.kind)).toEqual(['signIn', 'failure']);
    expect(JSON.stringify(t.dump().sign_in_events)).not.toContain('frontdesk-pass');
    expect(JSON.stringify(t.dump().users)).not.toContain('frontdesk-pass');

    await t.value('users.setActive', { id: fd.id, active: false });
    // The running session ends at once, and a new sign-in is refused.
    expect(code(await s('residents.search', { q: '' }))).toBe('unauthorised');
    expect(code(await as('s2')('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' }))).toBe('signInFailed');
    const list = await as('s2')('app.status', {});
    expect(list.ok && list.value.session.users.map((u) => u.id)).not.toContain(fd.id);
  });

  it('locks a user out after 5 failures in a row for 5 minutes, then allows them again (fake clock)', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass');
    const s = as('s');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i += 1) expect(code(await s('auth.signIn', { userId: fd.id, password: `wrong-${i}` }))).toBe('signInFailed');
    const fifth = await s('auth.signIn', { userId: fd.id, password: 'wrong-5' });
    expect(fifth.ok === false && fifth.error.code).toBe('lockedOut');
    const until = new Date(t.clock.now().getTime() + LOCKOUT_MINUTES * MINUTE).toISOString();
    expect(fifth.ok === false && fifth.error.details).toEqual({ until });

    // Even the right password is refused until then.
    t.clock.advance(LOCKOUT_MINUTES * MINUTE - 1000);
    const early = await s('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    expect(early.ok === false && early.error).toMatchObject({ code: 'lockedOut', details: { until } });
    // Another user is not locked out.
    expect((await as('admin')('auth.signIn', { userId: 1, password: ADMIN_PASSWORD })).ok).toBe(true);

    t.clock.advance(1000);
    expect((await s('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' })).ok).toBe(true);
    const kinds = (await t.value('users.signInEvents', { userId: fd.id })).map((e) => e.kind).reverse();
    expect(kinds).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'lockout', 'signIn']);

    // After the lock-out has run out, the count starts again: one failure does not lock.
    t.clock.advance(MINUTE);
    const again = await as('s3')('auth.signIn', { userId: fd.id, password: 'nope' });
    expect(again.ok === false && again.error).toMatchObject({ code: 'signInFailed', details: { attemptsLeft: MAX_FAILED_ATTEMPTS - 1 } });
  });

  it('a PIN unlocks only the same user\'s locked session; admin and treasurer need the password', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234');
    const co = await newUser('coordinator', 'coordinator-pass', '5678');
    const fdSession = as('fd');
    const coSession = as('co');
    await fdSession('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    await coSession('auth.signIn', { userId: co.id, password: 'coordinator-pass' });
    await fdSession('auth.lock', {});
    // Nothing to unlock in a session that is not locked, nor one signed out.
    expect(code(await coSession('auth.unlock', { method: 'pin', secret: '5678' }))).toBe('unauthorised');
    expect(code(await as('none')('auth.unlock', { method: 'pin', secret: '1234' }))).toBe('unauthorised');
    // Another user's PIN does not unlock the front desk's session.
    expect(code(await fdSession('auth.unlock', { method: 'pin', secret: '5678' }))).toBe('signInFailed');
    expect(code(await fdSession('residents.search', { q: '' }))).toBe('locked');
    const ok = await fdSession('auth.unlock', { method: 'pin', secret: '1234' });
    expect(ok.ok && ok.value.id).toBe(fd.id);
    expect(code(await fdSession('residents.search', { q: '' }))).toBe(null);

    // Admin and treasurer: never a PIN, not even one left from an earlier role.
    expect(code(await t.call('users.create', { name: 'T', role: 'treasurer', language: null, password: 'treasurer-pass', pin: '1111' }))).toBe('pinNotAllowed');
    const tr = await newUser('treasurer', 'treasurer-pass');
    const trSession = as('tr');
    await trSession('auth.signIn', { userId: tr.id, password: 'treasurer-pass' });
    await trSession('auth.lock', {});
    expect(code(await trSession('auth.unlock', { method: 'pin', secret: '1111' }))).toBe('pinNotAllowed');
    expect((await trSession('auth.unlock', { method: 'password', secret: 'treasurer-pass' })).ok).toBe(true);

    const admin = as('admin');
    await admin('auth.signIn', { userId: 1, password: ADMIN_PASSWORD });
    await admin('auth.lock', {});
    expect(code(await admin('auth.unlock', { method: 'pin', secret: '1234' }))).toBe('pinNotAllowed');
    expect((await admin('auth.unlock', { method: 'password', secret: ADMIN_PASSWORD })).ok).toBe(true);
  });

  it('five wrong PINs end the locked session: the full password is needed again', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234');
    const s = as('fd');
    await s('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    await s('auth.lock', {});
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) expect(code(await s('auth.unlock', { method: 'pin', secret: '0000' }))).toBe('signInFailed');
    expect(code(await s('auth.unlock', { method: 'pin', secret: '0000' }))).toBe('lockedOut');
    const status = await s('app.status', {});
    expect(status.ok && status.value.session.state).toBe('signedOut');
  });

  it('"sign in as someone else" from the lock screen ends the locked session', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234');
    const s = as('shared-pc');
    await s('auth.signIn', { userId: 1, password: ADMIN_PASSWORD });
    await s('auth.lock', {});
    expect((await s('auth.signOut', {})).ok).toBe(true);
    expect(code(await s('auth.unlock', { method: 'password', secret: ADMIN_PASSWORD }))).toBe('unauthorised');
    await s('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    const status = await s('app.status', {});
    expect(status.ok && status.value.user).toMatchObject({ id: fd.id, role: 'frontdesk' });
  });

  it('the core locks a session idle longer than the setting (backstop of the UI timer)', async () => {
    await t.value('users.setIdleLock', { minutes: 2 });
    const s = as('s');
    await s('auth.signIn', { userId: 1, password: ADMIN_PASSWORD });
    t.clock.advance(2 * MINUTE);
    expect(code(await s('residents.search', { q: '' }))).toBe(null);
    // Someone reading without clicking: the UI reports input (auth.touch), so no lock.
    t.clock.advance(2 * MINUTE);
    expect(code(await s('auth.touch', {}))).toBe(null);
    t.clock.advance(2 * MINUTE);
    expect(code(await s('residents.search', { q: '' }))).toBe(null);
    t.clock.advance(3 * MINUTE + 1);
    expect(code(await s('residents.search', { q: '' }))).toBe('locked');
    const status = await s('app.status', {});
    expect(status.ok && status.value.session.idleLockMinutes).toBe(2);
  });

  it('each user has their own UI language', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass');
    const a = as('a');
    const f = as('f');
    await a('auth.signIn', { userId: 1, password: ADMIN_PASSWORD });
    await f('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    await a('settings.setLanguage', { language: 'el' });
    await f('settings.setLanguage', { language: 'pl' });
    const sa = await a('app.status', {});
    const sf = await f('app.status', {});
    expect(sa.ok && sa.value.user.language).toBe('el');
    expect(sf.ok && sf.value.user.language).toBe('pl');
    // The sign-in answer carries the language, for the UI to apply.
    const again = await as('g')('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    expect(again.ok && again.value.language).toBe('pl');
  });

  it('the admin manages users: role, password reset, PIN, deactivation; the last admin stays', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234');
    const short = await t.call('users.create', { name: 'X', role: 'admin', language: null, password: 'nine-char', pin: null });
    expect(short.ok === false && short.error.fields?.[0]).toEqual({ path: 'password', message: 'validation.passwordShortStrong' });
    expect(code(await t.call('users.update', { id: 1, name: 'Анна', role: 'coordinator', language: null }))).toBe('lastAdmin');
    expect(code(await t.call('users.setActive', { id: 1, active: false }))).toBe('lastAdmin');
    // Promoting to treasurer drops the PIN.
    const promoted = await t.value('users.update', { id: fd.id, name: 'Галина', role: 'treasurer', language: 'ru' });
    expect(promoted).toMatchObject({ role: 'treasurer', hasPin: false, language: 'ru' });
    await t.value('users.resetPassword', { id: fd.id, password: 'a-longer-password' });
    expect(code(await as('x')('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' }))).toBe('signInFailed');
    expect((await as('y')('auth.signIn', { userId: fd.id, password: 'a-longer-password' })).ok).toBe(true);
    const list = await t.value('users.list', {});
    expect(list.map((u) => u.role).sort()).toEqual(['admin', 'treasurer']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
  });

  it('a user changes their own password and PIN after typing the current password', async () => {
    const fd = await newUser('frontdesk', 'frontdesk-pass', '1234');
    const tr = await newUser('treasurer', 'treasurer-pass-1');
    const f = as('own-f');
    await f('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' });
    // A wrong current password changes nothing and counts as a failure.
    expect(code(await f('auth.changePassword', { currentPassword: 'wrong-pass', password: 'a-new-frontdesk-pass' }))).toBe('signInFailed');
    const tooShort = await f('auth.changePassword', { currentPassword: 'frontdesk-pass', password: 'short' });
    expect(tooShort.ok === false && tooShort.error.fields?.[0]?.path).toBe('password');
    expect((await f('auth.changePassword', { currentPassword: 'frontdesk-pass', password: 'a-new-frontdesk-pass' })).ok).toBe(true);
    expect(code(await as('own-x')('auth.signIn', { userId: fd.id, password: 'frontdesk-pass' }))).toBe('signInFailed');
    expect((await as('own-y')('auth.signIn', { userId: fd.id, password: 'a-new-frontdesk-pass' })).ok).toBe(true);
    // The new PIN unlocks; the old one does not.
    expect((await f('auth.changePin', { currentPassword: 'a-new-frontdesk-pass', pin: '4321' })).ok).toBe(true);
    await f('auth.lock', {});
    expect(code(await f('auth.unlock', { method: 'pin', secret: '1234' }))).toBe('signInFailed');
    expect((await f('auth.unlock', { method: 'pin', secret: '4321' })).ok).toBe(true);
    const events = await t.value('users.signInEvents', { userId: fd.id });
    expect(events.filter((e) => e.kind === 'passwordReset').map((e) => e.method).sort()).toEqual(['password', 'pin']);
    expect(events.filter((e) => e.kind === 'failure').length).toBeGreaterThanOrEqual(1);
    // Each change is in the audit log too, by name only (never the secret); the refused one is not.
    const audited = t.sqlite.prepare("select call, user_id, details from audit_log where call like 'auth.change%' order by id").all();
    expect(audited).toEqual([
      { call: 'auth.changePassword', user_id: fd.id, details: JSON.stringify({ fields: [{ field: 'password', changed: true }] }) },
      { call: 'auth.changePin', user_id: fd.id, details: JSON.stringify({ fields: [{ field: 'pin', changed: true }] }) },
    ]);
    // A treasurer has no PIN; nobody changes a password without a session.
    const r = as('own-t');
    await r('auth.signIn', { userId: tr.id, password: 'treasurer-pass-1' });
    expect(code(await r('auth.changePin', { currentPassword: 'treasurer-pass-1', pin: '1111' }))).toBe('pinNotAllowed');
    expect(code(await as('nobody')('auth.changePassword', { currentPassword: 'x', password: 'something-long' }))).toBe('unauthorised');
  });

  it('an older database without an admin password lets the person at the PC set it once', async () => {
    const old = await createTestCore({ hashing: TEST_HASHING });
    await old.value('setup.complete', { ...settingsInput(), demo: false });
    const s = (sessionId: string) => async <K extends CallName>(n: K, i: CallInput<K>) => old.dispatch(n, i, { sessionId });
    const status = await s('a')('app.status', {});
    expect(status.ok && (status.value as CallOutput<'app.status'>).session.needsAdminPassword).toBe(true);
    expect((await s('a')('auth.claimAdmin', { password: 'new-admin-password' })).ok).toBe(true);
    expect(code(await s('a')('residents.search', { q: '' }))).toBe(null);
    expect(code(await s('b')('auth.claimAdmin', { password: 'another-password' }))).toBe('alreadySetUp');
    expect(old.sqlite.prepare("select call, details from audit_log where call = 'auth.claimAdmin'").all()).toEqual([
      { call: 'auth.claimAdmin', details: JSON.stringify({ fields: [{ field: 'password', changed: true }] }) },
    ]);
    await old.close();
  });
});

describe('demo users', { timeout: 120_000 }, () => {
  let demo: TestCore;
  beforeAll(async () => {
    demo = await createTestCore();
    await demo.value('setup.complete', { ...settingsInput(), demo: true, adminPassword: 'hearth-demo-admin' });
  }, 120_000);

  it('creates a front desk volunteer, a coordinator and a treasurer who sign in with the known passwords', async () => {
    const status = await demo.dispatch('app.status', {}, { sessionId: 'd' });
    const value = status.ok ? (status.value as CallOutput<'app.status'>) : null;
    const accounts = value?.session.demoAccounts ?? [];
    expect(accounts.map((a) => a.role)).toEqual(['frontdesk', 'coordinator', 'treasurer', 'admin']);
    const hashOf = (id: number) => demo.sqlite.prepare('select password_hash from users where id = ?').pluck().get(id) as string;
    for (const a of accounts) {
      const r = await demo.dispatch('auth.signIn', { userId: a.userId, password: a.password }, { sessionId: `d-${a.role}` });
      expect(r.ok, a.role).toBe(true);
      // The demo's public passwords are hashed cheaply, and at full cost from the first sign-in on.
      expect(needsRehash(hashOf(a.userId)), a.role).toBe(false);
    }
    // A new password takes the account off the sign-in screen's list.
    const fd = accounts[0];
    if (!fd) throw new Error('no demo front desk');
    await demo.value('users.resetPassword', { id: fd.userId, password: 'something-new' });
    const after = await demo.dispatch('app.status', {}, { sessionId: 'd' });
    expect(after.ok && (after.value as CallOutput<'app.status'>).session.demoAccounts?.map((a) => a.role)).toEqual(['coordinator', 'treasurer', 'admin']);
  });
});
