/**
 * The results report's second reader (figure-reader.ts) on a database file: the Sylva seed's
 * six months recorded through the contract, then its report computed with half of the figures on
 * the worker thread gives the same report as all of them on one thread, and the seed's own
 * numbers (written here by hand, as in sylva.test.ts). Without a worker (a file it cannot open,
 * a closed reader) the report is the same, computed on the calling thread alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, TEST_HASHING, type TestCore } from '../../testing/test-core';
import { createFigureReader, SECOND_READER, type FigureReader } from './figure-reader';
import { periodOf } from './figures';
import { computeFigures } from './reports.service';
import { recordSylva, SYLVA_PERIOD, type SylvaRecords } from './sylva.dataset';

let dir: string;
let t: TestCore;
let sylva: SylvaRecords;

/** Asks until the worker has opened the file (it starts with the first request). */
async function whenReady(reader: FigureReader): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if ((await reader.compute(['money'], { from: '2024-01-01', to: '2024-01-31', today: '2024-05-03' })) !== null) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the second reader did not start within 120 s');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-figures-'));
  // Any size of file is warmed by a home screen here (the app: from WARM_FROM_BYTES).
  t = await createTestCore({ hashing: TEST_HASHING, dataDir: dir, figuresWarmFromBytes: 0 });
  sylva = await recordSylva(t);
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the results report on two readers', () => {
  it('a core on a file has a second reader; its half of the figures is the slow half named in SECOND_READER', () => {
    expect(t.deps.figures).toBeDefined();
    expect([...SECOND_READER].sort()).toEqual(['households', 'money', 'requestsByStatus', 'servicesByKind', 'tasksDone']);
  });

  it('the coordinator\'s home screen starts the core\'s second reader before any report', async () => {
    const reader = t.deps.figures!;
    expect(reader.isReady()).toBe(false);
    await t.value('dashboard.coordinator', {}, sylva.curator);
    const until = Date.now() + 120_000;
    while (!reader.isReady() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(reader.isReady()).toBe(true);
  }, 180_000);

  it('gives the same figures as one reader, and the Sylva report\'s own numbers', async () => {
    const reader = t.deps.figures!;
    await whenReady(reader);
    const p = () => periodOf(SYLVA_PERIOD.from, SYLVA_PERIOD.to, t.clock.today());
    const alone = await computeFigures(t.deps.db, p(), true);
    const both = await computeFigures(t.deps.db, p(), true, reader);
    expect(both).toEqual(alone);
    expect(Object.keys(both)).toEqual(Object.keys(alone));
    // The worker's figures really came from it: asked directly, it answers them.
    const there = await reader.compute(['servicesByKind', 'households'], { from: SYLVA_PERIOD.from, to: SYLVA_PERIOD.to, today: t.clock.today() });
    expect(there).toEqual({ servicesByKind: alone.servicesByKind, households: alone.households });
    // Through the call, as the curator sees it (sylva.test.ts has every figure).
    const report = await t.value('reports.results', SYLVA_PERIOD, sylva.curator);
    expect(report.events.held).toBe(12);
    expect(report.volunteers).toMatchObject({ involved: 50, regular: 20 });
    expect(report.specialists.count).toBe(5);
    expect(report.peopleReached.named).toBe(100);
    expect(report.underRegularCare.count).toBe(15);
  }, 180_000);

  it('a fresh reader answers its first report when a home screen has warmed it; otherwise the first one is computed here', async () => {
    const period = { from: SYLVA_PERIOD.from, to: SYLVA_PERIOD.to, today: t.clock.today() };
    const cold = createFigureReader({ file: path.join(dir, 'hearth.sqlite') });
    expect(await cold.compute(['money'], period)).toBeNull();
    await cold.close();
    // The Sylva file is small: with the app's default, warm() leaves it to the first report.
    const small = createFigureReader({ file: path.join(dir, 'hearth.sqlite') });
    small.warm();
    await new Promise((r) => setTimeout(r, 1500));
    expect(small.isReady()).toBe(false);
    await small.close();
    const warm = createFigureReader({ file: path.join(dir, 'hearth.sqlite'), warmFromBytes: 0 });
    expect(warm.isReady()).toBe(false);
    warm.warm();
    const until = Date.now() + 120_000;
    while (!warm.isReady() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await warm.compute(['money'], period)).not.toBeNull();
    await warm.close();
  }, 300_000);

  it('without a worker that can open the file, every figure is computed on the calling thread', async () => {
    const errors: string[] = [];
    const broken = createFigureReader({ file: path.join(dir, 'no-such.sqlite'), onError: (m) => errors.push(m) });
    const p = () => periodOf(SYLVA_PERIOD.from, SYLVA_PERIOD.to, t.clock.today());
    const alone = await computeFigures(t.deps.db, p(), false);
    // The first ask starts the worker and is answered here; by the later ones it has failed.
    for (let i = 0; i < 20 && errors.length === 0; i++) {
      expect(await computeFigures(t.deps.db, p(), false, broken)).toEqual(alone);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(errors.join('\n')).toMatch(/unable to open|no such file|SQLITE_CANTOPEN|exit code/i);
    expect(await computeFigures(t.deps.db, p(), false, broken)).toEqual(alone);
    await broken.close();
  }, 120_000);

  it('a closed reader gives nothing, and the report is still whole', async () => {
    const reader = createFigureReader({ file: path.join(dir, 'hearth.sqlite') });
    await whenReady(reader);
    await reader.close();
    expect(await reader.compute(['money'], { from: '2024-01-01', to: '2024-01-31', today: '2024-05-03' })).toBeNull();
    const p = () => periodOf(SYLVA_PERIOD.from, SYLVA_PERIOD.to, t.clock.today());
    expect(await computeFigures(t.deps.db, p(), true, reader)).toEqual(await computeFigures(t.deps.db, p(), true));
  }, 180_000);
});
