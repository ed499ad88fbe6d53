/**
 * People under regular care in a past period (issue 14): counted from the stretches of care kept
 * by migration 20261206_1920's triggers, not from today's flag. Four residents registered on
 * 10.01.2026, the flag changed through the contract on the days the clock is set to:
 * - Anna: under care from registration, throughout;
 * - Boris: registered without care, taken under care on 15.03.2026;
 * - Vera: under care from registration, no longer from 20.02.2026;
 * - Galina: under care from registration, erased on 05.04.2026 (erasure clears the flag and
 *   records her as gone that day).
 * Every expected count is written here by hand from that list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';

let t: TestCore;
const ids = { anna: 0, boris: 0, vera: 0, galina: 0 };

beforeAll(async () => {
  t = await createTestCore({ now: '2026-01-10T09:00:00.000Z' });
  const input = (lastName: string, firstName: string, regularCare: boolean) => residentInput({ lastName, firstName, patronymic: '', regularCare, checkinIntervalDays: regularCare ? 14 : null });
  const names = new Map<number, [string, string]>();
  const make = async (lastName: string, firstName: string, regularCare: boolean) => {
    const id = (await t.value('residents.create', input(lastName, firstName, regularCare))).id;
    names.set(id, [lastName, firstName]);
    return id;
  };
  ids.anna = await make('Смирнова', 'Анна', true);
  const boris = await make('Петров', 'Борис', false);
  const vera = await make('Иванова', 'Вера', true);
  const galina = await make('Кузнецова', 'Галина', true);
  Object.assign(ids, { boris, vera, galina });
  const setCare = async (id: number, regularCare: boolean) => {
    const [lastName, firstName] = names.get(id)!;
    await t.value('residents.update', { id, data: input(lastName, firstName, regularCare) });
  };
  t.clock.set('2026-02-20T10:00:00.000Z');
  await setCare(vera, false);
  t.clock.set('2026-03-15T10:00:00.000Z');
  await setCare(boris, true);
  t.clock.set('2026-04-05T10:00:00.000Z');
  await t.value('privacy.erasePerson', { residentId: galina, confirmName: 'Кузнецова Галина' });
  t.clock.set('2026-06-01T10:00:00.000Z');
});
afterAll(async () => {
  await t?.close();
});

const underCare = async (from: string, to: string) => (await t.value('reports.results', { from, to })).underRegularCare.count;

describe('people under regular care in a past period', () => {
  it('January: Anna, Vera, Galina (Boris not yet)', async () => {
    expect(await underCare('2026-01-01', '2026-01-31')).toBe(3);
  });
  it('February: Anna, Vera (under care until the 20th), Galina', async () => {
    expect(await underCare('2026-02-01', '2026-02-28')).toBe(3);
  });
  it('March: Anna, Boris (from the 15th), Galina; Vera no longer', async () => {
    expect(await underCare('2026-03-01', '2026-03-31')).toBe(3);
  });
  it('the first quarter: all four, each once', async () => {
    expect(await underCare('2026-01-01', '2026-03-31')).toBe(4);
  });
  it('April: Anna, Boris, and Galina, erased on the 5th, still counted', async () => {
    expect(await underCare('2026-04-01', '2026-04-30')).toBe(3);
  });
  it('May: Anna and Boris', async () => {
    expect(await underCare('2026-05-01', '2026-05-31')).toBe(2);
  });
  it('the list behind the number names the same people (for March: Anna, Boris, Galina)', async () => {
    const page = await t.value('reports.people', { figure: 'underRegularCare', from: '2026-03-01', to: '2026-03-31', limit: 50 });
    expect(page.items.map((p) => p.residentId).sort((a, b) => a - b)).toEqual([ids.anna, ids.boris, ids.galina].sort((a, b) => a - b));
  });
  it('a period before anyone was registered: nobody', async () => {
    expect(await underCare('2025-12-01', '2025-12-31')).toBe(0);
  });
});
