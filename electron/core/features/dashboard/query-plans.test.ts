/**
 * The home screens' queries at scale: every statement the four dashboard calls send is explained
 * on a database with years of residents, requests, tasks, events, aid, cases and the cash book,
 * with full statistics and with the app's bounded ones; none reads a growing table whole.
 * (The dashboards send the features' own queries; this checks them as the home screens use them:
 * today's and this week's ranges, the "new" requests, the overdue care list, one caseload.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const REQUESTS = 40_000;
const TASKS = 40_000;
const ENTRIES = 20_000;

/** Tables that grow with the years: never read whole. */
const LARGE = ['residents', 'requests', 'tasks', 'task_volunteers', 'cash_entries', 'aid_movements', 'events', 'cases', 'case_actions', 'resident_phones'];

let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  await writeSettings(t.deps.db, settingsInput({ currency: 'RUB' }));
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, regular_care, checkin_interval_days, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село ' || (i % 50), i % 20 = 0, case when i % 20 = 0 then 14 end, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(RESIDENTS)} insert into resident_phones (resident_id, position, raw, national) select i, 0, '+7 900 ' || i, '900' || i from n;
    ${numbers(REQUESTS)} insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select 1 + (i * 7919) % ${RESIDENTS}, 1 + i % 19, 'normal', 'walkIn', '',
        case when i > ${REQUESTS - 1000} and i % 3 = 0 then 'new' when i > ${REQUESTS - 1000} then 'planned' else 'done' end,
        date('2016-11-16', '+' || (i * 3650 / ${REQUESTS}) || ' days') || 'T10:00:00.000Z', date('2016-11-16', '+' || (i * 3650 / ${REQUESTS}) || ' days'), 1, '${NOW}', 1 from n;
    ${numbers(TASKS)} insert into tasks (resident_id, kind_id, scheduled_on, part_of_day, status, done_on, created_at, created_by, updated_at, updated_by)
      select 1 + (i * 104729) % ${RESIDENTS}, 1 + i % 8, date('2016-11-20', '+' || (i * 3660 / ${TASKS}) || ' days'), 'morning',
        case when i > ${TASKS - 300} then case i % 2 when 0 then 'planned' else 'assigned' end when i % 23 = 0 then 'cancelled' else 'done' end,
        case when i <= ${TASKS - 300} and i % 23 <> 0 then date('2016-11-20', '+' || (i * 3660 / ${TASKS}) || ' days') end, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(3000)} insert into events (title, kind, starts_on, created_at, created_by, updated_at, updated_by)
      select 'Event ' || i, 'masterClass', date('2018-01-01', '+' || i || ' days'), '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(200)} insert into aid_items (name, size, unit, created_at, created_by) select 'Item ' || i, '', 'piece', '${NOW}', 1 from n;
    ${numbers(60000)} insert into aid_movements (item_id, kind, on_date, delta, resident_id, created_at, created_by)
      select 1 + i % 200, 'given', date('2024-01-01', '+' || (i % 1050) || ' days'), -1, 1 + i % ${RESIDENTS}, '${NOW}', 1 from n;
    insert into users (name, role, created_at) values ('Другой координатор', 'coordinator', '${NOW}');
    -- Open cases: fifty of the caller's (the admin, user 1), the rest another worker's.
    ${numbers(2000)} insert into cases (resident_id, opened_on, worker_id, status, next_review_on, created_at, created_by, updated_at, updated_by)
      select i, '2024-01-01', case when i % 40 = 0 then 1 else (select max(id) from users) end, 'open', '2026-12-01', '${NOW}', 1, '${NOW}', 1 from n;
    insert into case_actions (case_id, text, due_on, created_at, created_by, updated_at, updated_by)
      select c.id, 'Действие', date('2024-01-01', '+' || (c.id % 900) || ' days'), '${NOW}', 1, '${NOW}', 1 from cases c, (select 1 union all select 2 union all select 3);
    insert into cash_accounts (name, kind, currency, opening_date, created_at, created_by) values ('Касса', 'cash', 'RUB', '2016-01-01', '${NOW}', 1);
    ${numbers(ENTRIES)} insert into cash_entries (account_id, entry_date, month_key, amount_minor, currency, category_id, source, counterparty, created_at, created_by)
      select (select min(id) from cash_accounts), date('2016-11-16', '+' || (i * 3650 / ${ENTRIES}) || ' days'), substr(date('2016-11-16', '+' || (i * 3650 / ${ENTRIES}) || ' days'), 1, 7),
        case when i % 3 = 0 then 5000 + i else -(1000 + i) end, 'RUB', case when i % 3 = 0 then 1 + i % 5 else 6 + i % 7 end, 'manual', 'x', '${NOW}', 1 from n;
  `);
}, 120_000);
afterAll(async () => {
  await t.close();
});

function scans(statements: Explained[]): string[] {
  const out: string[] = [];
  for (const s of statements) for (const line of s.plan) for (const table of LARGE) if (new RegExp(`^SCAN ${table}( AS \\w+)?$`).test(line) || new RegExp(`^SCAN \\w+ AS ${table}$`).test(line)) out.push(`${line}\n  in ${s.sql}`);
  return out;
}

describe.each(STATISTICS)('dashboard query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const calls: CallName[] = ['dashboard.frontdesk', 'dashboard.coordinator', 'dashboard.treasurer', 'dashboard.admin'];
  it.each(calls)('%s reads no growing table whole', async (name) => {
    const statements = await explainCall(t, name, {});
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${name}\n  ${s.sql.slice(0, 200)}\n    ${s.plan.join('\n    ')}`);
    expect(scans(statements)).toEqual([]);
  });
});

describe.each(STATISTICS)('the admin’s retention count with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  it('counts the residents due for the review from the last-activity index, not by reading every resident', async () => {
    const statements = await explainCall(t, 'dashboard.admin', {});
    const count = statements.find((s) => /last_activity_on/.test(s.sql));
    const plan = count?.plan ?? [];
    expect(plan.join('\n')).toMatch(/SEARCH residents USING (COVERING )?INDEX residents_last_activity \(last_activity_on<\?\)/);
    expect(plan.join('\n')).toMatch(/SEARCH residents USING (COVERING )?INDEX residents_no_activity \(created_at<\?\)/);
    expect(plan.some((line) => /^SCAN residents/.test(line))).toBe(false);
  });
});
