/**
 * The volunteers' merge and the "merged from" on a volunteer's page at city scale (issue 15):
 * explained on 3,000 volunteers with tasks, with full and with the app's bounded statistics; no
 * statement reads volunteers, their tasks, plans, advances or organisers' places whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { fold } from '../../../../shared/domain/text';

const NOW = '2026-11-16T09:30:00.000Z';
const VOLUNTEERS = 3_000;

let t: TestCore;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  const insert = t.sqlite.prepare(
    `insert into volunteers (last_name, first_name, sort_key, created_at, created_by, updated_at, updated_by) values (?, ?, ?, '${NOW}', 1, '${NOW}', 1)`,
  );
  const term = t.sqlite.prepare('insert into volunteer_search_terms (volunteer_id, term, rank) values (?, ?, 0)');
  t.sqlite.transaction(() => {
    for (let i = 1; i <= VOLUNTEERS; i++) {
      const last = `Петров${i}`;
      const id = Number(insert.run(last, 'Андрей', fold(`${last} Андрей`)).lastInsertRowid);
      term.run(id, fold(last));
    }
    // Records merged before: one in ten volunteers has one.
    const merged = t.sqlite.prepare(`insert into volunteer_merges (survivor_id, merged_id, merged_name, merged_at, merged_by) values (?, ?, 'Петров', '${NOW}', 1)`);
    for (let i = 10; i <= VOLUNTEERS; i += 10) merged.run(i, VOLUNTEERS + i);
  })();
});
afterAll(async () => {
  await t.close();
});

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

describe.each(STATISTICS)('volunteers merge plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const base = stats === 'analyze' ? 0 : 100;

  const cases: Array<{ name: string; call: CallName; input: () => Record<string, unknown>; uses: string[] }> = [
    { name: 'a page with what was merged into it', call: 'volunteers.get', input: () => ({ id: 10 }), uses: ['volunteer_merges_survivor'] },
    {
      name: 'merge two records',
      call: 'volunteers.merge',
      input: () => ({ survivorId: 20 + base, otherId: 30 + base, fields: {} }),
      uses: ['task_volunteers_volunteer', 'help_plans_volunteer', 'volunteer_advances_volunteer', 'event_organisers_of_volunteer', 'volunteer_merges_survivor'],
    },
  ];

  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input());
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 200)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });
});
