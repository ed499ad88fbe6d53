import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import { findSame, findSameMany } from './duplicates';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  await t.close();
});

describe('findSame / findSameMany', () => {
  it('the batch answers as the matcher does person by person: "same" only', async () => {
    const a = await t.value('residents.create', residentInput({ lastName: 'Петрова', firstName: 'Ольга', patronymic: 'Ивановна', birthYear: 1950, phones: ['+7 912 000-11-22'] }));
    const b = await t.value('residents.create', residentInput({ lastName: 'Петрова', firstName: 'Ольга', patronymic: '', birthYear: null, phones: [] }));
    const c = await t.value('residents.create', residentInput({ lastName: 'Сидоров', firstName: 'Пётр', patronymic: '', birthYear: 1960, phones: [] }));
    const people = [
      { lastName: 'Ольга', firstName: 'Петрова', patronymic: '', birthYear: 1950, phones: [] },
      { lastName: 'Петрова', firstName: 'Ольга', patronymic: 'Ивановна', birthYear: 1951, phones: [] },
      { lastName: 'Иванов', firstName: 'Иван', patronymic: '', birthYear: null, phones: ['8 912 000-11-22'] },
      { lastName: 'Сидоров', firstName: 'Петр', patronymic: 'Ильич', birthYear: 1960, phones: [] },
      { lastName: 'Сидоров', firstName: 'Пётр', patronymic: '', birthYear: 1961, phones: [] },
      { lastName: 'Новый', firstName: 'Человек', patronymic: '', birthYear: 1990, phones: [] },
    ];
    const many = await findSameMany(t.deps.db, people);
    const one = await Promise.all(people.map((p) => findSame(t.deps.db, p)));
    expect(many.map((l) => l.map((x) => x.id))).toEqual(one.map((l) => l.map((x) => x.id)));
    // The matcher's verdicts: word order does not matter; the same full name one birth year apart is
    // "same" (a typed year); a shared phone alone is not (families share one); Петр/Пётр are one name.
    expect(many.map((l) => l.map((x) => x.id))).toEqual([[a.id, b.id], [a.id, b.id], [], [c.id], [c.id], []]);
  });
});
