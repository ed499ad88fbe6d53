/**
 * The results report's queries at city scale: every statement reports.results and reports.people
 * send is explained on a database of 6,000 residents with three years of requests and done tasks,
 * with full statistics and with the app's bounded ones; none reads a big table whole (`SCAN
 * <table>` without an index: residents, requests, tasks, household members, aid, events and their
 * attendance, the cash book), and the period is read by the indexes written for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const BIG = ['residents', 'requests', 'tasks', 'household_members', 'aid_movements', 'events', 'event_attendance', 'cash_entries', 'task_volunteers', 'shelter_stays'];

let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село ' || (i % 50), 1940 + i % 70, date('2024-01-01', '+' || (i % 1000) || ' days') || 'T09:00:00.000Z', 1, '${NOW}', 1 from n;
    insert into households (settlement, street, house, formed_on, created_at, created_by, updated_at, updated_by)
      select 'Село 1', 'Улица', '' || id, '2020-01-01', '${NOW}', 1, '${NOW}', 1 from residents where id <= 2000;
    insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by)
      select id, id, 'head', '2020-01-01', '${NOW}', 1, '${NOW}', 1 from households;
    insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select r.id, (select min(id) from service_kinds) + (r.id + x) % (select count(*) from service_kinds), 'normal', 'walkIn', '', 'done', '${NOW}',
        date('2024-01-01', '+' || ((r.id * 7 + x * 400) % 1050) || ' days'), 1, '${NOW}', 1
      from residents r, (select 1 as x union all select 2 union all select 3) where r.id % 2 = 0;
    insert into tasks (request_id, resident_id, kind_id, scheduled_on, status, done_on, created_at, created_by, updated_at, updated_by)
      select q.id, q.resident_id, q.kind_id, q.created_on, 'done', q.created_on, '${NOW}', 1, '${NOW}', 1 from requests q;
    insert into tasks (resident_id, kind_id, scheduled_on, status, created_at, created_by, updated_at, updated_by)
      select q.resident_id, q.kind_id, date(q.created_on, '+30 days'), 'planned', '${NOW}', 1, '${NOW}', 1 from requests q;
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    // Which table each alias names in the statement (the report's own CTEs have names of their own).
    const tables = new Map<string, string>();
    for (const m of s.sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) tables.set(m[2] ?? m[1] ?? '', m[1] ?? '');
    for (const line of s.plan) {
      const m = /^SCAN (\w+)$/.exec(line);
      const table = m ? (tables.get(m[1] ?? '') ?? m[1] ?? '') : '';
      if (BIG.includes(table)) out.push(`reads ${table} whole: ${line}\n  in ${s.sql}`);
    }
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('results report query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const cases: Array<{ name: string; call: CallName; input: Record<string, unknown>; uses: string[] }> = [
    { name: 'a year', call: 'reports.results', input: { from: '2025-01-01', to: '2025-12-31' }, uses: ['requests_day_resident', 'tasks_done_day', 'household_members_resident', 'residents_created'] },
    { name: 'a month', call: 'reports.results', input: { from: '2025-03-01', to: '2025-03-31' }, uses: ['requests_day_resident', 'tasks_done_day'] },
    // A whole year: its months' cells (contact_months, by its key's month range), as the figure reads them.
    { name: 'people reached in a year', call: 'reports.people', input: { figure: 'peopleReached', from: '2025-01-01', to: '2025-12-31' }, uses: ['sqlite_autoindex_contact_months_1', 'residents_sort_key'] },
    // A cut period: its whole months from the cells, its cut ends from the contacts themselves by their day indexes.
    { name: 'people reached in a cut period', call: 'reports.people', input: { figure: 'peopleReached', from: '2025-02-10', to: '2025-11-20' }, uses: ['sqlite_autoindex_contact_months_1', 'tasks_done_day'] },
    { name: 'people given a kind', call: 'reports.people', input: { figure: 'servicesByKind', code: 'firewood', from: '2025-01-01', to: '2025-12-31' }, uses: [] },
    // The stretches of care (one per resident ever under care, a small table) by resident, each resident looked up once.
    { name: 'people under regular care', call: 'reports.people', input: { figure: 'underRegularCare', from: '2025-01-01', to: '2025-12-31' }, uses: ['care_periods_resident'] },
  ];
  it.each(cases)('$name', async ({ call, input, uses }) => {
    expect(problems(await explainCall(t, call, input), uses)).toEqual([]);
  });
});
