/**
 * The import's queries on a register of 6,000 residents and 6,000 fingerprints: the duplicate check
 * for a batch (name keys and phones), the fingerprints of rows imported before, the mappings and
 * the reports each use their index; none reads a table whole.
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, explainCall, loggingDb, STATISTICS, useStatistics } from '../../testing/query-plans';
import { findSameMany } from './duplicates';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  t.sqlite.exec(`
    ${numbers(6000)} insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by)
      select 'Фамилия' || i, 'Имя', 'фамилия' || printf('%05d', i), 'k' || i, 'k' || i, 'Село', 1940 + i % 70, '${NOW}', 1, '${NOW}', 1 from n;
    insert into resident_phones (resident_id, position, raw, national) select id, 0, '+7912' || printf('%07d', id), '912' || printf('%07d', id) from residents;
    insert into import_reports (kind, file_name, row_count, created, updated, duplicates, rejected, rejected_rows, at, by) values ('residents', 'a.csv', 6000, 6000, 0, 0, 0, '{}', '${NOW}', 1);
    ${numbers(6000)} insert into import_fingerprints (fingerprint, report_id, entity_id) select 'fp' || i, 1, i from n;
  `);
});
afterAll(async () => {
  await t.close();
});

const fullScan = (plan: string[]) => plan.filter((p) => /^SCAN (residents|resident_phones|import_fingerprints|import_reports|import_mappings)\b/.test(p) && !/USING/.test(p));

describe.each(STATISTICS)('import query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  it('the batch duplicate check seeks the name keys and the phones', async () => {
    const sent: CompiledQuery[] = [];
    const people = Array.from({ length: 300 }, (_, i) => ({ lastName: `Фамилия${i}`, firstName: 'Имя', patronymic: '', birthYear: 1950, phones: [`+7912${String(i).padStart(7, '0')}`] }));
    await findSameMany(loggingDb(t, sent), people);
    const plans = explain(t, sent);
    // The matcher's lookup keys of 300 people and their phones in chunks of 200, then the
    // candidates' details by id: every statement a SEARCH, none a whole-table read.
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const p of plans) expect(fullScan(p.plan), p.sql.slice(0, 120)).toEqual([]);
    const all = plans.map((p) => p.plan.join(' '));
    expect(all.some((plan) => /resident_match_keys USING (COVERING )?INDEX sqlite_autoindex_resident_match_keys_1 \(key=\?\)/.test(plan)), all.join('\n')).toBe(true);
    expect(all.some((plan) => /resident_phones USING (COVERING )?INDEX resident_phones_national/.test(plan)), all.join('\n')).toBe(true);
  });

  it('the fingerprints, the mappings and the reports use their indexes', async () => {
    const sent: CompiledQuery[] = [];
    const db = loggingDb(t, sent);
    await db.selectFrom('import_fingerprints').select('fingerprint').where('fingerprint', 'in', ['fp1', 'fp2', 'x']).execute();
    const [fp] = explain(t, sent);
    expect(fp?.plan.join(' ')).toMatch(/SEARCH import_fingerprints USING (COVERING )?INDEX sqlite_autoindex_import_fingerprints_1/);
    for (const [name, input] of [
      ['import.mappings', { kind: 'residents' }],
      ['import.reports', {}],
    ] as const) {
      for (const p of await explainCall(t, name, input)) expect(fullScan(p.plan).filter((x) => !/import_reports/.test(x) || /TEMP B-TREE/.test(x)), p.sql).toEqual([]);
    }
  });

  it('a merge moves the merged record’s fingerprints by their entity index, the report by its key', async () => {
    const sent: CompiledQuery[] = [];
    await loggingDb(t, sent)
      .updateTable('import_fingerprints')
      .set({ entity_id: 2 })
      .where('entity_id', '=', 1)
      .where((eb) => eb(eb.selectFrom('import_reports as r').select('r.kind').whereRef('r.id', '=', 'import_fingerprints.report_id'), '=', 'residents'))
      .execute();
    const plan = explain(t, sent)[0]?.plan ?? [];
    expect(fullScan(plan), plan.join('\n')).toEqual([]);
    expect(plan.join(' ')).toMatch(/SEARCH import_fingerprints USING INDEX import_fingerprints_entity \(entity_id=\?\)/);
    expect(plan.join(' ')).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
  });
});
