/**
 * Long tasks' progress as the core reports it (`progress` events: backups, checks of backup
 * files, the full export), kept for every screen; the rules (one run per task, shown after a
 * second) are in shared/domain/progress.ts.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CoreEvent, LongTask } from '../../shared/api/events';
import { foldProgress, visibleShare, type ProgressState } from '../../shared/domain/progress';

let state: ProgressState = {};
const listeners = new Set<() => void>();

export function reportProgress(event: Extract<CoreEvent, { type: 'progress' }>): void {
  const next = foldProgress(state, event, Date.now());
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

function subscribeToProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The share done (0 to 1) of a task that has run for over a second, else null; re-renders while it runs. */
export function useTaskShare(task: LongTask): number | null {
  const progress = useSyncExternalStore(subscribeToProgress, () => state[task]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!progress) return undefined;
    // Some steps (SQLite's checks) report nothing for seconds: the line still appears after one.
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [progress]);
  return visibleShare(progress, Math.max(now, progress?.since ?? 0));
}

/** A running task's own figures (done of total, in its units), or undefined when none runs (the import wizard shows rows read). */
export function useTaskRun(task: LongTask): { done: number; total: number } | undefined {
  return useSyncExternalStore(subscribeToProgress, () => state[task]);
}
