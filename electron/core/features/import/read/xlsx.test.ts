import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable } from './table';
import { ImportProblem } from './problems';
import { readImportFile } from '../file';
import { readDate } from './cells';

describe('XLSX and files on disk', () => {
  it('reads an XLSX written by a spreadsheet library: texts, numbers, dates; row numbers from 1', async () => {
    const buffer = await writeXlsxFile(
      [
        [{ value: 'ФИО' }, { value: 'Год рождения' }, { value: 'Дата' }],
        [{ value: 'Иванова Мария' }, { value: 1941 }, { value: new Date(Date.UTC(2024, 11, 31)), format: 'dd.mm.yyyy' }],
        [{ value: 'Jan Kowalski' }, { value: 1950 }, { value: 45657 }],
      ],
      {},
    ).toBuffer();
    const t = await readTable(new Uint8Array(buffer));
    expect(t.kind).toBe('xlsx');
    expect(t.header).toEqual(['ФИО', 'Год рождения', 'Дата']);
    expect(t.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [2, 'Иванова Мария', '1941', '2024-12-31'],
      [3, 'Jan Kowalski', '1950', '45657'],
    ]);
    // An Excel serial in a cell not formatted as a date is read as a date by the cell reader.
    expect(readDate('45657')).toEqual({ ok: true, value: '2024-12-31' });
  });

  it('a file open in Excel or LibreOffice (its owner file beside it) is refused as locked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-'));
    const file = path.join(dir, 'жители.xlsx');
    writeFileSync(file, 'x');
    expect(readImportFile(file).length).toBe(1);
    writeFileSync(path.join(dir, '~$жители.xlsx'), 'owner');
    expect(() => readImportFile(file)).toThrow(ImportProblem);
    try {
      readImportFile(file);
    } catch (e) {
      expect((e as ImportProblem).problem).toBe('importLocked');
    }
    const csv = path.join(dir, 'list.csv');
    writeFileSync(csv, 'a;b\r\n1;2\r\n');
    writeFileSync(path.join(dir, '.~lock.list.csv#'), 'owner');
    expect(() => readImportFile(csv)).toThrow('importLocked');
  });
});
