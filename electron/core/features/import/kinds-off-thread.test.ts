/**
 * Every kind of list (volunteers, request history, cash book, in-kind stock) is compared and
 * written on the long-work thread when the database is a file (residents-run.ts, as residents
 * are): the same outcomes and counts as import.kinds.test.ts finds on one thread, progress of rows
 * read, compared and written ending at its total, all rows or none when a write fails in the
 * middle, a call answered while a large list is written, and a write of the thread answering
 * calls during the compare (the run begins again under the write lock).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { writeSettings } from '../settings/settings.service';
import { ensureDefaultAccounts } from '../cashbook/accounts';
import { CASHBOOK_ROWS, IVANOVA, REQUEST_ROWS, STOCK_ROWS, VOLUNTEER_ROWS, counts, fileOf, guessed as guessedIn, outcomes, type ImportFileOf } from './kinds.fixtures';
import { importStepOf, type ImportKind, type ImportMapping } from '../../../../shared/domain/imports';
import type { CoreEvent } from '../../events';
import { BUILT_IN_ADMIN } from '../../context';
import { runImportJob } from './residents-run';

const NOW = '2026-11-16T09:30:00.000Z';
let dir: string;
let t: TestCore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-kinds-'));
  t = await createTestCore({ now: NOW, dataDir: dir });
  await writeSettings(t.deps.db, settingsInput());
  await ensureDefaultAccounts(t.deps.db, new Date(NOW));
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const guessed = (kind: ImportKind, file: ImportFileOf): Promise<ImportMapping> => guessedIn(t, kind, file);

/** The `import` task's progress events while `work` runs. */
async function heard<T>(work: () => Promise<T>): Promise<{ value: T; events: { done: number; total: number }[] }> {
  const events: { done: number; total: number }[] = [];
  const stop = t.events.subscribe((e: CoreEvent) => {
    if (e.type === 'progress' && e.task === 'import') events.push({ done: e.done, total: e.total });
  });
  try {
    return { value: await work(), events };
  } finally {
    stop();
  }
}

/** Progress of `steps` × `rows`, never backwards, ending at its total in the last step. */
function expectProgress(events: { done: number; total: number }[], rows: number, steps: 2 | 3) {
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => e.total === steps * rows)).toBe(true);
  const done = events.map((e) => e.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(events.at(-1)).toEqual({ done: steps * rows, total: steps * rows });
  expect(importStepOf(steps * rows, steps * rows, steps).step).toBe(steps === 2 ? 'compared' : 'written');
}

/** Nothing but the audit entries of refused calls changed, and no import was audited as done. */
function expectUnchanged(before: Record<string, unknown[]>) {
  expect(t.dump()).toEqual(before);
  expect(t.sqlite.prepare("select count(*) from audit_log where call = 'import.run' and outcome = 'ok'").pluck().get()).toBe(0);
}

