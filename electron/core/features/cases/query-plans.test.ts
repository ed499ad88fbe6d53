/**
 * The cases' queries at city scale (a city year: about 145 open cases among 4,800 households
 * served; the history of several years keeps growing): every statement of a resident's cases
 * (their page) and of a worker's caseload is explained on a database of 6,000 residents, 3,000
 * households and 2,000 cases (300 open) with their actions, with full statistics and with the
 * app's bounded ones; none reads a table whole and each uses the index it was written for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const HOUSEHOLDS = 3_000;
const CASES = 2_000;

let t: TestCore;

const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село ' || (i % 50), 1940 + i % 70, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(HOUSEHOLDS)} insert into households (settlement, street, house, formed_on, created_at, created_by, updated_at, updated_by)
      select 'Село ' || (i % 50), 'Улица', '' || i, date('2020-01-01', '+' || (i % 2000) || ' days'), '${NOW}', 1, '${NOW}', 1 from n;
    insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by)
      select id, id, 'head', formed_on, '${NOW}', 1, '${NOW}', 1 from households;
    insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by)
      select id, 3000 + id, 'spouse', formed_on, '${NOW}', 1, '${NOW}', 1 from households where id <= 2000;
    -- Four workers (users 2–5) besides the admin.
    ${numbers(4)} insert into users (name, role, created_at) select 'Координатор ' || i, 'coordinator', '${NOW}' from n;
    -- Cases: the first 1,500 of residents (closed), then 500 of households; every 7th is open.
    ${numbers(CASES)} insert into cases (resident_id, household_id, opened_on, worker_id, status, closed_on, outcome, next_review_on, created_at, created_by, updated_at, updated_by)
      select case when i <= 1500 then i else null end, case when i > 1500 then i - 1500 else null end,
        date('2022-01-01', '+' || (i % 1000) || ' days'), 1 + i % 5,
        case when i % 7 = 0 then 'open' else 'closed' end,
        case when i % 7 = 0 then null else '2026-01-01' end,
        case when i % 7 = 0 then null else 'goalsMet' end,
        date('2026-10-01', '+' || (i % 90) || ' days'), '${NOW}', 1, '${NOW}', 1 from n;
    insert into case_goals (case_id, position, text) select id, 0, 'Цель' from cases;
    insert into case_actions (case_id, text, due_on, responsible_text, done_on, created_at, created_by, updated_at, updated_by)
      select id, 'Мероприятие', date('2026-10-01', '+' || (id % 80) || ' days'), 'житель', case when id % 3 = 0 then '2026-11-01' else null end, '${NOW}', 1, '${NOW}', 1 from cases;
    insert into case_actions (case_id, text, due_on, responsible_user_id, created_at, created_by, updated_at, updated_by)
      select id, 'Ещё', date('2026-11-01', '+' || (id % 40) || ' days'), 2, '${NOW}', 1, '${NOW}', 1 from cases;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  // The users table is a handful of rows (the centre's staff).
  for (const s of statements) for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !/^SCAN users$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX (${index})\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('cases query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  const cases: Array<{ name: string; call: CallName; input: Record<string, unknown>; uses: string[] }> = [
    // Resident 1400 has a case of their own (1400 % 7 = 0: open), and heads household 1400 (no case).
    { name: "a resident's cases", call: 'cases.ofResident', input: { residentId: 1400 }, uses: ['cases_resident', 'cases_household', 'case_actions_case', 'case_goals_case'] },
    // Resident 3100 is the spouse in household 100, whose case is case 1600 (cases 1501–2000 are households 1–500).
    // The spouse's household now: the partial unique index, or their few memberships from the covering one (`a|b`: either).
    { name: "a spouse's household case", call: 'cases.ofResident', input: { residentId: 3100 }, uses: ['household_members_one_household|household_members_resident', 'cases_household', 'household_members_one_head'] },
    { name: "a worker's caseload", call: 'cases.caseload', input: { workerId: 3 }, uses: ['cases_worker_open', 'case_actions_case'] },
    { name: 'a case', call: 'cases.get', input: { id: 1407 }, uses: ['case_actions_case', 'case_goals_case', 'case_contacts_case', 'case_reviews_case'] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input);
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });
});
