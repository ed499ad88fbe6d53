/**
 * The assessments' queries at city scale (Cherkasy: 1,038 needs assessments a year, 4,830 families
 * or persons served): every statement each call sends is explained on a database of 6,000
 * residents, 3,000 households and 6,000 assessments with their needs, with full statistics and
 * with the app's bounded ones, and none reads residents, households, assessments or their needs
 * whole (`SCAN <table>` without an index); each call uses the index it was written for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const HOUSEHOLDS = 3_000;
const ASSESSMENTS = 6_000;

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
    -- Two of every three assessments are of a resident, one of a household; a third have a follow-up.
    ${numbers(ASSESSMENTS)} insert into assessments (resident_id, household_id, kind_id, assessed_on, worker_id, conclusion, services, follow_up_on, created_at, created_by, updated_at, updated_by)
      select case when i % 3 = 0 then null else 1 + (i * 7) % ${RESIDENTS} end, case when i % 3 = 0 then 1 + i % ${HOUSEHOLDS} end, 1 + i % 3,
        date('2025-01-01', '+' || (i % 680) || ' days'), 1, 'Висновок', 'Послуги',
        case when i % 3 = 1 then date('2025-01-01', '+' || (i % 680 + 60) || ' days') end, '${NOW}', 1, '${NOW}', 1 from n;
    insert into assessment_needs (assessment_id, area_id, severity) select id, 4 + id % 9, 'high' from assessments;
    insert into assessment_needs (assessment_id, area_id, severity) select id, 4 + (id + 3) % 9, 'low' from assessments where id % 2 = 0;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    for (const line of s.plan) if (/^SCAN (residents|households|household_members|assessments|assessment_needs)\b/.test(line) && !/USING/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('assessments query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'an assessment', call: 'assessments.get', input: () => ({ id: 1234 }), uses: ['assessment_needs_assessment'] },
    { name: "a resident's assessments and their household's", call: 'assessments.ofResident', input: () => ({ residentId: 1234 }), uses: ['assessments_resident', 'assessments_household', 'assessment_needs_assessment'] },
    { name: 'follow-ups due', call: 'assessments.dueFollowUps', input: () => ({ until: '2025-03-01' }), uses: ['assessments_follow_up'] },
    { name: "one worker's follow-ups due", call: 'assessments.dueFollowUps', input: () => ({ until: '2025-03-01', workerId: 1 }), uses: ['assessments_follow_up'] },
    {
      name: 'record an assessment of a household (its head’s consent)',
      call: 'assessments.record',
      input: () => ({ householdId: stats === 'analyze' ? 17 : 18, kindId: 3, assessedOn: '2026-11-10', workerId: 1 }),
      uses: ['household_members_one_head'],
    },
    { name: 'the lists of kinds and areas', call: 'assessments.options', input: () => ({ includeArchived: true }), uses: ['assessments_kind', 'assessment_needs_area'] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });
});
