export interface Clock {
  now(): Date;
  /** The centre's local calendar date, YYYY-MM-DD. */
  today(): string;
}

export function localDate(d: Date, timeZone?: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export function systemClock(timeZone?: string): Clock {
  return { now: () => new Date(), today: () => localDate(new Date(), timeZone) };
}

/** A clock for tests and demo data: fixed, or moved by hand. */
export function fixedClock(iso: string, timeZone = 'UTC'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    today: () => localDate(current, timeZone),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
