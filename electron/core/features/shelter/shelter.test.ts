/**
 * The shelter on real SQLite through the core's dispatch, figures written by hand: a shelter of 12
 * places, a household of three and one resident checked in, one checked out → 3 there today.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import { collectPersonData, personHtml } from '../privacy/person-export';
import { shelterInput } from './shelter.builders';

const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

function fieldsOf(envelope: Envelope<unknown>): string[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return (envelope.error.fields ?? []).map((f) => `${f.path}:${f.message}`);
}

const resident = async (lastName: string, firstName: string, birthYear = 1980) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', birthYear }))).id;

/** The Bondarenko family displaced from Kharkiv: Oksana, her mother Halyna, her son Andrii, and an unnamed baby. */
async function family() {
  const oksana = await resident('Бондаренко', 'Оксана', 1988);
  const halyna = await resident('Бондаренко', 'Галина', 1960);
  const andrii = await resident('Бондаренко', 'Андрій', 2012);
  const h = await t.value('households.create', {
    headResidentId: oksana,
    on: '2026-09-01',
    members: [
      { residentId: halyna, relation: 'parent' },
      { residentId: andrii, relation: 'child' },
      { relation: 'child', birthYear: 2025 },
    ],
  });
  return { h, oksana, halyna, andrii };
}

