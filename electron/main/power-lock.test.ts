import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../core/features/users/sessions';
import { LOCK_EVENTS, lockOnPowerEvents, sessionIdFor } from './power-lock';

describe('desktop sessions and the OS lock screen', () => {
  it('locks every session on lock-screen and on suspend', () => {
    const listeners = new Map<string, () => void>();
    const sessions = createSessionStore();
    sessions.signIn(sessionIdFor(1), 1, 0);
    sessions.signIn(sessionIdFor(2), 5, 0);
    lockOnPowerEvents({ on: (event, listener) => listeners.set(event, listener) }, () => sessions.lockAll());
    expect([...listeners.keys()].sort()).toEqual(['lock-screen', 'suspend']);
    expect(LOCK_EVENTS).toEqual(['lock-screen', 'suspend']);
    listeners.get('suspend')?.();
    expect(sessions.get(sessionIdFor(1))?.locked).toBe(true);
    expect(sessions.get(sessionIdFor(2))?.locked).toBe(true);
    sessions.unlock(sessionIdFor(1), 1);
    listeners.get('lock-screen')?.();
    expect(sessions.get(sessionIdFor(1))?.locked).toBe(true);
  });

  it('gives each window its own session id', () => {
    expect(sessionIdFor(3)).not.toBe(sessionIdFor(4));
    expect(sessionIdFor(3)).toBe(sessionIdFor(3));
  });
});