describe('volunteers on the long-work thread', () => {
  const ROWS = VOLUNTEER_ROWS;

  it('dry run and run: the same outcomes as on one thread, progress to 2 × and 3 × rows', { timeout: 60_000 }, async () => {
    const petrov = await t.value('volunteers.create', volunteerInput());
    const file = fileOf(ROWS);
    const mapping = await guessed('volunteers', file);
    const before = t.dump();
    const dry = await heard(() => t.value('import.dryRun', { kind: 'volunteers', file, mapping }));
    expect(t.dump()).toEqual(before);
    expect(outcomes(dry.value)).toEqual([
      [2, 'duplicate', 'validation.importSameVolunteer', null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importLanguage', 'Языки'],
      [5, 'rejected', 'validation.dateNotInCalendar', 'Договор'],
      [6, 'duplicate', 'validation.importSameInFile', null],
      [7, 'create', null, null],
    ]);
    expect(dry.value.rows?.[0]?.matchId).toBe(petrov.id);
    expectProgress(dry.events, 6, 2);
    const run = await heard(() => t.value('import.run', { kind: 'volunteers', file, mapping }));
    expect(counts(run.value)).toEqual([2, 2, 2]);
    expectProgress(run.events, 6, 3);
    // Written by the job's connection: this one sees the volunteers, their new skill, the report and the audit entry.
    const smirnova = await t.value('volunteers.get', { id: run.value.rows?.[1]?.matchId as number });
    expect(smirnova.volunteer.skills.map((s) => s.code ?? s.name).sort()).toEqual(['hasCar', 'пеку пироги']);
    expect(t.sqlite.prepare('select count(*) from volunteers').pluck().get()).toBe(3);
    const audit = t.sqlite.prepare("select entity_type, entity_id, details from audit_log where call = 'import.run' and outcome = 'ok'").all() as { entity_type: string; entity_id: number; details: string }[];
    expect(audit.map((a) => [a.entity_type, a.entity_id, JSON.parse(a.details)])).toEqual([['import_reports', String(run.value.reportId), { fields: [{ field: 'volunteers', changed: true }] }]]);
    const again = await t.value('import.run', { kind: 'volunteers', file, mapping });
    expect(counts(again)).toEqual([0, 4, 2]);
  });

  it('all rows or none: the third volunteer refused by the database leaves nothing of the first two', { timeout: 60_000 }, async () => {
    t.sqlite.exec("create trigger refuse_one before insert on volunteers when new.last_name = 'Сбой' begin select raise(abort, 'refused'); end");
    const file = fileOf([['ФИО'], ['Первый Иван'], ['Второй Пётр'], ['Сбой Олег'], ['Четвёртый Павел']]);
    const mapping = await guessed('volunteers', file);
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'volunteers', file, mapping });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expectUnchanged(before);
  });
});

describe('a request history on the long-work thread', () => {
  const ROWS = REQUEST_ROWS;

  it('dry run and run: the resident by the matcher, the same outcomes, progress to its total', { timeout: 60_000 }, async () => {
    const ivanova = await t.value('residents.create', residentInput(IVANOVA));
    const file = fileOf(ROWS);
    const mapping = await guessed('requests', file);
    const dry = await heard(() => t.value('import.dryRun', { kind: 'requests', file, mapping }));
    expect(outcomes(dry.value)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importResidentNotFound', 'ФИО'],
      [5, 'rejected', 'validation.importUnknownKind', 'Вид помощи'],
      [6, 'duplicate', 'validation.importSameInFile', null],
      [7, 'create', null, null],
    ]);
    expectProgress(dry.events, 6, 2);
    const run = await heard(() => t.value('import.run', { kind: 'requests', file, mapping }));
    expect(counts(run.value)).toEqual([3, 1, 2]);
    expectProgress(run.events, 6, 3);
    expect(t.sqlite.prepare('select resident_id, created_on, status from requests order by id').all()).toEqual([
      { resident_id: ivanova.id, created_on: '2026-10-01', status: 'done' },
      { resident_id: ivanova.id, created_on: '2026-10-02', status: 'done' },
      { resident_id: ivanova.id, created_on: '2026-10-05', status: 'inProgress' },
    ]);
    // The triggers of the job's connection kept the month's contacts (contact_months): one resident, October.
    expect(t.sqlite.prepare("select month, resident_id, kind, n from contact_months where kind = 1").all()).toEqual([{ month: '2026-10', resident_id: ivanova.id, kind: 1, n: 3 }]);
    const again = await t.value('import.run', { kind: 'requests', file, mapping });
    expect(counts(again)).toEqual([0, 4, 2]);
    expect(again.rows?.[4]?.reason).toBe('validation.importSameRequest');
  });

  it('all rows or none: a status history refused on the third request leaves nothing', { timeout: 60_000 }, async () => {
    await t.value('residents.create', residentInput(IVANOVA));
    t.sqlite.exec("create trigger refuse_one before insert on requests when new.description = 'сбой' begin select raise(abort, 'refused'); end");
    const file = fileOf([
      ['ФИО', 'Год рождения', 'Вид помощи', 'Дата', 'Статус', 'Описание'],
      ['Иванова Мария Петровна', '1941', 'Дрова', '01.10.2026', 'выполнено', 'один'],
      ['Иванова Мария Петровна', '1941', 'Дрова', '02.10.2026', '', 'два'],
      ['Иванова Мария Петровна', '1941', 'Дрова', '03.10.2026', '', 'сбой'],
    ]);
    const mapping = await guessed('requests', file);
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'requests', file, mapping });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expectUnchanged(before);
  });
});

