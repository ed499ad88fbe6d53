/**
 * The events' queries at city scale: a city year has about 300 events (Cherkasy's 297 awareness
 * events, 71 mobile-team trips); three years of them here, 1,000 events with 20 named attendees
 * each on a database of 6,000 residents, with full statistics and with the app's bounded ones.
 * None reads a table whole (`SCAN <table>` without an index), and each call uses the index it
 * was written for.
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, explainCall, loggingDb, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { eraseResident } from '../privacy/erasure';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const EVENTS = 1_000;

let t: TestCore;

const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Прізвище' || i, 'Ім''я', 'прізвище' || printf('%05d', i), 'k' || i, 'k' || i, 'Черкаси', 1960 + i % 40, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(EVENTS)} insert into events (title, kind, starts_on, starts_at, capacity, created_at, created_by, updated_at, updated_by)
      select 'Захід ' || i,
        case i % 4 when 0 then 'awarenessEvent' when 1 then 'masterClass' when 2 then 'mobileTeamTrip' else 'streetWork' end,
        date('2024-01-01', '+' || i || ' days'), '10:00', 30, '${NOW}', 1, '${NOW}', 1 from n;
    -- Twenty named attendees an event: event e has residents (e * 20 + k) % 6000 + 1.
    ${numbers(20)} insert into event_attendance (event_id, resident_id, status, created_at, created_by, updated_at, updated_by)
      select e.id, (e.id * 20 + n.i) % ${RESIDENTS} + 1, case n.i % 5 when 0 then 'noShow' else 'attended' end, '${NOW}', 1, '${NOW}', 1 from events e, n;
    insert into event_head_counts (event_id, band, count) select id, 'women', 3 from events;
    insert into event_head_counts (event_id, band, count) select id, 'men', 2 from events;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** An INSERT reads nothing else (its foreign-key checks run only with outstanding violations), so its plan is not checked. */
function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    for (const line of s.plan) if (/^SCAN \w+$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('events query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  const base = stats === 'analyze' ? 0 : 1;
  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'the events of a period', call: 'events.list', input: () => ({ from: '2025-01-01', to: '2025-12-31', limit: 50 }), uses: ['events_day', 'event_attendance_event'] },
    { name: 'the events of a kind', call: 'events.list', input: () => ({ kind: 'streetWork', from: '2025-01-01', to: '2025-12-31' }), uses: ['events_kind_day'] },
    { name: 'the next page', call: 'events.list', input: () => ({ cursor: { startsOn: '2025-06-01', id: 517 }, limit: 20 }), uses: ['events_day'] },
    { name: 'an event', call: 'events.get', input: () => ({ id: 321 }), uses: ['event_attendance_event', 'event_organisers_event'] },
    { name: "a resident's events", call: 'events.ofResident', input: () => ({ residentId: 1234 }), uses: ['event_attendance_resident'] },
    // Resident 5,000 + base is not at event 700 + base (its attendees are 14,001 … 14,020 mod 6,000).
    { name: 'register', call: 'events.register', input: () => ({ id: 700 + base, residentId: 5_000 + base, confirmOverCapacity: true }), uses: ['(?:event_attendance_once|event_attendance_resident)'] },
    { name: 'register within capacity', call: 'events.register', input: () => ({ id: 710 + base, residentId: 5_100 + base }), uses: ['event_attendance_event'] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });

  it('a page of events reads a fixed number of statements, whatever its size (no statement per event)', async () => {
    const small = await explainCall(t, 'events.list', { from: '2024-01-01', to: '2026-12-31', limit: 5 });
    const large = await explainCall(t, 'events.list', { from: '2024-01-01', to: '2026-12-31', limit: 200 });
    // The page, its attendance by event and status, its head counts.
    expect(small.length).toBe(3);
    expect(large.length).toBe(3);
    expect(problems(large, ['events_day', 'event_attendance_event', 'sqlite_autoindex_event_head_counts_1'])).toEqual([]);
  });

  it('erasing an attendee', async () => {
    const sent: CompiledQuery[] = [];
    await eraseResident(loggingDb(t, sent), 3020 + base, { actorId: 1, at: NOW, today: NOW.slice(0, 10) });
    const events = explain(t, sent).filter((s) => /event_attendance/.test(s.sql));
    expect(events.length).toBeGreaterThan(0);
    expect(problems(events, ['event_attendance_resident'])).toEqual([]);
  });
});
