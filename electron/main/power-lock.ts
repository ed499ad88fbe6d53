/**
 * Desktop-app session plumbing, kept free of Electron so that it is tested in plain Node: the
 * session of a window is its webContents (chosen by the main process, never by the page), and the
 * OS lock screen or suspend locks every session at once.
 */

/** The powerMonitor events that lock Hearth: Windows/macOS lock screen, and sleep. */
export const LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/** The session id of a window's webContents. */
export function sessionIdFor(webContentsId: number): string {
  return `webContents-${webContentsId}`;
}

export interface PowerEvents {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
}

/** Locks every session on each of LOCK_EVENTS (Electron's powerMonitor is passed in). */
export function lockOnPowerEvents(monitor: PowerEvents, lockAll: () => void): void {
  for (const event of LOCK_EVENTS) monitor.on(event, lockAll);
}
