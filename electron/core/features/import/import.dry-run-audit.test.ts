/**
 * A dry run reads the register without leaving traces: on a file (the long-work thread compares,
 * as in the app), ten rows of which three are residents the centre has already add no audit entry
 * at all — no "view" of the three (the wizard names them from the answer's matchName and opens no
 * page) — and the run afterwards leaves its one entry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import { counts, fileOf, guessed } from './kinds.fixtures';

const NOW = '2026-11-16T09:30:00.000Z';
let dir: string;
let t: TestCore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-audit-'));
  t = await createTestCore({ now: NOW, dataDir: dir });
  await writeSettings(t.deps.db, settingsInput());
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const auditRows = (where = '1 = 1') => Number(t.sqlite.prepare(`select count(*) from audit_log where ${where}`).pluck().get());

it('a dry run of 10 rows with 3 registered residents writes no audit entry, no view; the rows name whom they match', { timeout: 60_000 }, async () => {
  const ivanova = await t.value('residents.create', residentInput({ lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна', birthYear: 1941, phones: [] }));
  const kuznetsov = await t.value('residents.create', residentInput({ lastName: 'Кузнецов', firstName: 'Олег', patronymic: 'Иванович', birthYear: 1970, phones: [] }));
  const lesnaya = await t.value('residents.create', residentInput({ lastName: 'Лесная', firstName: 'Анна', patronymic: '', birthYear: null, phones: [] }));
  const file = fileOf([
    ['ФИО', 'Год рождения'],
    ['Новикова Зинаида Павловна', '1938'],
    ['Иванова Мария Петровна', '1941'],
    ['Белоусов Геннадий Иванович', '1950'],
    ['Третьякова Анна Сергеевна', '1961'],
    ['Кузнецов Олег Иванович', '1970'],
    ['Смирнов Павел Андреевич', '1955'],
    ['Лесная Анна', ''],
    ['Волкова Нина Петровна', '1947'],
    ['Орлов Игорь Юрьевич', '1983'],
    ['Зайцева Вера Николаевна', '1939'],
  ]);
  const mapping = await guessed(t, 'residents', file);
  const before = auditRows();
  const views = auditRows("action = 'view'");

  const dry = await t.value('import.dryRun', { kind: 'residents', file, mapping });
  expect(counts(dry)).toEqual([7, 3, 0]);
  expect(dry.rows?.filter((r) => r.outcome === 'duplicate').map((r) => [r.row, r.matchId, r.matchName])).toEqual([
    [3, ivanova.id, 'Иванова Мария Петровна, 1941'],
    [6, kuznetsov.id, 'Кузнецов Олег Иванович, 1970'],
    [8, lesnaya.id, 'Лесная Анна'],
  ]);
  expect(dry.rows?.filter((r) => r.outcome !== 'duplicate').every((r) => r.matchName === null)).toBe(true);
  expect(auditRows("action = 'view'")).toBe(views);
  expect(auditRows()).toBe(before);

  // The import itself is audited: one entry, and still no view.
  const run = await t.value('import.run', { kind: 'residents', file, mapping });
  expect(counts(run)).toEqual([7, 3, 0]);
  expect(auditRows("call = 'import.run' and outcome = 'ok'")).toBe(1);
  expect(auditRows("action = 'view'")).toBe(views);
  // What a view would have left (the wizard's old way of naming a duplicate): one entry per page opened.
  await t.value('residents.get', { id: ivanova.id });
  expect(auditRows("action = 'view'")).toBe(views + 1);
});
