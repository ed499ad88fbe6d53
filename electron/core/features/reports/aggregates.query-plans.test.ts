/**
 * The funder-safe aggregates' and the grant report's queries on three years of a town's contacts
 * (6,000 residents, 20,000 requests, 20,000 done tasks, events with attendance and head counts,
 * aid, assessments, case contacts, project attendance, shelter stays): every statement is
 * explained with full and with the app's bounded statistics; none reads a table whole, each kind
 * of contact is found through the index on its day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;

const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;
const day = (expr: string) => `date('2024-01-01', '+' || ((${expr}) % 1050) || ' days')`;
const stamp = `'${NOW}', 1, '${NOW}', 1`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(6000)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, household_size, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село ' || (i % 50), 1930 + i % 90, 1 + i % 4, ${stamp} from n;
    ${numbers(20000)} insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select 1 + (i * 7) % 6000, (select min(id) from service_kinds) + i % 5, 'normal', 'walkIn', '', case when i % 3 = 0 then 'done' else 'new' end, '${NOW}', ${day('i * 13')}, 1, '${NOW}', 1 from n;
    ${numbers(20000)} insert into tasks (resident_id, kind_id, scheduled_on, status, done_on, created_at, created_by, updated_at, updated_by)
      select 1 + (i * 11) % 6000, (select min(id) from service_kinds) + i % 5, ${day('i * 17')}, case when i % 4 = 0 then 'planned' else 'done' end, case when i % 4 = 0 then null else ${day('i * 17')} end, ${stamp} from n;
    ${numbers(600)} insert into events (title, kind, starts_on, created_at, created_by, updated_at, updated_by)
      select 'Событие ' || i, case i % 3 when 0 then 'masterClass' when 1 then 'awarenessEvent' else 'distributionDay' end, ${day('i * 5')}, ${stamp} from n;
    insert into event_attendance (event_id, resident_id, status, created_at, created_by, updated_at, updated_by)
      select e.id, 1 + (e.id * 31 + x.k) % 6000, 'attended', ${stamp} from events e, (select 1 as k union all select 2 union all select 3 union all select 4 union all select 5) x;
    insert into event_head_counts (event_id, band, count) select id, 'women', id % 20 from events;
    insert into event_head_counts (event_id, band, count) select id, 'men', id % 7 from events;
    insert into aid_items (name, unit, stock, created_at, created_by) values ('Продуктовый набор', 'parcel', 0, '${NOW}', 1);
    ${numbers(5000)} insert into aid_movements (item_id, kind, on_date, delta, resident_id, created_at, created_by)
      select 1, 'given', ${day('i * 3')}, -1, 1 + (i * 19) % 6000, '${NOW}', 1 from n;
    insert into assessment_options (list, code, created_at) values ('kind', 'initial', '${NOW}');
    ${numbers(1500)} insert into assessments (resident_id, kind_id, assessed_on, worker_id, created_at, created_by, updated_at, updated_by)
      select 1 + (i * 23) % 6000, (select id from assessment_options), ${day('i * 7')}, 1, ${stamp} from n;
    ${numbers(500)} insert into cases (resident_id, opened_on, worker_id, status, created_at, created_by, updated_at, updated_by)
      select i * 11, '2024-01-01', 1, 'open', ${stamp} from n;
    ${numbers(3000)} insert into case_contacts (case_id, contact_on, kind, by_user_id, created_at)
      select 1 + i % 500, ${day('i * 3')}, 'visit', 1, '${NOW}' from n;
    insert into projects (name, starts_on, ends_on, grant_id, created_at, created_by, updated_at, updated_by) values ('Проект', '2024-01-01', '2026-12-31', null, ${stamp});
    insert into project_activities (project_id, kind, name, created_at, created_by) values (1, 'training', 'Тренинг', '${NOW}', 1);
    ${numbers(200)} insert into project_participants (project_id, resident_id, recruited_on, status, created_at, created_by, updated_at, updated_by)
      select 1, 100 + i, '2024-01-01', 'active', ${stamp} from n;
    ${numbers(3000)} insert into project_attendance (participant_id, activity_id, attended_on, sessions, created_at, created_by)
      select 1 + i % 200, 1, ${day('i')}, 1, '${NOW}', 1 from n;
    insert into shelters (name, places, created_at, created_by, updated_at, updated_by) values ('Приют', 40, ${stamp});
    ${numbers(600)} insert into shelter_stays (shelter_id, resident_id, checked_in_on, checked_out_on, out_reason, created_at, created_by, updated_at, updated_by)
      select 1, 1 + (i * 37) % 6000, ${day('i * 2')}, date(${day('i * 2')}, '+20 days'), 'relatives', ${stamp} from n;
  `);
}, 120_000);
afterAll(async () => {
  await t.close();
});

/**
 * Tables read whole. Allowed: the CTEs as they are built (contacts, per, served, s), the service
 * kinds (k: a catalogue of tens) and the shelter stays (hundreds a year; with full statistics
 * SQLite reads them whole rather than every stay that began before the period's end).
 */
function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !/^SCAN (contacts|per|served|s|k|shelter_stays)$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('aggregates query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  const cases: Array<{ name: string; call: CallName; input: Record<string, unknown>; uses: string[] }> = [
    {
      name: 'the funder-safe tables of a year',
      call: 'reports.aggregates',
      input: { from: '2025-01-01', to: '2025-12-31' },
      // The other kinds' index depends on the statistics (events_day or events_kind_day, the
      // contacts' day or their case's): each is a SEARCH, checked by problems().
      uses: ['requests_day_resident', 'tasks_done_day', 'assessments_day'],
    },
    { name: 'the grant report', call: 'reports.grant', input: { grantId: 1 }, uses: ['projects_grant'] },
  ];

  it.each(cases)('$name', async (c) => {
    if (c.call === 'reports.grant' && !(t.sqlite.prepare('select 1 from grants').get() as unknown)) {
      t.sqlite.exec(`insert into grants (funder, title, starts_on, ends_on, currency, amount_minor, created_at, created_by) values ('Фонд', 'Грант', '2025-01-01', '2025-12-31', 'RUB', 100000, '${NOW}', 1);
        update projects set grant_id = 1;`);
    }
    let statements = await explainCall(t, c.call, c.input);
    if (c.call === 'reports.grant') {
      // The grant period's activity is the results report's figures for its days: their plans are
      // query-plans.test.ts's (reports.results, with its own allowances); here the grant's own queries.
      const figures = new Set((await explainCall(t, 'reports.results', { from: '2025-01-01', to: '2025-12-31' })).map((s) => s.sql));
      const own = statements.filter((s) => !figures.has(s.sql));
      expect(statements.length - own.length).toBeGreaterThan(10);
      statements = own;
    }
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 200)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });
});
