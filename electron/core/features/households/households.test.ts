import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/api/errors';
import type { Household } from '../../../../shared/domain/households';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, validInputs } from '../../testing/builders';

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

function fieldsOf(envelope: Envelope<unknown>): string[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return (envelope.error.fields ?? []).map((f) => `${f.path}:${f.message}`);
}

const resident = async (lastName: string, firstName: string, birthYear = 1980) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', birthYear, street: 'Заречная', house: '7', flat: '' }))).id;

/** The Kovalenko family: Olena heads it, her husband Ivan, two children the centre does not register by name. */
async function familyOfFour() {
  const olena = await resident('Коваленко', 'Олена', 1985);
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
  const member = (pick: (m: Household['members'][number]) => boolean) => {
    const found = h.members.find(pick);
    if (!found) throw new Error('no such member');
    return found.id;
  };
  return {
    h,
    olena,
    ivan,
    olenaMember: member((m) => m.residentId === olena),
    ivanMember: member((m) => m.residentId === ivan),
    younger: member((m) => m.birthYear === 2019),
    older: member((m) => m.birthYear === 2012),
  };
}

const auditRows = (call: string) =>
  (t.sqlite.prepare('select action, entity_type, entity_id, resident_id, details from audit_log where call = ? order by id').all(call) as Array<{ details: string | null }>).map(
    (r) => ({ ...r, details: r.details === null ? null : JSON.parse(r.details) }),
  );

describe('households.create', () => {
  it('registers a household of four, two children unnamed, at the head’s address', async () => {
    const { h, olena, ivan } = await familyOfFour();
    expect(h).toMatchObject({
      settlement: 'Сылва',
      street: 'Заречная',
      house: '7',
      address: 'Сылва, Заречная 7',
      formedOn: '2026-11-01',
      closedOn: null,
      splitFromId: null,
      size: 4,
      past: [],
      createdAt: NOW,
    });
    expect(h.members.map((m) => [m.residentId, m.fullName, m.birthYear, m.relation, m.fromOn, m.toOn])).toEqual([
      [olena, 'Коваленко Олена', 1985, 'head', '2026-11-01', null],
      [ivan, 'Коваленко Іван', 1982, 'spouse', '2026-11-01', null],
      [null, null, 2019, 'child', '2026-11-01', null],
      [null, null, 2012, 'child', '2026-11-01', null],
    ]);
    expect(h.headMemberId).toBe(h.members[0]?.id);
    expect(await t.value('households.get', { id: h.id })).toEqual(h);
    // Each resident's page finds the household; the children are in it unnamed.
    const ofIvan = await t.value('households.ofResident', { residentId: ivan });
    expect(ofIvan.current?.id).toBe(h.id);
    expect(ofIvan.memberships).toEqual([{ householdId: h.id, memberId: h.members[1]?.id, relation: 'spouse', fromOn: '2026-11-01', toOn: null, endReason: null, address: 'Сылва, Заречная 7' }]);
    // The audit entry names the household, never a name.
    expect(auditRows('households.create')).toEqual([{ action: 'change', entity_type: 'households', entity_id: String(h.id), resident_id: null, details: null }]);
  });

  it('takes an address of its own and a day in the past', async () => {
    const head = await resident('Nowak', 'Anna');
    const h = await t.value('households.create', { headResidentId: head, address: { settlement: 'Zawiercie', street: 'Leśna', house: '3', flat: '12' }, on: '2026-10-01' });
    expect(h).toMatchObject({ address: 'Zawiercie, Leśna 3-12', formedOn: '2026-10-01', size: 1 });
  });

  it('a resident who lives in another household is refused, with the way to move them, and nothing is saved', async () => {
    const { h, ivan } = await familyOfFour();
    const maria = await resident('Шевченко', 'Марія');
    const petro = await resident('Бондар', 'Петро');
    const second = await t.value('households.create', { headResidentId: petro });
    const before = t.dump();
    const env = await t.call('households.create', { headResidentId: maria, members: [{ relation: 'child', birthYear: 2015 }, { residentId: ivan, relation: 'spouse' }] });
    expect(fieldsOf(env)).toEqual(['members.1.residentId:validation.inOtherHousehold']);
    // The details name the household to move them from.
    expect(!env.ok && env.error.details).toEqual({ householdId: h.id });
    expect(fieldsOf(await t.call('households.create', { headResidentId: ivan }))).toEqual(['headResidentId:validation.inOtherHousehold']);
    expect(fieldsOf(await t.call('households.addMember', { id: second.id, member: { residentId: ivan, relation: 'partner' } }))).toEqual([
      'member.residentId:validation.inOtherHousehold',
    ]);
    expect(fieldsOf(await t.call('households.addMember', { id: h.id, member: { residentId: ivan, relation: 'partner' } }))).toEqual(['member.residentId:validation.alreadyMember']);
    expect(t.dump()).toEqual(before);
    // The database refuses it too, whatever a caller does.
    expect(() =>
      t.sqlite
        .prepare("insert into household_members (household_id, resident_id, relation, from_on, created_at, created_by, updated_at, updated_by) values (?, ?, 'spouse', '2026-11-16', '', 1, '', 1)")
        .run(second.id, ivan),
    ).toThrow(/UNIQUE/);
    // Moved, not added: the way the message gives.
    const ivanMember = h.members.find((m) => m.residentId === ivan)?.id ?? 0;
    expect((await t.value('households.moveMember', { id: h.id, memberId: ivanMember, toHouseholdId: second.id, relation: 'partner' })).size).toBe(2);
  });

  it('refuses a birth year before 1900 or after this year, a named member’s birth year, a day in the future, the same person twice, an unknown or gone resident', async () => {
    const head = await resident('Παπαδόπουλος', 'Γιώργος');
    const wife = await resident('Παπαδοπούλου', 'Μαρία');
    const gone = await resident('Γεωργίου', 'Νίκος');
    await t.value('residents.markLeft', { id: gone, reason: 'deceased', on: '2026-11-10' });
    const before = t.dump();
    // The schema: not before 1900; a registered person's birth year is on their record.
    expect(
      fieldsOf(
        await t.call('households.create', {
          headResidentId: head,
          members: [
            { relation: 'grandparent', birthYear: 1899 },
            { residentId: wife, relation: 'spouse', birthYear: 1980 },
          ],
        }),
      ),
    ).toEqual(['members.0.birthYear:validation.birthYear', 'members.1.birthYear:validation.birthYearOnRecord']);
    // The centre's calendar: not after this year.
    expect(fieldsOf(await t.call('households.create', { headResidentId: head, members: [{ relation: 'child', birthYear: 2027 }] }))).toEqual([
      'members.0.birthYear:validation.birthYear',
    ]);
    expect(fieldsOf(await t.call('households.create', { headResidentId: head, on: '2026-11-17' }))).toEqual(['on:validation.dateInFuture']);
    expect(
      fieldsOf(
        await t.call('households.create', {
          headResidentId: head,
          members: [
            { residentId: wife, relation: 'spouse' },
            { residentId: head, relation: 'child' },
            { residentId: wife, relation: 'sibling' },
          ],
        }),
      ),
    ).toEqual(['members.1.residentId:validation.duplicate', 'members.2.residentId:validation.duplicate']);
    expect(fieldsOf(await t.call('households.create', { headResidentId: 999 }))).toEqual(['headResidentId:validation.unknownResident']);
    expect(fieldsOf(await t.call('households.create', { headResidentId: gone }))).toEqual(['headResidentId:validation.residentGone']);
    expect(t.dump()).toEqual(before);
    // A baby born this year is fine; on New Year's Day the new year is too.
    expect((await t.value('households.create', { headResidentId: head, members: [{ relation: 'child', birthYear: 2026 }] })).size).toBe(2);
    t.clock.set('2027-01-01T09:00:00.000Z');
    expect((await t.value('households.create', { headResidentId: wife, members: [{ relation: 'child', birthYear: 2027 }] })).size).toBe(2);
  });
});

