/**
 * The request history's lookups on a register of 6,000 residents and 30,000 requests: the residents
 * by the matcher's keys (tested in query-plans.test.ts) and the requests already registered for the
 * residents found, by the index requests_resident; no statement reads requests whole. (The other
 * kinds read the centre's short lists whole: its accounts and categories, aid items, volunteers.)
 */
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { explain, loggingDb, STATISTICS, useStatistics } from '../../testing/query-plans';
import { matchKeys } from '../../../../shared/domain/matcher';
import { requestsImport, type RequestRow } from './import.requests';
import type { KindRow } from './import.rows';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;
const numbers = (n: number) => `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`;

/**
 * A surname and first name per number whose consonants differ (the matcher ignores digits), each
 * number's names far from its neighbours': 12 → "Бабавегиров Гивебабана".
 */
const SYLLABLES = ['ба', 'ве', 'ги', 'до', 'жу', 'зы', 'ки', 'ло', 'му', 'ны'];
const word = (digits: string, end: string) => {
  const s = digits
    .split('')
    .map((d) => SYLLABLES[Number(d)])
    .join('');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${end}`;
};
const padded = (i: number) => String(i).padStart(4, '0');
const surname = (i: number) => word(padded(i), 'ров');
const given = (i: number) => word(padded(i).split('').reverse().join(''), 'на');

beforeAll(async () => {
  t = await createTestCore({ now: NOW });
  const insert = t.sqlite.prepare(
    `insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, birth_year, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, 'Село', 1950, '${NOW}', 1, '${NOW}', 1)`,
  );
  for (let i = 1; i <= 6000; i++) insert.run(surname(i), given(i), `k${i}`, `k${i}`, `k${i}`);
  t.sqlite.exec(`
    ${numbers(30000)} insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
      select 1 + i % 6000, (select min(id) from service_kinds), 'normal', 'walkIn', '', 'done', '${NOW}', '2026-0' || (1 + i % 9) || '-10', 1, '${NOW}', 1 from n;
  `);
  const key = t.sqlite.prepare('insert or ignore into resident_match_keys (key, resident_id) values (?, ?)');
  const ids = t.sqlite.prepare('select id, last_name, first_name from residents where id <= 300').all() as { id: number; last_name: string; first_name: string }[];
  for (const r of ids) for (const k of matchKeys({ lastName: r.last_name, firstName: r.first_name })) key.run(k, r.id);
});
afterAll(async () => {
  await t.close();
});

const row = (i: number): KindRow<RequestRow> => ({
  row: i + 2,
  fingerprint: `fp${i}`,
  data: { lastName: surname(i + 1), firstName: given(i + 1), patronymic: '', birthYear: 1950, kind: 'Дрова', date: '2026-10-01', status: 'done', urgency: 'normal', channel: 'walkIn', description: '' },
  reason: null,
  column: null,
  text: null,
  name: '',
  cells: [],
  columns: {},
});

describe.each(STATISTICS)('request history import query plans with %s', (_label, stats) => {
  beforeAll(() => useStatistics(t, stats));

  it('the requests of the residents found are sought by resident', async () => {
    const sent: CompiledQuery[] = [];
    const answers = await requestsImport.resolve(loggingDb(t, sent), Array.from({ length: 300 }, (_, i) => row(i)), '2026-11-16');
    // Most are found (a few made-up names are near others and are refused as ambiguous): their requests are asked for.
    expect(answers.filter((a) => a.outcome === 'create').length).toBeGreaterThan(100);
    const plans = explain(t, sent).filter((p) => /from "requests"/.test(p.sql));
    expect(plans.length).toBe(1);
    for (const p of plans) expect(p.plan.join(' '), p.sql.slice(0, 120)).toMatch(/SEARCH requests USING (COVERING )?INDEX requests_(resident|day_resident)/);
    for (const p of explain(t, sent)) expect(p.plan.filter((x) => /^SCAN (requests|residents)\b/.test(x) && !/USING/.test(x)), p.sql.slice(0, 120)).toEqual([]);
  });
});
