import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import { csvText, encodeText } from './fixtures';
import type { ImportMapping } from '../../../../shared/domain/imports';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ROWS = [
  ['ФИО', 'Дата рождения', 'Адрес', 'Телефон', 'Положение', 'Семья', 'Родство'],
  ['Иванова Мария Петровна', '12.03.1941', 'с. Сылва, ул. Ленина, д. 12, кв. 4', '+7 912 345-67-89', 'одинокий пенсионер', '', ''],
  ['Петров Пётр Ильич', '31.02.1950', 'Сылва, Заречная 3', '', '', '', ''],
  ['Сидоров Иван', '1.5.1960', 'Сылва, Заречная 5', '', 'многодетная семья', 'A', ''],
  ['Сидорова Анна', '2.6.1962', 'Сылва, Заречная 5', '', 'інвалід', 'A', 'жена'],
  ['Кузнецов Олег', '1970', 'Сылва, Лесная 1', '', '', '', ''],
  ['Иванова Мария Петровна', '12.03.1941', 'Сылва, Ленина 12-4', '', '', '', ''],
  ['Лишний Столбец', '1970', 'Сылва', '', '', '', '', 'x'],
];
const file = (rows = ROWS) => ({ fileName: 'жители.csv', base64: b64(encodeText(csvText(rows, ';'), 'windows-1251')) });

