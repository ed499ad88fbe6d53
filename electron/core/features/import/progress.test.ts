/**
 * Progress of an import's long work in rows of the file (issue 15, "progress shown for large
 * files"): the first read (preview) reports rows read as the text is parsed; a dry run counts
 * each row once read and once compared with the register; the steps as the wizard shows them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ADMIN } from '../../context';
import { fixedClock } from '../../clock';
import { startCore, type StartedCore } from '../../start';
import type { CoreEvent } from '../../events';
import { residentsCsv } from './bench';
import { importStepOf, importStepsReported } from '../../../../shared/domain/imports';
import { readTable } from './read/table';
import { csvText, encodeText } from './fixtures';

describe('the steps of an import’s progress', () => {
  it('steps reported on the work thread, and where a run is', () => {
    expect(importStepsReported('residents', 'preview')).toBe(1);
    expect(importStepsReported('residents', 'dryRun')).toBe(2);
    expect(importStepsReported('residents', 'run')).toBe(3);
    expect(importStepsReported('cashbook', 'run')).toBe(3);
    expect(importStepsReported('volunteers', 'dryRun')).toBe(2);
    // 50,000 rows, a run: 150,000 units.
    expect(importStepOf(12_000, 150_000, 3)).toEqual({ step: 'read', done: 12_000, rows: 50_000 });
    expect(importStepOf(50_000, 150_000, 3)).toEqual({ step: 'compared', done: 0, rows: 50_000 });
    expect(importStepOf(70_000, 150_000, 3)).toEqual({ step: 'compared', done: 20_000, rows: 50_000 });
    expect(importStepOf(149_000, 150_000, 3)).toEqual({ step: 'written', done: 49_000, rows: 50_000 });
    expect(importStepOf(150_000, 150_000, 3)).toEqual({ step: 'written', done: 50_000, rows: 50_000 });
    expect(importStepOf(700, 2_000, 1)).toEqual({ step: 'read', done: 700, rows: 2_000 });
  });

  it('reading a CSV reports rows read of its line count, then the exact count (a cell with a line break counts one row)', async () => {
    const rows = [['ФИО', 'Примечание']];
    for (let i = 0; i < 2500; i++) rows.push([`Иванов Иван ${i}`, i === 10 ? 'две\r\nстроки' : '']);
    const heard: [number, number][] = [];
    const table = await readTable(encodeText(csvText(rows, ';'), 'utf-8'), { onRows: (read, estimate) => heard.push([read, estimate]) });
    expect(table.rows.length).toBe(2500);
    // 2,502 line breaks (one inside a quoted cell) less the header: 2,501 estimated until the end.
    expect(heard).toEqual([
      [999, 2501],
      [1999, 2501],
      [2500, 2500],
    ]);
  });
});

describe('progress of a large list on a database file', () => {
  let dir: string;
  let core: StartedCore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-progress-'));
    core = await startCore({ dataDir: dir, clock: fixedClock('2026-11-16T09:30:00.000Z') });
  });
  afterEach(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const caller = { actor: BUILT_IN_ADMIN };
  const mapping = { columns: { ФИО: 'fullName', 'Дата рождения': 'birthDate', Адрес: 'address', Телефон: 'phone', Положение: 'situations', Семья: 'householdKey' }, nameOrder: 'auto', language: 'ru' } as const;

  it('the preview reports rows read; the dry run rows read, then rows compared, up to 2 × rows', { timeout: 120_000 }, async () => {
    const file = { fileName: 'residents.csv', base64: Buffer.from(residentsCsv(4000)).toString('base64') };
    const heard: { done: number; total: number }[] = [];
    const stop = core.events.subscribe((e: CoreEvent) => {
      if (e.type === 'progress' && e.task === 'import') heard.push({ done: e.done, total: e.total });
    });
    const preview = await core.dispatch('import.preview', { kind: 'residents', file }, caller);
    expect(preview.ok).toBe(true);
    // The first event comes at the first 1,000 rows parsed; the last is the whole file.
    expect(heard[0]).toEqual({ done: 999, total: 4000 });
    expect(heard.at(-1)).toEqual({ done: 4000, total: 4000 });
    heard.length = 0;
    const dry = await core.dispatch('import.dryRun', { kind: 'residents', file, mapping }, caller);
    stop();
    expect(dry.ok).toBe(true);
    expect(heard.every((p) => p.total === 8000)).toBe(true);
    const done = heard.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Parsing counts half a row read (999 parsed → 499), preparing the other half.
    expect(heard[0]).toEqual({ done: 499, total: 8000 });
    expect(heard.at(-1)).toEqual({ done: 8000, total: 8000 });
    const steps = heard.map((p) => importStepOf(p.done, p.total, 2).step);
    expect(steps[0]).toBe('read');
    expect(steps.at(-1)).toBe('compared');
  });
});
