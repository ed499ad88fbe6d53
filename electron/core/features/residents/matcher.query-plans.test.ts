/**
 * The matcher's, the duplicates list's, the merge's and the ranked search's queries at city scale
 * (issue 15): explained on 6,000 residents with their match keys and search terms, with full and
 * with the app's bounded statistics; none reads residents, their keys, terms or records whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { matchKeys } from '../../../../shared/domain/matcher';
import { fold } from '../../../../shared/domain/text';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const SURNAMES = ['Петренко', 'Петров', 'Петрова', 'Иванов', 'Коваль', 'Παπαδοπούλου', 'Παπάς', 'Kowalska', 'Szczerbina', 'Щербина'];
const FIRST = ['Олена', 'Иван', 'Анна', 'Пётр', 'Γιώργος', 'Maria'];

let t: TestCore;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  const insert = t.sqlite.prepare(
    `insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, '', '', ?, ?, '${NOW}', 1, '${NOW}', 1)`,
  );
  const key = t.sqlite.prepare('insert or ignore into resident_match_keys (key, resident_id) values (?, ?)');
  const term = t.sqlite.prepare('insert into resident_search_terms (resident_id, term, rank) values (?, ?, ?)');
  t.sqlite.transaction(() => {
    for (let i = 1; i <= RESIDENTS; i++) {
      const last = `${SURNAMES[i % SURNAMES.length]}${i % 7 === 0 ? i : ''}`;
      const first = FIRST[i % FIRST.length] as string;
      const id = Number(insert.run(last, first, fold(`${last} ${first}`), `Село ${i % 50}`, 1940 + (i % 70)).lastInsertRowid);
      for (const k of matchKeys({ lastName: last, firstName: first })) key.run(k, id);
      term.run(id, fold(last), 0);
      term.run(id, fold(first), 1);
    }
    // Records merged before: one in ten residents has one (a merge moves the lines of the record that goes).
    const merged = t.sqlite.prepare(`insert into resident_merges (survivor_id, merged_id, merged_name, merged_at, merged_by) values (?, ?, 'Петров', '${NOW}', 1)`);
    for (let i = 10; i <= RESIDENTS; i += 10) merged.run(i, RESIDENTS + i);
  })();
});
afterAll(async () => {
  await t.close();
});

/** Whole-table reads (a SCAN without an index) of anything but the few rows of a statement's own VALUES. */
function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !/^SCAN (s|m)$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('matcher, duplicates, merge and search plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const base = stats === 'analyze' ? 0 : 100;

  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'the duplicate warning (matcher candidates)', call: 'residents.findDuplicates', input: () => ({ lastName: 'Shcherbyna', firstName: 'Olena', birthYear: 1961, phones: ['+380 67 111 22 33'] }), uses: ['sqlite_autoindex_resident_match_keys_1', 'resident_phones_national'] },
    { name: 'the duplicates list, first page', call: 'residents.duplicatePairs', input: () => ({ limit: 25 }), uses: ['resident_match_keys_resident', 'sqlite_autoindex_resident_match_keys_1'] },
    { name: 'the duplicates list, a later page', call: 'residents.duplicatePairs', input: () => ({ cursor: 3000, limit: 25 }), uses: ['resident_match_keys_resident'] },
    { name: 'search: one word, many prefix matches', call: 'residents.search', input: () => ({ q: 'петр', limit: 8 }), uses: ['resident_search_terms_term'] },
    { name: 'search: one letter', call: 'residents.search', input: () => ({ q: 'π', limit: 8 }), uses: ['resident_search_terms_term'] },
    { name: 'a page with what was merged into it', call: 'residents.get', input: () => ({ id: 10 }), uses: ['resident_merges_survivor'] },
    {
      name: 'merge two records',
      call: 'residents.merge',
      input: () => ({ survivorId: 20 + base, otherId: 30 + base, fields: {} }),
      uses: ['requests_resident', 'tasks_resident', 'cases_resident', 'household_members_resident', 'event_attendance_resident', 'aid_movements_resident', 'shelter_stays_resident', 'sales_resident', 'resident_consents_resident', 'resident_merges_survivor'],
    },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 200)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });
});
