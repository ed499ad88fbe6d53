/**
 * A large import on a database file runs off the thread that answers calls (residents-run.ts on
 * the long-work thread, a connection of its own): a search is answered while it runs, its
 * progress is announced, and the result is the same as on one thread.
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
import type { ImportResult } from '../../../../shared/domain/imports';

let dir: string;
let core: StartedCore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-'));
  core = await startCore({ dataDir: dir, clock: fixedClock('2026-11-16T09:30:00.000Z') });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const caller = { actor: BUILT_IN_ADMIN };
const mapping = {
  columns: { ФИО: 'fullName', 'Дата рождения': 'birthDate', Адрес: 'address', Телефон: 'phone', Положение: 'situations', Семья: 'householdKey' },
  nameOrder: 'auto',
  language: 'ru',
} as const;

describe('import off the thread that answers calls', () => {
  it('answers a search while 3,000 rows are compared and written, reports progress, and writes all rows', { timeout: 120_000 }, async () => {
    const before = await core.dispatch('residents.create', { lastName: 'Иванов', firstName: 'Иван', patronymic: 'Иванович', birthYear: 1930, settlement: 'Сылва', street: 'Ленина', house: '1', flat: '', phones: [], situations: [], householdSize: null, regularCare: false, needsSnowClearing: false, checkinIntervalDays: null, notes: '' }, caller);
    expect(before.ok).toBe(true);
    const file = { fileName: 'residents.csv', base64: Buffer.from(residentsCsv(3000)).toString('base64') };
    const progress: { done: number; total: number }[] = [];
    let firstCompare: () => void = () => {};
    const comparing = new Promise<void>((resolve) => (firstCompare = resolve));
    const stop = core.events.subscribe((e: CoreEvent) => {
      if (e.type !== 'progress' || e.task !== 'import') return;
      progress.push({ done: e.done, total: e.total });
      // Past the reading of the file (a third of the total): the register is being compared or written.
      if (e.done > e.total / 3) firstCompare();
    });
    let settled = false;
    const run = core.dispatch('import.run', { kind: 'residents', file, mapping }, caller).finally(() => (settled = true));
    await comparing;
    let answeredDuring = 0;
    while (!settled) {
      const found = await core.dispatch('residents.search', { q: 'Иванов' }, caller);
      expect(found.ok).toBe(true);
      if (!settled) answeredDuring++;
      await new Promise((r) => setTimeout(r, 20));
    }
    stop();
    const answer = await run;
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const v = answer.value as ImportResult;
    // The bench's list holds Иванов Иван Иванович at rows i = 0 (born 1930) and i = 1000 (born 1931):
    // both "same" as the one registered (name and year, or a year apart); the others are new.
    expect([v.created, v.duplicates, v.rejected, v.households]).toEqual([2998, 2, 0, 1500]);
    expect(answeredDuring).toBeGreaterThan(0);
    // Progress: rows read, compared and written (3 × 3,000), never backwards, ending at the total.
    expect(progress.every((p) => p.total === 9000)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 9000, total: 9000 });
    // Written through another connection: this one sees every row, the report and the audit entry.
    expect(core.sqlite.prepare('select count(*) from residents').pluck().get()).toBe(2999);
    expect(core.sqlite.prepare("select count(*) from audit_log where call = 'import.run'").pluck().get()).toBe(1);
    const again = await core.dispatch('import.dryRun', { kind: 'residents', file, mapping }, caller);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect([(again.value as ImportResult).created, (again.value as ImportResult).duplicates]).toEqual([0, 3000]);
    console.log(`searches answered during the import: ${answeredDuring}; progress events: ${progress.length}`);
  });

  it('a write of the thread answering calls during the compare: the import tries again and still writes all rows', { timeout: 120_000 }, async () => {
    const file = { fileName: 'residents.csv', base64: Buffer.from(residentsCsv(3000)).toString('base64') };
    let created: Promise<unknown> | null = null;
    const stop = core.events.subscribe((e: CoreEvent) => {
      if (e.type === 'progress' && e.task === 'import' && e.done > e.total / 3 && e.done < (2 * e.total) / 3 && created === null) {
        created = core.dispatch('residents.create', { lastName: 'Новый', firstName: 'Житель', patronymic: '', birthYear: 1950, settlement: '', street: '', house: '', flat: '', phones: [], situations: [], householdSize: null, regularCare: false, needsSnowClearing: false, checkinIntervalDays: null, notes: '' }, caller);
      }
    });
    const answer = await core.dispatch('import.run', { kind: 'residents', file, mapping }, caller);
    stop();
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect((answer.value as ImportResult).created).toBe(3000);
    expect(((await created) as { ok: boolean } | null)?.ok ?? true).toBe(true);
    expect(core.sqlite.prepare('select count(*) from residents').pluck().get()).toBe(created === null ? 3000 : 3001);
  });
});
