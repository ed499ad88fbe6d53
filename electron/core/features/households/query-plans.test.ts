/**
 * The households' queries at city scale (Cherkasy serves 4,830 families or persons a year): every
 * statement each call sends is explained on a database of 6,000 residents and 3,000 households
 * with their history, with full statistics and with the app's bounded ones, and none reads
 * residents, households or their members whole (`SCAN <table>` without an index); each call
 * uses the index it was written for.
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, explainCall, loggingDb, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { eraseResident } from '../privacy/erasure';
import { nameKey } from '../../../../shared/domain/text';
import { matchKeys } from '../../../../shared/domain/matcher';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const HOUSEHOLDS = 3_000;

let t: TestCore;

const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село ' || (i % 50), 1940 + i % 70, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(HOUSEHOLDS)} insert into households (settlement, street, house, formed_on, created_at, created_by, updated_at, updated_by)
      select 'Село ' || (i % 50), 'Улица', '' || i, date('2020-01-01', '+' || (i % 2000) || ' days'), '${NOW}', 1, '${NOW}', 1 from n;
    -- Heads (residents 1–3000) and spouses (3001–5000) living there now; a child in every second household.
    insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by)
      select id, id, 'head', formed_on, '${NOW}', 1, '${NOW}', 1 from households;
    insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by)
      select id, 3000 + id, 'spouse', formed_on, '${NOW}', 1, '${NOW}', 1 from households where id <= 2000;
    insert into household_members (household_id, relation, birth_year, from_on, created_at, created_by, updated_at, updated_by)
      select id, 'child', 2010 + id % 15, formed_on, '${NOW}', 1, '${NOW}', 1 from households where id % 2 = 0;
    -- Their surnames as search terms, the full name as the sort key (residents.repo does both).
    update residents set sort_key = sort_key || ' имя';
    insert into resident_search_terms (resident_id, term, rank) select id, substr(sort_key, 1, instr(sort_key, ' ') - 1), 0 from residents;
    -- History: residents 5001–6000 once lived in a household and left it.
    insert into household_members (household_id, resident_id, relation, from_on, to_on, end_reason, created_at, created_by, updated_at, updated_by)
      select 1 + (r.id * 7) % ${HOUSEHOLDS}, r.id, 'sibling', '2019-06-01', '2024-03-01', 'left', '${NOW}', 1, '${NOW}', 1 from residents r where r.id > 5000;
    -- Three years of requests of every kind: every third resident asks twice.
    insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select r.id, (select min(id) from service_kinds) + (r.id + x) % (select count(*) from service_kinds), 'normal', 'walkIn', '', 'done', '${NOW}',
        date('2024-01-01', '+' || ((r.id * 7 + x * 400) % 1050) || ' days'), 1, '${NOW}', 1
      from residents r, (select 1 as x union all select 2) where r.id % 3 = 0;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

/**
 * An INSERT … RETURNING into households is explained with a SCAN of every table whose foreign
 * key points at households without an index (from_household_id, to_household_id, split_from_id):
 * the check of orphaned child rows, which SQLite runs only while deferred foreign-key violations
 * are outstanding (OP_FkIfZero), never here; a hundred such inserts beside two million child
 * rows take a millisecond. An INSERT reads nothing else, so its plan is not checked.
 */
