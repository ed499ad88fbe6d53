/**
 * Households beyond the register (issue 13): the search and the duplicate warning show a
 * resident's household; families served; a resident marked as left leaves their household;
 * the address and the head changed with their history; retention.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';

const NOW = '2026-11-16T09:30:00.000Z';
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

const resident = async (lastName: string, firstName: string, birthYear = 1980, phones: string[] = []) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', birthYear, street: 'Заречная', house: '7', flat: '', phones }))).id;

/** The Kovalenko family: Olena heads it, her husband Ivan, two children the centre does not register by name. */
async function familyOfFour() {
  const olena = await resident('Коваленко', 'Олена', 1985, ['+380 67 123 45 67']);
  const ivan = await resident('Коваленко', 'Іван', 1982);
  const h = await t.value('households.create', {
    headResidentId: olena,
    on: '2026-11-01',
    members: [
      { residentId: ivan, relation: 'spouse' },
      { relation: 'child', birthYear: 2019 },
      { relation: 'child', birthYear: 2012 },
    ],
  });
  const memberOf = (residentId: number) => h.members.find((m) => m.residentId === residentId)?.id ?? 0;
  return { h, olena, ivan, olenaMember: memberOf(olena), ivanMember: memberOf(ivan) };
}

describe('the search and the duplicate warning show the household', () => {
  it('a member sees the head and the others, the head the others; someone alone none', async () => {
    const { h, olena, ivan } = await familyOfFour();
    const alone = await resident('Коваль', 'Петро', 1950);
    const found = await t.value('residents.search', { q: 'Ковал' });
    const byId = new Map(found.map((r) => [r.id, r]));
    expect(byId.get(ivan)?.household).toEqual({
      id: h.id,
      size: 4,
      relation: 'spouse',
      headName: 'Коваленко Олена',
      members: [
        { residentId: olena, fullName: 'Коваленко Олена', birthYear: 1985, relation: 'head' },
        { residentId: null, fullName: null, birthYear: 2019, relation: 'child' },
        { residentId: null, fullName: null, birthYear: 2012, relation: 'child' },
      ],
    });
    expect(byId.get(olena)?.household).toMatchObject({ id: h.id, size: 4, relation: 'head', headName: null });
    expect(byId.get(olena)?.household?.members.map((m) => m.fullName)).toEqual(['Коваленко Іван', null, null]);
    expect(byId.get(alone)?.household).toBeNull();
  });

  it('a household of seven lists five of the others; the size says seven', async () => {
    const head = await resident('Παπαδόπουλος', 'Γιώργος', 1960);
    const h = await t.value('households.create', {
      headResidentId: head,
      members: [2001, 2003, 2005, 2008, 2010, 2012].map((birthYear) => ({ relation: 'grandchild' as const, birthYear })),
    });
    const [found] = await t.value('residents.search', { q: 'Παπαδοπουλος' });
    expect(found?.household).toMatchObject({ id: h.id, size: 7, headName: null });
    expect(found?.household?.members.map((m) => m.birthYear)).toEqual([2001, 2003, 2005, 2008, 2010]);
  });

  it('the duplicate warning shows the possible duplicate’s household', async () => {
    const { h, olena } = await familyOfFour();
    const duplicates = await t.value('residents.findDuplicates', { lastName: 'КОВАЛЕНКО', firstName: 'олена', birthYear: 1985 }, FRONTDESK);
    expect(duplicates.map((d) => d.id)).toEqual([olena]);
    expect(duplicates[0]?.household).toMatchObject({ id: h.id, size: 4, relation: 'head' });
    expect(duplicates[0]?.household?.members.map((m) => m.fullName ?? `${m.relation} ${m.birthYear}`)).toEqual(['Коваленко Іван', 'child 2019', 'child 2012']);
    // By phone too.
    const byPhone = await t.value('residents.findDuplicates', { lastName: 'Інша', firstName: 'Особа', phones: ['067 123 45 67'] });
    expect(byPhone[0]?.household?.size).toBe(4);
  });

  it('a member who moved away is no longer shown in the household', async () => {
    const { h, ivan, ivanMember } = await familyOfFour();
    await t.value('households.endMembership', { id: h.id, memberId: ivanMember, reason: 'left', on: '2026-11-10' });
    const found = await t.value('residents.search', { q: 'Коваленко Олена' });
    expect(found[0]?.household?.size).toBe(3);
    expect(found[0]?.household?.members.some((m) => m.residentId === ivan)).toBe(false);
    const him = await t.value('residents.search', { q: 'Коваленко Іван' });
    expect(him[0]?.household).toBeNull();
  });

  it('the treasurer may not search residents at all', async () => {
    const envelope = await t.call('residents.search', { q: 'Коваленко' }, TREASURER);
    expect(envelope.ok).toBe(false);
  });
});

