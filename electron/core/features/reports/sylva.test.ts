/**
 * The Sylva seed as a test (issue 14): the centre's six months recorded through the contract
 * (sylva.dataset.ts) give the figures of its report, and the noise around them counts nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, TEST_HASHING, type TestCore } from '../../testing/test-core';
import { recordSylva, SYLVA_PERIOD, type SylvaRecords } from './sylva.dataset';

let t: TestCore;
let sylva: SylvaRecords;

beforeAll(async () => {
  t = await createTestCore({ hashing: TEST_HASHING });
  const started = Date.now();
  sylva = await recordSylva(t);
  console.log(`Sylva recorded with ${sylva.calls} calls in ${Date.now() - started} ms`);
});
afterAll(async () => {
  await t?.close();
});

describe('the Sylva seed (01.11.2023–01.05.2024)', () => {
  it('12 events', async () => {
    const page = await t.value('events.list', { ...SYLVA_PERIOD, limit: 200 });
    expect(page.events).toHaveLength(12);
    const withMay = await t.value('events.list', { from: SYLVA_PERIOD.from, to: '2024-05-02', limit: 200 });
    expect(withMay.events).toHaveLength(13);
  });

  it('50 volunteers of whom 20 regular, 5 specialists', async () => {
    const r = await t.value('reports.volunteersActive', { from: '2023-11', to: '2024-04' });
    expect(r.active).toEqual({ regular: 20, occasional: 30, specialists: 5, total: 50 });
  });

  it('15 people under regular care', async () => {
    const care = await t.value('care.list', {});
    expect(care.filter((c) => c.residentId !== sylva.noise.lateCareResidentId)).toHaveLength(15);
    expect(care).toHaveLength(16);
  });

  it('22 people in master classes and consultations', async () => {
    const page = await t.value('events.list', { ...SYLVA_PERIOD, limit: 200 });
    const people = new Set<number>();
    for (const e of page.events.filter((x) => x.kind === 'masterClass' || x.kind === 'consultationDay')) {
      for (const a of (await t.value('events.get', { id: e.id })).attendees) if (a.status === 'attended') people.add(a.residentId!);
    }
    expect(people.size).toBe(22);
  });
});