function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    // A name the statement defines itself (`<name> as materialized (…)`) is a result it made, not a table.
    const own = new Set([...s.sql.matchAll(/(\w+) as materialized \(/g)].map((m) => m[1]));
    for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !own.has(line.slice(5))) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX (${index})\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('households query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  // Each write works on households of its own (the two runs use different ones).
  const base = stats === 'analyze' ? 0 : 100;
  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'a household', call: 'households.get', input: () => ({ id: 1234 }), uses: ['household_members_household'] },
    { name: "a resident's households", call: 'households.ofResident', input: () => ({ residentId: 5555 }), uses: ['household_members_resident'] },
    { name: "a head's households", call: 'households.ofResident', input: () => ({ residentId: 1234 }), uses: ['household_members_resident', 'household_members_household'] },
    { name: 'families served in a quarter', call: 'households.familiesServed', input: () => ({ from: '2026-03-01', to: '2026-05-31' }), uses: ['requests_day_resident', 'household_members_resident'] },
    {
      name: 'register a household',
      call: 'households.create',
      // Residents who lived in a household once (5001–6000) and live in none now.
      input: () => ({ headResidentId: 5001 + base, members: [{ residentId: 5002 + base, relation: 'spouse' }, { relation: 'child', birthYear: 2015 }] }),
      // "Lives in a household now?": the partial unique index, or the resident's few memberships
      // from the covering one (migration 20261206_1910 gave it the end day); `a|b` is either.
      uses: ['household_members_one_household|household_members_resident'],
    },
    { name: 'add a member', call: 'households.addMember', input: () => ({ id: 11 + base, member: { residentId: 5010 + base, relation: 'sibling' } }), uses: ['household_members_household'] },
    { name: 'move a member', call: 'households.moveMember', input: () => ({ id: 12 + base, memberId: 12 + base, toHouseholdId: 13 + base, relation: 'parent', newHeadMemberId: 3012 + base }), uses: ['household_members_household'] },
    { name: 'split a household', call: 'households.split', input: () => ({ id: 14 + base, headMemberId: 3014 + base }), uses: ['household_members_household'] },
    { name: 'change the address', call: 'households.update', input: () => ({ id: 16 + base, address: { settlement: 'Село 1', street: 'Новая', house: '2', flat: '' } }), uses: ['household_members_household'] },
    { name: 'change the head', call: 'households.changeHead', input: () => ({ id: 17 + base, headMemberId: 3017 + base, relation: 'spouse' }), uses: ['household_members_household'] },
    { name: 'end a membership', call: 'households.endMembership', input: () => ({ id: 15 + base, memberId: 3015 + base, reason: 'deceased' }), uses: ['household_members_household'] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
    // A report over a period reads that period's requests, never every request through an index.
    if (c.call === 'households.familiesServed') expect(statements.flatMap((s) => s.plan).filter((line) => /^SCAN \w+ USING/.test(line))).toEqual([]);
  });

  // The search and the duplicate warning show each resident's household: one statement per page.
  const lists: Array<{ name: string; call: CallName; input: Record<string, unknown> }> = [
    { name: 'a page of the search', call: 'residents.search', input: { q: '', limit: 50 } },
    { name: 'a page of the search by name', call: 'residents.search', input: { q: 'фамилия0', limit: 50 } },
    { name: 'the duplicate warning', call: 'residents.findDuplicates', input: { lastName: 'Дубль', firstName: 'Имя', birthYear: null } },
  ];
  it.each(lists)('$name: one lookup of the households for the page', async (c) => {
    // Three people of the same name (a head, a spouse, one living alone): the warning lists them.
    t.sqlite.prepare('update residents set short_name_key = ?, name_key = ? where id in (1, 3001, 4500)').run(nameKey('Дубль', 'Имя'), nameKey('Дубль', 'Имя', ''));
    // The matcher finds them by their match keys (issue 15).
    for (const id of [1, 3001, 4500]) {
      t.sqlite.prepare("update residents set last_name = 'Дубль', first_name = 'Имя' where id = ?").run(id);
      for (const key of matchKeys({ lastName: 'Дубль', firstName: 'Имя' })) t.sqlite.prepare('insert or ignore into resident_match_keys (key, resident_id) values (?, ?)').run(key, id);
    }
    const statements = (await explainCall(t, c.call, c.input)).filter((s) => /household/.test(s.sql));
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements).toHaveLength(1);
    expect(problems(statements, ['household_members_one_household', 'household_members_household'])).toEqual([]);
  });

  it('erasing a person who lives in a household', async () => {
    const sent: CompiledQuery[] = [];
    await eraseResident(loggingDb(t, sent), 3020 + base, { actorId: 1, at: NOW, today: NOW.slice(0, 10) });
    const household = explain(t, sent).filter((s) => /household/.test(s.sql));
    if (process.env.SHOW_PLANS) for (const s of household) console.log(`${s.sql.slice(0, 160)}\n    ${s.plan.join("\n    ")}`);
    expect(household.length).toBeGreaterThan(0);
    expect(problems(household, ['household_members_resident', 'household_members_household'])).toEqual([]);
  });
});
