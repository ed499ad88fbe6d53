/**
 * The results report on two cores (issue 14: a year of the city file in ≤ 200 ms). Its figures
 * are independent reads of the same file, each a few tens of milliseconds at city scale, and
 * better-sqlite3 runs one statement at a time per thread. So the report hands some figures
 * (SECOND_READER) to a worker thread with its own read-only connection (figures-worker.ts) and
 * computes the others here meanwhile; both halves take about as long, so a year's report takes
 * about half the time on a machine with two cores (the help centres' usual PC).
 *
 * - Only for a database file: an in-memory database (tests) has nothing a second connection
 *   could open, so its reports are computed here alone, the same way as before.
 * - The worker starts with the first report, or earlier with the home screen of a role that reads
 *   reports (warm(); only for a file of WARM_FROM_BYTES or more), and ends after IDLE_MS without one; until it has
 *   opened the file, and whenever it fails, the figures are computed here (never an error, only
 *   the time of one reader); after a failure it is not started again for RETRY_MS.
 * - The core owns it: closing the core (a restore replaces the file) ends the worker and its
 *   connection first.
 * - Each reader reads in one transaction: the two halves are two snapshots taken within
 *   milliseconds of each other; a change saved in between shows in one half only, as it would
 *   in a report asked a moment later.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportFigure } from '../../../../shared/domain/reports';
import { sourceWorkerOf } from '../../work/runner';

/**
 * What the worker computes: about half of the report's time. `npm run bench` prints each half's
 * time on the city file, figure by figure ("reports.halves"); move a figure across when a query
 * change tips the balance.
 */
export const SECOND_READER: ReadonlySet<ReportFigure> = new Set<ReportFigure>(['households', 'servicesByKind', 'tasksDone', 'requestsByStatus', 'money']);

const IDLE_MS = 5 * 60_000;
/**
 * A centre's file below this size answers a year's report in tens of milliseconds on one thread:
 * a home screen does not start a thread (and its memory, on an old PC) for it.
 */
export const WARM_FROM_BYTES = 50 * 1024 * 1024;
const RETRY_MS = 60_000;

export interface FigureRequest {
  id: number;
  keys: ReportFigure[];
  from: string;
  to: string;
  today: string;
}

export type FigureReply = { id: number; ok: true; values: Record<string, unknown> } | { id: number; ok: false; message: string };

export interface FigureReader {
  /**
   * The figures `keys` of a period from the worker, or null when it is not ready (it starts
   * now) or fails: the caller then computes them itself.
   */
  compute(keys: ReportFigure[], period: { from: string; to: string; today: string }): Promise<Record<string, unknown> | null>;
  /**
   * Starts the worker now, so that a report asked soon after finds it ready (the first report
   * after starting the app otherwise runs on one thread: about twice as long).
   */
  warm(): void;
  /** The worker has opened the file: the next compute is answered there. */
  isReady(): boolean;
  /** Ends the worker and its connection (the core closes, a restore is coming). */
  close(): Promise<void>;
}

export interface FigureReaderOptions {
  /** The database file. */
  file: string;
  /** The bundled worker (the desktop app's dist-electron/figures-worker.cjs); default: the sources through tsx. */
  script?: string | undefined;
  idleMs?: number;
  /** warm() starts the worker only for a file at least this large (default WARM_FROM_BYTES). */
  warmFromBytes?: number | undefined;
  /** Told when the worker fails (the report goes on without it). */
  onError?: (message: string) => void;
}

export function createFigureReader(options: FigureReaderOptions): FigureReader {
  let worker: Worker | null = null;
  /**
   * Set to 1 by the worker once it has opened the file. Shared memory, not a message: a message
   * is only read when the calling thread's event loop turns, which a run of calls awaiting each
   * other (a script, the bench) may never let it do before the next report.
   */
  let opened = new Int32Array(new SharedArrayBuffer(4));
  const ready = () => Atomics.load(opened, 0) === 1;
  let closed = false;
  let seq = 0;
  let idle: NodeJS.Timeout | null = null;
  /** After a failure the worker is not started again before this time (ms): a file it cannot open is not retried at every report. */
  let notBefore = 0;
  const waiting = new Map<number, (reply: FigureReply | null) => void>();

  const stop = () => {
    const w = worker;
    worker = null;
    opened = new Int32Array(new SharedArrayBuffer(4));
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  };

  function start(): void {
    if (worker || closed || Date.now() < notBefore) return;
    let w: Worker;
    try {
      const workerData = { file: options.file, opened };
      w = options.script ? new Worker(options.script, { workerData }) : sourceWorkerOf(path.join(path.dirname(here()), 'figures-worker.ts'), workerData);
    } catch (e) {
      notBefore = Date.now() + RETRY_MS;
      options.onError?.(messageOf(e));
      return;
    }
    worker = w;
    w.unref();
    w.on('message', (reply: FigureReply) => {
      const resolve = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!reply.ok) options.onError?.(reply.message);
      resolve?.(reply.ok ? reply : null);
    });
    const fail = (message: string) => {
      if (worker !== w) return;
      notBefore = Date.now() + RETRY_MS;
      options.onError?.(message);
      void stop();
    };
    w.on('error', (e: unknown) => fail(messageOf(e)));
    w.on('exit', (code) => fail(`The results report's second reader ended (exit code ${code})`));
  }

  function keepFor(ms: number): void {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), ms);
    idle.unref();
  }

  return {
    async compute(keys, period) {
      if (closed) return null;
      keepFor(options.idleMs ?? IDLE_MS);
      if (!worker) start();
      if (!ready() || !worker) return null;
      const id = ++seq;
      const w = worker;
      const reply = await new Promise<FigureReply | null>((resolve) => {
        waiting.set(id, resolve);
        w.ref();
        w.postMessage({ id, keys, ...period } satisfies FigureRequest);
      });
      if (waiting.size === 0) worker?.unref();
      return reply && reply.ok ? reply.values : null;
    },
    isReady: () => worker !== null && ready(),
    warm() {
      if (closed) return;
      if (sizeOf(options.file) < (options.warmFromBytes ?? WARM_FROM_BYTES)) return;
      keepFor(options.idleMs ?? IDLE_MS);
      start();
    },
    async close() {
      closed = true;
      if (idle) clearTimeout(idle);
      await stop();
    },
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A worker's error crosses threads as a copy that may not be an Error any more. */
function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof message === 'string') return message;
    if (typeof code === 'string') return code;
  }
  return String(e);
}

function here(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}
