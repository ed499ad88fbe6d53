/**
 * The query plans of the screens that must stay fast at city scale (issue 11): every list page,
 * a resident's page, the week board, the cash flow and the outlook, the grants, the audit search,
 * the care list and the reports. A database is filled (INSERT … SELECT from recursive CTEs) with
 * enough rows for the planner's choice to matter, the calls run through their handlers as
 * dispatch runs them, and each statement they send is explained:
 *
 * - it uses the index the query was written for;
 * - it never reads a large table whole (`SCAN <table>` without an index), nor builds a Bloom
 *   filter over one (which reads it whole);
 * - a list page is read in its order from an index: no `USE TEMP B-TREE` to sort it.
 *
 * Twice: with full statistics (ANALYZE) and with the bounded ones the app keeps
 * (`PRAGMA optimize=0x10012`, db/optimize.ts), which know averages only. The list queries are
 * written so that neither changes their plan. Some results are checked against plain SQL too,
 * where a list takes one of two ways (a big or a small settlement, several statuses merged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../shared/api/contract';
import { createTestCore, type TestCore } from '../testing/test-core';
import { explainCall as explainWith, STATISTICS, useStatistics, type Explained } from '../testing/query-plans';
import { settingsInput } from '../testing/builders';
import { writeSettings } from '../features/settings/settings.service';
import { ensureDefaultAccounts } from '../features/cashbook/accounts';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const REQUESTS = 60_000;
const TASKS = 60_000;
const ENTRIES = 30_000;
const AUDIT = 100_000;

/** Tables that grow with the years: never read whole. */
const LARGE = ['residents', 'requests', 'request_status_history', 'tasks', 'task_volunteers', 'cash_entries', 'audit_log', 'resident_search_terms', 'sales'];

let t: TestCore;

/** `n` rows numbered from 1. */
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

