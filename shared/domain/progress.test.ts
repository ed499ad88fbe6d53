import { describe, expect, it } from 'vitest';
import { foldProgress, visibleShare, type ProgressState } from './progress';

const ev = (id: string, done: number, total = 1000) => ({ type: 'progress' as const, task: 'backup' as const, id, done, total });

describe('progress of long tasks', () => {
  it('shows a run only after a second, with its share done, and drops it when it ends', () => {
    let s: ProgressState = {};
    s = foldProgress(s, ev('a', 0), 10_000);
    expect(visibleShare(s.backup, 10_500)).toBeNull();
    s = foldProgress(s, ev('a', 250), 10_900);
    expect(visibleShare(s.backup, 10_999)).toBeNull();
    expect(visibleShare(s.backup, 11_000)).toBe(0.25);
    s = foldProgress(s, ev('a', 1000), 12_000);
    expect(s.backup).toBeUndefined();
    expect(visibleShare(s.backup, 20_000)).toBeNull();
  });

  it('a new run starts its own second; the end of an older run leaves the newer one', () => {
    let s: ProgressState = foldProgress({}, ev('a', 500), 0);
    s = foldProgress(s, ev('b', 10), 5_000);
    expect(s.backup).toMatchObject({ id: 'b', since: 5_000 });
    s = foldProgress(s, ev('a', 1000), 5_100);
    expect(s.backup).toMatchObject({ id: 'b' });
    expect(visibleShare(s.backup, 6_000)).toBe(0.01);
  });

  it('a task without units (total 0) shows as just begun, other tasks are kept apart', () => {
    let s: ProgressState = foldProgress({}, { type: 'progress', task: 'export', id: 'e', done: 0, total: 0 }, 0);
    expect(s.export).toBeUndefined();
    s = foldProgress(s, { type: 'progress', task: 'export', id: 'e', done: 0, total: 5 }, 0);
    s = foldProgress(s, ev('a', 100), 0);
    expect(visibleShare(s.export, 2_000)).toBe(0);
    expect(visibleShare(s.backup, 2_000)).toBe(0.1);
  });
});
