// Fault F1 (measured 2026-12): impossible calendar dates (2024-02-30, 2023-02-29, 2024-13-01) were
// accepted by calls whose schemas checked only the shape. Through the real dispatch: refused with
// 'validation' on the field, nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { createTestCore, type TestCore } from './testing/test-core';
import { residentInput, settingsInput } from './testing/builders';

const NOW = '2026-11-16T09:30:00.000Z';
const IMPOSSIBLE = ['2024-13-01', '2024-02-30', '2023-02-29', '2024-00-10', '2024-04-31'];

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function testCore(): Promise<TestCore> {
  const t = await createTestCore({ now: NOW });
  cleanup.push(() => t.close());
  return t;
}

function fields(e: Envelope<unknown>): string[] {
  return e.ok ? [] : (e.error.fields ?? []).map((f) => `${f.path}:${f.message}`);
}
function code(e: Envelope<unknown>): string | null {
  return e.ok ? null : e.error.code;
}

describe('impossible dates are refused by the contract', () => {
  it('privacy.recordConsent and privacy.withdrawConsent: validation on the date field, nothing changed', async () => {
    const t = await testCore();
    const r = await t.value('residents.create', residentInput());
    const before = t.dump();
    for (const givenOn of IMPOSSIBLE) {
      const e = await t.call('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic'], givenOn });
      expect(code(e), givenOn).toBe('validation');
      expect(fields(e), givenOn).toEqual(['givenOn:validation.date']);
    }
    expect(t.dump()).toEqual(before);

    // A real day (a leap day) is recorded, so the refusals above are about the date alone.
    const [consent] = await t.value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic'], givenOn: '2024-02-29' });
    const recorded = t.dump();
    const withdrawn = await t.call('privacy.withdrawConsent', { consentId: consent?.id ?? -1, withdrawnOn: '2026-02-29' });
    expect(fields(withdrawn)).toEqual(['withdrawnOn:validation.date']);
    expect(t.dump()).toEqual(recorded);
  });

  it('till.cashUp: validation on the day, no cash-up written', async () => {
    const t = await testCore();
    await t.value('setup.complete', { ...settingsInput(), demo: false });
    await t.deps.db.updateTable('cash_accounts').set({ archived_at: NOW }).execute();
    await t.deps.db
      .insertInto('cash_accounts')
      .values({ name: 'Касса', kind: 'cash', currency: 'RUB', opening_balance_minor: 10_000, opening_date: '2026-01-01', archived_at: null, created_at: NOW, created_by: 1 })
      .execute();
    const before = t.dump();
    for (const day of [...IMPOSSIBLE, '2026-02-29', '2026-11-31']) {
      const e = await t.call('till.cashUp', { day, countedMinor: 10_000, note: '' });
      expect(fields(e), day).toEqual(['day:validation.date']);
    }
    expect(code(await t.call('till.day', { day: '2026-02-30' }))).toBe('validation');
    expect(t.dump()).toEqual(before);
    // The same cash-up on a real day is written.
    await t.value('till.cashUp', { day: '2026-02-28', countedMinor: 10_000, note: '' });
    expect(t.sqlite.prepare('select day from cash_ups').pluck().all()).toEqual(['2026-02-28']);
  });

  it('audit.search and requests.list: validation on from and to', async () => {
    const t = await testCore();
    expect(fields(await t.call('audit.search', { from: '2024-02-30' }))).toEqual(['from:validation.date']);
    expect(fields(await t.call('audit.search', { from: '2024-02-01', to: '2024-13-01' }))).toEqual(['to:validation.date']);
    expect(code(await t.call('audit.search', { from: '2024-02-29', to: '2024-03-31' }))).toBeNull();
    expect(fields(await t.call('requests.list', { from: '2023-02-29' }))).toEqual(['from:validation.date']);
    expect(code(await t.call('requests.list', { from: '2024-02-29' }))).toBeNull();
  });
});
