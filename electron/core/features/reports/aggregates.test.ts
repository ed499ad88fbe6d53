/**
 * Funder-safe aggregates and the grant report on real SQLite through dispatch, on a hand-built
 * half-year (2026-01-01 … 2026-06-30) whose expected tables are written below by hand.
 *
 * The people (threshold 5, ages reached in 2026):
 * - Сылва: 6 born 1940 (86: 75+, living alone), 6 born 1960 (66: 60–74, household of 2);
 *   each registered a request in the period; 7 of them had a task done (the same kind);
 * - Шамары: 3 born 1990 (36: 35–59, living situation not recorded) with a request and the
 *   master class, and 1 with no birth year who only came to the master class;
 * - one more in Сылва whose only request was in 2025: not reached.
 * People reached: 12 + 4 = 16. Head counts: master class women 12, men 3; awareness event
 * women 20, men 8, girls 6, boys 2.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { eventInput } from '../events/events.builders';
import { categoryIdByCode } from '../cashbook/ledger';
import { grantInput } from '../grants/grants.builders';
import { projectInput } from '../projects/projects.builders';
import type { AggregatesReport } from '../../../../shared/domain/aggregates';
import { parseCsv } from '../../export/csv';
import { aggregatesCsv, aggregatesJson, aggregatesSheets } from './aggregates.export';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_IN_ADMIN } from '../../context';
import { aggregatesHandlers } from './aggregates.handlers';

const NOW = '2026-11-16T09:30:00.000Z';
const AT = NOW;
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };

let t: TestCore;
const names: string[] = [];

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await t.value('setup.complete', { ...settingsInput(), demo: false });
  names.length = 0;
});
afterEach(async () => {
  await t.close();
});

async function resident(lastName: string, settlement: string, birthYear: number | null, alone: boolean, householdSize: number | null) {
  names.push(lastName);
  const r = await t.value(
    'residents.create',
    residentInput({ lastName, firstName: 'Тест', patronymic: '', birthYear, settlement, street: 'Ленина', house: '1', flat: '', phones: [], situations: alone ? ['livesAlone'] : [], householdSize }),
  );
  return r.id;
}

const kindId = () => t.sqlite.prepare('select min(id) from service_kinds').pluck().get() as number;

function request(residentId: number, on: string, status = 'new') {
  t.sqlite
    .prepare("insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by) values (?, ?, 'normal', 'walkIn', '', ?, ?, ?, 1, ?, 1)")
    .run(residentId, kindId(), status, AT, on, AT);
}

function doneTask(residentId: number, on: string) {
  t.sqlite
    .prepare("insert into tasks (resident_id, kind_id, scheduled_on, status, done_on, created_at, created_by, updated_at, updated_by) values (?, ?, ?, 'done', ?, ?, 1, ?, 1)")
    .run(residentId, kindId(), on, on, AT, AT);
}

async function halfYear() {
  const sylva: number[] = [];
  for (let i = 0; i < 6; i++) sylva.push(await resident(`Старшая${i}`, 'Сылва', 1940, true, 1));
  for (let i = 0; i < 6; i++) sylva.push(await resident(`Средний${i}`, 'Сылва', 1960, false, 2));
  const shamary: number[] = [];
  for (let i = 0; i < 3; i++) shamary.push(await resident(`Молодой${i}`, 'Шамары', 1990, false, null));
  const walkIn = await resident('Безгодова', 'Шамары', null, false, null);
  const earlier = await resident('Прошлогодний', 'Сылва', 1950, true, 1);

  sylva.forEach((id, i) => request(id, `2026-0${1 + (i % 6)}-10`, i < 2 ? 'cancelled' : 'new'));
  shamary.forEach((id) => request(id, '2026-02-01'));
  request(earlier, '2025-12-31');
  for (const id of sylva.slice(0, 7)) doneTask(id, '2026-03-05');
  doneTask(earlier, '2026-07-01');

  const mc = await t.value('events.create', eventInput({ startsOn: '2026-03-10', kind: 'masterClass' }));
  for (const id of [...shamary, walkIn]) {
    const reg = await t.value('events.register', { id: mc.id, residentId: id, atDoor: true, confirmOverCapacity: true });
    const row = reg.attendees.find((a) => a.residentId === id);
    if (!row) throw new Error('attendance missing');
    await t.value('events.markAttendance', { id: mc.id, attendanceId: row.id, status: 'attended' });
  }
  await t.value('events.setHeadCounts', { id: mc.id, counts: { women: 12, men: 3, girls: 0, boys: 0 } });
  const aw = await t.value('events.create', eventInput({ startsOn: '2026-04-01', kind: 'awarenessEvent', title: 'День информирования' }));
  await t.value('events.setHeadCounts', { id: aw.id, counts: { women: 20, men: 8, girls: 6, boys: 2 } });
  // Outside the period: counted nowhere.
  const later = await t.value('events.create', eventInput({ startsOn: '2026-07-02', kind: 'awarenessEvent' }));
  await t.value('events.setHeadCounts', { id: later.id, counts: { women: 50, men: 50, girls: 0, boys: 0 } });
}

/** A table as it shows: row label, then the shown cells. */
function shown(report: AggregatesReport, id: string): string[][] {
  const table = report.tables.find((x) => x.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table.rows.map((label, r) => [label, ...table.cells[r]!.map((c) => c.shown)]);
}

describe('reports.aggregates', () => {
  it('counts each person once, by kind of contact, age, settlement and living situation, and suppresses small counts', async () => {
    await halfYear();
    const r = await t.value('reports.aggregates', { from: '2026-01-01', to: '2026-06-30' });
    expect(r.threshold).toBe(5);
    expect(r.ageYear).toBe(2026);
    expect(r.peopleReached).toEqual({ value: 16, shown: '16', suppressed: false });
    expect(shown(r, 'byContact')).toEqual([
      ['aggregates:contact.request', '15'],
      ['aggregates:contact.service', '7'],
      ['aggregates:contact.event', '<5'],
      ['aggregates:contact.aid', '0'],
      ['aggregates:contact.assessment', '0'],
      ['aggregates:contact.caseContact', '0'],
      ['aggregates:contact.project', '0'],
      ['aggregates:contact.shelter', '0'],
    ]);
    const code = t.sqlite.prepare('select code from service_kinds where id = ?').pluck().get(kindId()) as string;
    expect(shown(r, 'byServiceKind')).toEqual([[`catalogue:kinds.${code}`, '7']]);
    expect(shown(r, 'byAge')).toEqual([
      ['aggregates:age.age0to17', '0'],
      ['aggregates:age.age18to34', '0'],
      ['aggregates:age.age35to59', '<5'],
      ['aggregates:age.age60to74', '6'],
      ['aggregates:age.age75plus', '6'],
      ['aggregates:age.ageUnknown', '<5'],
      ['aggregates:total', '16'],
    ]);
    // Шамары's 4 is hidden; alone in its column it would be 16 − 12, so 12 is hidden too.
    expect(shown(r, 'bySettlement')).toEqual([
      ['Сылва', '<5'],
      ['Шамары', '<5'],
      ['aggregates:total', '16'],
    ]);
    expect(shown(r, 'byLivingSituation')).toEqual([
      ['aggregates:living.livesAlone', '<5'],
      ['aggregates:living.withOthers', '6'],
      ['aggregates:living.notRecorded', '<5'],
      ['aggregates:total', '16'],
    ]);
    // women men girls boys total; 2 and 3 hidden, then the next smallest of each row and column.
    expect(shown(r, 'headCounts')).toEqual([
      ['events:kind.awarenessEvent', '<5', '<5', '<5', '<5', '36'],
      ['events:kind.masterClass', '<5', '<5', '0', '0', '15'],
      ['aggregates:total', '32', '11', '<5', '<5', '51'],
    ]);
    // Hidden means hidden: no value travels with a suppressed cell.
    for (const table of r.tables) for (const row of table.cells) for (const c of row) expect(c.suppressed ? c.value : 0).toBe(c.suppressed ? null : 0);
    // No names, no addresses, no birth years.
    const text = JSON.stringify(r);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain('Ленина');
    expect(text).not.toMatch(/19[4-9]0/);
  });

  it('uses the centre’s threshold, or the one given', async () => {
    await halfYear();
    expect(await t.value('reports.threshold', {})).toEqual({ threshold: 5, isDefault: true });
    await t.value('reports.setThreshold', { threshold: 3 });
    expect(await t.value('reports.threshold', {}, TREASURER)).toEqual({ threshold: 3, isDefault: false });
    const r = await t.value('reports.aggregates', { from: '2026-01-01', to: '2026-06-30' });
    expect(r.threshold).toBe(3);
    expect(shown(r, 'bySettlement')).toEqual([
      ['Сылва', '12'],
      ['Шамары', '4'],
      ['aggregates:total', '16'],
    ]);
    // Age: 1 hidden (unknown), then the smallest other count of the column (3).
    expect(shown(r, 'byAge').map((row) => row[1])).toEqual(['0', '0', '<3', '6', '6', '<3', '16']);
    const given = await t.value('reports.aggregates', { from: '2026-01-01', to: '2026-06-30', threshold: 20 });
    expect(given.peopleReached).toEqual({ value: null, shown: '<20', suppressed: true });
  });

  it('still counts a person erased for privacy through their requests and tasks, in the same age band and settlement', async () => {
    await halfYear();
    const id = t.sqlite.prepare("select id from residents where last_name = 'Старшая0'").pluck().get() as number;
    await t.value('privacy.erasePerson', { residentId: id, confirmName: 'Старшая0 Тест' });
    const r = await t.value('reports.aggregates', { from: '2026-01-01', to: '2026-06-30' });
    expect(r.peopleReached.value).toBe(16);
    expect(shown(r, 'byAge').map((row) => row[1])).toEqual(['0', '0', '<5', '6', '6', '<5', '16']);
    expect(shown(r, 'byContact').slice(0, 2)).toEqual([
      ['aggregates:contact.request', '15'],
      ['aggregates:contact.service', '7'],
    ]);
    expect(JSON.stringify(r)).not.toContain('Старшая0');
  });

  it('is refused to the front desk; a bad period or threshold is a validation error', async () => {
    const refused = await t.call('reports.aggregates', { from: '2026-01-01', to: '2026-06-30' }, FRONTDESK);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const backwards = await t.call('reports.aggregates', { from: '2026-06-30', to: '2026-01-01' });
    expect(backwards.ok ? null : backwards.error.code).toBe('validation');
    const low = await t.call('reports.setThreshold', { threshold: 1 });
    expect(low.ok ? null : low.error.code).toBe('validation');
    const byTreasurer = await t.call('reports.setThreshold', { threshold: 7 }, TREASURER);
    expect(byTreasurer.ok ? null : byTreasurer.error.code).toBe('forbidden');
  });
});

describe('reports.grant', () => {
  it('gives plan vs actual per budget line and the participants of the grant’s projects by status', async () => {
    const g = await t.value('grants.create', {
      grant: grantInput({ amountMinor: 48_000_000 }),
      lines: [
        { name: 'Оплата труда куратора', plannedMinor: 36_000_000 },
        { name: 'Транспорт и ГСМ', plannedMinor: 12_000_000 },
      ],
    });
    const [pay, fuel] = g.lines;
    if (!pay || !fuel) throw new Error('lines missing');
    const account = await t.deps.db
      .insertInto('cash_accounts')
      .values({ name: 'Касса', kind: 'cash', currency: 'RUB', opening_balance_minor: 100_000_000, opening_date: '2025-01-01', archived_at: null, created_at: NOW, created_by: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const transport = await categoryIdByCode(t.deps.db, 'transport');
    const salaries = await categoryIdByCode(t.deps.db, 'salaries');
    await t.value('cashbook.post', { type: 'expense', date: '2026-02-10', accountId: account.id, amountMinor: 3_000_000, categoryId: salaries, grantId: g.id, budgetLineId: pay.id });
    await t.value('cashbook.post', { type: 'expense', date: '2026-04-02', accountId: account.id, amountMinor: 120_000, categoryId: transport, grantId: g.id, budgetLineId: fuel.id });
    await t.value('cashbook.post', { type: 'expense', date: '2026-04-03', accountId: account.id, amountMinor: 50_000, categoryId: transport, grantId: g.id });

    const p = await t.value('projects.create', projectInput({ grantId: g.id }));
    const other = await t.value('projects.create', projectInput({ name: 'Другой проект', grantId: null }));
    const ins = t.sqlite.prepare(
      "insert into project_participants (project_id, resident_id, recruited_on, status, ended_on, created_at, created_by, updated_at, updated_by) values (?, null, '2026-02-01', ?, ?, ?, 1, ?, 1)",
    );
    for (const [status, n] of [['active', 4], ['completed', 2], ['droppedOut', 1]] as const) for (let i = 0; i < n; i++) ins.run(p.id, status, status === 'active' ? null : '2026-05-01', NOW, NOW);
    ins.run(other.id, 'active', null, NOW, NOW);

    const r = await t.value('reports.grant', { grantId: g.id }, COORDINATOR);
    expect(r.title).toBe(grantInput().title);
    expect(r.lines.map((l) => [l.name, l.plannedMinor, l.actualMinor, l.differenceMinor])).toEqual([
      ['Оплата труда куратора', 36_000_000, 3_000_000, 33_000_000],
      ['Транспорт и ГСМ', 12_000_000, 120_000, 11_880_000],
    ]);
    expect(r.unassignedMinor).toBe(50_000);
    expect(r.plannedMinor).toBe(48_000_000);
    expect(r.actualMinor).toBe(3_170_000);
    expect(r.projects).toEqual([{ id: p.id, name: projectInput().name, recruited: 7, active: 4, completed: 2, droppedOut: 1 }]);
    expect(r.participants).toEqual({ recruited: 7, active: 4, completed: 2, droppedOut: 1 });

    const missing = await t.call('reports.grant', { grantId: 999 });
    expect(missing.ok ? null : missing.error.code).toBe('notFound');
    const refused = await t.call('reports.grant', { grantId: g.id }, FRONTDESK);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });
});

describe('reports.grant: the activity of the grant’s period', () => {
  it('gives the results figures for the grant’s first to last day, without money', async () => {
    await halfYear();
    // The half-year's grant: the July task, the July event and the 2025 request are outside it.
    const g = await t.value('grants.create', { grant: grantInput({ startsOn: '2026-01-01', endsOn: '2026-06-30' }), lines: [{ name: 'Оплата труда', plannedMinor: 1_000_000 }] });
    const r = await t.value('reports.grant', { grantId: g.id, language: 'pl' }, TREASURER);
    const a = r.activity;
    expect([a.from, a.to]).toEqual(['2026-01-01', '2026-06-30']);
    expect(a.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    // 12 in Сылва (requests), 3 in Шамары (requests, master class), the walk-in (master class).
    expect(a.peopleReached.named).toBe(16);
    // Master class 12 + 3, awareness event 20 + 8 + 6 + 2; the July event's 100 is outside.
    expect(a.peopleReached.headCounts).toBe(51);
    expect(a.requestsByStatus.total).toBe(15);
    expect(a.requestsByStatus.rows.find((x) => x.code === 'cancelled')?.count).toBe(2);
    expect(a.tasksDone.count).toBe(7);
    expect(a.servicesByKind.total).toBe(7);
    expect(a.events.held).toBe(2);
    expect(a.events.people).toBe(4);
    // Everyone was registered on 16 November (the test's today): not in the grant's period.
    expect(a.newResidents.count).toBe(0);
    // The money of the grant is its lines; the centre's cash book is not repeated in the activity.
    expect('money' in a).toBe(false);
    expect(a.distinct).not.toContain('money');
    expect(a.distinct).toContain('peopleReached');
    expect(a.definitions.peopleReached).toMatch(/\p{L}/u);
    expect(r.plannedMinor).toBe(1_000_000);
    // The coordinator gets the same activity.
    const c = await t.value('reports.grant', { grantId: g.id }, COORDINATOR);
    expect(c.activity.peopleReached.named).toBe(16);
  });
});

describe('the funder-safe files', () => {
  it('labels the tables in the language, keeps counts as numbers and a settlement that looks like a formula as text', async () => {
    for (let i = 0; i < 6; i++) request(await resident(`Формула${i}`, '=HYPERLINK("http://evil")', 1950, true, 1), '2026-03-01');
    const r = await t.value('reports.aggregates', { from: '2026-01-01', to: '2026-06-30' });
    const sheets = aggregatesSheets(r, 'uk', 'Центр');
    expect(sheets.map((x) => x.name)).toEqual(['Зведення', 'За видами контакту', 'За видами послуг', 'За віком', 'За населеними пунктами', 'За умовами проживання', 'Заходи: кількість учасників']);
    expect(sheets[3]!.rows).toContainEqual(['75 і старші', 6]);
    expect(sheets[3]!.rows).toContainEqual(['Разом', 6]);
    const rows = parseCsv(aggregatesCsv(sheets), { delimiter: ';', restore: false });
    expect(rows).toContainEqual([`'=HYPERLINK("http://evil")`, '6']);
    expect(rows[0]![0]).toBe('Центр: знеособлені показники, 2026-01-01 – 2026-06-30');
    const json = aggregatesJson(r, 'el');
    expect(json.peopleReached).toBe(6);
    expect(json.tables.find((x) => x.id === 'byLivingSituation')!.rows[0]).toEqual({ code: 'aggregates:living.livesAlone', label: 'Μένει μόνος/μόνη', counts: [6] });
  });
});

describe('reports.aggregatesExport', () => {
  it('writes the funder-safe tables in Polish to the exports folder: "<5" cells, no name, street or birth year', async () => {
    await halfYear();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-aggregates-'));
    try {
      const deps = { ...t.deps, paths: { dataDir: dir } };
      const csv = await aggregatesHandlers['reports.aggregatesExport']({ from: '2026-01-01', to: '2026-06-30', format: 'csv', language: 'pl' }, { actor: BUILT_IN_ADMIN }, deps);
      expect(csv.id).toMatch(/^funder-safe-2026-01-01-2026-06-30-pl-\d{8}-\d{6}\.csv$/);
      expect(csv.sheets).toBe(7);
      const text = readFileSync(path.join(dir, 'exports', csv.id), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(text, { delimiter: ';', restore: false });
      expect(rows).toContainEqual(['Сылва', '<5']);
      expect(rows.filter((r) => r.includes('<5')).length).toBeGreaterThanOrEqual(8);
      for (const name of names) expect(text).not.toContain(name);
      expect(text).not.toContain('Ленина');
      expect(text).not.toMatch(/19[4-9]0/);
      const xlsx = await aggregatesHandlers['reports.aggregatesExport']({ from: '2026-01-01', to: '2026-06-30', format: 'xlsx', threshold: 3 }, { actor: BUILT_IN_ADMIN }, deps);
      expect(xlsx.id).toMatch(/\.xlsx$/);
      expect(readFileSync(path.join(dir, 'exports', xlsx.id)).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
