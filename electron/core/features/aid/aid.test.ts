import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { writeSettings } from '../settings/settings.service';
import { eventInput } from '../events/events.builders';

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

function errorOf(envelope: Envelope<unknown>) {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('expected a refusal');
  return envelope.error;
}
const fieldsOf = (e: Envelope<unknown>) => (errorOf(e).fields ?? []).map((f) => `${f.path}:${f.message}`);

const resident = async (lastName: string, firstName: string, birthYear = 2016) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', birthYear, street: 'Θερμοπυλών', house: '12', flat: '' }))).id;

const stockOf = (itemId: number) => (t.sqlite.prepare('select stock from aid_items where id = ?').get(itemId) as { stock: number }).stock;
const sumOf = (itemId: number) => (t.sqlite.prepare('select coalesce(sum(delta), 0) as s from aid_movements where item_id = ?').get(itemId) as { s: number }).s;

async function shoes(size: string) {
  return (await t.value('aid.addItem', { name: 'Παιδικά παπούτσια', size, unit: 'pair' })).id;
}

describe('aid items and stock', () => {
  it('receives, gives several items in one call, and keeps the stock equal to the history', async () => {
    const s28 = await shoes('28');
    const kit = (await t.value('aid.addItem', { name: 'Hygiene kit', unit: 'kit' })).id;
    await t.value('aid.receive', { itemId: s28, on: '2026-11-02', quantity: 12, fromWhom: 'Δήμος Πειραιά', valueMinor: 18_000 });
    await t.value('aid.receive', { itemId: kit, on: '2026-11-03', quantity: 40, fromWhom: 'Red Cross' });
    const maria = await resident('Παπαδοπούλου', 'Μαρία');
    const change = await t.value(
      'aid.give',
      {
        residentId: maria,
        on: '2026-11-10',
        lines: [
          { itemId: s28, quantity: 2 },
          { itemId: kit, quantity: 1 },
        ],
      },
      FRONTDESK,
    );
    expect(change.movementIds).toHaveLength(2);
    // 12 − 2 = 10 pairs; 40 − 1 = 39 kits.
    expect(change.items.map((i) => [i.id, i.stock])).toEqual([
      [s28, 10],
      [kit, 39],
    ]);
    const items = await t.value('aid.items', {}, TREASURER);
    expect(items.items.map((i) => `${i.name} ${i.size} ${i.stock}`)).toEqual(['Hygiene kit  39', 'Παιδικά παπούτσια 28 10']);
    expect(stockOf(s28)).toBe(sumOf(s28));
  });

  it('refuses giving more than the stock with what is left, unless confirmed; nothing half-saved', async () => {
    const s30 = await shoes('30');
    const kit = (await t.value('aid.addItem', { name: 'Hygiene kit', unit: 'kit' })).id;
    await t.value('aid.receive', { itemId: s30, quantity: 3, fromWhom: '' });
    await t.value('aid.receive', { itemId: kit, quantity: 10, fromWhom: '' });
    const nikos = await resident('Γεωργίου', 'Νίκος');
    const before = t.dump();
    const refused = errorOf(
      await t.call(
        'aid.give',
        {
          residentId: nikos,
          lines: [
            { itemId: kit, quantity: 1 },
            { itemId: s30, quantity: 5 },
          ],
        },
        FRONTDESK,
      ),
    );
    expect(refused.code).toBe('stockShort');
    expect(refused.details).toEqual({ count: 3, item: 'Παιδικά παπούτσια 30' });
    expect(t.dump()).toEqual(before);
    // Confirmed: 3 − 5 = −2, and the kit 10 − 1 = 9.
    const given = await t.value('aid.give', { residentId: nikos, lines: [{ itemId: kit, quantity: 1 }, { itemId: s30, quantity: 5 }], confirmBelowZero: true }, FRONTDESK);
    expect(given.items.map((i) => i.stock)).toEqual([-2, 9]);
    // Already below zero: the next gift is refused again, with 0 left.
    const again = errorOf(await t.call('aid.give', { residentId: nikos, lines: [{ itemId: s30, quantity: 1 }] }, FRONTDESK));
    expect(again.details).toEqual({ count: 0, item: 'Παιδικά παπούτσια 30' });
  });

  it('adjusts with a reason, refuses spoiling more than there is unless confirmed', async () => {
    const food = (await t.value('aid.addItem', { name: 'Food parcel', unit: 'parcel' })).id;
    await t.value('aid.receive', { itemId: food, quantity: 20, fromWhom: 'Food bank' });
    const spoiled = await t.value('aid.adjust', { itemId: food, delta: -4, reason: 'spoiled', note: 'Damp' });
    expect(spoiled.items[0]?.stock).toBe(16);
    const counted = await t.value('aid.adjust', { itemId: food, delta: 2, reason: 'counted' });
    expect(counted.items[0]?.stock).toBe(18);
    expect(errorOf(await t.call('aid.adjust', { itemId: food, delta: -19, reason: 'lost' })).code).toBe('stockShort');
    expect(stockOf(food)).toBe(18);
  });

  it('corrects a movement with a new one that refers to it; the original stays as it was', async () => {
    const s28 = await shoes('28');
    const received = await t.value('aid.receive', { itemId: s28, quantity: 10, fromWhom: '' });
    const maria = await resident('Παπαδοπούλου', 'Μαρία');
    const given = await t.value('aid.give', { residentId: maria, lines: [{ itemId: s28, quantity: 3 }] }, FRONTDESK);
    const givenId = given.movementIds[0] ?? 0;
    // She got 2 pairs, not 3: stock 7 → 8.
    const corrected = await t.value('aid.correct', { movementId: givenId, quantity: 2, note: 'Δύο ζευγάρια' });
    expect(corrected.items[0]?.stock).toBe(8);
    expect(t.sqlite.prepare('select kind, delta, corrects_id, resident_id from aid_movements order by id').all()).toEqual([
      { kind: 'received', delta: 10, corrects_id: null, resident_id: null },
      { kind: 'given', delta: -3, corrects_id: null, resident_id: maria },
      { kind: 'correction', delta: 1, corrects_id: givenId, resident_id: maria },
    ]);
    // Correcting a correction is refused; the same quantity again is refused.
    expect(fieldsOf(await t.call('aid.correct', { movementId: corrected.movementIds[0] ?? 0, quantity: 1, note: 'x' }))).toEqual(['movementId:validation.correctionOfCorrection']);
    expect(fieldsOf(await t.call('aid.correct', { movementId: givenId, quantity: 2, note: 'x' }))).toEqual(['quantity:validation.unchanged']);
    // The receipt was 10, really 1: stock 8 − 9 = −1, so it needs a confirmation.
    expect(errorOf(await t.call('aid.correct', { movementId: received.movementIds[0] ?? 0, quantity: 1, note: 'Miscounted' })).code).toBe('stockShort');
    const page = await t.value('aid.movements', { itemId: s28 });
    expect(page.rows.map((r) => [r.kind, r.delta, r.effective])).toEqual([
      ['correction', 1, 1],
      ['given', -3, -2],
      ['received', 10, 10],
    ]);
    const mine = await t.value('aid.ofResident', { residentId: maria }, FRONTDESK);
    expect(mine.rows.map((r) => [r.itemName, r.size, r.quantity, r.to])).toEqual([['Παιδικά παπούτσια', '28', 2, 'self']]);
  });

  it('refuses unknown items, unknown residents, future days, duplicate lines, fractions', async () => {
    const s28 = await shoes('28');
    expect(fieldsOf(await t.call('aid.give', { residentId: 999, on: '2026-11-17', lines: [{ itemId: 77, quantity: 1 }] }, FRONTDESK)).sort()).toEqual([
      'lines.0.itemId:validation.unknownItem',
      'on:validation.dateInFuture',
      'residentId:validation.unknownResident',
    ]);
    expect(fieldsOf(await t.raw('aid.give', { residentId: 1, lines: [{ itemId: s28, quantity: 1.5 }] }, FRONTDESK))).toEqual(['lines.0.quantity:validation.number']);
    expect(errorOf(await t.raw('aid.give', { residentId: 1, lines: [{ itemId: s28, quantity: 1 }, { itemId: s28, quantity: 2 }] }, FRONTDESK)).code).toBe('validation');
    expect(errorOf(await t.raw('aid.give', { residentId: 1, householdId: 1, lines: [{ itemId: s28, quantity: 1 }] }, FRONTDESK)).code).toBe('validation');
    expect(errorOf(await t.raw('aid.receive', { itemId: s28, on: '2026-02-30', quantity: 1 })).code).toBe('validation');
    expect(fieldsOf(await t.call('aid.addItem', { name: 'Παιδικά παπούτσια', size: '28', unit: 'pair' }))).toEqual(['name:validation.nameTaken']);
  });

  it('roles: the desk gives but does not receive; the treasurer sees values, the desk no history', async () => {
    const s28 = await shoes('28');
    expect(errorOf(await t.call('aid.receive', { itemId: s28, quantity: 5, fromWhom: '' }, FRONTDESK)).code).toBe('forbidden');
    expect(errorOf(await t.call('aid.movements', { itemId: s28 }, FRONTDESK)).code).toBe('forbidden');
    expect(errorOf(await t.call('aid.give', { residentId: 1, lines: [{ itemId: s28, quantity: 1 }] }, TREASURER)).code).toBe('forbidden');
  });
});

