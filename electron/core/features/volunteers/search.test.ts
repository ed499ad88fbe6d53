import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import type { CallInput } from '../../../../shared/api/contract';
import type { VolunteerInput } from '../../../../shared/domain/volunteers';
import { volunteerInput } from './volunteers.builders';
import { ensureBuiltInSkills } from './skills';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore();
  await ensureBuiltInSkills(t.deps.db, t.clock.now().toISOString());
});
afterEach(async () => {
  await t.close();
});

async function add(overrides: Partial<VolunteerInput>): Promise<number> {
  const v = await t.value('volunteers.create', volunteerInput({ patronymic: '', phones: [], settlement: '', ...overrides }));
  return v.id;
}

async function search(q: string, extra: Omit<CallInput<'volunteers.search'>, 'q'> = {}): Promise<string[]> {
  const found = await t.value('volunteers.search', { q, ...extra });
  return found.map((v) => v.fullName);
}

const FOLDING_CASES: Array<{ query: string; volunteer: Partial<VolunteerInput>; name: string }> = [
  { query: 'lukasz', volunteer: { lastName: 'Nowak', firstName: 'Łukasz' }, name: 'Nowak Łukasz' },
  { query: 'ŁUKASZ', volunteer: { lastName: 'Nowak', firstName: 'Lukasz' }, name: 'Nowak Lukasz' },
  { query: 'петр', volunteer: { lastName: 'Соколов', firstName: 'Пётр' }, name: 'Соколов Пётр' },
  { query: 'Пётр', volunteer: { lastName: 'Соколов', firstName: 'Петр' }, name: 'Соколов Петр' },
  { query: 'αθηνα', volunteer: { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά' }, name: 'Παπαδοπούλου Αθηνά' },
  { query: 'ΑΘΗΝΆ', volunteer: { lastName: 'Παπαδοπούλου', firstName: 'Αθηνα' }, name: 'Παπαδοπούλου Αθηνα' },
  { query: 'zolc', volunteer: { lastName: 'Żółć', firstName: 'Anna' }, name: 'Żółć Anna' },
  { query: 'ЇЖАК', volunteer: { lastName: 'Їжакевич', firstName: 'Олег' }, name: 'Їжакевич Олег' },
  { query: 'марян', volunteer: { lastName: 'Коваль', firstName: 'Мар’яна' }, name: 'Коваль Мар’яна' },
];

describe('volunteers.search: folding, as for residents', () => {
  it.each(FOLDING_CASES)('$query finds $name', async ({ query, volunteer, name }) => {
    await add(volunteer);
    await add({ lastName: 'Посторонний', firstName: 'Человек' });
    expect(await search(query)).toEqual([name]);
  });

  it('finds by a prefix of any name word, the patronymic and the settlement', async () => {
    await add({ lastName: 'Иванова', firstName: 'Ольга', patronymic: 'Петровна', settlement: 'Кын' });
    await add({ lastName: 'Сидоров', firstName: 'Олег', settlement: 'Сылва' });
    expect(await search('ива')).toEqual(['Иванова Ольга Петровна']);
    expect(await search('петровна')).toEqual(['Иванова Ольга Петровна']);
    expect(await search('кын')).toEqual(['Иванова Ольга Петровна']);
    // The closest word first (issue 15): Олег is two letters past "ол", Ольга three.
    expect(await search('ол')).toEqual(['Сидоров Олег', 'Иванова Ольга Петровна']);
    // Every word must match.
    expect(await search('ол сыл')).toEqual(['Сидоров Олег']);
    expect(await search('ольга сидоров')).toEqual([]);
  });

  it('ranks an exact last name first, then last-name prefixes, then other name words', async () => {
    await add({ lastName: 'Андреев', firstName: 'Борис' });
    await add({ lastName: 'Борисова', firstName: 'Анна' });
    await add({ lastName: 'Борис', firstName: 'Ян' });
    expect(await search('борис')).toEqual(['Борис Ян', 'Борисова Анна', 'Андреев Борис']);
  });
});

describe('volunteers.search: phones', () => {
  beforeEach(async () => {
    await add({ lastName: 'Русский', firstName: 'Номер', phones: ['+7 (912) 345-67-89'] });
    await add({ lastName: 'Украинский', firstName: 'Номер', phones: ['067 123 45 67'] });
    await add({ lastName: 'Польский', firstName: 'Numer', phones: ['+48 601 234 567'] });
  });

  it.each([
    ['+7 912 345 67 89', 'Русский Номер'],
    ['8 (912) 345-67-89', 'Русский Номер'],
    ['9123456789', 'Русский Номер'],
    ['345-67-89', 'Русский Номер'],
    ['6789', 'Русский Номер'],
    ['067 123 45 67', 'Украинский Номер'],
    ['+380 67 123 45 67', 'Украинский Номер'],
    ['71234', 'Украинский Номер'],
    ['601 234', 'Польский Numer'],
    ['+48 601 234 567', 'Польский Numer'],
  ])('%s finds %s', async (q, name) => {
    expect(await search(q)).toEqual([name]);
  });

  it('combines a name and phone digits', async () => {
    await add({ lastName: 'Русский', firstName: 'Другой', phones: ['+7 912 000 11 22'] });
    expect(await search('русский 6789')).toEqual(['Русский Номер']);
  });
});

describe('volunteers.search: filters and order', () => {
  it('lists everyone alphabetically (folded) when nothing is typed', async () => {
    await add({ lastName: 'Ёлкин', firstName: 'Юрий' });
    await add({ lastName: 'Борисов', firstName: 'Ян' });
    await add({ lastName: 'Ежов', firstName: 'Иван' });
    expect(await search('')).toEqual(['Борисов Ян', 'Ежов Иван', 'Ёлкин Юрий']);
    expect(await search('  ', { limit: 2 })).toEqual(['Борисов Ян', 'Ежов Иван']);
  });

  it('filters by status, skill, specialty and settlement, with or without a query', async () => {
    const skills = await t.value('skills.list', {});
    const car = skills.find((s) => s.code === 'hasCar')?.id as number;
    await add({ lastName: 'Водитель', firstName: 'Анна', skillIds: [car], settlement: 'Кын' });
    const paused = await add({ lastName: 'Водитель', firstName: 'Борис', skillIds: [car], settlement: 'Сылва' });
    await t.value('volunteers.setStatus', { id: paused, status: 'paused' });
    await add({ lastName: 'Юрист', firstName: 'Вера', specialist: 'lawyer', settlement: 'Сылва' });

    expect(await search('', { status: 'active' })).toEqual(['Водитель Анна', 'Юрист Вера']);
    expect(await search('', { skillId: car })).toEqual(['Водитель Анна', 'Водитель Борис']);
    expect(await search('водитель', { status: 'paused' })).toEqual(['Водитель Борис']);
    expect(await search('', { specialist: 'lawyer' })).toEqual(['Юрист Вера']);
    expect(await search('', { settlement: 'Сылва' })).toEqual(['Водитель Борис', 'Юрист Вера']);
    expect(await search('вод', { settlement: 'Кын', skillId: car, status: 'active' })).toEqual(['Водитель Анна']);
    expect(await search('', { settlement: '' })).toHaveLength(3);
  });

  it('answers summaries with phones, languages and skills', async () => {
    const skills = await t.value('skills.list', {});
    const snow = skills.find((s) => s.code === 'hasSnowTools')?.id as number;
    const id = await add({ lastName: 'Lis', firstName: 'Jan', phones: ['+48 601 234 567', '22 123 45 67'], languages: ['pl', 'en'], skillIds: [snow], specialist: 'socialWorker' });
    expect(await t.value('volunteers.search', { q: 'lis' })).toEqual([
      {
        id,
        fullName: 'Lis Jan',
        settlement: '',
        phones: ['+48 601 234 567', '22 123 45 67'],
        languages: ['en', 'pl'],
        isRegular: true,
        specialist: 'socialWorker',
        status: 'active',
        skills: [{ id: snow, code: 'hasSnowTools', name: null }],
      },
    ]);
  });

  it('takes punctuation as no query, and quotes as part of nothing', async () => {
    await add({ lastName: "O'Neill", firstName: 'Sean' });
    expect(await search('%')).toEqual(["O'Neill Sean"]);
    expect(await search("o'ne")).toEqual(["O'Neill Sean"]);
    expect(await search('oneill')).toEqual(["O'Neill Sean"]);
    expect(await search("'; drop table volunteers; --")).toEqual([]);
    expect(await search('')).toEqual(["O'Neill Sean"]);
  });
});
