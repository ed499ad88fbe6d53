/**
 * The progress of long tasks as the screens keep it (from the core's `progress` events): one entry
 * per task, the newest run wins, a finished run is dropped. A line shows only once a run has taken
 * longer than a second, so quick work never flickers a progress bar.
 */
import type { CoreEvent, LongTask } from '../api/events';

export interface TaskProgress {
  id: string;
  done: number;
  total: number;
  /** When this run's first event arrived (ms, the screen's clock). */
  since: number;
}

export type ProgressState = Readonly<Partial<Record<LongTask, TaskProgress>>>;

/** How long a run goes unshown. */
export const SHOW_PROGRESS_AFTER_MS = 1000;

export function foldProgress(state: ProgressState, event: Extract<CoreEvent, { type: 'progress' }>, now: number): ProgressState {
  const { task, id, done, total } = event;
  if (done >= total) {
    if (state[task]?.id !== id) return state;
    const { [task]: _finished, ...rest } = state;
    return rest;
  }
  const since = state[task]?.id === id ? (state[task]?.since ?? now) : now;
  return { ...state, [task]: { id, done, total, since } };
}

/** The share done (0 to 1) to show for a task now, or null (none running, or running under a second). */
export function visibleShare(progress: TaskProgress | undefined, now: number): number | null {
  if (!progress || now - progress.since < SHOW_PROGRESS_AFTER_MS) return null;
  return progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
}
