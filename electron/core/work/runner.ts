/**
 * Long work off the thread that answers calls (ARCHITECTURE.md): backups, checks of backup files,
 * the full export and the weekly integrity check run in one worker thread (node:worker_threads,
 * plain Node in both hosts), one job after another, each with a connection of its own to the
 * database file. The thread answering calls only waits for the answer, so a search during a
 * city-scale backup answers as fast as without one.
 *
 * The worker starts with the first job and ends after a minute without one. Jobs queue: at most
 * one extra core is busy, and a restore can wait until nothing runs (`idle`).
 *
 * Where the worker's code comes from:
 * - browser mode, the command line and tests run the TypeScript sources through tsx: the worker
 *   is started from a two-line bootstrap that registers tsx in the new thread and imports
 *   worker.ts (tsx's loader in `execArgv` does not reach a worker's entry on Node 20);
 * - the desktop app runs bundles (scripts/build-electron.mjs): its main process passes
 *   `script` = dist-electron/work-worker.cjs, the bundle of worker.ts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OnProgress } from '../backup/container';
import { jobs, type JobName, type JobParams, type JobResult } from './jobs';
import { fromWire, toWire, type JobMessage, type JobRequest } from './protocol';

/** Progress of one job, as the core's events carry it to the screens. */
export interface WorkProgress {
  task: JobName;
  /** Tells two runs of the same task apart. */
  id: string;
  done: number;
  total: number;
}

export interface LongWork {
  /** Runs a job after the ones already queued; resolves with its result or rejects with its error. */
  run<J extends JobName>(job: J, params: JobParams<J>): Promise<JobResult<J>>;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
  /** Waits for the queued jobs, then ends the worker. */
  close(): Promise<void>;
}

export interface WorkOptions {
  /** The bundled worker (the desktop app); by default worker.ts through tsx. */
  script?: string | undefined;
  /** Hears every job's progress, at most every `progressMs` and at its start and end. */
  onProgress?: ((progress: WorkProgress) => void) | undefined;
  progressMs?: number;
  /** How long the worker waits for the next job before it ends (ms). */
  idleMs?: number;
}

/**
 * A worker thread running a TypeScript entry from the sources through tsx (browser mode, the
 * command line, tests): the long-work thread here, the results report's second reader
 * (features/reports/figure-reader.ts).
 */
export function sourceWorkerOf(source: string, workerData?: unknown): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  // A bundle without its worker's path would otherwise look for TypeScript beside itself.
  if (!existsSync(source)) throw new Error(`The worker's script was not given and ${source} does not exist`);
  const entry = pathToFileURL(source).href;
  const require = createRequire(here);
  const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(bootstrap, { eval: true, execArgv: [], workerData });
}

/** The source worker, started through tsx (browser mode, the command line, tests). */
function sourceWorker(): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return sourceWorkerOf(path.join(path.dirname(here), 'worker.ts'));
}

/** Limits progress reports to one per `ms` (always the first and the last). */
function throttle(ms: number, report: (done: number, total: number) => void): OnProgress {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== 0 && done < total && now - last < ms) return;
    last = now;
    report(done, total);
  };
}

let runs = 0;
const nextId = (job: JobName) => `${job}-${process.pid}-${++runs}`;

export function createWorkRunner(options: WorkOptions = {}): LongWork {
  const idleMs = options.idleMs ?? 60_000;
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let closed = false;
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress: OnProgress }>();

  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };

  function start(): Worker {
    if (worker) return worker;
    const w = options.script ? new Worker(options.script) : sourceWorker();
    w.on('message', (m: JobMessage) => {
      const entry = waiting.get(m.id);
      if (!entry) return;
      if (m.kind === 'progress') entry.progress(m.done, m.total);
      else {
        waiting.delete(m.id);
        if (m.kind === 'done') entry.resolve(m.value);
        else entry.reject(fromWire(m.error));
      }
    });
    w.on('error', (e) => {
      worker = null;
      failAll(e instanceof Error ? e : new Error(String(e)));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`The long-work thread ended (exit code ${code})`));
    });
    worker = w;
    return w;
  }

  function stopWhenIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (pending === 0 && worker) void worker.terminate();
    }, idleMs);
    idleTimer.unref();
    // An idle worker does not keep the process alive.
    worker?.unref();
  }

  function runNow<J extends JobName>(job: J, params: JobParams<J>): Promise<JobResult<J>> {
    const id = ++seq;
    const taskId = nextId(job);
    const progress = throttle(options.progressMs ?? 200, (done, total) => options.onProgress?.({ task: job, id: taskId, done, total }));
    if (idleTimer) clearTimeout(idleTimer);
    const w = start();
    w.ref();
    return new Promise<JobResult<J>>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      const request: JobRequest = { id, job, params };
      w.postMessage(request);
    });
  }

  return {
    run(job, params) {
      if (closed) return Promise.reject(new Error('The long-work runner is closed'));
      pending++;
      const result = queue.then(() => runNow(job, params));
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      void queue.then(() => {
        pending--;
        if (pending === 0) stopWhenIdle();
      });
      return result;
    },
    idle: () => queue.then(() => undefined),
    async close() {
      closed = true;
      await queue;
      if (idleTimer) clearTimeout(idleTimer);
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}

/**
 * The same jobs in the calling thread (the command line, where nothing else waits for an answer),
 * one after another like the worker runs them.
 */
export function inThreadWork(options: Pick<WorkOptions, 'onProgress' | 'progressMs'> = {}): LongWork {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(job, params) {
      const taskId = nextId(job);
      const progress = throttle(options.progressMs ?? 200, (done, total) => options.onProgress?.({ task: job, id: taskId, done, total }));
      const fn = jobs[job] as (params: JobParams<typeof job>, onProgress: OnProgress) => Promise<JobResult<typeof job>>;
      // The same error mapping as across threads, so both runners fail alike.
      const result = queue.then(() => fn(params, progress)).catch((e: unknown) => {
        throw fromWire(toWire(e));
      });
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result as Promise<JobResult<typeof job>>;
    },
    idle: () => queue.then(() => undefined),
    close: () => queue.then(() => undefined),
  };
}