describe('households.familiesServed', () => {
  /**
   * Olena and Ivan live together (household A, from March); Petro lives alone in no registered
   * household; Halyna had a request before she registered her household B (June) and one after;
   * Stepan lived alone in household C and moved to B on 1 July, asking for help in both.
   */
  async function year() {
    const kindId = (await t.value('catalogue.list', {}))[0]?.id ?? 0;
    const olena = await resident('Коваленко', 'Олена', 1985);
    const ivan = await resident('Коваленко', 'Іван', 1982);
    const petro = await resident('Шевчук', 'Петро', 1950);
    const halyna = await resident('Бондар', 'Галина', 1970);
    const stepan = await resident('Бондар', 'Степан', 1945);
    const mykola = await resident('Мельник', 'Микола', 1960);
    await t.value('households.create', { headResidentId: olena, on: '2026-03-01', members: [{ residentId: ivan, relation: 'spouse' }, { relation: 'child', birthYear: 2019 }] });
    const c = await t.value('households.create', { headResidentId: stepan, on: '2026-03-01' });
    const b = await t.value('households.create', { headResidentId: halyna, on: '2026-06-01' });
    await t.value('households.create', { headResidentId: mykola, on: '2026-03-01', members: [{ relation: 'spouse', birthYear: 1962 }] });
    await t.value('households.moveMember', { id: c.id, memberId: c.members[0]?.id ?? 0, toHouseholdId: b.id, relation: 'parent', on: '2026-07-01' });
    const ask = async (residentId: number, day: string) => {
      t.clock.set(`${day}T10:00:00.000Z`);
      await t.value('requests.create', { residentId, kindId, urgency: 'normal', channel: 'walkIn', description: '' });
    };
    await ask(olena, '2026-04-10');
    await ask(ivan, '2026-05-10');
    await ask(petro, '2026-04-20');
    await ask(halyna, '2026-05-15');
    await ask(stepan, '2026-06-10');
    // The day he moved: he lives in B that day.
    await ask(stepan, '2026-07-01');
    await ask(halyna, '2026-08-01');
    t.clock.set(NOW);
  }

  it('counts households and persons in no household, each once', async () => {
    await year();
    // A, B and C; Petro alone (Halyna joined B in the year: counted with B). 4 families or persons.
    expect(await t.value('households.familiesServed', { from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      families: 4,
      households: 3,
      personsWithoutHousehold: 1,
      residentsServed: 5,
    });
    // April–May: A (Olena and Ivan: one family), Petro, Halyna before her household: 3.
    expect(await t.value('households.familiesServed', { from: '2026-04-01', to: '2026-05-31' })).toMatchObject({ families: 3, households: 1, personsWithoutHousehold: 2, residentsServed: 4 });
    // June: Stepan in C. July: Stepan in B from the day he moved.
    expect(await t.value('households.familiesServed', { from: '2026-06-01', to: '2026-06-30' })).toMatchObject({ families: 1, households: 1, personsWithoutHousehold: 0 });
    expect(await t.value('households.familiesServed', { from: '2026-07-01', to: '2026-07-01' })).toMatchObject({ families: 1, households: 1, personsWithoutHousehold: 0, residentsServed: 1 });
    expect(await t.value('households.familiesServed', { from: '2025-01-01', to: '2025-12-31' })).toMatchObject({ families: 0, households: 0, personsWithoutHousehold: 0, residentsServed: 0 });
  });

  it('the treasurer reads the figures (grant reports); a period backwards is refused', async () => {
    await year();
    expect((await t.value('households.familiesServed', { from: '2026-01-01', to: '2026-12-31' }, TREASURER)).families).toBe(4);
    expect((await t.value('households.familiesServed', { from: '2026-01-01', to: '2026-12-31' }, FRONTDESK)).families).toBe(4);
    const refused = await t.call('households.familiesServed', { from: '2026-12-31', to: '2026-01-01' });
    expect(refused.ok ? [] : refused.error.fields).toEqual([{ path: 'to', message: 'validation.dateOrder' }]);
  });
});

describe('residents.markLeft ends the household membership', () => {
  it('a spouse who died leaves the household that day, as died; the history keeps them', async () => {
    const { h, ivan, ivanMember } = await familyOfFour();
    const result = await t.value('residents.markLeft', { id: ivan, reason: 'deceased', on: '2026-11-10' }, FRONTDESK);
    expect(result.householdId).toBe(h.id);
    const after = await t.value('households.get', { id: h.id });
    expect(after.size).toBe(3);
    expect(after.closedOn).toBeNull();
    expect(after.past).toEqual([expect.objectContaining({ id: ivanMember, residentId: ivan, relation: 'spouse', fromOn: '2026-11-01', toOn: '2026-11-10', endReason: 'deceased' })]);
    expect((await t.value('households.ofResident', { residentId: ivan })).current).toBeNull();
  });

  it('a head who moved away hands over to the spouse; the reason is "left"', async () => {
    const { h, olena, ivan, olenaMember } = await familyOfFour();
    await t.value('residents.markLeft', { id: olena, reason: 'moved', on: '2026-11-12' });
    const after = await t.value('households.get', { id: h.id });
    expect(after.size).toBe(3);
    expect(after.members[0]).toMatchObject({ residentId: ivan, relation: 'head', fromOn: '2026-11-12' });
    expect(after.headMemberId).toBe(after.members[0]?.id);
    expect(after.past.find((m) => m.id === olenaMember)).toMatchObject({ toOn: '2026-11-12', endReason: 'left' });
    // Ivan's row as the spouse ended that day: he goes on as the head.
    expect(after.past.find((m) => m.residentId === ivan)).toMatchObject({ relation: 'spouse', toOn: '2026-11-12', endReason: 'relationChanged' });
  });

  it('without a spouse the eldest registered member heads the household; with only unnamed members left it has no head', async () => {
    const mother = await resident('Ткаченко', 'Ганна', 1950);
    const son = await resident('Ткаченко', 'Олег', 1975);
    const daughter = await resident('Ткаченко', 'Ірина', 1972);
    const h = await t.value('households.create', { headResidentId: mother, on: '2026-01-01', members: [{ residentId: son, relation: 'child' }, { residentId: daughter, relation: 'child' }] });
    await t.value('residents.markLeft', { id: mother, reason: 'deceased', on: '2026-10-01' });
    expect((await t.value('households.get', { id: h.id })).members[0]).toMatchObject({ residentId: daughter, relation: 'head' });

    const father = await resident('Лисенко', 'Богдан', 1980);
    const g = await t.value('households.create', { headResidentId: father, on: '2026-01-01', members: [{ relation: 'child', birthYear: 2015 }, { relation: 'child', birthYear: 2018 }] });
    await t.value('residents.markLeft', { id: father, reason: 'moved', on: '2026-10-01' });
    const after = await t.value('households.get', { id: g.id });
    expect(after).toMatchObject({ size: 2, headMemberId: null, closedOn: null });
  });

  it('the last member who died closes the household', async () => {
    const alone = await resident('Шевчук', 'Петро', 1940);
    const h = await t.value('households.create', { headResidentId: alone, on: '2026-01-01' });
    await t.value('residents.markLeft', { id: alone, reason: 'deceased', on: '2026-09-30' });
    expect(await t.value('households.get', { id: h.id })).toMatchObject({ size: 0, closedOn: '2026-09-30', headMemberId: null });
  });

  it('a day before they joined the household is refused and nothing is saved', async () => {
    const { ivan } = await familyOfFour();
    const before = t.dump();
    const refused = await t.call('residents.markLeft', { id: ivan, reason: 'moved', on: '2026-10-01' });
    expect(refused.ok ? [] : refused.error.fields).toEqual([{ path: 'on', message: 'validation.dateOrder' }]);
    expect(t.dump()).toEqual(before);
  });

  it('someone in no household is marked as left as before', async () => {
    const alone = await resident('Шевчук', 'Петро', 1940);
    expect((await t.value('residents.markLeft', { id: alone, reason: 'moved', on: '2026-09-30' })).householdId).toBeNull();
  });
});

const auditRows = (call: string) =>
  (t.sqlite.prepare('select action, entity_type, entity_id, resident_id, details from audit_log where call = ? order by id').all(call) as Array<{ details: string | null }>).map(
    (r) => ({ ...r, details: r.details === null ? (null as never) : (JSON.parse(r.details) as { fields: unknown[] }) }),
  );

describe('households.update and households.changeHead', () => {
  it('the front desk changes the address; the audit log keeps that it changed, not the address', async () => {
    const { h, olena } = await familyOfFour();
    const after = await t.value('households.update', { id: h.id, address: { settlement: 'Сылва', street: 'Садовая', house: '3', flat: '5' } }, FRONTDESK);
    expect(after).toMatchObject({ address: 'Сылва, Садовая 3-5', street: 'Садовая', house: '3', flat: '5', size: 4 });
    // The members' own records keep their addresses.
    expect((await t.value('residents.get', { id: olena })).resident.street).toBe('Заречная');
    const [entry] = auditRows('households.update');
    expect(entry).toMatchObject({ action: 'change', entity_type: 'households', entity_id: String(h.id) });
    expect(entry?.details.fields).toEqual(expect.arrayContaining([{ field: 'street', changed: true }, { field: 'address', changed: true }]));
    expect(JSON.stringify(t.sqlite.prepare('select * from audit_log').all())).not.toContain('Садовая');
  });

  it('another member heads the household from a day; both rows go on with their new relations', async () => {
    const { h, olena, ivan, olenaMember, ivanMember } = await familyOfFour();
    const after = await t.value('households.changeHead', { id: h.id, headMemberId: ivanMember, relation: 'spouse', on: '2026-11-14' });
    expect(after.members[0]).toMatchObject({ residentId: ivan, relation: 'head', fromOn: '2026-11-14' });
    expect(after.members.find((m) => m.residentId === olena)).toMatchObject({ relation: 'spouse', fromOn: '2026-11-14' });
    expect(after.size).toBe(4);
    expect(after.past).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: olenaMember, relation: 'head', fromOn: '2026-11-01', toOn: '2026-11-14', endReason: 'relationChanged' }),
        expect.objectContaining({ id: ivanMember, relation: 'spouse', toOn: '2026-11-14', endReason: 'relationChanged' }),
      ]),
    );
    expect(auditRows('households.changeHead')[0]?.details.fields).toEqual(expect.arrayContaining([{ field: 'headMemberId', old: olenaMember, new: after.headMemberId }]));
  });

  it('refuses an unnamed member, the head again, a day before the membership, and a closed household', async () => {
    const { h, olenaMember, ivanMember } = await familyOfFour();
    const child = h.members.find((m) => m.residentId === null)?.id ?? 0;
    const before = t.dump();
    const fields = async (input: Parameters<typeof t.call<'households.changeHead'>>[1]) => {
      const e = await t.call('households.changeHead', input);
      return e.ok ? [] : e.error.fields;
    };
    expect(await fields({ id: h.id, headMemberId: child, relation: 'spouse' })).toEqual([{ path: 'headMemberId', message: 'validation.headUnnamed' }]);
    expect(await fields({ id: h.id, headMemberId: olenaMember, relation: 'spouse' })).toEqual([{ path: 'headMemberId', message: 'validation.invalid' }]);
    expect(await fields({ id: h.id, headMemberId: ivanMember, relation: 'spouse', on: '2026-10-01' })).toEqual([{ path: 'on', message: 'validation.dateOrder' }]);
    expect(await fields({ id: h.id, headMemberId: ivanMember, relation: 'spouse', on: '2026-12-01' })).toEqual([{ path: 'on', message: 'validation.dateInFuture' }]);
    expect(t.dump()).toEqual(before);

    const alone = await resident('Шевчук', 'Петро', 1940);
    const g = await t.value('households.create', { headResidentId: alone, on: '2026-01-01' });
    await t.value('residents.markLeft', { id: alone, reason: 'deceased', on: '2026-09-30' });
    const closed = await t.call('households.update', { id: g.id, address: { settlement: 'Сылва', street: '', house: '', flat: '' } });
    expect(closed.ok ? null : closed.error.code).toBe('householdClosed');
  });

  it('the treasurer may do neither', async () => {
    const { h, ivanMember } = await familyOfFour();
    expect((await t.call('households.update', { id: h.id, address: { settlement: '', street: '', house: '', flat: '' } }, TREASURER)).ok).toBe(false);
    expect((await t.call('households.changeHead', { id: h.id, headMemberId: ivanMember, relation: 'spouse' }, TREASURER)).ok).toBe(false);
  });
});

