/**
 * The projects' queries at city scale: a city centre runs a few dozen projects a year with
 * Zawiercie's 145 participants each. Every statement each call sends is explained on a database
 * of 6,000 residents, 40 projects with three activities each, 6,000 participations and 18,000
 * attendance records, with full statistics and with the app's bounded ones; none reads a table
 * whole (`SCAN <table>` without an index), and each call uses the index it was written for.
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, explainCall, loggingDb, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { eraseResident } from '../privacy/erasure';

const NOW = '2026-11-16T09:30:00.000Z';
const RESIDENTS = 6_000;
const PROJECTS = 40;

let t: TestCore;

const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(RESIDENTS)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Nazwisko' || i, 'Imię', 'nazwisko' || printf('%05d', i), 'k' || i, 'k' || i, 'Zawiercie', 1960 + i % 40, '${NOW}', 1, '${NOW}', 1 from n;
    ${numbers(PROJECTS)} insert into projects (name, funder, starts_on, ends_on, created_at, created_by, updated_at, updated_by)
      select 'Projekt ' || i, 'EFS', date('2020-01-01', '+' || (i * 60) || ' days'), '2027-12-31', '${NOW}', 1, '${NOW}', 1 from n;
    insert into project_activities (project_id, kind, name, created_at, created_by) select id, 'course', 'Kurs', '${NOW}', 1 from projects;
    insert into project_activities (project_id, kind, name, created_at, created_by) select id, 'internship', 'Staż', '${NOW}', 1 from projects;
    insert into project_activities (project_id, kind, name, created_at, created_by) select id, 'selfHelpGroup', 'Grupa', '${NOW}', 1 from projects;
    -- Every resident in one project; one in three completed, one in ten dropped out.
    insert into project_participants (project_id, resident_id, recruited_on, contract_on, status, ended_on, created_at, created_by, updated_at, updated_by)
      select 1 + r.id % ${PROJECTS}, r.id, p.starts_on, case when r.id % 4 = 0 then null else p.starts_on end,
        case when r.id % 3 = 0 then 'completed' when r.id % 10 = 1 then 'droppedOut' else 'active' end,
        case when r.id % 3 = 0 or r.id % 10 = 1 then '2026-10-01' else null end, '${NOW}', 1, '${NOW}', 1
      from residents r join projects p on p.id = 1 + r.id % ${PROJECTS};
    insert into project_attendance (participant_id, activity_id, attended_on, sessions, minutes, created_at, created_by)
      select pp.id, a.id, pp.recruited_on, 1, 120, '${NOW}', 1 from project_participants pp join project_activities a on a.project_id = pp.project_id;
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

describe.each(STATISTICS)('projects query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  // Each write works on participants of its own (the two runs use different ones).
  const base = stats === 'analyze' ? 0 : 300;
  const projectOf = (r: number) => 1 + (r % PROJECTS);
  // Resident r is participant r, in project 1 + r % 40; an active one is neither r % 3 = 0 nor r % 10 = 1.
  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'a project with its figures', call: 'projects.get', input: () => ({ id: 12 }), uses: ['project_participants_project', 'project_activities_project', 'project_attendance_activity', 'project_attendance_participant'] },
    { name: 'the projects with their figures', call: 'projects.list', input: () => ({}), uses: ['project_participants_project', 'project_attendance_activity'] },
    { name: "a resident's participations", call: 'projects.ofResident', input: () => ({ residentId: 1234 }), uses: ['project_participants_resident', 'project_attendance_participant'] },
    // Residents 3 and 303 completed; 2, 5, 302 and 305 take part (project P's course is activity P).
    { name: 'recruit again', call: 'projects.enrol', input: () => ({ id: projectOf(3 + base), residentId: 3 + base, recruitedOn: '2026-11-01' }), uses: ['project_participants_once'] },
    { name: 'record attendance', call: 'projects.recordAttendance', input: () => ({ id: projectOf(2 + base), participantId: 2 + base, activityId: projectOf(2 + base), on: '2026-11-02' }), uses: ['project_participants_project'] },
    { name: 'complete', call: 'projects.complete', input: () => ({ id: projectOf(5 + base), participantId: 5 + base }), uses: ['project_participants_project'] },
    { name: 'change the period', call: 'projects.update', input: () => ({ id: 7 + base / 100, data: { name: 'Projekt', startsOn: '2019-01-01', endsOn: '2028-12-31' } }), uses: ['project_participants_project', 'project_attendance_participant'] },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 160)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });

  it('erasing a participant', async () => {
    const sent: CompiledQuery[] = [];
    await eraseResident(loggingDb(t, sent), 3020 + base, { actorId: 1, at: NOW, today: NOW.slice(0, 10) });
    const projects = explain(t, sent).filter((s) => /project/.test(s.sql));
    expect(projects.length).toBeGreaterThan(0);
    expect(problems(projects, ['project_participants_resident'])).toEqual([]);
  });
});
