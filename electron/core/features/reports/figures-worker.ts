/**
 * The results report's second reader (figure-reader.ts): a worker thread with a read-only
 * connection of its own to the database file, computing the figures the thread answering calls
 * hands it, in one read transaction (one snapshot for all of them). Plain Node: under tsx from
 * the sources, bundled as dist-electron/figures-worker.cjs in the desktop app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../db/schema';
import { FIGURES, periodOf } from './figures';
import type { FigureRequest, FigureReply } from './figure-reader';

const port = parentPort;
if (port === null) throw new Error('reports/figures-worker.ts runs as a worker thread only');
const { file, opened } = workerData as { file: string; opened: Int32Array };

const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
const send = (reply: FigureReply) => port.postMessage(reply);

async function answer(request: FigureRequest): Promise<void> {
    const p = periodOf(request.from, request.to, request.today);
    const values: Record<string, unknown> = {};
    sqlite.exec('begin');
    try {
      for (const f of FIGURES) if (request.keys.includes(f.key)) values[f.key] = await f.compute(db, p);
      send({ id: request.id, ok: true, values });
    } catch (e) {
      send({ id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) });
    } finally {
      sqlite.exec('commit');
    }
}

// Two reports asked at once are answered one after the other: one read transaction at a time.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: FigureRequest) => {
  queue = queue.then(() => answer(request));
});
// Ready: the calling thread reads this flag without waiting for a message (figure-reader.ts).
Atomics.store(opened, 0, 1);