describe('households.get is an audited view', () => {
  it('logs who looked at which household, with no name', async () => {
    const { h } = await familyOfFour();
    await t.value('households.get', { id: h.id }, FRONTDESK);
    expect(auditRows('households.get')).toEqual([{ action: 'view', entity_type: 'households', entity_id: String(h.id), resident_id: null, details: null }]);
    expect(JSON.stringify(t.sqlite.prepare("select * from audit_log where call = 'households.get'").all())).not.toContain('Коваленко');
  });
});

describe('retention: households follow their members', () => {
  it('joining a household is a contact; a household whose members are all past their time is anonymised with its counts kept', async () => {
    // Registered four years ago, nothing since.
    t.clock.set('2022-10-01T09:00:00.000Z');
    const a = await resident('Мельник', 'Микола', 1940);
    const b = await resident('Мельник', 'Ганна', 1942);
    const c = await resident('Шевчук', 'Петро', 1938);
    const h = await t.value('households.create', { headResidentId: a, members: [{ residentId: b, relation: 'spouse' }, { relation: 'grandchild', birthYear: 2010 }] });
    t.clock.set(NOW);
    // Petro joined a household this year: not past his time.
    const d = await resident('Шевчук', 'Оксана', 1970);
    await t.value('households.create', { headResidentId: d, on: '2026-03-01', members: [{ residentId: c, relation: 'parent' }] });
    const review = await t.value('privacy.retentionReview', {});
    expect(review.residents.map((r) => r.id).sort()).toEqual([a, b].sort());

    await t.value('privacy.anonymiseInactive', { residentIds: [a, b] });
    const after = await t.value('households.get', { id: h.id });
    // No registered person left: street, house and flat blanked; the settlement, members and size stay.
    expect(after).toMatchObject({ street: '', house: '', flat: '', settlement: 'Сылва', size: 3, closedOn: null });
    expect(after.members.map((m) => [m.residentId, m.fullName, m.relation])).toEqual([
      [null, null, 'head'],
      [null, null, 'spouse'],
      [null, null, 'grandchild'],
    ]);
  });
});