describe('import of residents', () => {
  it('preview: encoding, separator, header, rows and the guessed mapping', async () => {
    const p = await t.value('import.preview', { kind: 'residents', file: file() });
    expect(p.encoding).toBe('windows-1251');
    expect(p.encodingHow).toBe('letters');
    expect(p.separator).toBe(';');
    expect(p.rowCount).toBe(7);
    expect(p.rows?.[0]?.row).toBe(2);
    expect(p.guessed).toEqual({ ФИО: 'fullName', 'Дата рождения': 'birthDate', Адрес: 'address', Телефон: 'phone', Положение: 'situations', Семья: 'householdKey', Родство: 'relation' });
  });

  it('dry run row by row, run in one go, and a second run creates nothing', async () => {
    const kuznetsov = await t.value('residents.create', residentInput({ lastName: 'Кузнецов', firstName: 'Олег', patronymic: '', birthYear: 1970, phones: [] }));
    const p = await t.value('import.preview', { kind: 'residents', file: file() });
    const mapping: ImportMapping = { columns: p.guessed ?? {}, nameOrder: 'auto', language: 'ru' };
    const before = t.dump();
    const dry = await t.value('import.dryRun', { kind: 'residents', file: file(), mapping });
    expect(t.dump()).toEqual(before);
    expect(dry.rows?.map((r) => [r.row, r.outcome, r.reason, r.column])).toEqual([
      [2, 'create', null, null],
      [3, 'rejected', 'validation.dateNotInCalendar', 'Дата рождения'],
      [4, 'create', null, null],
      [5, 'create', 'validation.disabilityConsentRequired', null],
      [6, 'duplicate', 'validation.importSameAsRegistered', null],
      [7, 'duplicate', 'validation.importSameInFile', null],
      [8, 'rejected', 'validation.importTooManyFields', null],
    ]);
    // The impossible date's row quotes its cell; no other row has a text.
    expect(dry.rows?.map((r) => r.text)).toEqual([null, '31.02.1950', null, null, null, null, null]);
    expect(dry.rows?.[4]?.matchId).toBe(kuznetsov.id);
    expect(dry.rows?.[5]?.matchRow).toBe(2);
    expect([dry.created, dry.updated, dry.duplicates, dry.rejected]).toEqual([3, 0, 2, 2]);

    const run = await t.value('import.run', { kind: 'residents', file: file(), mapping });
    expect([run.created, run.updated, run.duplicates, run.rejected, run.households]).toEqual([3, 0, 2, 2, 1]);
    const ivanova = await t.value('residents.get', { id: run.rows?.[0]?.matchId as number });
    expect(ivanova.resident).toMatchObject({ lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна', birthYear: 1941, settlement: 'Сылва', street: 'Ленина', house: '12', flat: '4', situations: ['livesAlone', 'pensioner'] });
    const anna = await t.value('households.ofResident', { residentId: run.rows?.[3]?.matchId as number });
    expect(anna.current?.members.map((m) => [m.fullName, m.relation])).toEqual([
      ['Сидоров Иван', 'head'],
      ['Сидорова Анна', 'spouse'],
    ]);
    const found = await t.value('residents.search', { q: 'Сидорова' });
    expect(found.map((r) => r.fullName)).toContain('Сидорова Анна');

    const again = await t.value('import.run', { kind: 'residents', file: file(), mapping });
    expect([again.created, again.duplicates, again.rejected]).toEqual([0, 5, 2]);
    expect(again.rows?.filter((r) => r.reason === 'validation.importAlreadyImported').length).toBe(3);

    const reports = await t.value('import.reports', {});
    expect(reports.map((r) => [r.created, r.duplicates, r.rejected])).toEqual([
      [0, 5, 2],
      [3, 2, 2],
    ]);
    const sheet = await t.value('import.rejectedSheet', { reportId: run.reportId as number });
    const text = Buffer.from(sheet.base64 ?? '', 'base64').toString('utf8');
    expect(sheet.fileName).toBe('жители-rejected.csv');
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '\ufeff#;?;ФИО;Дата рождения;Адрес;Телефон;Положение;Семья;Родство',
      // The reasons as text in the user's language (no centre set up here: English).
      '3;Дата рождения: 31.02.1950 is not a day in the calendar.;Петров Пётр Ильич;31.02.1950;Сылва, Заречная 3;;;;',
      '8;This row has more fields than the header (a separator inside an unquoted cell?). It was not imported.;Лишний Столбец;1970;Сылва;;;;;x',
    ]);
  });

  it('bad files: a validation error on the file, nothing written', async () => {
    const before = t.dump();
    const bad = async (bytes: Uint8Array) => {
      const e = await t.call('import.dryRun', { kind: 'residents', file: { fileName: 'x.csv', base64: b64(bytes) }, mapping: { columns: {}, nameOrder: 'auto', language: 'ru' } });
      expect(e.ok).toBe(false);
      return e.ok ? null : e.error.fields?.[0]?.message;
    };
    expect(await bad(new Uint8Array())).toBe('validation.importEmpty');
    expect(await bad(encodeText('%PDF-1.4\n%\u00e2\u00e3\n', 'utf-8'))).toBe('validation.importWrongKind');
    expect(await bad(encodeText('ФИО;Адрес\r\n', 'utf-8'))).toBe('validation.importHeaderOnly');
    expect(await bad(encodeText('ФИО;ФИО\r\nа;б\r\n', 'utf-8'))).toBe('validation.importDuplicateHeader');
    const e = await t.call('import.run', { kind: 'residents', file: { fileName: 'x.csv', base64: b64(encodeText(`ФИО;Адрес\r\nИванов Иван;${'x'.repeat(1 << 20)}\r\n`, 'utf-8')) }, mapping: { columns: { ФИО: 'fullName' }, nameOrder: 'auto', language: 'ru' } });
    expect(e.ok ? null : e.error.fields?.[0]?.message).toBe('validation.importCellTooLong');
    expect(t.dump()).toEqual(before);
  });

  it('all rows or none: a failure while writing the 3rd row leaves nothing of the first two', async () => {
    // A real SQLite failure in the middle of the run (a trigger refuses one name).
    t.sqlite.exec("create trigger refuse_one before insert on residents when new.last_name = 'Сбоев' begin select raise(abort, 'refused'); end");
    const rows = [['ФИО', 'Семья'], ['Первов Иван', 'A'], ['Вторая Анна', 'A'], ['Сбоев Пётр', ''], ['Четвёртый Олег', '']];
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'residents', file: file(rows), mapping: { columns: { ФИО: 'fullName', Семья: 'householdKey' }, nameOrder: 'auto', language: 'ru' } });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expect(t.dump()).toEqual(before);
  });

  it('named mappings are saved and replaced by name; the treasurer and the front desk may not import', async () => {
    const m: ImportMapping = { columns: { ФИО: 'fullName' }, nameOrder: 'surnameFirst', language: 'ru' };
    await t.value('import.saveMapping', { kind: 'residents', name: 'Сылва', mapping: m });
    await t.value('import.saveMapping', { kind: 'residents', name: 'Сылва', mapping: { ...m, nameOrder: 'surnameLast' } });
    const list = await t.value('import.mappings', { kind: 'residents' });
    expect(list.map((x) => [x.name, x.mapping?.nameOrder])).toEqual([['Сылва', 'surnameLast']]);
    for (const role of ['treasurer', 'frontdesk'] as const) {
      const e = await t.call('import.preview', { kind: 'residents', file: file() }, { id: 1, role });
      expect(e.ok ? null : e.error.code).toBe('forbidden');
    }
  });
});
