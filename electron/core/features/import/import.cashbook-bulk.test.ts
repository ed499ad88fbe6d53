/**
 * A large cash book is written in bulk (issue 15): a few INSERT statements of up to 500 entries
 * through ledger.ts postEntries, not one call per row; every entry as postEntry would write it
 * (balances and monthly totals follow); all rows in one transaction or none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import { ensureDefaultAccounts } from '../cashbook/accounts';
import { csvText, encodeText } from './fixtures';

const NOW = '2026-11-16T09:30:00.000Z';
let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await writeSettings(t.deps.db, settingsInput());
  await ensureDefaultAccounts(t.deps.db, new Date(NOW));
});
afterEach(async () => {
  await t.close();
});

/** 1,200 rows: day 1..28 of October 2026, income of (i + 1) roubles, every third an expense of 1 rouble. */
function book(failAt: number | null = null): { fileName: string; base64: string } {
  const rows = [['Дата', 'Приход', 'Расход', 'Счёт', 'Примечание']];
  for (let i = 0; i < 1200; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([`${day}.10.2026`, i % 3 === 2 ? '' : String(i + 1), i % 3 === 2 ? '1' : '', 'Касса', i === failAt ? 'сбой' : `строка ${i + 2}`]);
  }
  return { fileName: 'касса.csv', base64: Buffer.from(encodeText(csvText(rows, ';'), 'windows-1251')).toString('base64') };
}

/** Counts the statements the core's connection prepares whose SQL starts with `prefix`. */
function countPrepared(prefix: string): { count: () => number; stop: () => void } {
  const sqlite = t.sqlite;
  const original = sqlite.prepare.bind(sqlite);
  let n = 0;
  sqlite.prepare = ((source: string) => {
    if (source.trim().toLowerCase().startsWith(prefix)) n++;
    return original(source);
  }) as typeof sqlite.prepare;
  return { count: () => n, stop: () => (sqlite.prepare = original) };
}

describe('a large cash book', () => {
  it('1,200 rows in 3 INSERTs of entries; each fingerprint names its own entry; the balance and month total add up', async () => {
    const file = book();
    const p = await t.value('import.preview', { kind: 'cashbook', file });
    const mapping = { columns: p.guessed ?? {}, nameOrder: 'auto' as const, language: 'ru' as const };
    expect(mapping.columns).toEqual({ Дата: 'date', Приход: 'income', Расход: 'expense', Счёт: 'account', Примечание: 'text' });
    const inserts = countPrepared('insert into "cash_entries"');
    const run = await t.value('import.run', { kind: 'cashbook', file, mapping });
    inserts.stop();
    expect([run.created, run.duplicates, run.rejected]).toEqual([1200, 0, 0]);
    // 1,200 entries at most 500 per statement: 500 + 500 + 200.
    expect(inserts.count()).toBe(3);
    // The ids follow the rows: row r's entry (the outcome's matchId, its fingerprint's entity) has the note "строка r".
    const noteOf = t.sqlite.prepare('select e.note from import_fingerprints f join cash_entries e on e.id = f.entity_id where f.report_id = ? and e.id = ?').pluck();
    const wrong = (run.rows ?? []).filter((r) => noteOf.get(run.reportId, r.matchId) !== `строка ${r.row}`);
    expect(wrong).toEqual([]);
    expect(run.rows?.length).toBe(1200);
    // Income: rows i with i % 3 != 2 bring i + 1 roubles; i % 3 == 2 take 1 rouble.
    // Σ(i+1) over i = 0..1199 is 720,600; the 400 expense rows (i = 2, 5, …, 1199) have i + 1 = 3, 6, …, 1,200: Σ = 240,600.
    // So income 480,000 roubles, expenses 400 roubles: net 479,600 roubles = 47,960,000 kopecks.
    const totals = t.sqlite.prepare("select sum(amount_minor) as net, count(*) as n, sum(amount_minor > 0) as incomes from cash_entries where month_key = '2026-10'").get();
    expect(totals).toEqual({ net: 47_960_000, n: 1200, incomes: 800 });
    const month = t.sqlite.prepare("select sum(in_minor) as income, sum(out_minor) as expense, sum(entries) as entries from cash_month_totals where month_key = '2026-10'").get();
    expect(month).toEqual({ income: 48_000_000, expense: -40_000, entries: 1200 });
  });

  it('all rows or none: a failure on the 1,101st entry (third INSERT) leaves nothing of the first 1,100', async () => {
    t.sqlite.exec("create trigger refuse_one before insert on cash_entries when new.note = 'сбой' begin select raise(abort, 'refused'); end");
    const file = book(1100);
    const p = await t.value('import.preview', { kind: 'cashbook', file });
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'cashbook', file, mapping: { columns: p.guessed ?? {}, nameOrder: 'auto', language: 'ru' } });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expect(t.dump()).toEqual(before);
  });
});
