import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { csvText, encodeText } from './fixtures';
import type { ImportMapping } from '../../../../shared/domain/imports';
import type { Encoding } from './read/decode';
import { prepareImport } from './prepare';
import type { VolunteerRow } from './import.volunteers';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const file = (name: string, rows: string[][], encoding: Encoding) => ({ fileName: name, base64: Buffer.from(encodeText(csvText(rows, ';'), encoding)).toString('base64') });

/** Imports the list and answers each created resident's [surname, first name, patronymic], in row order. */
async function imported(f: ReturnType<typeof file>, language: ImportMapping['language']): Promise<string[][]> {
  const p = await t.value('import.preview', { kind: 'residents', file: f });
  const run = await t.value('import.run', { kind: 'residents', file: f, mapping: { columns: p.guessed ?? {}, nameOrder: 'auto', language } });
  const out: string[][] = [];
  for (const r of run.rows ?? []) {
    expect(r.outcome).toBe('create');
    const page = await t.value('residents.get', { id: r.matchId as number });
    out.push([page.resident?.lastName ?? '', page.resident?.firstName ?? '', page.resident?.patronymic ?? '']);
  }
  return out;
}

describe('full names split in the order the list is written', () => {
  it('a Greek list written surname first (Windows-1253): a name that cannot be told alone takes the file’s order', async () => {
    const rows = [
      ['Ονοματεπώνυμο', 'Έτος γέννησης'],
      ['Παπαδοπούλου Ελένη', '1948'],
      ['Νικολαΐδης Γιώργος', '1950'],
      ['Κωστάκη Μαρία', '1961'],
      // Neither word a known given name nor with a surname's ending: the file's order (surname first).
      ['Ζαχαρία Ρήγα', '1970'],
      // Written the other way round by one hand: the words say so, the file's order does not turn it.
      ['Ελένη Μπαλτά', '1955'],
    ];
    expect(await imported(file('μητρώο.csv', rows, 'windows-1253'), 'el')).toEqual([
      ['Παπαδοπούλου', 'Ελένη', ''],
      ['Νικολαΐδης', 'Γιώργος', ''],
      ['Κωστάκη', 'Μαρία', ''],
      ['Ζαχαρία', 'Ρήγα', ''],
      ['Μπαλτά', 'Ελένη', ''],
    ]);
  });

  it('the same undecided name in a list written surname last takes that order', async () => {
    const rows = [
      ['Ονοματεπώνυμο', 'Έτος γέννησης'],
      ['Ελένη Παπαδοπούλου', '1948'],
      ['Γιώργος Νικολαΐδης', '1950'],
      ['Ζαχαρία Ρήγα', '1970'],
    ];
    expect(await imported(file('μητρώο.csv', rows, 'windows-1253'), 'el')).toEqual([
      ['Παπαδοπούλου', 'Ελένη', ''],
      ['Νικολαΐδης', 'Γιώργος', ''],
      ['Ρήγα', 'Ζαχαρία', ''],
    ]);
  });

  it('Polish (Windows-1250) and Ukrainian (Windows-1251) lists, both orders in one file', async () => {
    const pl = [
      ['Imię i nazwisko', 'Rok urodzenia'],
      ['Anna Kowalska', '1950'],
      ['Kowalska Anna', '1951'],
      ['Wiśniewski Jan', '1952'],
      ['Małgorzata Zawadzka', '1953'],
    ];
    expect(await imported(file('lista.csv', pl, 'windows-1250'), 'pl')).toEqual([
      ['Kowalska', 'Anna', ''],
      ['Kowalska', 'Anna', ''],
      ['Wiśniewski', 'Jan', ''],
      ['Zawadzka', 'Małgorzata', ''],
    ]);
    const uk = [
      ['ПІБ', 'Рік народження'],
      ['Олена Щербина', '1960'],
      ['Щербина Олена Петрівна', '1961'],
      ['Шевченко Тарас Григорович', '1962'],
      ['Бондар Коваль', '1963'],
    ];
    expect(await imported(file('список.csv', uk, 'windows-1251'), 'uk')).toEqual([
      ['Щербина', 'Олена', ''],
      ['Щербина', 'Олена', 'Петрівна'],
      ['Шевченко', 'Тарас', 'Григорович'],
      // Told by nothing: the file's majority (two surname first against one) puts the surname first.
      ['Бондар', 'Коваль', ''],
    ]);
  });
});

describe('the column’s order reaches the other kinds of list', () => {
  it('a Greek volunteers list written surname first: the undecided name takes that order', async () => {
    const rows = [
      ['Ονοματεπώνυμο', 'Τηλέφωνο'],
      ['Παπαδοπούλου Ελένη', ''],
      ['Νικολαΐδης Γιώργος', ''],
      ['Ζαχαρία Ρήγα', ''],
    ];
    const prepared = await prepareImport(
      { base64: file('εθελοντές.csv', rows, 'windows-1253').base64, kind: 'volunteers', mapping: { columns: { Ονοματεπώνυμο: 'fullName' }, nameOrder: 'auto', language: 'el' }, thisYear: 2026, today: '2026-11-16' },
      () => {},
    );
    expect(prepared.kindRows.map((r) => r.name)).toEqual(['Παπαδοπούλου Ελένη', 'Νικολαΐδης Γιώργος', 'Ζαχαρία Ρήγα']);
    expect(prepared.kindRows.map((r) => [(r.data as VolunteerRow).data.lastName, (r.data as VolunteerRow).data.firstName])).toEqual([
      ['Παπαδοπούλου', 'Ελένη'],
      ['Νικολαΐδης', 'Γιώργος'],
      ['Ζαχαρία', 'Ρήγα'],
    ]);
  });
});
