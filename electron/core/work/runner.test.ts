/**
 * Long work off the thread that answers calls: backups and the full export run on the worker
 * thread (started from the TypeScript sources, as in browser mode), report progress through the
 * core's events, fail with the codes they would have in-thread, and leave calls answered while
 * they run. Ordering, not clocks: a search sent once the backup is under way answers before it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { CoreEvent } from '../../../shared/api/events';
import { BUILT_IN_ADMIN } from '../context';
import { startCore, type StartedCore } from '../start';
import { minimalResidentInput } from '../testing/builders';
import { createWorkRunner, inThreadWork, type WorkProgress } from './runner';

const admin = { actor: BUILT_IN_ADMIN };
let root: string;
let core: StartedCore;
const events: CoreEvent[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'hearth-work-'));
  core = await startCore({ dataDir: path.join(root, 'data') });
  core.events.subscribe((e) => events.push(e));
  for (let i = 0; i < 300; i++) {
    const made = await core.dispatch('residents.create', minimalResidentInput({ lastName: `Коваленко ${i}`, notes: 'доставка ліків · παράδοση φαρμάκων'.repeat(20) }), admin);
    if (!made.ok) throw new Error(JSON.stringify(made));
  }
}, 120_000);

afterAll(async () => {
  await core?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const progressOf = (task: string) => events.filter((e): e is Extract<CoreEvent, { type: 'progress' }> => e.type === 'progress' && e.task === task);

describe('long work on the worker thread', () => {
  it('backups.create runs there and reports its progress as core events, from 0 to the end', async () => {
    events.length = 0;
    const made = await core.dispatch('backups.create', {}, admin);
    expect(made).toMatchObject({ ok: true, value: { kind: 'manual', residents: 300 } });
    const progress = progressOf('backup');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(new Set(progress.map((p) => p.id)).size).toBe(1);
    expect(progress[0]).toMatchObject({ done: 0, total: 1000 });
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000 });
  });

  it('a search sent while a backup runs answers before the backup does', async () => {
    events.length = 0;
    const order: string[] = [];
    const underWay = new Promise<void>((resolve) => {
      const stop = core.events.subscribe((e) => {
        if (e.type === 'progress' && e.task === 'backup') {
          stop();
          resolve();
        }
      });
    });
    // Encrypted with the production scrypt cost: the worker derives the key twice (writing, reading back).
    const backup = core.dispatch('backups.create', { passphrase: 'довгий пароль' }, admin).then((answer) => {
      order.push('backup');
      return answer;
    });
    await underWay;
    const search = await core.dispatch('residents.search', { q: 'коваленко 1' }, admin);
    order.push('search');
    expect(search).toMatchObject({ ok: true });
    expect((search as { value: unknown[] }).value.length).toBeGreaterThan(0);
    expect(await backup).toMatchObject({ ok: true, value: { encrypted: true } });
    expect(order).toEqual(['search', 'backup']);
  });

  it('export.full runs there too, with its progress in rows', async () => {
    events.length = 0;
    const answer = await core.dispatch('export.full', {}, admin);
    expect(answer).toMatchObject({ ok: true });
    const progress = progressOf('export');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const last = progress.at(-1);
    expect(last?.done).toBe(last?.total);
    expect(last?.total).toBe((answer as { value: { rows: number } }).value.rows);
  });

  it('a damaged backup file is refused with the same code as before (backupDamaged), checked on the worker', async () => {
    const dir = path.join(root, 'data', 'backups');
    writeFileSync(path.join(dir, 'hearth-20260101-000000-manual.hearthbak'), Buffer.from('HEARTHBK\u0000\u0000\u0000\u0002{}'));
    const answer = await core.dispatch('backups.preview', { id: 'hearth-20260101-000000-manual.hearthbak' }, admin);
    expect(answer).toMatchObject({ ok: false, error: { code: 'backupDamaged' } });
    rmSync(path.join(dir, 'hearth-20260101-000000-manual.hearthbak'));
  });
});

describe('the runner', () => {
  it('runs jobs one after another in another thread, and in-thread alike', async () => {
    const seen: WorkProgress[] = [];
    const work = createWorkRunner({ onProgress: (p) => seen.push(p), progressMs: 0 });
    const inThread = inThreadWork();
    const database = path.join(root, 'data', 'hearth.sqlite');
    try {
      const [a, b] = await Promise.all([work.run('integrity', { databaseFile: database }), work.run('integrity', { databaseFile: database })]);
      expect(a).toEqual({ problems: [] });
      expect(b).toEqual({ problems: [] });
      expect(await inThread.run('integrity', { databaseFile: database })).toEqual({ problems: [] });
      // Two runs, each reported from start to end, the first finished before the second began.
      const ids = [...new Set(seen.map((p) => p.id))];
      expect(ids).toHaveLength(2);
      const firstEnd = seen.findIndex((p) => p.id === ids[0] && p.done === p.total);
      const secondStart = seen.findIndex((p) => p.id === ids[1]);
      expect(firstEnd).toBeLessThan(secondStart);
    } finally {
      await work.close();
    }
  });

  it('a failing job fails alike on both runners (an io failure is a plain Error: dispatch answers internal), and the worker stays usable', async () => {
    const work = createWorkRunner();
    try {
      for (const runner of [work, inThreadWork()]) {
        const params = {
          databaseFile: path.join(root, 'data', 'hearth.sqlite'),
          workDir: path.join(root, 'data', 'backups'),
          targetDir: path.join(root, 'data', 'backups'),
          name: 'x.hearthbak',
          kind: 'manual' as const,
          createdAt: '2026-01-01T00:00:00.000Z',
          appVersion: '0',
          passphrase: '',
        };
        // An empty passphrase is refused by the container: an io error, so `internal`.
        const failed = await runner.run('backup', params).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(Error);
        expect(failed).not.toBeInstanceOf(AppError);
        const missing = await runner.run('backup', { ...params, passphrase: undefined, databaseFile: path.join(root, 'nothing.sqlite') }).catch((e: unknown) => e);
        expect(missing).toBeInstanceOf(Error);
      }
      // The worker is still usable after failures.
      expect(await work.run('integrity', { databaseFile: path.join(root, 'data', 'hearth.sqlite') })).toEqual({ problems: [] });
    } finally {
      await work.close();
    }
  });

  it('a worker that cannot start fails the job instead of hanging', async () => {
    const work = createWorkRunner({ script: path.join(root, 'no-such-worker.cjs') });
    await expect(work.run('integrity', { databaseFile: path.join(root, 'data', 'hearth.sqlite') })).rejects.toBeInstanceOf(Error);
    await work.close();
  });
});