function fill(): void {
  const db = t.sqlite;
  db.exec(`
    ${numbers(8)} insert into users (name, role, created_at) select 'User ' || i, case i % 4 when 0 then 'admin' when 1 then 'frontdesk' when 2 then 'coordinator' else 'treasurer' end, '${NOW}' from n;

    -- Residents: one big settlement (a third), fifty small ones; one in twenty under regular care.
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, regular_care, checkin_interval_days, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i,
        case when i % 3 = 0 then 'Big' else 'Small ' || (i % 50) end, i % 20 = 0, case when i % 20 = 0 then 14 end, '${NOW}', 1, '${NOW}', 1
      from n;
    ${numbers(RESIDENTS)} insert into resident_phones (resident_id, position, raw, national) select i, 0, '+7 900 ' || i, '900' || i from n;

    -- Requests over ten years in the order they were logged; the newest thousand partly open.
    ${numbers(REQUESTS)} insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select 1 + (i * 7919) % ${RESIDENTS}, 1 + i % 19, case when i % 10 = 0 then 'urgent' else 'normal' end, 'walkIn', '',
        case when i > ${REQUESTS - 1000} and i % 3 = 0 then 'new' when i > ${REQUESTS - 1000} and i % 3 = 1 then 'planned'
             when i % 97 = 0 then 'inProgress' when i % 11 = 0 then 'cancelled' when i % 13 = 0 then 'referred' else 'done' end,
        date('2016-11-16', '+' || (i * 3650 / ${REQUESTS}) || ' days') || 'T10:00:00.000Z', date('2016-11-16', '+' || (i * 3650 / ${REQUESTS}) || ' days'),
        1 + i % 8, '${NOW}', 1
      from n;

    ${numbers(200)} insert into volunteers (last_name, first_name, sort_key, is_regular, specialist, created_at, created_by, updated_at, updated_by)
      select 'Волонтёр' || i, 'Имя', 'волонтёр' || printf('%03d', i), i % 2, case when i % 10 = 0 then 'doctor' end, '${NOW}', 1, '${NOW}', 1 from n;

    -- Tasks over ten years: mostly done, the last few hundred open; a volunteer on most.
    ${numbers(TASKS)} insert into tasks (request_id, resident_id, kind_id, scheduled_on, part_of_day, status, done_on, created_at, created_by, updated_at, updated_by)
      select case when i % 2 = 0 then i end, 1 + (i * 104729) % ${RESIDENTS}, 1 + i % 8, date('2016-11-20', '+' || (i * 3660 / ${TASKS}) || ' days'), 'morning',
        case when i > ${TASKS - 300} then case i % 2 when 0 then 'planned' else 'assigned' end
             when i % 23 = 0 then 'cancelled' when i % 29 = 0 then 'notDone' when i % 31 = 0 then 'assigned' else 'done' end,
        case when i <= ${TASKS - 300} and i % 23 <> 0 and i % 29 <> 0 and i % 31 <> 0 then date('2016-11-20', '+' || (i * 3660 / ${TASKS} + i % 3) || ' days') end,
        '${NOW}', 1, '${NOW}', 1
      from n;
    insert into task_volunteers (task_id, volunteer_id, minutes_spent) select id, 1 + id % 200, 60 from tasks where status in ('done', 'assigned');
    insert into help_plans (resident_id, kind_id, rule, interval_days, starts_on, created_at, created_by, updated_at, updated_by)
      select id, 7, 'everyNDays', 14, '2025-01-01', '${NOW}', 1, '${NOW}', 1 from residents where regular_care = 1 and id % 40 = 0;

    -- Grants with lines; the cash book over ten years (a fifth on a grant, a few transfers).
    ${numbers(10)} insert into grants (funder, title, starts_on, ends_on, currency, amount_minor, created_at, created_by)
      select 'Фонд', 'Грант ' || i, date('2016-01-01', '+' || (i * 365) || ' days'), date('2016-01-01', '+' || (i * 365 + 400) || ' days'), 'RUB', 10000000, '${NOW}', 1 from n;
    insert into budget_lines (grant_id, name, planned_minor, sort_order, created_at) select g.id, 'Статья ' || k.i, 3000000, k.i * 10, '${NOW}'
      from grants g, (select 1 as i union all select 2 union all select 3) k;
    ${numbers(ENTRIES)} insert into cash_entries (account_id, entry_date, month_key, amount_minor, currency, category_id, source, transfer_group, counterparty, grant_id, budget_line_id, created_at, created_by)
      select 1 + i % 2, date('2016-11-16', '+' || (i * 3650 / ${ENTRIES}) || ' days'), substr(date('2016-11-16', '+' || (i * 3650 / ${ENTRIES}) || ' days'), 1, 7),
        case when i % 3 = 0 then 5000 + i else -(1000 + i) end, 'RUB',
        case when i % 50 = 0 then null when i % 3 = 0 then 1 + i % 5 else 6 + i % 7 end,
        case when i % 50 = 0 then 'transfer' else 'manual' end, case when i % 50 = 0 then 'tr-' || (i / 100) end, 'Поставщик ' || (i % 300),
        case when i % 5 = 1 then 1 + (i / 3000) end, case when i % 5 = 1 and i % 3 <> 0 then 1 + (i / 3000) * 3 + i % 3 end,
        '${NOW}', 1
      from n;
    ${numbers(15)} insert into grant_tranches (grant_id, expected_on, amount_minor, created_at) select 1 + i % 10, date('2016-06-01', '+' || (i * 200) || ' days'), 1000000, '${NOW}' from n;

    -- The audit log: a hundred thousand entries, in time order.
    ${numbers(AUDIT)} insert into audit_log (at, user_id, role, action, call, entity_type, entity_id, resident_id, outcome, prev_hash, hash)
      select strftime('%Y-%m-%dT%H:%M:%fZ', '2016-11-16', '+' || (i * 315 / 1000) || ' minutes'), 1 + i % 8, 'admin',
        case when i % 200 = 0 then 'denied' when i % 7 = 0 then 'view' else 'change' end,
        case i % 10 when 0 then 'residents.get' when 1 then 'requests.create' when 2 then 'requests.setStatus' when 3 then 'tasks.complete'
          when 4 then 'tasks.assign' when 5 then 'cashbook.post' when 6 then 'residents.update' when 7 then 'auth.signIn' when 8 then 'tasks.create' else 'till.sell' end,
        case when i % 10 in (0, 6) then 'residents' when i % 10 in (1, 2) then 'requests' end, case when i % 10 in (0, 6) then (1 + i % ${RESIDENTS}) || '' end,
        case when i % 10 in (1, 2, 3) then 1 + i % ${RESIDENTS} end, 'ok', '', 'h' || i
      from n;
  `);
}

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  await writeSettings(t.deps.db, settingsInput());
  await ensureDefaultAccounts(t.deps.db, new Date(NOW));
  fill();
}, 60_000);
afterAll(async () => {
  await t.close();
});

