/**
 * The treasurer's list of aid received with a value (inKind.aidToTakeIn), taking one in, and the
 * in-kind ledger with its aid link, explained on 120,000 aid movements (12,000 receipts with a
 * value, half of them already taken in): the list reads the partial index of valued receipts in
 * its order and looks each one up in the in-kind link's unique index; nothing reads a table whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../../shared/api/contract';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explainCall, STATISTICS, useStatistics, type Explained } from '../../testing/query-plans';
import { settingsInput } from '../../testing/builders';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  await t.value('setup.complete', { ...settingsInput({ currency: 'UAH' }), demo: false });
  t.sqlite.exec(`
    ${numbers(200)} insert into aid_items (name, size, unit, created_at, created_by) select 'Item ' || i, '', 'piece', '${NOW}', 1 from n;
    ${numbers(120000)} insert into aid_movements (item_id, kind, on_date, delta, value_minor, currency, from_whom, created_at, created_by)
      select 1 + i % 200, case when i % 10 = 0 then 'received' else 'given' end, date('2024-01-01', '+' || (i % 1050) || ' days'),
        case when i % 10 = 0 then 50 else -1 end, case when i % 10 = 0 then 1000 + i else null end,
        case when i % 10 = 0 then 'UAH' else null end, 'Donor', '${NOW}', 1 from n;
    insert into aid_movements (item_id, kind, on_date, delta, corrects_id, created_at, created_by)
      select item_id, 'correction', on_date, -1, id, '${NOW}', 1 from aid_movements where id % 70 = 0 and kind = 'received';
    insert into in_kind (entry_date, month_key, kind, donor, description, value_minor, currency, aid_movement_id, created_at, created_by)
      select on_date, substr(on_date, 1, 7), 'goods', from_whom, 'Item', value_minor, 'UAH', id, '${NOW}', 1 from aid_movements where kind = 'received' and id % 20 = 0;
    update aid_items set stock = (select sum(delta) from aid_movements m where m.item_id = aid_items.id);
  `);
}, 60_000);
afterAll(async () => {
  await t.close();
});

function problems(statements: Explained[], uses: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (/^\s*insert\b/i.test(s.sql)) continue;
    for (const line of s.plan) if (/^SCAN \w+$/.test(line) && !/^SCAN (x|n)$/.test(line)) out.push(`reads a table whole: ${line}\n  in ${s.sql}`);
    for (const line of s.plan) if (/USE TEMP B-TREE FOR ORDER BY/.test(line) && /from "aid_movements"/.test(s.sql)) out.push(`sorts: ${line}\n  in ${s.sql}`);
  }
  const used = statements.flatMap((s) => s.plan).join('\n');
  for (const index of uses) if (!new RegExp(`INDEX ${index}\\b`).test(used)) out.push(`does not use ${index}:\n${used}`);
  return out;
}

describe.each(STATISTICS)('in-kind aid query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));
  const cases: Array<{ name: string; call: CallName; input: Record<string, unknown>; uses: string[] }> = [
    { name: 'aid received with a value, not yet taken in', call: 'inKind.aidToTakeIn', input: {}, uses: ['aid_movements_valued', 'in_kind_aid_movement', 'aid_movements_corrects'] },
    { name: 'the in-kind ledger of a year with its aid links', call: 'inKind.list', input: { fromMonth: '2025-01', toMonth: '2025-12' }, uses: ['in_kind_month', 'aid_movements_corrects'] },
  ];
  it.each(cases)('$name', async (c) => {
    const statements = await explainCall(t, c.call, c.input);
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(`${c.name}\n  ${s.sql.slice(0, 400)}\n    ${s.plan.join('\n    ')}`);
    expect(statements.length).toBeGreaterThan(0);
    expect(problems(statements, c.uses)).toEqual([]);
  });

  it('taking a receipt in looks it up by key and checks the link by its unique index', async () => {
    const id = (t.sqlite.prepare(`select id from aid_movements where kind = 'received' and id % 20 <> 0 order by id limit 1 offset ?`).get(stats === 'analyze' ? 0 : 1) as { id: number }).id;
    const statements = await explainCall(t, 'inKind.takeInAid', { movementId: id });
    expect(problems(statements, ['in_kind_aid_movement'])).toEqual([]);
  });
});
