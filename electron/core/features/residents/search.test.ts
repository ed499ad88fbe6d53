import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import type { ResidentInput } from '../../../../shared/domain/residents';
import { fold } from '../../../../shared/domain/text';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  await t.close();
});

async function add(overrides: Partial<ResidentInput>): Promise<number> {
  const r = await t.value('residents.create', residentInput({ patronymic: '', phones: [], street: '', house: '', flat: '', ...overrides }));
  return r.id;
}

async function search(q: string, extra: { settlement?: string; limit?: number; offset?: number } = {}): Promise<string[]> {
  const found = await t.value('residents.search', { q, ...extra });
  return found.map((r) => r.fullName);
}

/** A resident to find, and people who must not come up for the query. */
const FOLDING_CASES: Array<{ query: string; resident: Partial<ResidentInput>; name: string }> = [
  { query: 'иванов', resident: { lastName: 'ИВАНОВ', firstName: 'СЕРГЕЙ' }, name: 'ИВАНОВ СЕРГЕЙ' },
  { query: 'петр', resident: { lastName: 'Соколов', firstName: 'Пётр' }, name: 'Соколов Пётр' },
  { query: 'lukasz', resident: { lastName: 'Nowak', firstName: 'Łukasz' }, name: 'Nowak Łukasz' },
  { query: 'zolc', resident: { lastName: 'Żółć', firstName: 'Anna' }, name: 'Żółć Anna' },
  { query: 'αθηνα', resident: { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά' }, name: 'Παπαδοπούλου Αθηνά' },
  { query: 'σοφια', resident: { lastName: 'ΣΟΦΙΑ', firstName: 'ΜΑΡΙΑ' }, name: 'ΣΟΦΙΑ ΜΑΡΙΑ' },
  { query: 'їжак', resident: { lastName: 'Їжакевич', firstName: 'Олег' }, name: 'Їжакевич Олег' },
  { query: 'євг', resident: { lastName: 'Коваль', firstName: 'Євгенія' }, name: 'Коваль Євгенія' },
  { query: 'ґонт', resident: { lastName: 'Ґонта', firstName: 'Іван' }, name: 'Ґонта Іван' },
  { query: 'ірин', resident: { lastName: 'Бондар', firstName: 'Ірина' }, name: 'Бондар Ірина' },
];

describe('folding: what is typed meets what is stored', () => {
  it.each(FOLDING_CASES)('$query finds $name', async ({ query, resident, name }) => {
    await add(resident);
    await add({ lastName: 'Посторонний', firstName: 'Человек' });
    expect(await search(query)).toEqual([name]);
  });

  it('finds the stored form from the upper-case, accented or ё-spelt query too', async () => {
    await add({ lastName: 'Соколов', firstName: 'Петр' });
    await add({ lastName: 'Nowak', firstName: 'Lukasz' });
    await add({ lastName: 'Παπαδοπούλου', firstName: 'Αθηνα' });
    expect(await search('ПЁТР')).toEqual(['Соколов Петр']);
    expect(await search('ŁUKASZ')).toEqual(['Nowak Lukasz']);
    expect(await search('ΑΘΗΝΆ')).toEqual(['Παπαδοπούλου Αθηνα']);
  });

  it('keeps Ukrainian ї and і apart', async () => {
    await add({ lastName: 'Їжакевич', firstName: 'Олег' });
    expect(await search('іжак')).toEqual([]);
  });

  it("finds a name with an apostrophe typed with or without it", async () => {
    await add({ lastName: 'Коваль', firstName: "Мар'яна" });
    expect(await search('маряна')).toEqual(["Коваль Мар'яна"]);
    expect(await search('Мар’яна')).toEqual(["Коваль Мар'яна"]);
  });

  // Why the folding exists: SQLite's LIKE and lower() fold only ASCII, so a plain query misses
  // every one of these residents. The ASCII control shows the plain query itself works.
  it('plain SQL LIKE / lower() in SQLite would miss them', async () => {
    for (const c of FOLDING_CASES) await add(c.resident);
    await add({ lastName: 'SMITH', firstName: 'JOHN' });
    const like = t.sqlite.prepare(
      'select count(*) from residents where last_name like @q or first_name like @q or lower(last_name) like @q or lower(first_name) like @q',
    );
    expect(like.pluck().get({ q: 'smith%' })).toBe(1);
    const cyrillicGreekPolish = FOLDING_CASES.filter((c) => !['ґонт', 'ірин', 'їжак', 'євг'].includes(c.query));
    for (const c of cyrillicGreekPolish) {
      expect(like.pluck().get({ q: `${fold(c.query)}%` }), c.query).toBe(0);
      expect(await search(c.query), c.query).toEqual([c.name]);
    }
    // The narrowest form of the query: last_name alone.
    const lastName = t.sqlite.prepare('select count(*) from residents where last_name like ?');
    for (const q of ['иванов%', 'zolc%', 'σοφια%', 'їжак%', 'ґонт%']) expect(lastName.pluck().get(q), q).toBe(0);
  });
});

describe('prefixes of any word', () => {
  beforeEach(async () => {
    await add({
      lastName: 'Кузнецова',
      firstName: 'Валентина',
      patronymic: 'Григорьевна',
      settlement: 'Кын',
      street: 'Заречная',
      house: '17',
    });
    await add({ lastName: 'Посторонний', firstName: 'Человек', settlement: 'Сылва', street: 'Ленина' });
  });

  it.each(['кузн', 'валент', 'григ', 'заречн', 'кын', 'Кузнецова Валентина Григорьевна'])('%s', async (q) => {
    expect(await search(q)).toEqual(['Кузнецова Валентина Григорьевна']);
  });

  it('does not match inside a word', async () => {
    expect(await search('нецова')).toEqual([]);
    expect(await search('речная')).toEqual([]);
  });
});

describe('phones by their digits', () => {
  const RU = '+7 (912) 345-67-89';
  const UA = '+380 67 123 45 67';
  const PL = '+48 601 234 567';

  it.each([
    ['345 67', RU],
    ['+7 912', RU],
    ['8 912 345', RU],
    ['912-345-67-89', RU],
    ['8 (912) 345-67-89', RU],
    ['+7 912 345 67 89', RU],
    ['067 123', UA],
    ['+380 67 123', UA],
    ['+38 067 123', UA],
    ['67 123 45', UA],
    ['601 234', PL],
    ['+48 601 234', PL],
    ['601-234-567', PL],
  ])('%s finds %s', async (q, phone) => {
    await add({ lastName: 'Орлов', firstName: 'Олег', phones: ['2-13-45', phone] });
    await add({ lastName: 'Посторонний', firstName: 'Человек', phones: ['8 800 555 35 35'] });
    expect(await search(q)).toEqual(['Орлов Олег']);
  });

  it('finds everyone whose phone contains the digits', async () => {
    await add({ lastName: 'Орлов', firstName: 'Олег', phones: [RU] });
    await add({ lastName: 'Шевченко', firstName: 'Тарас', phones: [UA] });
    await add({ lastName: 'Kowalski', firstName: 'Jan', phones: [PL] });
    await add({ lastName: 'Посторонний', firstName: 'Человек', phones: ['8 800 555 35 35'] });
    expect((await search('4567')).sort()).toEqual(['Kowalski Jan', 'Орлов Олег', 'Шевченко Тарас']);
    expect((await search('912 345')).sort()).toEqual(['Орлов Олег']);
    expect(await search('777 666')).toEqual([]);
  });
});

describe('several words', () => {
  beforeEach(async () => {
    await add({ lastName: 'Иванов', firstName: 'Пётр' });
    await add({ lastName: 'Иванов', firstName: 'Сергей' });
    await add({ lastName: 'Петров', firstName: 'Иван' });
  });

  it('every word must match, in any order', async () => {
    expect(await search('иванов петр')).toEqual(['Иванов Пётр']);
    expect(await search('петр иванов')).toEqual(['Иванов Пётр']);
    expect(await search('ИВАН ПЕТР')).toEqual(['Иванов Пётр', 'Петров Иван']);
    expect(await search('иванов ольга')).toEqual([]);
  });

  it('combines a name with a settlement or street word', async () => {
    await add({ lastName: 'Иванов', firstName: 'Пётр', settlement: 'Кын', patronymic: 'Ильич' });
    expect(await search('иванов кын')).toEqual(['Иванов Пётр Ильич']);
  });
});

describe('ranking', () => {
  it('lists a last-name match before a first-name or patronymic match', async () => {
    await add({ lastName: 'Петров', firstName: 'Иван', patronymic: 'Иванович' });
    await add({ lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' });
    await add({ lastName: 'Абрамов', firstName: 'Иван' });
    expect(await search('иванов')).toEqual(['Иванова Мария Петровна', 'Петров Иван Иванович']);
    expect(await search('иван')).toEqual(['Иванова Мария Петровна', 'Абрамов Иван', 'Петров Иван Иванович']);
    expect(await search('петров')).toEqual(['Петров Иван Иванович', 'Иванова Мария Петровна']);
  });

  it('lists an exact surname above longer surnames with that prefix', async () => {
    await add({ lastName: 'Иванова', firstName: 'Анна' });
    await add({ lastName: 'Ивановский', firstName: 'Борис' });
    await add({ lastName: 'Кравец-Иванов', firstName: 'Юрий' });
    await add({ lastName: 'Иванов', firstName: 'Яков' });
    expect(await search('иванов')).toEqual(['Иванов Яков', 'Кравец-Иванов Юрий', 'Иванова Анна', 'Ивановский Борис']);
  });

  // Issue 15: among many prefix matches, the closest surname first, not the alphabet's first.
  it('lists the closest surnames first among many prefix matches (петр, παπα)', async () => {
    for (const first of ['Анна', 'Борис', 'Вера', 'Галина', 'Денис', 'Елена', 'Жанна', 'Зоя', 'Игорь', 'Кирилл', 'Лев', 'Марина']) {
      await add({ lastName: 'Петренко', firstName: first });
      await add({ lastName: 'Παπαδοπούλου', firstName: first });
    }
    await add({ lastName: 'Петров', firstName: 'Яков' });
    await add({ lastName: 'Соколов', firstName: 'Пётр' });
    await add({ lastName: 'Παπάς', firstName: 'Ωρίων' });
    // Was: ten Петренко (alphabetically before Петров), Петров 13th.
    expect((await search('петр', { limit: 10 }))[0]).toBe('Петров Яков');
    expect((await search('παπα', { limit: 10 }))[0]).toBe('Παπάς Ωρίων');
    // Surnames first, then the other words: Пётр Соколов after every surname match.
    const all = await search('петр', { limit: 50 });
    expect(all.slice(0, 2)).toEqual(['Петров Яков', 'Петренко Анна']);
    expect(all[all.length - 1]).toBe('Соколов Пётр');
    // The same order page by page (the fast path and the ranked query agree).
    const pages = [...(await search('петр', { limit: 5 })), ...(await search('петр', { limit: 5, offset: 5 })), ...(await search('петр', { limit: 5, offset: 10 }))];
    expect(pages).toEqual(all.slice(0, 15));
  });

  it('lists name matches before address and phone matches', async () => {
    await add({ lastName: 'Жуков', firstName: 'Олег', street: 'Сосновая' });
    await add({ lastName: 'Сосновская', firstName: 'Вера' });
    expect(await search('соснов')).toEqual(['Сосновская Вера', 'Жуков Олег']);
  });
});

describe('filters and limits', () => {
  it('filters by settlement', async () => {
    await add({ lastName: 'Иванов', firstName: 'Пётр', settlement: 'Сылва' });
    await add({ lastName: 'Иванов', firstName: 'Сергей', settlement: 'Кын' });
    expect(await search('иванов', { settlement: 'Кын' })).toEqual(['Иванов Сергей']);
    expect(await search('', { settlement: 'Сылва' })).toEqual(['Иванов Пётр']);
    expect(await search('иванов', { settlement: '' })).toHaveLength(2);
    expect(await search('иванов', { settlement: 'Нигде' })).toEqual([]);
  });

  it('lists everyone alphabetically (folded) for an empty query', async () => {
    await add({ lastName: 'Ёлкин', firstName: 'Борис' });
    await add({ lastName: 'борисов', firstName: 'Иван' });
    await add({ lastName: 'Ежов', firstName: 'Андрей' });
    await add({ lastName: 'Андреев', firstName: 'Павел' });
    expect(await search('')).toEqual(['Андреев Павел', 'борисов Иван', 'Ежов Андрей', 'Ёлкин Борис']);
    expect(await search('   ')).toEqual(['Андреев Павел', 'борисов Иван', 'Ежов Андрей', 'Ёлкин Борис']);
  });

  it('respects the limit', async () => {
    for (let i = 0; i < 12; i++) await add({ lastName: `Иванов${String.fromCharCode(0x430 + i)}`, firstName: 'Тест' });
    expect(await search('иванов', { limit: 5 })).toHaveLength(5);
    expect(await search('', { limit: 7 })).toHaveLength(7);
    expect(await search('иванов')).toHaveLength(12);
  });

  it('pages: each page goes on where the one before ended, in the same order, for every kind of query', async () => {
    for (let i = 0; i < 12; i++) await add({ lastName: `Иванов${String.fromCharCode(0x430 + i)}`, firstName: 'Тест' });
    await add({ lastName: 'Иванов', firstName: 'Пётр' });
    await add({ lastName: 'Петров', firstName: 'Иван' }); // a first-name match, after the last names
    for (const q of ['', 'иванов', 'иван', 'тест иванов']) {
      const all = await search(q, { limit: 50 });
      const pages = [...(await search(q, { limit: 5 })), ...(await search(q, { limit: 5, offset: 5 })), ...(await search(q, { limit: 5, offset: 10 }))];
      expect(pages, q).toEqual(all.slice(0, 15));
      expect(await search(q, { limit: 5, offset: 100 }), q).toEqual([]);
    }
  });

  it('returns summaries with address and phones', async () => {
    await add({ lastName: 'Орлов', firstName: 'Олег', settlement: 'Сылва', street: 'Ленина', house: '1', phones: ['8 912 345 67 89'] });
    const [found] = await t.value('residents.search', { q: 'орлов' });
    expect(found).toMatchObject({ fullName: 'Орлов Олег', address: 'Сылва, Ленина 1', settlement: 'Сылва', phones: ['8 912 345 67 89'] });
  });

  it('rejects a query over 200 characters', async () => {
    const r = await t.raw('residents.search', { q: 'я'.repeat(201) });
    expect(r.ok === false && r.error.code).toBe('validation');
  });
});
