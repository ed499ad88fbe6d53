/**
 * Round trips (issue 15): a centre's full export (export/full-export.ts, the one export of all its
 * data) imported into a fresh centre gives the same records — residents (names, birth years,
 * addresses, notes, care flags; their situations are separate yes/no columns in the export and
 * their phones another file, so they are not part of this list) and cash-book entries (day,
 * amount in minor units, currency, account, category and texts, as the export writes them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import { ensureDefaultAccounts } from '../cashbook/accounts';
import { writeFullExport } from '../../export/full-export';
import { APP_VERSION } from '../../version';
import type { ImportMapping } from '../../../../shared/domain/imports';

const NOW = '2026-11-16T09:30:00.000Z';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-import-roundtrip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function centre(): Promise<TestCore> {
  const t = await createTestCore({ now: NOW });
  await writeSettings(t.deps.db, settingsInput());
  await ensureDefaultAccounts(t.deps.db, new Date(NOW));
  return t;
}

const RESIDENT_COLUMNS = 'last_name, first_name, patronymic, birth_year, settlement, street, house, flat, notes, regular_care, needs_snow_clearing';
const ENTRY_COLUMNS = 'entry_date, amount_minor, currency, account_id, category_id, source, counterparty, document_no, note';

describe('export → import into a fresh centre', () => {
  it('gives the same residents and the same cash-book entries', async () => {
    const a = await centre();
    await a.value('residents.create', residentInput({ notes: 'ходит с палочкой; "тихий" звонок' }));
    await a.value('residents.create', residentInput({ lastName: 'Семёнова', firstName: 'Анна', patronymic: '', birthYear: null, street: '', house: '', flat: '', regularCare: true, phones: [] }));
    await a.value('residents.create', residentInput({ lastName: 'Kowalska', firstName: 'Maria', patronymic: '', birthYear: 1950, settlement: 'Zawiercie', street: 'Długa', house: '5', flat: '3', phones: [] }));
    const categories = await a.value('cashbook.categories', {});
    const cat = (code: string) => categories.find((c) => c.code === code)?.id as number;
    const [cash, bank] = await a.value('accounts.list', {});
    await a.value('cashbook.post', { type: 'income', date: '2026-11-02', accountId: cash?.id as number, amountMinor: 150_050, categoryId: cat('donations'), counterparty: 'Иванов; и сыновья', documentNo: 'ПКО-1', note: '' });
    await a.value('cashbook.post', { type: 'expense', date: '2026-11-03', accountId: cash?.id as number, amountMinor: 32_000, categoryId: cat('medicines'), counterparty: 'Аптека', documentNo: '', note: 'для Ивановой,\nпо списку' });
    await a.value('cashbook.post', { type: 'expense', date: '2026-11-04', accountId: bank?.id as number, amountMinor: 5_000, categoryId: cat('otherExpense'), counterparty: '', documentNo: '', note: 'комиссия' });
    const zip = path.join(tmp, 'export.zip');
    await writeFullExport(a.sqlite, zip, { createdAt: NOW, appVersion: APP_VERSION, schemaVersion: 'x', centreName: 'Сылва' });
    const files = unzipSync(readFileSync(zip));
    const fileOf = (name: string) => ({ fileName: name, base64: Buffer.from(files[name] as Uint8Array).toString('base64') });
    const residentsBefore = a.sqlite.prepare(`select ${RESIDENT_COLUMNS} from residents order by id`).all();
    const entriesBefore = a.sqlite.prepare(`select ${ENTRY_COLUMNS} from cash_entries order by id`).all();
    await a.close();

    const b = await centre();
    try {
      const residents = fileOf('residents.csv');
      const preview = await b.value('import.preview', { kind: 'residents', file: residents });
      expect([preview.encoding, preview.encodingHow, preview.separator, preview.rowCount]).toEqual(['utf-8', 'bom', ';', 3]);
      const columns: ImportMapping['columns'] = {
        last_name: 'lastName',
        first_name: 'firstName',
        patronymic: 'patronymic',
        birth_year: 'birthYear',
        settlement: 'settlement',
        street: 'street',
        house: 'house',
        flat: 'flat',
        notes: 'notes',
        regular_care: 'regularCare',
        needs_snow_clearing: 'needsSnowClearing',
      };
      const run = await b.value('import.run', { kind: 'residents', file: residents, mapping: { columns, nameOrder: 'auto', language: 'ru' } });
      expect([run.created, run.duplicates, run.rejected]).toEqual([3, 0, 0]);
      expect(b.sqlite.prepare(`select ${RESIDENT_COLUMNS} from residents order by id`).all()).toEqual(residentsBefore);

      const entries = fileOf('cash_entries.csv');
      const p = await b.value('import.preview', { kind: 'cashbook', file: entries });
      // The export's own column names are guessed.
      expect(p.guessed).toEqual({ account_id: 'account', entry_date: 'date', amount_minor: 'amountMinor', currency: 'currency', category_id: 'category', counterparty: 'counterparty', document_no: 'documentNo', note: 'text' });
      const cashRun = await b.value('import.run', { kind: 'cashbook', file: entries, mapping: { columns: p.guessed ?? {}, nameOrder: 'auto', language: 'ru' } });
      expect([cashRun.created, cashRun.duplicates, cashRun.rejected]).toEqual([3, 0, 0]);
      expect(b.sqlite.prepare(`select ${ENTRY_COLUMNS} from cash_entries order by id`).all()).toEqual(entriesBefore);
      const again = await b.value('import.run', { kind: 'cashbook', file: entries, mapping: { columns: p.guessed ?? {}, nameOrder: 'auto', language: 'ru' } });
      expect([again.created, again.duplicates, again.rejected]).toEqual([0, 3, 0]);
    } finally {
      await b.close();
    }
  });
});
