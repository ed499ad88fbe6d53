/**
 * The long-work thread's entry (node:worker_threads): runs one job at a time as the other thread
 * asks (jobs.ts), posts its progress, then its result or its failure. Plain Node: the same file
 * runs under tsx in browser mode and in tests, and bundled (dist-electron/work-worker.cjs) in the
 * desktop app.
 */
import { parentPort } from 'node:worker_threads';
import { jobs, JOB_NAMES, type JobName } from './jobs';
import { toWire, type JobMessage, type JobRequest } from './protocol';

const port = parentPort;
if (port === null) throw new Error('work/worker.ts runs as a worker thread only');

const isJob = (name: unknown): name is JobName => typeof name === 'string' && (JOB_NAMES as readonly string[]).includes(name);
const send = (message: JobMessage) => port.postMessage(message);

port.on('message', (request: JobRequest) => {
  const { id, job, params } = request;
  if (!isJob(job)) {
    send({ id, kind: 'failed', error: { code: 'internal', message: `Unknown job ${String(job)}` } });
    return;
  }
  const run = jobs[job] as (params: unknown, onProgress: (done: number, total: number) => void) => Promise<unknown>;
  run(params, (done, total) => send({ id, kind: 'progress', done, total })).then(
    (value) => send({ id, kind: 'done', value }),
    (e: unknown) => send({ id, kind: 'failed', error: toWire(e) }),
  );
});
