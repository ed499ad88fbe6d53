import type { Actor, CoreDeps } from '../context';

/**
 * What the later demo fillers (money, users) receive from fillDemoData: a copy of the core's deps
 * whose clock `setTime` moves (so rows are backdated), the acting admin, today, and a seed of
 * their own so that adding them does not change the residents and requests of the first seed.
 */
export interface DemoContext {
  /** The deps with the moving clock: services called with them write backdated rows. */
  backdated: CoreDeps;
  /** The real deps (for reads that must not be backdated). */
  deps: CoreDeps;
  /** Moves the backdated clock to a moment (ms) and a calendar day (YYYY-MM-DD). */
  setTime: (at: number, date: string) => void;
  actor: Actor;
  today: string;
  now: number;
  /** How far back the demo goes, in days. */
  windowDays: number;
  seed: number;
}
