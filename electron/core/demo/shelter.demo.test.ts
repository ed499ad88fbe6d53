import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import type { ShelterToday } from '../../../shared/domain/shelter';

const NOW = '2026-11-23T09:00:00Z';
const TODAY = '2026-11-23';
const SETUP = { centreName: 'Черкаський центр', country: 'UA', currency: 'UAH', language: 'uk', demo: true } as const;

let core: Awaited<ReturnType<typeof startCore>>;
beforeAll(async () => {
  core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
  const answer = await core.dispatch('setup.complete', SETUP, { actor: BUILT_IN_ADMIN });
  expect(answer.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await core.close();
});

describe('the demo shelter (uk)', () => {
  it('a 12-place shelter with households and people alone checked in over recent months, some checked out', async () => {
    const answer = await core.dispatch('shelter.today', {}, { actor: BUILT_IN_ADMIN });
    if (!answer.ok) throw new Error(answer.error.message);
    const value = answer.value as ShelterToday[];
    expect(value).toHaveLength(1);
    const [today] = value;
    expect(today!.shelter).toMatchObject({ name: 'Тимчасовий притулок для ВПО', places: 12 });
    const all = (await core.deps.db.selectFrom('shelter_stays').selectAll().execute());
    // Two households (2–4 members each) and four people alone.
    expect(all.length).toBeGreaterThanOrEqual(4 + 2 * 2);
    expect(new Set(all.filter((s) => s.household_id !== null).map((s) => s.household_id)).size).toBe(2);
    // Three checked out: one household member to relatives, two alone (own housing, left the town).
    expect(all.filter((s) => s.checked_out_on !== null).map((s) => s.out_reason).sort()).toEqual(['leftTown', 'ownHousing', 'relatives']);
    expect(today!.stays).toHaveLength(all.length - 3);
    expect(today!.shelter.occupied).toBe(all.length - 3);
    for (const s of all) {
      expect(s.checked_in_on <= TODAY).toBe(true);
      if (s.checked_out_on !== null) expect(s.checked_out_on <= TODAY && s.checked_out_on >= s.checked_in_on).toBe(true);
    }
  });
});
