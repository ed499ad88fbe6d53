import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTable, type Separator } from './table';
import { decodeText, type Encoding } from './decode';
import { ImportProblem } from './problems';
import { csvText, encodeText } from '../fixtures';
import { readAmount, readBirthYear, readDate, readPhones, readSituations, splitAddress, splitFullName } from './cells';

const RU = [
  ['ФИО', 'Год рождения', 'Адрес', 'Телефон', 'Положение'],
  ['Иванова Мария Петровна', '12.03.1941', 'с. Сылва, ул. Ленина, д. 12, кв. 4', '+7 912 345-67-89', 'одинокий пенсионер'],
  ['Щербина Олег', '1950', 'Сылва, Заречная 3', '', 'многодетная семья; переселенец'],
];
const PL = [
  ['Imię i nazwisko', 'Rok urodzenia', 'Adres'],
  ['Jan Kowalski', '1948', 'ul. Długa 5/3, Zawiercie'],
  ['Małgorzata Żółkiewska-Dąb', '1960', 'Zawiercie, Łąkowa 7'],
  ['Łucja Ścibor', '1971', 'Źródlana 2, Ogrodzieniec'],
];
const EL = [
  ['Ονοματεπώνυμο', 'Έτος γέννησης', 'Διεύθυνση'],
  ['Παπαδόπουλος Γιώργος', '1952', 'Ερμού 10, Αθήνα'],
  ['Ελένη Κωνσταντίνου', '1966', 'Πατησίων 101, Αθήνα'],
];

describe('decoding', () => {
  const cases: [string, string[][], Encoding, boolean][] = [
    ['ru utf-8', RU, 'utf-8', false],
    ['ru utf-8 bom', RU, 'utf-8', true],
    ['ru utf-16le', RU, 'utf-16le', true],
    ['el utf-16be', EL, 'utf-16be', true],
    ['ru 1251', RU, 'windows-1251', false],
    ['pl 1250', PL, 'windows-1250', false],
    ['el 1253', EL, 'windows-1253', false],
  ];
  for (const [name, rows, encoding, bom] of cases) {
    for (const sep of [';', ',', '\t'] as Separator[]) {
      it(`${name} with ${JSON.stringify(sep)}: detected and read`, async () => {
        const table = await readTable(encodeText(csvText(rows, sep), encoding, bom));
        expect(table.encoding).toBe(encoding);
        expect(table.separator).toBe(sep);
        expect(table.header).toEqual(rows[0]);
        expect(table.rows.map((r) => r.cells)).toEqual(rows.slice(1));
        expect(table.rows.map((r) => r.row)).toEqual(rows.slice(1).map((_, i) => i + 2));
      });
    }
  }
  it('a Ukrainian list in 1251 is not taken for Greek or Polish', () => {
    const text = 'Прізвище;Імʼя\r\nШевченко;Тарас\r\nКоваленко;Олена\r\nБондар;Їжак\r\n'.replace('ʼ', "'");
    expect(decodeText(encodeText(text, 'windows-1251')).encoding).toBe('windows-1251');
  });
  it('the user may override the encoding', () => {
    const bytes = encodeText('Ελένη;Αθήνα\r\n', 'windows-1253');
    expect(decodeText(bytes, 'windows-1251').text).not.toContain('Ελένη');
    expect(decodeText(bytes, 'windows-1253').text).toContain('Ελένη');
  });
});

