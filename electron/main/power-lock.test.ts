import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../core/features/users/sessions';
import { LOCK_EVENTS, lockOnPowerEvents, windowSessions } from './power-lock';

describe('desktop sessions and the OS lock screen', () => {
  it('locks every session on lock-screen and on suspend', () => {
    const listeners = new Map<string, () => void>();
    const sessions = createSessionStore();
    const windows = windowSessions(sessions);
    sessions.signIn(windows.idFor(1), 1, 0);
    sessions.signIn(windows.idFor(2), 5, 0);
    lockOnPowerEvents({ on: (event, listener) => listeners.set(event, listener) }, () => sessions.lockAll());
    expect([...listeners.keys()].sort()).toEqual(['lock-screen', 'suspend']);
    expect(LOCK_EVENTS).toEqual(['lock-screen', 'suspend']);
    listeners.get('suspend')?.();
    expect(sessions.get(windows.idFor(1))?.locked).toBe(true);
    expect(sessions.get(windows.idFor(2))?.locked).toBe(true);
    sessions.unlock(windows.idFor(1), 1);
    listeners.get('lock-screen')?.();
    expect(sessions.get(windows.idFor(1))?.locked).toBe(true);
  });

  it('gives each window its own session id, issued by the store', () => {
    const sessions = createSessionStore();
    const windows = windowSessions(sessions);
    expect(windows.idFor(3)).not.toBe(windows.idFor(4));
    expect(windows.idFor(3)).toBe(windows.idFor(3));
    expect(windows.callerFor(3, 'residents.search')).toEqual({ sessionId: windows.idFor(3) });
    expect(sessions.isIssued(windows.idFor(3))).toBe(true);
    expect(windows.idFor(3)).toMatch(/^[\w-]{43}$/);
  });

  it('moves a window to a new session id before a sign-in or unlock; the old id is signed out', () => {
    const sessions = createSessionStore();
    const windows = windowSessions(sessions);
    const first = windows.idFor(7);
    // What auth.signIn does with the id it is given.
    const signIn = windows.callerFor(7, 'auth.signIn');
    expect(signIn.sessionId).not.toBe(first);
    sessions.signIn(signIn.sessionId, 1, 0);
    expect(windows.idFor(7)).toBe(signIn.sessionId);
    expect(sessions.get(signIn.sessionId)?.userId).toBe(1);
    expect(sessions.isIssued(first)).toBe(false);

    // Locked, then unlocked: the locked session moves to the new id, still locked until the unlock runs.
    sessions.lock(signIn.sessionId);
    const unlock = windows.callerFor(7, 'auth.unlock');
    expect(unlock.sessionId).not.toBe(signIn.sessionId);
    expect(sessions.get(unlock.sessionId)).toMatchObject({ userId: 1, locked: true });
    expect(sessions.get(signIn.sessionId)).toBeUndefined();
    for (const call of ['auth.claimAdmin', 'setup.complete']) expect(windows.callerFor(7, call).sessionId).not.toBe(unlock.sessionId);
    // Other windows keep theirs.
    const other = windows.idFor(8);
    windows.callerFor(7, 'auth.signIn');
    expect(windows.idFor(8)).toBe(other);
  });
});
