/**
 * Import of volunteers, a cash book, in-kind stock and a request history (issue 15) through the
 * same calls as residents, on real SQLite: dry run row by row, run, a second run creates nothing,
 * all rows or none, and each kind's own rule (a duplicate volunteer by the matcher, an unknown
 * account, stock through the aid feature's writes, a resident not found).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { writeSettings } from '../settings/settings.service';
import { ensureDefaultAccounts } from '../cashbook/accounts';
import { CASHBOOK_ROWS, IVANOVA, REQUEST_ROWS, STOCK_ROWS, VOLUNTEER_ROWS, counts, fileOf, guessed as guessedIn, outcomes, type ImportFileOf } from './kinds.fixtures';
import { guessMapping, type ImportKind, type ImportMapping } from '../../../../shared/domain/imports';

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

const guessed = (kind: ImportKind, file: ImportFileOf, language: ImportMapping['language'] = 'ru') => guessedIn(t, kind, file, language);

describe('the mapping per kind', () => {
  it('guesses each kind’s fields from header names in the five languages, and refuses a field of another kind', async () => {
    expect(guessMapping(['ФИО', 'Телефон', 'Языки', 'Навыки'], 'volunteers')).toEqual({ ФИО: 'fullName', Телефон: 'phone', Языки: 'languages', Навыки: 'skills' });
    expect(guessMapping(['Data', 'Kwota', 'Kasa', 'Kategoria', 'Opis'], 'cashbook')).toEqual({ Data: 'date', Kwota: 'amount', Kasa: 'account', Kategoria: 'category', Opis: 'text' });
    expect(guessMapping(['Ημερομηνία', 'Έσοδα', 'Έξοδα', 'Λογαριασμός'], 'cashbook')).toEqual({ Ημερομηνία: 'date', Έσοδα: 'income', Έξοδα: 'expense', Λογαριασμός: 'account' });
    expect(guessMapping(['Найменування', 'Розмір', 'Кількість', 'Від кого'], 'stock')).toEqual({ Найменування: 'item', Розмір: 'size', Кількість: 'quantity', 'Від кого': 'donor' });
    expect(guessMapping(['Full name', 'Year of birth', 'Kind of help', 'Date', 'Status'], 'requests')).toEqual({
      'Full name': 'fullName',
      'Year of birth': 'birthYear',
      'Kind of help': 'kind',
      Date: 'date',
      Status: 'status',
    });
    // Residents' guesses are unchanged (the one-argument form).
    expect(guessMapping(['ФИО', 'Семья'])).toEqual({ ФИО: 'fullName', Семья: 'householdKey' });
    const e = await t.call('import.dryRun', { kind: 'stock', file: fileOf([['ФИО'], ['Иванов Иван']]), mapping: { columns: { ФИО: 'fullName' }, nameOrder: 'auto', language: 'ru' } });
    expect(e.ok ? null : e.error.fields?.[0]).toEqual({ path: 'mapping.columns', message: 'validation.importFieldOfOtherKind' });
  });
});

describe('import of volunteers', () => {
  const ROWS = VOLUNTEER_ROWS;

  it('dry run, run, a second run: the matcher finds a registered volunteer; unknown skills join the list', async () => {
    const petrov = await t.value('volunteers.create', volunteerInput());
    const file = fileOf(ROWS);
    const mapping = await guessed('volunteers', file);
    expect(mapping.columns).toEqual({ ФИО: 'fullName', Телефон: 'phone', Языки: 'languages', Навыки: 'skills', Постоянный: 'isRegular', Договор: 'agreementSignedOn' });
    const before = t.dump();
    const dry = await t.value('import.dryRun', { kind: 'volunteers', file, mapping });
    expect(t.dump()).toEqual(before);
    expect(outcomes(dry)).toEqual([
      [2, 'duplicate', 'validation.importSameVolunteer', null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importLanguage', 'Языки'],
      [5, 'rejected', 'validation.dateNotInCalendar', 'Договор'],
      [6, 'duplicate', 'validation.importSameInFile', null],
      [7, 'create', null, null],
    ]);
    expect(dry.rows?.[0]?.matchId).toBe(petrov.id);
    expect(counts(dry)).toEqual([2, 2, 2]);

    const run = await t.value('import.run', { kind: 'volunteers', file, mapping });
    expect(counts(run)).toEqual([2, 2, 2]);
    const smirnova = await t.value('volunteers.get', { id: run.rows?.[1]?.matchId as number });
    expect(smirnova.volunteer).toMatchObject({ lastName: 'Смирнова', firstName: 'Ольга', languages: ['en', 'ru'], isRegular: false, agreementSignedOn: '2025-02-15' });
    expect(smirnova.volunteer.skills.map((s) => s.code ?? s.name).sort()).toEqual(['hasCar', 'пеку пироги']);
    const volkov = await t.value('volunteers.get', { id: run.rows?.[5]?.matchId as number });
    expect(volkov.volunteer.skills.map((s) => s.code)).toEqual(['carriesFirewood']);
    expect(volkov.volunteer.isRegular).toBe(true);
    const found = await t.value('volunteers.search', { q: 'Смирн' });
    expect(found.map((v) => v.fullName)).toEqual(['Смирнова Ольга']);

    const again = await t.value('import.run', { kind: 'volunteers', file, mapping });
    expect(counts(again)).toEqual([0, 4, 2]);
    expect(again.rows?.filter((r) => r.reason === 'validation.importAlreadyImported').length).toBe(3);
    const reports = await t.value('import.reports', { kind: 'volunteers' });
    expect(reports.map((r) => [r.kind, r.created, r.duplicates, r.rejected])).toEqual([
      ['volunteers', 0, 4, 2],
      ['volunteers', 2, 2, 2],
    ]);
  });
});

describe('the corpus: code pages, separators, dates and names as other centres write them', () => {
  it('a Polish volunteers list (Windows-1250, commas, surname last) and a Greek stock list (Windows-1253, ISO dates)', async () => {
    const pl = fileOf(
      [
        ['Imię i nazwisko', 'Telefon', 'Języki', 'Umiejętności', 'Data porozumienia'],
        ['Jan Kowalski', '+48 601 234 567', 'polski, angielski', 'Ma samochód', '2025-03-01'],
        ['Zofia Wiśniewska', '', 'polski; ukraiński', 'Robi drobne naprawy', '1.4.2025'],
      ],
      'windows-1250',
      ',',
    );
    const plPreview = await t.value('import.preview', { kind: 'volunteers', file: pl });
    expect([plPreview.encoding, plPreview.separator]).toEqual(['windows-1250', ',']);
    const plRun = await t.value('import.run', { kind: 'volunteers', file: pl, mapping: await guessed('volunteers', pl, 'pl') });
    expect(counts(plRun)).toEqual([2, 0, 0]);
    const kowalski = await t.value('volunteers.get', { id: plRun.rows?.[0]?.matchId as number });
    expect(kowalski.volunteer).toMatchObject({ lastName: 'Kowalski', firstName: 'Jan', languages: ['en', 'pl'], agreementSignedOn: '2025-03-01' });
    expect(kowalski.volunteer.skills.map((x) => x.code)).toEqual(['hasCar']);
    const wisniewska = await t.value('volunteers.get', { id: plRun.rows?.[1]?.matchId as number });
    expect(wisniewska.volunteer).toMatchObject({ lastName: 'Wiśniewska', firstName: 'Zofia', languages: ['uk', 'pl'], agreementSignedOn: '2025-04-01' });

    const el = fileOf(
      [
        ['Είδος', 'Μέγεθος', 'Μονάδα', 'Ποσότητα', 'Ημερομηνία', 'Δωρητής', 'Αξία'],
        ['Κουβέρτα', '', 'τεμ.', '25', '2026-10-30', 'Ενορία Αγίου Νικολάου', '312,50'],
        ['Παιδικά παπούτσια', '28', 'ζευγάρι', '10', '31/10/2026', '', ''],
      ],
      'windows-1253',
      ';',
    );
    const elPreview = await t.value('import.preview', { kind: 'stock', file: el });
    expect([elPreview.encoding, elPreview.separator]).toEqual(['windows-1253', ';']);
    const elRun = await t.value('import.run', { kind: 'stock', file: el, mapping: await guessed('stock', el, 'el') });
    expect(counts(elRun)).toEqual([2, 0, 0]);
    const items = await t.value('aid.items', {});
    expect(items.items?.map((i) => [i.name, i.size, i.unit, i.stock])).toEqual([
      ['Κουβέρτα', '', 'piece', 25],
      ['Παιδικά παπούτσια', '28', 'pair', 10],
    ]);
    const moves = await t.value('aid.movements', { itemId: items.items?.[0]?.id as number });
    expect(moves.rows?.map((m) => [m.on, m.fromWhom, m.valueMinor])).toEqual([['2026-10-30', 'Ενορία Αγίου Νικολάου', 31_250]]);
    // Each run left its audit entry naming what it changed.
    const audit = t.sqlite.prepare("select entity_type, details from audit_log where call = 'import.run' and outcome = 'ok' order by id").all() as { entity_type: string; details: string }[];
    expect(audit.map((a) => [a.entity_type, JSON.parse(a.details)])).toEqual([
      ['import_reports', { fields: [{ field: 'volunteers', changed: true }] }],
      ['import_reports', { fields: [{ field: 'aid_movements', changed: true }] }],
    ]);
  });
});

describe('import of a cash book', () => {
  const ROWS = CASHBOOK_ROWS;

  it('amounts by the money fields’ reader; an unknown account rejects the row; balances follow', async () => {
    const file = fileOf(ROWS);
    const mapping = await guessed('cashbook', file);
    expect(mapping.columns).toEqual({ Дата: 'date', Приход: 'income', Расход: 'expense', Счёт: 'account', Статья: 'category', Контрагент: 'counterparty', Примечание: 'text' });
    const before = t.dump();
    const dry = await t.value('import.dryRun', { kind: 'cashbook', file, mapping });
    expect(t.dump()).toEqual(before);
    expect(outcomes(dry)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importUnknownAccount', 'Счёт'],
      [5, 'rejected', 'validation.dateNotInCalendar', 'Дата'],
      [6, 'create', null, null],
      [7, 'rejected', 'validation.categoryDirection', 'Статья'],
      [8, 'create', null, null],
      [9, 'rejected', 'validation.amountAmbiguous', 'Приход'],
    ]);
    expect(dry.rows?.find((r) => r.row === 5)?.text).toBe('31.11.2026');
    const run = await t.value('import.run', { kind: 'cashbook', file, mapping });
    expect(counts(run)).toEqual([4, 0, 4]);
    const accounts = await t.value('accounts.list', {});
    expect(accounts.map((a) => [a.kind, a.balanceMinor, a.entryCount])).toEqual([
      ['cash', 150_000 - 32_050 + 100_000, 3],
      ['bank', -5_000, 1],
    ]);
    const list = await t.value('cashbook.list', {});
    expect(list.entries?.map((e) => [e.date, e.amountMinor, e.categoryCode, e.counterparty, e.note])).toEqual([
      ['2026-11-10', 100_000, 'otherIncome', '', ''],
      ['2026-11-08', -5_000, 'otherExpense', '', 'комиссия банка'],
      ['2026-11-06', -32_050, 'medicines', 'Аптека', ''],
      ['2026-11-05', 150_000, 'donations', 'Иванов И. И.', 'взнос'],
    ]);
    const again = await t.value('import.run', { kind: 'cashbook', file, mapping });
    expect(counts(again)).toEqual([0, 4, 4]);
    expect((await t.value('accounts.list', {})).map((a) => a.entryCount)).toEqual([3, 1]);
  });

  it('the corpus: UTF-16 with tabs and English amounts, UTF-8 with a BOM and commas, a signed amount column, Excel serial dates', async () => {
    const en = fileOf(
      [
        ['Date', 'Amount', 'Account', 'Category', 'Text'],
        ['2026-11-02', '1,234.50', 'Bank account', 'Donations', 'gift'],
        ['45962', '-20.00', 'Bank account', 'Transport and fuel', 'bus'],
      ],
      'utf-16le',
      '\t',
    );
    await t.value('accounts.create', { name: 'Bank account', kind: 'bank', currency: 'RUB', openingBalanceMinor: 0, openingDate: '2026-01-01' });
    const dry = await t.value('import.dryRun', { kind: 'cashbook', file: en, mapping: await guessed('cashbook', en, 'en') });
    expect(outcomes(dry)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
    ]);
    const pl = fileOf(
      [
        ['Data', 'Kwota', 'Typ', 'Kasa', 'Waluta'],
        ['02.11.2026', '1 234,50', 'przychód', 'Касса', 'PLN'],
        ['03.11.2026', '99,99', 'wydatek', 'Касса', 'RUB'],
      ],
      'utf-8',
      ',',
      true,
    );
    const plDry = await t.value('import.dryRun', { kind: 'cashbook', file: pl, mapping: await guessed('cashbook', pl, 'pl') });
    expect(outcomes(plDry)).toEqual([
      [2, 'rejected', 'validation.importCurrency', 'Waluta'],
      [3, 'create', null, null],
    ]);
    const run = await t.value('import.run', { kind: 'cashbook', file: en, mapping: await guessed('cashbook', en, 'en') });
    expect(counts(run)).toEqual([2, 0, 0]);
    const list = await t.value('cashbook.list', {});
    // 45962 is Excel's serial of 2025-11-01.
    expect(list.entries?.map((e) => [e.date, e.amountMinor, e.categoryCode])).toEqual([
      ['2026-11-02', 123_450, 'donations'],
      ['2025-11-01', -2_000, 'transport'],
    ]);
  });

  it('all rows or none: a failure while writing the third entry leaves nothing of the first two', async () => {
    t.sqlite.exec("create trigger refuse_one before insert on cash_entries when new.note = 'сбой' begin select raise(abort, 'refused'); end");
    const file = fileOf([
      ['Дата', 'Сумма', 'Счёт', 'Примечание'],
      ['01.11.2026', '10', 'Касса', 'один'],
      ['02.11.2026', '20', 'Касса', 'два'],
      ['03.11.2026', '30', 'Касса', 'сбой'],
    ]);
    const before = t.dump();
    const e = await t.call('import.run', { kind: 'cashbook', file, mapping: await guessed('cashbook', file) });
    expect(e.ok ? null : e.error.code).toBe('internal');
    expect(t.dump()).toEqual(before);
  });
});

describe('import of in-kind stock', () => {
  it('items found or added by name and size; stock moves through the aid feature’s writes', async () => {
    const blanket = await t.value('aid.addItem', { name: 'Одеяло', size: '', unit: 'piece' });
    const file = fileOf(STOCK_ROWS);
    const mapping = await guessed('stock', file);
    expect(mapping.columns).toEqual({ Наименование: 'item', Размер: 'size', 'Ед. изм.': 'unit', Количество: 'quantity', Дата: 'date', 'От кого': 'donor' });
    const dry = await t.value('import.dryRun', { kind: 'stock', file, mapping });
    expect(outcomes(dry)).toEqual([
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
    const run = await t.value('import.run', { kind: 'stock', file, mapping });
    expect(counts(run)).toEqual([5, 0, 4]);
    const items = await t.value('aid.items', {});
    expect(items.items?.map((i) => [i.name, i.size, i.unit, i.stock])).toEqual([
      ['Детская обувь', '28', 'pair', 17],
      ['Детская обувь', '30', 'pair', 8],
      ['Одеяло', '', 'piece', 6],
      ['Продуктовый набор', '', 'piece', 40],
    ]);
    const moves = await t.value('aid.movements', { itemId: blanket.id });
    expect(moves.rows?.map((m) => [m.kind, m.on, m.delta, m.fromWhom])).toEqual([['received', '2026-11-16', 6, 'Приход из церкви']]);
    const again = await t.value('import.run', { kind: 'stock', file, mapping });
    expect(counts(again)).toEqual([0, 5, 4]);
    expect((await t.value('aid.items', {})).items?.map((i) => i.stock)).toEqual([17, 8, 6, 40]);
  });
});

describe('import of a request history', () => {
  it('the resident by name and birth year through the matcher; not found or unknown kind → rejected with the reason', async () => {
    const ivanova = await t.value('residents.create', residentInput(IVANOVA));
    const file = fileOf(REQUEST_ROWS);
    const mapping = await guessed('requests', file);
    expect(mapping.columns).toEqual({ ФИО: 'fullName', 'Год рождения': 'birthYear', 'Вид помощи': 'kind', Дата: 'date', Статус: 'status', Описание: 'text' });
    const dry = await t.value('import.dryRun', { kind: 'requests', file, mapping });
    expect(outcomes(dry)).toEqual([
      [2, 'create', null, null],
      [3, 'create', null, null],
      [4, 'rejected', 'validation.importResidentNotFound', 'ФИО'],
      [5, 'rejected', 'validation.importUnknownKind', 'Вид помощи'],
      [6, 'duplicate', 'validation.importSameInFile', null],
      [7, 'create', null, null],
    ]);
    const run = await t.value('import.run', { kind: 'requests', file, mapping });
    expect(counts(run)).toEqual([3, 1, 2]);
    const rows = t.sqlite.prepare('select resident_id, created_on, status, description from requests order by id').all();
    expect(rows).toEqual([
      { resident_id: ivanova.id, created_on: '2026-10-01', status: 'done', description: 'привезли 2 м3' },
      { resident_id: ivanova.id, created_on: '2026-10-02', status: 'done', description: '' },
      { resident_id: ivanova.id, created_on: '2026-10-05', status: 'inProgress', description: 'ещё раз' },
    ]);
    const history = await t.value('requests.get', { id: run.rows?.[0]?.matchId as number });
    expect(history.history?.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'new'],
      ['new', 'done'],
    ]);
    const again = await t.value('import.run', { kind: 'requests', file, mapping });
    expect(counts(again)).toEqual([0, 4, 2]);
    expect(again.rows?.[4]?.reason).toBe('validation.importSameRequest');
  });

  it('the rejected sheet gives the reasons as text in the user’s language', async () => {
    const file = fileOf([
      ['ФИО', 'Год рождения', 'Вид помощи', 'Дата'],
      ['Сидоров Иван', '1960', 'Дрова', '03.10.2026'],
    ]);
    const run = await t.value('import.run', { kind: 'requests', file, mapping: await guessed('requests', file) });
    const sheet = await t.value('import.rejectedSheet', { reportId: run.reportId as number });
    const text = Buffer.from(sheet.base64 ?? '', 'base64').toString('utf8');
    expect(text.split('\r\n')[1]).toBe('2;ФИО: Жителя с таким именем и годом рождения нет в базе. Сначала импортируйте жителей или исправьте имя.;Сидоров Иван;1960;Дрова;03.10.2026');
  });
});