describe('a cash book on the long-work thread', () => {
  const ROWS = CASHBOOK_ROWS;

  it('dry run and run: the same outcomes and balances, progress to its total', { timeout: 60_000 }, async () => {
    const file = fileOf(ROWS);
    const mapping = await guessed('cashbook', file);
    const before = t.dump();
    const dry = await heard(() => t.value('import.dryRun', { kind: 'cashbook', file, mapping }));
    expect(t.dump()).toEqual(before);
    expect(outcomes(dry.value)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importUnknownAccount', 'Счёт'],
      [5, 'rejected', 'validation.dateNotInCalendar', 'Дата'],
      [6, 'create', null, null],
      [7, 'rejected', 'validation.categoryDirection', 'Статья'],
      [8, 'create', null, null],
      [9, 'rejected', 'validation.amountAmbiguous', 'Приход'],
    ]);
    expect(dry.value.rows?.find((r) => r.row === 5)?.text).toBe('31.11.2026');
    expectProgress(dry.events, 8, 2);
    const run = await heard(() => t.value('import.run', { kind: 'cashbook', file, mapping }));
    expect(counts(run.value)).toEqual([4, 0, 4]);
    expectProgress(run.events, 8, 3);
    const accounts = await t.value('accounts.list', {});
    expect(accounts.map((a) => [a.kind, a.balanceMinor, a.entryCount])).toEqual([
      ['cash', 150_000 - 32_050 + 100_000, 3],
      ['bank', -5_000, 1],
    ]);
    const again = await t.value('import.run', { kind: 'cashbook', file, mapping });
    expect(counts(again)).toEqual([0, 4, 4]);
  });

  it('all rows or none: a failure at the 900th of 1,200 entries leaves the book as it was; a call is answered while the list is compared and written', { timeout: 120_000 }, async () => {
    t.sqlite.exec("create trigger refuse_one before insert on cash_entries when new.note = 'сбой' begin select raise(abort, 'refused'); end");
    const rows = [['Дата', 'Приход', 'Счёт', 'Примечание']];
    for (let i = 0; i < 1200; i++) rows.push([`${String(1 + (i % 28)).padStart(2, '0')}.10.2026`, String(i + 1), 'Касса', i === 899 ? 'сбой' : `строка ${i + 2}`]);
    const file = fileOf(rows);
    const mapping = await guessed('cashbook', file);
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'cashbook', file, mapping });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expectUnchanged(before);
    // Without the failing row: all 1,200 written, and this thread answered a call meanwhile.
    t.sqlite.exec('drop trigger refuse_one');
    let settled = false;
    const run = heard(() => t.value('import.run', { kind: 'cashbook', file, mapping })).finally(() => (settled = true));
    let answered = 0;
    while (!settled) {
      await t.value('accounts.list', {});
      if (!settled) answered++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const { value, events } = await run;
    expect(counts(value)).toEqual([1200, 0, 0]);
    expectProgress(events, 1200, 3);
    expect(answered).toBeGreaterThan(0);
    // 1 + 2 + … + 1,200 roubles.
    expect((await t.value('accounts.list', {})).map((a) => [a.kind, a.balanceMinor, a.entryCount])).toEqual([
      ['cash', ((1200 * 1201) / 2) * 100, 1200],
      ['bank', 0, 0],
    ]);
  });
});