describe('moves and splits keep the history', () => {
  it('a member moves to another household: the row here ends, one there begins on the same day', async () => {
    const { h, ivan, ivanMember } = await familyOfFour();
    const mother = await resident('Коваленко', 'Галина', 1955);
    const other = await t.value('households.create', { headResidentId: mother, address: { settlement: 'Черкаси', street: 'Шевченка', house: '40', flat: '2' }, on: '2026-10-01' });
    t.clock.advance(60_000);
    const there = await t.value('households.moveMember', { id: h.id, memberId: ivanMember, toHouseholdId: other.id, relation: 'child', on: '2026-11-12' });
    expect(there.id).toBe(other.id);
    expect(there.members.map((m) => [m.residentId, m.relation, m.fromOn, m.fromHouseholdId])).toEqual([
      [mother, 'head', '2026-10-01', null],
      [ivan, 'child', '2026-11-12', h.id],
    ]);
    const here = await t.value('households.get', { id: h.id });
    expect(here.size).toBe(3);
    expect(here.past).toEqual([
      expect.objectContaining({ id: ivanMember, residentId: ivan, relation: 'spouse', fromOn: '2026-11-01', toOn: '2026-11-12', endReason: 'moved', toHouseholdId: other.id }),
    ]);
    expect(here.closedOn).toBeNull();
  });

  it('refuses a move before the member joined, to the same, an unknown or a closed household', async () => {
    const { h, younger } = await familyOfFour();
    const single = await t.value('households.create', { headResidentId: await resident('Бондар', 'Петро') });
    const before = t.dump();
    expect(fieldsOf(await t.call('households.moveMember', { id: h.id, memberId: younger, toHouseholdId: single.id, relation: 'grandchild', on: '2026-10-20' }))).toEqual([
      'on:validation.dateOrder',
    ]);
    expect(fieldsOf(await t.call('households.moveMember', { id: h.id, memberId: younger, toHouseholdId: h.id, relation: 'child' }))).toEqual(['toHouseholdId:validation.sameHousehold']);
    expect(fieldsOf(await t.call('households.moveMember', { id: h.id, memberId: younger, toHouseholdId: 999, relation: 'child' }))).toEqual(['toHouseholdId:validation.unknownHousehold']);
    expect(fieldsOf(await t.call('households.moveMember', { id: h.id, memberId: 999, toHouseholdId: single.id, relation: 'child' }))).toEqual(['memberId:validation.notMember']);
    expect(t.dump()).toEqual(before);
    // The single person dies: their household closes; nobody moves into it and it cannot change.
    const closed = await t.value('households.endMembership', { id: single.id, memberId: single.members[0]?.id ?? 0, reason: 'deceased' });
    expect(closed).toMatchObject({ closedOn: '2026-11-16', size: 0, headMemberId: null, past: [expect.objectContaining({ endReason: 'deceased', relation: 'head' })] });
    expect(fieldsOf(await t.call('households.moveMember', { id: h.id, memberId: younger, toHouseholdId: single.id, relation: 'child' }))).toEqual([
      'toHouseholdId:validation.householdClosed',
    ]);
    const add = await t.call('households.addMember', { id: single.id, member: { relation: 'child', birthYear: 2010 } });
    expect(!add.ok && add.error.code).toBe('householdClosed');
  });

  it('the head leaves only with a new head named from those who stay; the new head goes on in a row of their own', async () => {
    const { h, olena, ivan, olenaMember, ivanMember, younger } = await familyOfFour();
    const before = t.dump();
    expect(fieldsOf(await t.call('households.endMembership', { id: h.id, memberId: olenaMember, reason: 'left' }))).toEqual(['newHeadMemberId:validation.headRequired']);
    expect(fieldsOf(await t.call('households.endMembership', { id: h.id, memberId: olenaMember, reason: 'left', newHeadMemberId: younger }))).toEqual([
      'newHeadMemberId:validation.headUnnamed',
    ]);
    expect(fieldsOf(await t.call('households.endMembership', { id: h.id, memberId: olenaMember, reason: 'left', newHeadMemberId: olenaMember }))).toEqual([
      'newHeadMemberId:validation.headNotMember',
    ]);
    expect(fieldsOf(await t.call('households.endMembership', { id: h.id, memberId: younger, reason: 'left', newHeadMemberId: ivanMember }))).toEqual([
      'newHeadMemberId:validation.invalid',
    ]);
    expect(t.dump()).toEqual(before);

    const after = await t.value('households.endMembership', { id: h.id, memberId: olenaMember, reason: 'left', newHeadMemberId: ivanMember });
    expect(after.members.map((m) => [m.residentId, m.relation])).toEqual([
      [ivan, 'head'],
      [null, 'child'],
      [null, 'child'],
    ]);
    expect(after.headMemberId).toBe(after.members[0]?.id);
    expect(after.past.map((m) => [m.residentId, m.relation, m.toOn, m.endReason])).toEqual([
      [ivan, 'spouse', '2026-11-16', 'relationChanged'],
      [olena, 'head', '2026-11-16', 'left'],
    ]);
    expect((await t.value('households.ofResident', { residentId: olena })).current).toBeNull();
    expect((await t.value('households.ofResident', { residentId: ivan })).memberships.map((m) => [m.relation, m.toOn])).toEqual([
      ['head', null],
      ['spouse', '2026-11-16'],
    ]);
  });

  it('a split: some members leave to a new household, the history stays in both', async () => {
    const { h, olena, ivan, ivanMember, older, younger } = await familyOfFour();
    // A head must be a member: of this household, registered by name.
    const before = t.dump();
    expect(fieldsOf(await t.call('households.split', { id: h.id, headMemberId: 999 }))).toEqual(['headMemberId:validation.headNotMember']);
    expect(fieldsOf(await t.call('households.split', { id: h.id, headMemberId: older }))).toEqual(['headMemberId:validation.headUnnamed']);
    expect(fieldsOf(await t.call('households.split', { id: h.id, headMemberId: ivanMember, members: [{ memberId: ivanMember, relation: 'child' }] }))).toEqual([
      'members.0.memberId:validation.duplicate',
    ]);
    expect(t.dump()).toEqual(before);

    t.clock.advance(60_000);
    const split = await t.value('households.split', {
      id: h.id,
      headMemberId: ivanMember,
      members: [{ memberId: older, relation: 'child' }],
      address: { settlement: 'Черкаси', street: 'Гоголя', house: '5', flat: '1' },
      on: '2026-11-14',
    });
    expect(split).toMatchObject({ splitFromId: h.id, formedOn: '2026-11-14', address: 'Черкаси, Гоголя 5-1', size: 2 });
    expect(split.members.map((m) => [m.residentId, m.birthYear, m.relation, m.fromOn, m.fromHouseholdId])).toEqual([
      [ivan, 1982, 'head', '2026-11-14', h.id],
      [null, 2012, 'child', '2026-11-14', h.id],
    ]);
    const stayed = await t.value('households.get', { id: h.id });
    expect(stayed.members.map((m) => m.id)).toEqual([stayed.headMemberId, younger]);
    expect(stayed.members[0]?.residentId).toBe(olena);
    expect(stayed.past.map((m) => [m.id, m.toOn, m.endReason, m.toHouseholdId])).toEqual([
      [older, '2026-11-14', 'split', split.id],
      [ivanMember, '2026-11-14', 'split', split.id],
    ]);
    // Four people then, two and two now: the rows tell each one's story.
    expect(t.sqlite.prepare('select count(*) from household_members').pluck().get()).toBe(6);
  });

  it('the head splits off with the others: a new head stays behind, or the household closes', async () => {
    const { h, olena, olenaMember, ivanMember, older, younger } = await familyOfFour();
    expect(fieldsOf(await t.call('households.split', { id: h.id, headMemberId: olenaMember, members: [{ memberId: older, relation: 'child' }] }))).toEqual([
      'newHeadMemberId:validation.headRequired',
    ]);
    const split = await t.value('households.split', { id: h.id, headMemberId: olenaMember, members: [{ memberId: older, relation: 'child' }], newHeadMemberId: ivanMember });
    expect(split.members.map((m) => [m.residentId, m.relation])).toEqual([
      [olena, 'head'],
      [null, 'child'],
    ]);
    // The address is the new head's own when none is given.
    expect(split.address).toBe('Сылва, Заречная 7');
    const stayed = await t.value('households.get', { id: h.id });
    expect(stayed.members.map((m) => m.relation)).toEqual(['head', 'child']);
    // Everyone who is left goes: the household closes, the new one holds them all.
    const all = await t.value('households.split', { id: h.id, headMemberId: stayed.headMemberId ?? 0, members: [{ memberId: younger, relation: 'child' }] });
    expect(all.size).toBe(2);
    expect((await t.value('households.get', { id: h.id })).closedOn).toBe('2026-11-16');
  });
});

