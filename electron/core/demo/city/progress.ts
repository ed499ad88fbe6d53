/** The generation's progress, and a line that shows it on a terminal (updated in place) or in a log. */

export interface CityProgress {
  phase: 'setup' | 'generating' | 'finishing' | 'done';
  /** The day being generated, and how far through the years it is (0–1). */
  date: string;
  fraction: number;
  calls: number;
  elapsedMs: number;
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Writes progress to a stream: on a terminal one line rewritten in place (at most 4 times a
 * second); otherwise a plain line every 10 seconds and at each change of phase.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): { update: (p: CityProgress) => void; done: () => void } {
  const tty = stream.isTTY === true;
  let last = 0;
  let lastPhase = '';
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      const changed = p.phase !== lastPhase;
      if (!changed && now - last < (tty ? 250 : 10_000)) return;
      last = now;
      lastPhase = p.phase;
      const calls = p.elapsedMs > 0 ? Math.round((p.calls * 1000) / p.elapsedMs) : 0;
      const text = `city: ${p.phase} ${p.date} ${(p.fraction * 100).toFixed(1).padStart(5)} %  ${p.calls.toLocaleString('en')} calls (${calls.toLocaleString('en')}/s)  ${clock(p.elapsedMs)}`;
      if (tty) {
        stream.write(`\r${text}\x1b[K`);
        shown = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (tty && shown) stream.write('\n');
    },
  };
}
