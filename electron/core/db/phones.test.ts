/**
 * The phones of many people at once (the import's duplicate check at city scale asks for tens of
 * thousands of candidates): asked in chunks, so more ids than SQLite's limit of bound variables
 * (32,766) still answer, each person's phones in their order.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/test-core';
import { residentInput } from '../testing/builders';
import { phonesOf } from './phones';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  await t.close();
});

it('40,000 ids: the phones of the two who have them, in their order', async () => {
  const a = await t.value('residents.create', residentInput({ lastName: 'Иванова', phones: ['+7 922 111-22-33', '+7 922 444-55-66'] }));
  const b = await t.value('residents.create', residentInput({ lastName: 'Петрова', phones: ['+7 922 777-88-99'] }));
  const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
  const phones = await phonesOf(t.deps.db, 'resident_phones', ids);
  expect([...phones.entries()]).toEqual([
    [a.id, ['+7 922 111-22-33', '+7 922 444-55-66']],
    [b.id, ['+7 922 777-88-99']],
  ]);
  expect((await phonesOf(t.deps.db, 'volunteer_phones', ids)).size).toBe(0);
  expect((await phonesOf(t.deps.db, 'resident_phones', [])).size).toBe(0);
});
