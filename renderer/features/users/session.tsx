/**
 * The session in the UI: lock (Lock button, Ctrl+L, the idle timer) and sign out. Locking first
 * unmounts the screens (the Gate shows the lock screen at once) and drops every cached answer, then
 * tells the core, which refuses this session's calls until it is unlocked.
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import { invoke } from '../../bridge';

export interface SessionControl {
  lock(): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionControl>({ lock: () => {}, signOut: () => {} });

export function useSession(): SessionControl {
  return useContext(SessionContext);
}

/** Input that counts as "someone is at the PC". */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/** Idle after `minutes` without input; checked every few seconds. A pure helper for tests. */
export function isIdle(lastInputAt: number, now: number, minutes: number): boolean {
  return now - lastInputAt >= minutes * 60_000;
}

/** Locks after the idle minutes, and on Ctrl+L (by key position, so any keyboard layout works). */
export function IdleLock({ minutes }: { minutes: number }) {
  const { lock } = useSession();
  const last = useRef(0);
  const told = useRef(0);
  useEffect(() => {
    last.current = Date.now();
    told.current = Date.now();
    const seen = () => {
      last.current = Date.now();
      // Reading without clicking makes no calls: tell the core now and then that someone is here.
      if (last.current - told.current > 30_000) {
        told.current = last.current;
        void invoke('auth.touch', {}).catch(() => undefined);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.metaKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l')) {
        e.preventDefault();
        lock();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, seen, { passive: true, capture: true });
    window.addEventListener('keydown', onKey);
    const timer = window.setInterval(() => {
      if (isIdle(last.current, Date.now(), minutes)) lock();
    }, 5_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, seen, { capture: true });
      window.removeEventListener('keydown', onKey);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
  return null;
}

export async function lockSession(): Promise<void> {
  await invoke('auth.lock', {}).catch(() => undefined);
}

export async function endSession(): Promise<void> {
  await invoke('auth.signOut', {}).catch(() => undefined);
}