describe('in-kind stock on the long-work thread', () => {
  it('dry run and run: items found or added, stock follows, progress to its total', { timeout: 60_000 }, async () => {
    const blanket = await t.value('aid.addItem', { name: 'Одеяло', size: '', unit: 'piece' });
    const file = fileOf(STOCK_ROWS);
    const mapping = await guessed('stock', file);
    const dry = await heard(() => t.value('import.dryRun', { kind: 'stock', file, mapping }));
    expect(outcomes(dry.value)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
      [4, 'create', null, null],
      [5, 'create', null, null],
      [6, 'rejected', 'validation.range', 'Количество'],
      [7, 'rejected', 'validation.importUnit', 'Ед. изм.'],
      [8, 'create', null, null],
      [9, 'rejected', 'validation.importUnitOfItem', 'Ед. изм.'],
      [10, 'rejected', 'validation.dateInFuture', 'Дата'],
    ]);
    expectProgress(dry.events, 9, 2);
    const run = await heard(() => t.value('import.run', { kind: 'stock', file, mapping }));
    expect(counts(run.value)).toEqual([5, 0, 4]);
    expectProgress(run.events, 9, 3);
    expect((await t.value('aid.items', {})).items?.map((i) => [i.name, i.size, i.unit, i.stock])).toEqual([
      ['Детская обувь', '28', 'pair', 17],
      ['Детская обувь', '30', 'pair', 8],
      ['Одеяло', '', 'piece', 6],
      ['Продуктовый набор', '', 'piece', 40],
    ]);
    const moves = await t.value('aid.movements', { itemId: blanket.id });
    expect(moves.rows?.map((m) => [m.kind, m.on, m.delta, m.fromWhom])).toEqual([['received', '2026-11-16', 6, 'Приход из церкви']]);
    const again = await t.value('import.run', { kind: 'stock', file, mapping });
    expect(counts(again)).toEqual([0, 5, 4]);
  });

  it('all rows or none: the third movement refused leaves no item and no movement', { timeout: 60_000 }, async () => {
    t.sqlite.exec("create trigger refuse_one before insert on aid_movements when new.from_whom = 'сбой' begin select raise(abort, 'refused'); end");
    const file = fileOf([
      ['Наименование', 'Количество', 'Дата', 'От кого'],
      ['Крупа', '10', '01.11.2026', 'один'],
      ['Мыло', '20', '01.11.2026', 'два'],
      ['Свечи', '30', '01.11.2026', 'сбой'],
    ]);
    const mapping = await guessed('stock', file);
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'stock', file, mapping });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expectUnchanged(before);
  });
});

describe('a write of another connection during the compare', () => {
  it('a request history of 2,000 rows: the run begins again under the write lock and still writes every row, once', { timeout: 120_000 }, async () => {
    await t.value('residents.create', residentInput(IVANOVA));
    const rows = [['ФИО', 'Год рождения', 'Вид помощи', 'Дата']];
    // One request a day from 1 January 2020: 2,000 different days.
    for (let i = 0; i < 2000; i++) rows.push(['Иванова Мария Петровна', '1941', 'Дрова', new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)]);
    const file = fileOf(rows);
    const mapping = await guessed('requests', file);
    // The job itself, on this thread (as the command line runs it), so that the other write lands
    // exactly between the compare's reads and the run's first write: every row compared (4,000 of 6,000).
    const done: number[] = [];
    let poked = false;
    const answer = await runImportJob(
      { kind: 'requests', today: '2026-11-16', base64: file.base64, mapping, thisYear: 2026, database: { file: t.file, run: { kind: 'requests', fileName: file.fileName, actor: BUILT_IN_ADMIN, at: NOW, today: '2026-11-16' } } },
      (d) => {
        done.push(d);
        if (!poked && d === 4000) {
          poked = true;
          t.sqlite.prepare("insert into skills (code, name, archived_at, created_at) values (null, 'пеку пироги', null, ?)").run(NOW);
        }
      },
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(counts(answer.value.result ?? {})).toEqual([2000, 0, 0]);
    // The first try's compare, then the second one's from the rows read again: the retry happened.
    expect(done.filter((d, i) => i > 0 && d < (done[i - 1] as number)).length).toBe(1);
    expect(done.at(-1)).toBe(6000);
    expect(t.sqlite.prepare('select count(*) from requests').pluck().get()).toBe(2000);
    expect(t.sqlite.prepare('select count(*) from import_reports').pluck().get()).toBe(1);
    expect(t.sqlite.prepare("select count(*) from skills where name = 'пеку пироги'").pluck().get()).toBe(1);
  });
});