interface Case {
  name: string;
  call: CallName;
  input: Record<string, unknown>;
  /** Indexes the call's statements must use (each in at least one of them). */
  uses: string[];
  /** A list page: no statement sorts in a temp B-tree. */
  list?: boolean;
}

const OPEN = ['new', 'planned', 'inProgress'];
const CASES: Case[] = [
  { name: 'request list, open', call: 'requests.list', input: { statuses: OPEN, limit: 100 }, uses: ['requests_status'], list: true },
  { name: 'request list, all statuses', call: 'requests.list', input: { statuses: [], limit: 100 }, uses: ['requests_created_on'], list: true },
  { name: 'request list, done', call: 'requests.list', input: { statuses: ['done'], limit: 100 }, uses: ['requests_status'], list: true },
  { name: 'request list, a kind', call: 'requests.list', input: { kindId: 4, limit: 100 }, uses: ['requests_kind'], list: true },
  { name: 'request list, open of a kind', call: 'requests.list', input: { statuses: OPEN, kindId: 4, limit: 100 }, uses: ['requests_status'], list: true },
  { name: 'request list, done of a kind', call: 'requests.list', input: { statuses: ['done'], kindId: 4, limit: 100 }, uses: ['requests_kind'], list: true },
  { name: 'request list, a month', call: 'requests.list', input: { from: '2020-03-01', to: '2020-03-31', limit: 100 }, uses: ['requests_created_on'], list: true },
  { name: 'request list, a big settlement', call: 'requests.list', input: { settlement: 'Big', limit: 100 }, uses: ['requests_created_on', 'residents_settlement'], list: true },
  {
    name: 'request list, a deep page',
    call: 'requests.list',
    input: { limit: 100, cursor: { on: '2018-01-01', id: 7000 } },
    uses: ['requests_created_on'],
    list: true,
  },
  { name: "a resident's page", call: 'residents.get', input: { id: 3 }, uses: ['requests_resident'], list: true },
  { name: 'counts', call: 'app.counts', input: {}, uses: ['requests_status'] },
  { name: 'settlements', call: 'residents.settlements', input: {}, uses: ['residents_settlement'] },
  { name: 'residents screen', call: 'residents.search', input: { q: '', limit: 200 }, uses: ['residents_sort_key'], list: true },
  { name: 'residents screen, a big settlement', call: 'residents.search', input: { q: '', settlement: 'Big', limit: 200 }, uses: ['residents_settlement'], list: true },
  { name: 'residents screen, a deep page', call: 'residents.search', input: { q: '', settlement: 'Big', limit: 200, offset: 1800 }, uses: ['residents_settlement'], list: true },
  { name: 'cash book', call: 'cashbook.list', input: { limit: 100 }, uses: ['cash_entries_date', 'cash_entries_transfer'], list: true },
  { name: 'cash book, one account', call: 'cashbook.list', input: { accountId: 1, limit: 100 }, uses: ['cash_entries_account_balance'], list: true },
  { name: 'cash book, one account, a deep page', call: 'cashbook.list', input: { accountId: 2, limit: 100, cursor: { on: '2019-05-05', id: 7777 } }, uses: ['cash_entries_account_balance'], list: true },
  { name: 'cash book, a category', call: 'cashbook.list', input: { categoryId: 7, limit: 100 }, uses: ['cash_entries_category'], list: true },
  { name: 'cash book, a month', call: 'cashbook.list', input: { fromMonth: '2021-03', toMonth: '2021-03', limit: 100 }, uses: ['cash_entries_date'], list: true },
  { name: 'accounts', call: 'accounts.list', input: {}, uses: [] },
  { name: 'categories', call: 'cashbook.categories', input: {}, uses: [] },
  { name: 'cash flow, ten years', call: 'cashflow.report', input: { from: '2016-12', to: '2026-11' }, uses: [] },
  { name: 'outlook', call: 'cashflow.outlook', input: { months: 6 }, uses: ['cash_entries_account_balance'] },
  { name: 'annual budget', call: 'budget.get', input: { year: 2021 }, uses: [] },
  { name: 'grants', call: 'grants.list', input: {}, uses: ['cash_entries_grant'] },
  { name: 'a grant', call: 'grants.get', input: { id: 5 }, uses: ['cash_entries_grant'] },
  { name: 'audit, first page', call: 'audit.search', input: {}, uses: ['audit_log_at'], list: true },
  { name: 'audit, a user and a call', call: 'audit.search', input: { userId: 3, call: 'requests.setStatus' }, uses: ['audit_log_user_call'], list: true },
  { name: 'audit, a user', call: 'audit.search', input: { userId: 3 }, uses: ['audit_log_user'], list: true },
  { name: 'audit, a call prefix', call: 'audit.search', input: { call: 'tasks.' }, uses: ['audit_log_call'], list: true },
  { name: 'audit, a month', call: 'audit.search', input: { from: '2021-05-01', to: '2021-05-31' }, uses: ['audit_log_at'], list: true },
  { name: 'audit, a deep page', call: 'audit.search', input: { cursor: { at: '2019-01-01T00:00:00.000Z', id: 30000 } }, uses: ['audit_log_at'], list: true },
  { name: 'audit, a resident', call: 'audit.search', input: { residentId: 42 }, uses: ['audit_log_resident', 'audit_log_entity'] },
  { name: 'audit facets', call: 'audit.facets', input: {}, uses: ['audit_log_call'] },
  { name: 'week board', call: 'tasks.board', input: { weekStart: '2026-11-16' }, uses: ['tasks_scheduled', 'tasks_open_day', 'requests_status'] },
  { name: 'care list', call: 'care.list', input: {}, uses: ['residents_care', 'tasks_resident_done'] },
  { name: 'report: volunteers active', call: 'reports.volunteersActive', input: { from: '2025-11', to: '2026-10' }, uses: ['tasks_done_day'] },
  { name: 'report: volunteer hours', call: 'reports.volunteerHours', input: { from: '2025-11', to: '2026-10' }, uses: ['tasks_done_day'] },
  { name: 'report: tasks by kind', call: 'reports.tasksByKind', input: { from: '2025-11', to: '2026-10' }, uses: ['tasks_done_day'] },
];

