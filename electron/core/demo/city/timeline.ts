/**
 * The generation's timeline: events at instants, run in time order (ties in the order they were
 * added), each one at its own time on the generation's clock. An event may add later ones (a
 * task's outcome after the task). Nothing at or after the end (the present) is written: the
 * future of a request stays unwritten, as it would in the app.
 */
import type { MovingClock } from './runner';

interface Event {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

export class Timeline {
  readonly #heap: Event[] = [];
  #seq = 0;
  #now = 0;
  readonly #clock: MovingClock;
  /** The present: events at or after it are dropped. */
  readonly end: number;

  constructor(clock: MovingClock, end: number) {
    this.#clock = clock;
    this.end = end;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** Adds an event; one in the past of the running event happens now, one in the future is dropped. */
  at(at: number, run: () => Promise<void>): void {
    const when = Math.max(at, this.#now);
    if (when >= this.end) return;
    this.#heap.push({ at: when, seq: this.#seq++, run });
    this.#up(this.#heap.length - 1);
  }

  /** Runs every event before `limit`, in order, with the clock at each one's time. */
  async runUntil(limit: number): Promise<void> {
    for (;;) {
      const top = this.#heap[0];
      if (top === undefined || top.at >= limit) return;
      this.#pop();
      this.#now = top.at;
      this.#clock.set(top.at);
      await top.run();
    }
  }

  #less(a: Event, b: Event): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #up(i: number): void {
    const h = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(h[i] as Event, h[parent] as Event)) break;
      [h[i], h[parent]] = [h[parent] as Event, h[i] as Event];
      i = parent;
    }
  }

  #pop(): void {
    const h = this.#heap;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#less(h[l] as Event, h[m] as Event)) m = l;
      if (r < h.length && this.#less(h[r] as Event, h[m] as Event)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Event, h[i] as Event];
      i = m;
    }
  }
}
