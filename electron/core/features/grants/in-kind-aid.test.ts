// The treasurer takes aid received with a value into the in-kind ledger (issue 12): once per
// receipt, with the receipt's donor, date and value; the front desk and coordinators are refused;
// a later correction of the receipt shows on the ledger row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { settingsInput } from '../../testing/builders';

const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: NOW });
  await t.value('setup.complete', { ...settingsInput({ currency: 'PLN' }), demo: false });
});
afterEach(async () => {
  await t.close();
});

const codeOf = (e: Envelope<unknown>) => (e.ok ? null : e.error.code);

async function receipts() {
  const shoes = (await t.value('aid.addItem', { name: 'Buty dziecięce', size: '28', unit: 'pair' })).id;
  const water = (await t.value('aid.addItem', { name: 'Woda', unit: 'bottle' })).id;
  const valued = (await t.value('aid.receive', { itemId: shoes, on: '2026-10-05', quantity: 40, fromWhom: 'Fundacja „Dzieciom”', valueMinor: 240_000 })).movementIds[0]!;
  const later = (await t.value('aid.receive', { itemId: water, on: '2026-11-02', quantity: 96, fromWhom: 'Sklep „Lewiatan”', valueMinor: 19_200 })).movementIds[0]!;
  // No value: never offered to the treasurer.
  await t.value('aid.receive', { itemId: water, on: '2026-11-03', quantity: 24, fromWhom: 'Parafia' });
  return { shoes, water, valued, later };
}

describe('aid received with a value, taken into the in-kind ledger', () => {
  it('lists receipts with a value not yet taken in, newest first', async () => {
    const { valued, later } = await receipts();
    const list = await t.value('inKind.aidToTakeIn', {}, TREASURER);
    expect(list.total).toBe(2);
    expect(list.receipts.map((r) => [r.movementId, r.on, r.itemName, r.size, r.quantity, r.valueMinor, r.currency, r.fromWhom])).toEqual([
      [later, '2026-11-02', 'Woda', '', 96, 19_200, 'PLN', 'Sklep „Lewiatan”'],
      [valued, '2026-10-05', 'Buty dziecięce', '28', 40, 240_000, 'PLN', 'Fundacja „Dzieciom”'],
    ]);
  });

  it('takes one in once as donated goods with its donor, date, value, item and quantity, and the grant', async () => {
    const { valued, later } = await receipts();
    const grant = await t.value('grants.create', {
      grant: { funder: 'FIO', title: 'Wsparcie rodzin', startsOn: '2026-01-01', endsOn: '2026-12-31', currency: 'PLN', amountMinor: 5_000_000 },
      lines: [],
    });
    const row = await t.value('inKind.takeInAid', { movementId: valued, grantId: grant.id, description: 'Buty dziecięce 28: 40 par' }, TREASURER);
    expect(row).toMatchObject({
      date: '2026-10-05',
      monthKey: '2026-10',
      kind: 'goods',
      donor: 'Fundacja „Dzieciom”',
      description: 'Buty dziecięce 28: 40 par',
      valueMinor: 240_000,
      currency: 'PLN',
      grantId: grant.id,
      grantTitle: 'Wsparcie rodzin',
      generated: false,
      aidMovementId: valued,
      aidCorrected: false,
    });
    // Without a text from the screen the core writes the item and the quantity.
    const other = await t.value('inKind.takeInAid', { movementId: later }, TREASURER);
    expect(other.description).toBe('Woda × 96');
    expect(other.grantId).toBeNull();

    // Twice: refused, nothing changed.
    const before = t.dump();
    expect(codeOf(await t.call('inKind.takeInAid', { movementId: valued }, TREASURER))).toBe('alreadyTakenIn');
    expect(t.dump()).toEqual(before);
    // The unique index holds even if the service's check were skipped.
    expect(() =>
      t.sqlite
        .prepare(`insert into in_kind (entry_date, month_key, kind, value_minor, currency, aid_movement_id, created_at, created_by) values ('2026-10-05', '2026-10', 'goods', 1, 'PLN', ?, ?, 1)`)
        .run(valued, NOW),
    ).toThrow(/UNIQUE/);

    expect((await t.value('inKind.aidToTakeIn', {}, TREASURER)).total).toBe(0);
    // Goods of October: 2,400.00; of November: 192.00.
    const report = await t.value('inKind.report', { fromMonth: '2026-10', toMonth: '2026-11' }, TREASURER);
    expect(report.months.map((m) => [m.month, m.goodsMinor])).toEqual([
      ['2026-10', 240_000],
      ['2026-11', 19_200],
    ]);
  });

  it('shows on the ledger row that the receipt was corrected after it was taken in', async () => {
    const { valued } = await receipts();
    await t.value('inKind.takeInAid', { movementId: valued }, TREASURER);
    await t.value('aid.correct', { movementId: valued, quantity: 36, note: 'Przeliczono: 36 par' });
    const [row] = await t.value('inKind.list', { fromMonth: '2026-10', toMonth: '2026-10' }, TREASURER);
    expect(row).toMatchObject({ aidMovementId: valued, aidCorrected: true, valueMinor: 240_000 });
  });

  it('shows the corrected quantity of a receipt not yet taken in, and removing the row offers it again', async () => {
    const { valued } = await receipts();
    await t.value('aid.correct', { movementId: valued, quantity: 36, note: 'Przeliczono' });
    const r = (await t.value('inKind.aidToTakeIn', {}, TREASURER)).receipts.find((x) => x.movementId === valued)!;
    expect([r.quantity, r.effective, r.corrected]).toEqual([40, 36, true]);
    const row = await t.value('inKind.takeInAid', { movementId: valued }, TREASURER);
    expect((await t.value('inKind.aidToTakeIn', {}, TREASURER)).total).toBe(1);
    await t.value('inKind.remove', { id: row.id }, TREASURER);
    expect((await t.value('inKind.aidToTakeIn', {}, TREASURER)).total).toBe(2);
  });

  it('refuses the front desk and coordinators, a receipt without a value and a movement that is not a receipt', async () => {
    const { valued, water } = await receipts();
    const before = t.dump();
    for (const actor of [FRONTDESK, COORDINATOR]) {
      expect(codeOf(await t.call('inKind.takeInAid', { movementId: valued }, actor))).toBe('forbidden');
      expect(codeOf(await t.call('inKind.aidToTakeIn', {}, actor))).toBe('forbidden');
    }
    expect(t.dump()).toEqual(before);
    const noValue = (t.sqlite.prepare(`select id from aid_movements where value_minor is null and kind = 'received'`).get() as { id: number }).id;
    const refused = await t.call('inKind.takeInAid', { movementId: noValue }, TREASURER);
    expect(codeOf(refused)).toBe('validation');
    const spoiled = (await t.value('aid.adjust', { itemId: water, delta: -2, reason: 'spoiled' })).movementIds[0]!;
    const afterAdjust = t.dump();
    expect(codeOf(await t.call('inKind.takeInAid', { movementId: spoiled }, TREASURER))).toBe('notFound');
    expect(t.dump()).toEqual(afterAdjust);
    expect(codeOf(await t.call('inKind.takeInAid', { movementId: 999 }, TREASURER))).toBe('notFound');
  });
});