describe('shelter', () => {
  it('12 places, a household of three and one resident in, one out → 3 there today', async () => {
    const s = await t.value('shelter.addShelter', shelterInput({ places: 12 }));
    expect(s).toEqual({ id: s.id, name: 'Тимчасовий притулок', address: 'вул. Шевченка, 12', places: 12, occupied: 0 });
    const { h, oksana, halyna, andrii } = await family();
    const petro = await resident('Мельник', 'Петро', 1955);

    const stays = await t.value('shelter.checkIn', { shelterId: s.id, householdId: h.id, on: '2026-10-03', bed: 'кімн. 4' }, FRONTDESK);
    expect(stays.map((x) => [x.residentId, x.householdId, x.checkedInOn, x.bed, x.fullName])).toEqual([
      [oksana, h.id, '2026-10-03', 'кімн. 4', 'Бондаренко Оксана'],
      [halyna, h.id, '2026-10-03', 'кімн. 4', 'Бондаренко Галина'],
      [andrii, h.id, '2026-10-03', 'кімн. 4', 'Бондаренко Андрій'],
    ]);
    const [petroStay] = await t.value('shelter.checkIn', { shelterId: s.id, residentId: petro, on: '2026-10-20', bed: 'кімн. 1, ліжко 2' });
    expect(petroStay).toMatchObject({ residentId: petro, householdId: null, checkedOutOn: null, outReason: null });

    const out = await t.value('shelter.checkOut', { id: stays[1]!.id, on: '2026-11-10', reason: 'relatives', note: '' }, FRONTDESK);
    expect(out).toMatchObject({ residentId: halyna, checkedInOn: '2026-10-03', checkedOutOn: '2026-11-10', outReason: 'relatives' });

    expect((await t.value('shelter.list', {})).map((x) => [x.places, x.occupied])).toEqual([[12, 3]]);
    const today = await t.value('shelter.today', {});
    expect(today).toHaveLength(1);
    expect(today[0]!.stays.map((x) => [x.fullName, x.checkedInOn])).toEqual([
      ['Бондаренко Оксана', '2026-10-03'],
      ['Бондаренко Андрій', '2026-10-03'],
      ['Мельник Петро', '2026-10-20'],
    ]);
    expect((await t.value('shelter.ofResident', { residentId: halyna })).map((x) => [x.checkedInOn, x.checkedOutOn, x.outReason])).toEqual([
      ['2026-10-03', '2026-11-10', 'relatives'],
    ]);

    // History: all four stays began in October; from October 4 only Petro's; none in November.
    expect((await t.value('shelter.history', { from: '2026-10-01', to: '2026-10-31' })).total).toBe(4);
    const late = await t.value('shelter.history', { from: '2026-10-04', to: '2026-11-16' });
    expect(late.rows.map((x) => x.residentId)).toEqual([petro]);
    expect((await t.value('shelter.history', { from: '2026-11-01', to: '2026-11-16' })).total).toBe(0);
    expect((await t.value('shelter.history', { from: '2026-10-01', to: '2026-10-31', shelterId: s.id + 1 })).total).toBe(0);
    // Paging: two a page, newest check-in first, the id breaking ties.
    const p1 = await t.value('shelter.history', { from: '2026-10-01', to: '2026-11-16', limit: 2 });
    expect(p1.rows.map((x) => x.residentId)).toEqual([petro, andrii]);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await t.value('shelter.history', { from: '2026-10-01', to: '2026-11-16', limit: 2, cursor: p1.nextCursor! });
    expect(p2.rows.map((x) => x.residentId)).toEqual([halyna, oksana]);
    expect(p2.nextCursor).toBeNull();
  });

  it('refuses a person in the shelter twice at once, with a translated message, and nothing is saved', async () => {
    const s = await t.value('shelter.addShelter', shelterInput());
    const { h, andrii } = await family();
    await t.value('shelter.checkIn', { shelterId: s.id, residentId: andrii, on: '2026-10-01' });
    const before = t.dump();
    expect(fieldsOf(await t.call('shelter.checkIn', { shelterId: s.id, residentId: andrii, on: '2026-11-01' }))).toEqual(['residentId:validation.alreadyInShelter']);
    // The household with him in it: nobody of it is checked in.
    expect(fieldsOf(await t.call('shelter.checkIn', { shelterId: s.id, householdId: h.id }))).toEqual(['householdId:validation.alreadyInShelter']);
    // A second shelter does not help.
    const other = await t.value('shelter.addShelter', shelterInput({ name: 'Гуртожиток' }));
    const before2 = t.dump();
    expect(fieldsOf(await t.call('shelter.checkIn', { shelterId: other.id, residentId: andrii }))).toEqual(['residentId:validation.alreadyInShelter']);
    expect(t.dump()).toEqual(before2);
    expect(before.shelter_stays).toEqual(before2.shelter_stays);

    // Out on Nov 5: a new stay from Nov 5 is fine, one from Nov 1 overlaps the old one.
    const [stay] = await t.value('shelter.ofResident', { residentId: andrii });
    await t.value('shelter.checkOut', { id: stay!.id, on: '2026-11-05', reason: 'other', note: 'у лікарні' });
    expect(fieldsOf(await t.call('shelter.checkIn', { shelterId: s.id, residentId: andrii, on: '2026-11-01' }))).toEqual(['residentId:validation.alreadyInShelter']);
    const again = await t.value('shelter.checkIn', { shelterId: s.id, residentId: andrii, on: '2026-11-05' });
    expect(again).toHaveLength(1);
  });

  it('refuses dates in the future, a check-out before the check-in, and a second check-out', async () => {
    const s = await t.value('shelter.addShelter', shelterInput());
    const petro = await resident('Мельник', 'Петро', 1955);
    const before = t.dump();
    expect(fieldsOf(await t.call('shelter.checkIn', { shelterId: s.id, residentId: petro, on: '2026-11-17' }))).toEqual(['on:validation.dateInFuture']);
    const bad = await t.call('shelter.checkIn', { shelterId: s.id, residentId: petro, on: '2026-02-30' });
    expect(bad.ok).toBe(false);
    expect(t.dump()).toEqual(before);
    const [stay] = await t.value('shelter.checkIn', { shelterId: s.id, residentId: petro, on: '2026-10-20' });
    const before2 = t.dump();
    expect(fieldsOf(await t.call('shelter.checkOut', { id: stay!.id, on: '2026-10-19', reason: 'ownHousing' }))).toEqual(['on:validation.dateOrder']);
    expect(fieldsOf(await t.call('shelter.checkOut', { id: stay!.id, on: '2026-11-17', reason: 'ownHousing' }))).toEqual(['on:validation.dateInFuture']);
    expect(t.dump()).toEqual(before2);
    // Out on the day of the check-in is allowed (one night); again is a conflict.
    await t.value('shelter.checkOut', { id: stay!.id, on: '2026-10-20', reason: 'leftTown' });
    const twice = await t.call('shelter.checkOut', { id: stay!.id, reason: 'leftTown' });
    expect(twice.ok ? null : twice.error.code).toBe('conflict');
  });

  it('warns above the places (overPlaces with the count) and checks in when confirmed', async () => {
    const s = await t.value('shelter.addShelter', shelterInput({ places: 3 }));
    const { h } = await family();
    const petro = await resident('Мельник', 'Петро', 1955);
    await t.value('shelter.checkIn', { shelterId: s.id, residentId: petro });
    const before = t.dump();
    // 1 there + 3 of the family = 4 in 3 places.
    const refused = await t.call('shelter.checkIn', { shelterId: s.id, householdId: h.id });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'overPlaces', details: { count: 4, places: 3 } });
    expect(t.dump()).toEqual(before);
    const stays = await t.value('shelter.checkIn', { shelterId: s.id, householdId: h.id, confirmOverPlaces: true });
    expect(stays).toHaveLength(3);
    expect((await t.value('shelter.get', { id: s.id })).occupied).toBe(4);
  });

  it('lets the front desk check in but not add shelters; the treasurer does nothing here', async () => {
    const denied = await t.raw('shelter.addShelter', shelterInput(), FRONTDESK);
    expect(denied.ok ? null : denied.error.code).toBe('forbidden');
    const s = await t.value('shelter.addShelter', shelterInput());
    const upd = await t.value('shelter.updateShelter', { id: s.id, ...shelterInput({ places: 14 }) });
    expect(upd.places).toBe(14);
    const tr = await t.raw('shelter.today', {}, TREASURER);
    expect(tr.ok ? null : tr.error.code).toBe('forbidden');
    expect(fieldsOf(await t.call('shelter.addShelter', shelterInput({ places: 0 })))).toEqual(['places:validation.range']);
  });

  it("keeps the stay's days on erasure without the link to the person, and puts stays in the export", async () => {
    const s = await t.value('shelter.addShelter', shelterInput());
    const petro = await resident('Мельник', 'Петро', 1955);
    const [stay] = await t.value('shelter.checkIn', { shelterId: s.id, residentId: petro, on: '2026-10-20', bed: 'ліжко 3' });
    await t.value('shelter.checkOut', { id: stay!.id, on: '2026-11-02', reason: 'ownHousing', note: 'отримав житло' });
    const data = await collectPersonData(t.deps.db, petro, { language: 'uk', createdAt: NOW, centreName: null, retention: { inactiveResidentYears: 5 } as never });
    expect(data.shelter).toEqual([
      { shelter: 'Тимчасовий притулок', checkedInOn: '2026-10-20', checkedOutOn: '2026-11-02', outReason: 'ownHousing', outNote: 'отримав житло', bed: 'ліжко 3' },
    ]);
    const html = personHtml(data, 'uk');
    for (const text of ['<h2>Тимчасовий притулок</h2>', 'Переїхав(ла) у власне житло — отримав житло', 'ліжко 3']) expect(html).toContain(text);
    await t.value('privacy.erasePerson', { residentId: petro, confirmName: 'Мельник Петро' });
    const rows = t.sqlite.prepare('select resident_id, checked_in_on, checked_out_on, out_reason, out_note, bed from shelter_stays').all();
    expect(rows).toEqual([{ resident_id: null, checked_in_on: '2026-10-20', checked_out_on: '2026-11-02', out_reason: 'ownHousing', out_note: '', bed: '' }]);
    expect((await t.value('shelter.history', { from: '2026-10-01', to: '2026-11-16' })).total).toBe(1);
    expect(await t.value('shelter.ofResident', { residentId: petro })).toEqual([]);
  });
});
