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
