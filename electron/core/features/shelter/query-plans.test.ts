/**
 * The shelter's queries at city scale (Cherkasy: 241 people a year; here ten years of a large
 * town's shelters, 20,000 stays of 6,000 residents): every statement each call sends is explained
 * with full statistics and with the app's bounded ones; none reads the stays or the residents
 * whole (`SCAN <table>` without an index; the shelters themselves are a handful of rows and may be
 * read whole, as may the capped count's own subquery x), and each call uses the index it was
 * written for.
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, explainCall, loggingDb, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { eraseResident } from '../privacy/erasure';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;

let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Прізвище' || i, 'Ім’я', 'прізвище' || printf('%05d', i), 'k' || i, 'k' || i, 'Черкаси', 1940 + i % 70, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(3)} insert into shelters (name, address, places, created_at, created_by, updated_at, updated_by)
      select 'Притулок ' || i, 'вул. ' || i, 150, '${NOW}', 1, '${NOW}', 1 from n;
    -- Ten years of closed stays: residents 1–6000, a stay of 20 to 200 days, some come back.
    ${numbers(20_000)} insert into shelter_stays (shelter_id, resident_id, bed, checked_in_on, checked_out_on, out_reason, out_note, created_at, created_by, updated_at, updated_by)
      select 1 + i % 3, 1 + i % ${RESIDENTS}, '', date('2016-01-01', '+' || (i * 3650 / 20000) || ' days'),
        date('2016-01-01', '+' || (i * 3650 / 20000 + 20 + i % 180) || ' days'), 'ownHousing', '', '${NOW}', 1, '${NOW}', 1 from n;
    -- 300 there now (residents who have no stay ending after their check-in).
    delete from shelter_stays where resident_id > 5700 and checked_out_on >= '2026-01-01';
    ${numbers(300)} insert into shelter_stays (shelter_id, resident_id, bed, checked_in_on, out_note, created_at, created_by, updated_at, updated_by)
      select 1 + i % 3, 5700 + i, '', date('2026-06-01', '+' || (i % 150) || ' days'), '', '${NOW}', 1, '${NOW}', 1 from n;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !/^SCAN (s|shelters|x)$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('shelter query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const base = stats === 'analyze' ? 0 : 100;

  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'the shelters with who is there', call: 'shelter.list', input: () => ({}), uses: ['shelter_stays_present'] },
    { name: 'who is there today', call: 'shelter.today', input: () => ({}), uses: ['shelter_stays_present'] },
    { name: 'a month of stays', call: 'shelter.history', input: () => ({ from: '2026-03-01', to: '2026-03-31' }), uses: ['shelter_stays_period'] },
    { name: 'a month of stays, page 2', call: 'shelter.history', input: () => ({ from: '2026-03-01', to: '2026-03-31', limit: 10, cursor: { on: '2026-02-01', id: 19_000 } }), uses: ['shelter_stays_period'] },
    { name: "a resident's stays", call: 'shelter.ofResident', input: () => ({ residentId: 1234 }), uses: ['shelter_stays_resident'] },
    {
      name: 'check a resident in',
      call: 'shelter.checkIn',
      input: () => ({ shelterId: 1, residentId: 10 + base, confirmOverPlaces: true }),
      uses: ['shelter_stays_resident', 'shelter_stays_present'],
    },
    { name: 'check a resident out', call: 'shelter.checkOut', input: () => ({ id: 20_010 + base, reason: 'relatives' }), uses: [] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 200)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });

  it('erasing a person who was in the shelter', async () => {
    const sent: CompiledQuery[] = [];
    await eraseResident(loggingDb(t, sent), 3020 + base, { actorId: 1, at: NOW, today: NOW.slice(0, 10) });
    const stays = explain(t, sent).filter((s) => /shelter_stays/.test(s.sql));
    expect(stays.length).toBeGreaterThan(0);
    expect(problems(stays, ['shelter_stays_resident'])).toEqual([]);
  });
});