describe('audit and roles', () => {
  it('every change to a household is audited with the fields that changed, never a name', async () => {
    const { h, ivanMember } = await familyOfFour();
    await t.value('households.addMember', { id: h.id, member: { relation: 'grandparent', birthYear: 1950 } });
    const other = await t.value('households.create', { headResidentId: await resident('Бондар', 'Петро') });
    await t.value('households.moveMember', { id: h.id, memberId: ivanMember, toHouseholdId: other.id, relation: 'sibling' });
    const [added] = auditRows('households.addMember');
    expect(added).toMatchObject({ action: 'change', entity_type: 'households', entity_id: String(h.id) });
    expect(added?.details.fields).toEqual(expect.arrayContaining([{ field: 'size', old: 4, new: 5 }, { field: 'members', changed: true }]));
    const [moved] = auditRows('households.moveMember');
    expect(moved).toMatchObject({ action: 'change', entity_type: 'households', entity_id: String(h.id) });
    expect(moved?.details.fields).toEqual(expect.arrayContaining([{ field: 'size', old: 5, new: 4 }, { field: 'past', changed: true }]));
    const log = JSON.stringify(t.sqlite.prepare('select * from audit_log').all());
    for (const name of ['Коваленко', 'Олена', 'Іван', 'Бондар', 'Заречная']) expect(log).not.toContain(name);
  });

  it('the front desk registers households; the treasurer may use none of the calls but the families served (counts for grant reports)', async () => {
    const head = await resident('Ткаченко', 'Ганна');
    const h = await t.value('households.create', { headResidentId: head, members: [{ relation: 'child', birthYear: 2018 }] }, FRONTDESK);
    expect(h.size).toBe(2);
    const valid = validInputs();
    const before = t.dump();
    for (const name of CALL_NAMES.filter((n): n is CallName & `households.${string}` => n.startsWith('households.') && n !== 'households.familiesServed')) {
      const env = await t.raw(name, valid[name], TREASURER);
      expect(!env.ok && env.error.code, name).toBe('forbidden');
    }
    expect(t.dump()).toEqual(before);
  });
});