function problems(c: Case, statements: Explained[]): string[] {
  const out: string[] = [];
  const aliasesOfLarge = new Set<string>();
  for (const s of statements) {
    for (const m of s.sql.matchAll(/"?(\w+)"? as "?(\w+)"?/g)) if (LARGE.includes(m[1] ?? '')) aliasesOfLarge.add(m[2] ?? '');
    for (const m of s.sql.matchAll(/\b(?:from|join) (\w+) (\w+)\b/g)) if (LARGE.includes(m[1] ?? '')) aliasesOfLarge.add(m[2] ?? '');
  }
  const large = (name: string) => LARGE.includes(name) || aliasesOfLarge.has(name);
  for (const s of statements) {
    for (const line of s.plan) {
      const scan = /^SCAN (\w+)$/.exec(line);
      if (scan && large(scan[1] ?? '')) out.push(`reads ${scan[1]} whole: ${line}\n  in ${s.sql}`);
      const bloom = /^BLOOM FILTER ON (\w+)/.exec(line);
      if (bloom && large(bloom[1] ?? '')) out.push(`builds a Bloom filter over ${bloom[1]}: ${line}\n  in ${s.sql}`);
      if (c.list && /TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY|LAST TERM OF ORDER BY)/.test(line)) out.push(`sorts the page: ${line}\n  in ${s.sql}`);
    }
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of c.uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

const explainCall = (name: CallName, input: unknown) => explainWith(t, name, input);

describe.each(STATISTICS)('query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  it.each(CASES)('$name', async (c) => {
    const statements = await explainCall(c.call, c.input);
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(c, statements)).toEqual([]);
  });
});