describe('a distribution day and a resident’s aid', () => {
  it('lists a day’s distributions per person and household and head counts; a resident sees their household’s aid', async () => {
    await writeSettings(t.deps.db, settingsInput({ currency: 'EUR' }));
    const s28 = await shoes('28');
    const s31 = await shoes('31');
    const water = (await t.value('aid.addItem', { name: 'Νερό', unit: 'bottle' })).id;
    await t.value('aid.receive', { itemId: s28, on: '2026-11-01', quantity: 10, fromWhom: 'Δωρητής', valueMinor: 25_000 });
    await t.value('aid.receive', { itemId: s31, on: '2026-11-01', quantity: 10, fromWhom: '' });
    await t.value('aid.receive', { itemId: water, on: '2026-11-01', quantity: 100, fromWhom: '' });
    const mother = await resident('Παπαδοπούλου', 'Ελένη', 1988);
    const son = await resident('Παπαδόπουλος', 'Γιώργος', 2018);
    const daughter = await resident('Παπαδοπούλου', 'Άννα', 2016);
    const h = await t.value('households.create', {
      headResidentId: mother,
      on: '2026-10-01',
      members: [
        { residentId: son, relation: 'child' },
        { residentId: daughter, relation: 'child' },
      ],
    });
    const day = '2026-11-14';
    await t.value('aid.give', { residentId: son, on: day, lines: [{ itemId: s28, quantity: 1 }] }, FRONTDESK);
    await t.value('aid.give', { residentId: daughter, on: day, lines: [{ itemId: s31, quantity: 1 }] }, FRONTDESK);
    await t.value('aid.give', { householdId: h.id, on: day, lines: [{ itemId: water, quantity: 6 }] }, FRONTDESK);
    const outing = await t.value('events.create', eventInput({ title: 'Δρόμος: Πειραιάς', kind: 'streetWork', startsOn: day }));
    expect(fieldsOf(await t.call('aid.giveAtEvent', { eventId: outing.id + 100, on: day, headCount: 30, lines: [{ itemId: water, quantity: 30 }] }, FRONTDESK))).toEqual(['eventId:validation.unknownEvent']);
    await t.value('aid.giveAtEvent', { eventId: outing.id, on: day, headCount: 30, lines: [{ itemId: water, quantity: 30 }] }, FRONTDESK);
    await t.value('aid.give', { residentId: son, on: '2026-11-15', lines: [{ itemId: water, quantity: 2 }] }, FRONTDESK);

    const list = await t.value('aid.distributionList', { on: day }, FRONTDESK);
    expect(list.people.map((p) => [p.name, p.lines.map((l) => `${l.itemName} ${l.size} ×${l.quantity}`)])).toEqual([
      ['Παπαδόπουλος Γιώργος', ['Παιδικά παπούτσια 28 ×1']],
      ['Παπαδοπούλου Άννα', ['Παιδικά παπούτσια 31 ×1']],
      ['Παπαδοπούλου Ελένη', ['Νερό  ×6']],
    ]);
    expect(list.events).toEqual([{ eventId: outing.id, headCount: 30, lines: [{ itemName: 'Νερό', size: '', unit: 'bottle', quantity: 30 }] }]);

    const ofMother = await t.value('aid.ofResident', { residentId: mother }, FRONTDESK);
    expect(ofMother.rows.map((r) => [r.on, r.itemName, r.size, r.quantity, r.to, r.memberName])).toEqual([
      ['2026-11-15', 'Νερό', '', 2, 'member', 'Παπαδόπουλος Γιώργος'],
      ['2026-11-14', 'Νερό', '', 6, 'household', null],
      ['2026-11-14', 'Παιδικά παπούτσια', '31', 1, 'member', 'Παπαδοπούλου Άννα'],
      ['2026-11-14', 'Παιδικά παπούτσια', '28', 1, 'member', 'Παπαδόπουλος Γιώργος'],
    ]);
    // Stock: water 100 − 6 − 30 − 2 = 62.
    expect(stockOf(water)).toBe(62);

    // The outing's page: 30 bottles for 30 people on the 14th, then 12 socks for 8 the next day,
    // 12 corrected to 10; the household's and the son's water are not the outing's.
    const socks = (await t.value('aid.addItem', { name: 'Κάλτσες', size: '', unit: 'pair' })).id;
    await t.value('aid.receive', { itemId: socks, on: '2026-11-01', quantity: 40, fromWhom: '' });
    await t.value('aid.giveAtEvent', { eventId: outing.id, on: '2026-11-15', headCount: 8, lines: [{ itemId: socks, quantity: 12 }] }, FRONTDESK);
    const sockMovement = (await t.value('aid.movements', { itemId: socks })).rows.find((r) => r.kind === 'given');
    await t.value('aid.correct', { movementId: sockMovement!.id, quantity: 10, note: 'Μετρήθηκε ξανά' });
    const atOuting = await t.value('aid.ofEvent', { eventId: outing.id }, FRONTDESK);
    expect(atOuting.rows.map((r) => [r.on, r.itemName, r.size, r.unit, r.quantity, r.headCount])).toEqual([
      ['2026-11-14', 'Νερό', '', 'bottle', 30, 30],
      ['2026-11-15', 'Κάλτσες', '', 'pair', 10, 8],
    ]);
    expect((await t.call('aid.ofEvent', { eventId: outing.id + 100 }, FRONTDESK)).ok).toBe(false);
    // Socks: 40 − 10 = 30.
    expect(stockOf(socks)).toBe(30);

    // The value reaches the treasurer, never the desk (no history for the desk at all).
    const history = await t.value('aid.movements', { itemId: s28 }, TREASURER);
    expect(history.rows.find((r) => r.kind === 'received')).toMatchObject({ valueMinor: 25_000, currency: 'EUR', fromWhom: 'Δωρητής' });
  });

  it('pages an item’s history by cursor', async () => {
    const s28 = await shoes('28');
    for (let d = 1; d <= 5; d++) await t.value('aid.receive', { itemId: s28, on: `2026-11-0${d}`, quantity: d, fromWhom: '' });
    const first = await t.value('aid.movements', { itemId: s28, limit: 2 });
    expect(first.rows.map((r) => r.on)).toEqual(['2026-11-05', '2026-11-04']);
    expect(first.total).toBe(5);
    const second = await t.value('aid.movements', { itemId: s28, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.rows.map((r) => r.on)).toEqual(['2026-11-03', '2026-11-02']);
    const third = await t.value('aid.movements', { itemId: s28, limit: 2, cursor: second.nextCursor ?? undefined });
    expect(third.rows.map((r) => r.delta)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
  });
});

describe('stock arithmetic (property)', () => {
  it('stock = received − given ± adjustments and corrections, never negative unless confirmed', async () => {
    const a = await shoes('28');
    const b = (await t.value('aid.addItem', { name: 'Blanket', unit: 'piece' })).id;
    const maria = await resident('Παπαδοπούλου', 'Μαρία');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('receive' as const), item: fc.constantFrom(a, b), q: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant('give' as const), item: fc.constantFrom(a, b), q: fc.integer({ min: 1, max: 20 }), confirm: fc.boolean() }),
      fc.record({ kind: fc.constant('adjust' as const), item: fc.constantFrom(a, b), q: fc.integer({ min: -10, max: 10 }).filter((n) => n !== 0), confirm: fc.boolean() }),
      fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), q: fc.integer({ min: 0, max: 20 }), confirm: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        t.sqlite.exec('delete from aid_movements; update aid_items set stock = 0;');
        // The model: each movement's effect, by id, and its item.
        const model = new Map<number, { item: number; effect: number; sign: number }>();
        const stock = () => {
          const s = new Map<number, number>([
            [a, 0],
            [b, 0],
          ]);
          for (const m of model.values()) s.set(m.item, (s.get(m.item) ?? 0) + m.effect);
          return s;
        };
        for (const o of ops) {
          const before = stock();
          if (o.kind === 'receive') {
            const r = await t.value('aid.receive', { itemId: o.item, quantity: o.q, fromWhom: '' });
            model.set(r.movementIds[0] ?? 0, { item: o.item, effect: o.q, sign: 1 });
          } else if (o.kind === 'give' || o.kind === 'adjust') {
            const delta = o.kind === 'give' ? -o.q : o.q;
            const env =
              o.kind === 'give'
                ? await t.call('aid.give', { residentId: maria, lines: [{ itemId: o.item, quantity: o.q }], confirmBelowZero: o.confirm }, FRONTDESK)
                : await t.call('aid.adjust', { itemId: o.item, delta, reason: 'counted', confirmBelowZero: o.confirm });
            const short = delta < 0 && (before.get(o.item) ?? 0) + delta < 0;
            expect(env.ok).toBe(!short || o.confirm);
            if (!env.ok) expect(env.error).toMatchObject({ code: 'stockShort', details: { count: Math.max(0, before.get(o.item) ?? 0) } });
            else model.set(env.value.movementIds[0] ?? 0, { item: o.item, effect: delta, sign: delta < 0 ? -1 : 1 });
          } else {
            const ids = [...model.keys()];
            if (ids.length === 0) continue;
            const id = ids[o.pick % ids.length] ?? 0;
            const m = model.get(id);
            if (!m) continue;
            const delta = m.sign * o.q - m.effect;
            const env = await t.call('aid.correct', { movementId: id, quantity: o.q, note: 'fix', confirmBelowZero: o.confirm });
            if (delta === 0) {
              expect(env.ok).toBe(false);
              continue;
            }
            const short = delta < 0 && (before.get(m.item) ?? 0) + delta < 0;
            expect(env.ok).toBe(!short || o.confirm);
            if (env.ok) m.effect = m.sign * o.q;
          }
          const now = stock();
          for (const item of [a, b]) {
            expect(stockOf(item)).toBe(now.get(item));
            expect(sumOf(item)).toBe(now.get(item));
          }
        }
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});

describe('export and erasure', () => {
  it('a person’s distributions are in their export; erasure keeps the movement without the link', async () => {
    const s28 = await shoes('28');
    await t.value('aid.receive', { itemId: s28, on: '2026-11-01', quantity: 5, fromWhom: '' });
    const { personHtml, collectPersonData } = await import('../privacy/person-export');
    const { DEFAULT_RETENTION } = await import('../../../../shared/domain/privacy');
    const maria = await resident('Παπαδοπούλου', 'Μαρία');
    await t.value('aid.give', { residentId: maria, on: '2026-11-10', lines: [{ itemId: s28, quantity: 2 }], note: 'Για το σχολείο' }, FRONTDESK);
    const data = await collectPersonData(t.deps.db, maria, { language: 'el', createdAt: NOW, centreName: null, retention: DEFAULT_RETENTION });
    expect(data.aid).toEqual([{ on: '2026-11-10', item: 'Παιδικά παπούτσια', size: '28', unit: 'pair', quantity: 2 }]);
    expect(personHtml(data, 'el')).toContain('2 ζευγάρια');

    const erased = await t.value('privacy.erasePerson', { residentId: maria, confirmName: 'Παπαδοπούλου Μαρία' });
    expect(erased.blanked.aid_movements).toBe(1);
    expect(t.sqlite.prepare("select kind, delta, on_date, resident_id, note from aid_movements where kind = 'given'").all()).toEqual([
      { kind: 'given', delta: -2, on_date: '2026-11-10', resident_id: null, note: '' },
    ]);
    expect(stockOf(s28)).toBe(3);
  });
});
