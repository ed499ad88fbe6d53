/**
 * What the core announces to the screens (Electron IPC `hearth:event`, browser mode
 * `/api/events`), besides the answers to calls.
 */
import type { Topic } from './define';

/** Long work done off the thread that answers calls (electron/core/work). */
export const LONG_TASKS = ['backup', 'verify', 'export', 'integrity', 'import'] as const;
export type LongTask = (typeof LONG_TASKS)[number];

export type CoreEvent =
  /** Data under these topics changed: the screens refresh the queries that read them. */
  | { type: 'changed'; topics: Topic[] }
  /**
   * How far a long task is: `done` of `total` in the task's own units (`done === total` at the
   * end); `id` tells two runs apart. Sent at most about five times a second per task. No data,
   * no names: any signed-in screen may hear it.
   */
  | { type: 'progress'; task: LongTask; id: string; done: number; total: number };
