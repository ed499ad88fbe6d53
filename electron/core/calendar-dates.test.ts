// Fault F1 (measured 2026-12): impossible calendar dates (2024-02-30, 2023-02-29, 2024-13-01) were
// accepted by calls whose schemas checked only the shape. Through the real dispatch: refused with
// 'validation' on the field, nothing changed; and a bad date already stored does not break the
// resident's data or their export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { fixedClock } from './clock';
import { BUILT_IN_ADMIN } from './context';
import { startCore, type StartedCore } from './start';
import { createTestCore, type TestCore } from './testing/test-core';
import { residentInput, settingsInput } from './testing/builders';
import { EXPORT_DIR } from './data-folder';

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

describe('a bad date stored before the fix', () => {
  it("does not break the resident's consents or their data export (shown as stored)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-dates-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const core: StartedCore = await startCore({ dataDir: dir, clock: fixedClock(NOW) });
    cleanup.push(() => core.close());
    const value = async (name: string, input: unknown) => {
      const e = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
      if (!e.ok) throw new Error(`${name}: ${JSON.stringify(e)}`);
      return e.value;
    };
    await value('setup.complete', { ...settingsInput(), demo: false });
    const r = (await value('residents.create', residentInput())) as { id: number };
    await value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic'], givenOn: '2026-11-02' });
    // As an old database may hold it: written by SQL, past the contract.
    core.sqlite.prepare("update resident_consents set given_on = '2024-13-01', withdrawn_on = '2024-02-30' where resident_id = ?").run(r.id);

    // The resident's page loads its record and its consents.
    await value('residents.get', { id: r.id });
    const consents = (await value('privacy.consents', { residentId: r.id })) as Array<{ givenOn: string; withdrawnOn: string | null }>;
    expect(consents.map((c) => [c.givenOn, c.withdrawnOn])).toEqual([['2024-13-01', '2024-02-30']]);

    for (const language of ['en', 'ru'] as const) {
      const result = (await value('privacy.exportPerson', { residentId: r.id, language })) as { id: string };
      const files = unzipSync(readFileSync(path.join(dir, EXPORT_DIR, result.id)));
      const data = JSON.parse(strFromU8(files['person.json'] as Uint8Array)) as { consents: Array<{ givenOn: string; withdrawnOn: string | null }> };
      expect(data.consents).toMatchObject([{ givenOn: '2024-13-01', withdrawnOn: '2024-02-30' }]);
      const html = strFromU8(files['person.html'] as Uint8Array);
      // The raw text, not "1 March 2024" (what `new Date('2024-02-30')` rolls over to).
      expect(html).toContain('<td>2024-13-01</td>');
      expect(html).toContain('<td>2024-02-30</td>');
    }
  });
});