describe('CSV shapes', () => {
  it('quoted separators and line breaks stay in their field; row numbers are the spreadsheet rows', async () => {
    const text = 'Name;Notes;Phone\r\n"Иванов; Пётр";"first line\r\nsecond; line";123\r\nПетров;"said ""hi""";456\r\n';
    const t = await readTable(encodeText(text, 'utf-8'));
    expect(t.rows).toEqual([
      { row: 2, cells: ['Иванов; Пётр', 'first line\r\nsecond; line', '123'], shape: 'ok' },
      { row: 3, cells: ['Петров', 'said "hi"', '456'], shape: 'ok' },
    ]);
  });
  it('too many or too few fields are flagged, never shifted; empty lines keep the numbering', async () => {
    const t = await readTable(encodeText('a;b;c\r\n1;2;3\r\n\r\n1;2\r\n1;2;3;4\r\n1;2;3;;\r\n', 'utf-8'));
    expect(t.rows.map((r) => [r.row, r.shape, r.cells.length])).toEqual([
      [2, 'ok', 3],
      [4, 'tooFew', 2],
      [5, 'tooMany', 4],
      [6, 'ok', 3],
    ]);
  });
  const problem = async (bytes: Uint8Array) => {
    try {
      await readTable(bytes);
      return 'read';
    } catch (e) {
      if (e instanceof ImportProblem) return e.problem;
      throw e;
    }
  };
  it('bad files: each has its reason', async () => {
    expect(await problem(new Uint8Array())).toBe('importEmpty');
    expect(await problem(encodeText('\r\n \r\n\r\n', 'utf-8'))).toBe('importEmpty');
    expect(await problem(encodeText('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n', 'utf-8'))).toBe('importWrongKind');
    expect(await problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 0]))).toBe('importWrongKind');
    expect(await problem(new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 0x7f, 0]))).toBe('importWrongKind');
    expect(await problem(encodeText('ФИО;Адрес\r\n', 'utf-8'))).toBe('importHeaderOnly');
    expect(await problem(encodeText('ФИО;Адрес;фио\r\nA;B;C\r\n', 'utf-8'))).toBe('importDuplicateHeader');
    expect(await problem(encodeText(`ФИО;Адрес\r\nA;${'x'.repeat(1024 * 1024)}\r\n`, 'utf-8'))).toBe('importCellTooLong');
    const mixed = new Uint8Array([...encodeText('ФИО;Адрес\r\nИванов Иван;Сылва\r\n', 'utf-8'), ...encodeText('Петров Пётр;Сылва\r\n', 'windows-1251')]);
    expect(await problem(mixed)).toBe('importMixedEncoding');
  });
  it('property: any bytes either read or fail with a reason, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await problem(bytes);
        expect(typeof r).toBe('string');
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 6 }), fc.constantFrom<Separator>(';', ',', '\t'), async (rows, sep) => {
        expect(typeof (await problem(encodeText(csvText(rows, sep), 'utf-8')))).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('cells', () => {
  it('dates as people write them; impossible dates refused', () => {
    for (const t of ['31.12.2024', '31/12/2024', '31-12-2024', '2024-12-31', '2024.12.31', '45657', '31.12.2024 00:00', '31.12.2024 г.']) expect(readDate(t)).toEqual({ ok: true, value: '2024-12-31' });
    expect(readDate('1.2.1950')).toEqual({ ok: true, value: '1950-02-01' });
    expect(readDate('61')).toEqual({ ok: true, value: '1900-03-01' });
    for (const t of ['31.02.1950', '29.02.2023', '2024-13-01', '12/31/2024', 'вчера', '', '0']) expect(readDate(t).ok).toBe(false);
    // A date's shape but no day of the calendar: its own reason; not a date at all: "enter a date".
    for (const t of ['31.02.1950', '29.02.2023', '31.04.2024', '31/04/2024', '2023-02-29', '32.01.2024', '15.13.2024']) expect(readDate(t)).toEqual({ ok: false, error: 'validation.dateNotInCalendar' });
    for (const t of ['12/31/2024x', 'вчера', '0', '401769']) expect(readDate(t)).toEqual({ ok: false, error: 'validation.date' });
    expect(readDate('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readBirthYear('31.02.1950', 2026)).toEqual({ ok: false, error: 'validation.dateNotInCalendar' });
    expect(readBirthYear('1950', 2026)).toEqual({ ok: true, value: 1950 });
    expect(readBirthYear('2030', 2026)).toEqual({ ok: false, error: 'validation.birthYear' });
  });
  it('amounts with the money fields reader', () => {
    expect(readAmount('1 234,50 ₽', 'ru', 'RUB')).toEqual({ ok: true, value: 123450 });
    expect(readAmount('1.234,50', 'el', 'EUR')).toEqual({ ok: true, value: 123450 });
    expect(readAmount('1234.5', 'en', 'EUR')).toEqual({ ok: true, value: 123450 });
    expect(readAmount('100 zł', 'pl', 'PLN')).toEqual({ ok: true, value: 10000 });
    expect(readAmount('1,234', 'ru', 'RUB')).toEqual({ ok: false, error: 'validation.amountAmbiguous' });
  });
  it('full names in one column', () => {
    expect(splitFullName('Иванова Мария Петровна')).toEqual({ ok: true, value: { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' } });
    expect(splitFullName('Шевченко Тарас')).toEqual({ ok: true, value: { lastName: 'Шевченко', firstName: 'Тарас', patronymic: '' } });
    expect(splitFullName('Jan Kowalski')).toEqual({ ok: true, value: { lastName: 'Kowalski', firstName: 'Jan', patronymic: '' } });
    expect(splitFullName('KOWALSKI Jan')).toEqual({ ok: true, value: { lastName: 'Kowalski', firstName: 'Jan', patronymic: '' } });
    expect(splitFullName('Kowalski, Jan')).toEqual({ ok: true, value: { lastName: 'Kowalski', firstName: 'Jan', patronymic: '' } });
    expect(splitFullName('Παπαδόπουλος Γιώργος', 'surnameFirst')).toEqual({ ok: true, value: { lastName: 'Παπαδόπουλος', firstName: 'Γιώργος', patronymic: '' } });
    expect(splitFullName('Мария Петровна Иванова', 'surnameLast')).toEqual({ ok: true, value: { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' } });
    expect(splitFullName('Иванова').ok).toBe(false);
  });
  it('addresses split where their shape is clear, kept whole where not', () => {
    expect(splitAddress('с. Сылва, ул. Ленина, д. 12, кв. 4')).toEqual({ settlement: 'Сылва', street: 'Ленина', house: '12', flat: '4' });
    expect(splitAddress('Sylva, Lenina 12-4')).toEqual({ settlement: 'Sylva', street: 'Lenina', house: '12', flat: '4' });
    expect(splitAddress('ul. Długa 5/3, Zawiercie')).toEqual({ settlement: 'Zawiercie', street: 'Długa', house: '5', flat: '3' });
    expect(splitAddress('Ερμού 10, Αθήνα')).toEqual({ settlement: 'Αθήνα', street: 'Ερμού', house: '10', flat: '' });
    expect(splitAddress('вул. Шевченка 5 кв. 7, м. Черкаси')).toEqual({ settlement: 'Черкаси', street: 'Шевченка', house: '5', flat: '7' });
    expect(splitAddress('за магазином, у реки, второй дом')).toEqual({ settlement: '', street: 'за магазином, у реки, второй дом', house: '', flat: '' });
  });
  it('living situations from people’s words', () => {
    expect(readSituations('одинокий пенсионер')).toEqual({ ok: true, value: ['livesAlone', 'pensioner'] });
    expect(readSituations('інвалід')).toEqual({ ok: true, value: ['disability'] });
    expect(readSituations('rodzina wielodzietna')).toEqual({ ok: true, value: ['familyInDifficulty'] });
    expect(readSituations('ΆΝΕΡΓΟΣ')).toEqual({ ok: true, value: ['familyInDifficulty'] });
    expect(readSituations('ВПЛ, пенсіонерка')).toEqual({ ok: true, value: ['displaced', 'pensioner'] });
    expect(readSituations('любит кошек')).toEqual({ ok: false, error: 'validation.situation' });
  });
  it('phones', () => {
    expect(readPhones('+7 912 345-67-89, 8 (34274) 2-11-05')).toEqual({ ok: true, value: ['+7 912 345-67-89', '8 (34274) 2-11-05'] });
    expect(readPhones('звонить вечером').ok).toBe(false);
  });
  it('property: cell readers never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        readDate(s);
        readBirthYear(s, 2026);
        readAmount(s, 'ru', 'RUB');
        splitFullName(s);
        splitAddress(s);
        readSituations(s);
        readPhones(s);
      }),
      { numRuns: 1000 },
    );
  });
});
