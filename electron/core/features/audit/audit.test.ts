/**
 * The audit log: what is appended (changes with their changed fields, views of a resident's record,
 * exports, refusals), that it never holds names, contacts, notes or health text, that triggers
 * refuse UPDATE and DELETE, and that the hash chain finds a changed or removed row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { startCore } from '../../start';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { requestInput, residentInput } from '../../testing/builders';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { appendAudit } from './audit.service';
import { verifyChain, verifyChainSqlite } from './audit.chain';

const NAME = 'Зябликова';
const FIRST = 'Серафима';
const PHONE = '+7 (912) 555-01-02';
const STREET = 'Кооперативная';
const NOTES = 'Живёт одна, плохо слышит, звонить громко';

let t: TestCore;
let id: number;

function rows(): Array<Record<string, unknown>> {
  return t.sqlite.prepare('select * from audit_log order by id').all() as Array<Record<string, unknown>>;
}

function logText(): string {
  return JSON.stringify(rows());
}

async function entries(input: Record<string, unknown> = {}): Promise<AuditEntry[]> {
  return (await t.value('audit.search', input)).items;
}

beforeEach(async () => {
  t = await createTestCore({ now: '2026-03-10T10:00:00.000Z' });
  id = (await t.value('residents.create', residentInput({ lastName: NAME, firstName: FIRST, phones: [PHONE], street: STREET, notes: NOTES }))).id;
});

afterEach(async () => {
  await t.close();
});

describe('what is appended', () => {
  it('a create: who, when, the call and the new entity, no values', async () => {
    const [e] = await entries();
    expect(e).toMatchObject({ userId: 1, role: 'admin', action: 'change', call: 'residents.create', entityType: 'residents', entityId: String(id), residentId: id, outcome: 'ok', at: '2026-03-10T10:00:00.000Z', fields: null });
  });

  it('an update: the changed fields, old → new for plain values, only "changed" for names, phones, addresses, notes', async () => {
    t.clock.set('2026-03-11T08:00:00.000Z');
    await t.value('residents.update', {
      id,
      data: residentInput({ lastName: 'Зябликова-Петрова', firstName: FIRST, phones: ['+7 (912) 555-09-09'], street: STREET, notes: 'Другая заметка', regularCare: true, householdSize: 2 }),
    });
    const [e] = await entries({ call: 'residents.update' });
    const fields = Object.fromEntries((e?.fields ?? []).map((f) => [f.field, f]));
    expect(fields['resident.regularCare']).toEqual({ field: 'resident.regularCare', old: false, new: true });
    expect(fields['resident.lastName']).toEqual({ field: 'resident.lastName', changed: true });
    expect(fields['resident.phones']).toEqual({ field: 'resident.phones', changed: true });
    expect(fields['resident.notes']).toEqual({ field: 'resident.notes', changed: true });
    expect(fields['resident.householdSize']).toEqual({ field: 'resident.householdSize', changed: true });
    expect(fields['resident.street']).toBeUndefined(); // unchanged
    const text = logText();
    for (const secret of ['Зябликова', 'Петрова', '555-09-09', '555-01-02', 'Другая заметка', NOTES, STREET, FIRST]) expect(text).not.toContain(secret);
  });

  it('a view of a resident\'s record, and a request about them, are found by the resident', async () => {
    t.clock.set('2026-03-20T12:00:00.000Z');
    await t.value('residents.get', { id }, { id: 1, role: 'frontdesk' });
    await t.value('requests.create', requestInput({ residentId: id, kindId: 1 }));
    await t.value('residents.search', { q: 'зяб' }); // plain searches are not logged
    const found = await entries({ residentId: id, from: '2026-03-01', to: '2026-03-31' });
    expect(found.map((e) => e.call)).toEqual(['requests.create', 'residents.get', 'residents.create']);
    expect(found[1]).toMatchObject({ action: 'view', role: 'frontdesk', at: '2026-03-20T12:00:00.000Z', entityId: String(id) });
    expect(await entries({ residentId: id, from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
    expect((await entries({ call: 'residents.search' })).length).toBe(0);
    expect(logText()).not.toContain('Привезти дрова');
  });

  it('a refused call is written as denied; a failed call writes nothing', async () => {
    const before = rows().length;
    const refused = await t.call('settings.update', { centreName: 'X', country: 'RU', currency: 'RUB', language: 'ru' }, { id: 1, role: 'treasurer' });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const failed = await t.call('residents.update', { id: 999, data: residentInput() });
    expect(failed.ok).toBe(false);
    const invalid = await t.call('residents.create', { lastName: '' } as never);
    expect(invalid.ok).toBe(false);
    expect(rows().length).toBe(before + 1);
    const [e] = await entries();
    expect(e).toMatchObject({ action: 'denied', outcome: 'denied', call: 'settings.update', role: 'treasurer' });
  });

  it('an entry written inside a transaction rolls back with it', async () => {
    const before = rows().length;
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { at: t.clock.now(), userId: 1, role: 'admin', action: 'signIn', call: 'auth.signIn' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(rows().length).toBe(before);
    await appendAudit(t.deps.db, { at: t.clock.now(), userId: 1, role: 'admin', action: 'signIn', call: 'auth.signIn' });
    expect((await entries({ action: 'signIn' })).length).toBe(1);
    expect((await verifyChain(t.deps.db)).ok).toBe(true);
  });

  it('marking a resident as left: the changed fields come from residents.get before and after', async () => {
    await t.value('residents.markLeft', { id, reason: 'moved', on: '2026-03-10' });
    const [e] = await entries({ call: 'residents.markLeft' });
    expect(e?.fields).toEqual(expect.arrayContaining([{ field: 'resident.leftReason', old: null, new: 'moved' }, { field: 'resident.leftOn', old: null, new: '2026-03-10' }]));
  });

  it('a call declared as writing its own entries (withdrawing a consent) gets exactly its own entry', async () => {
    const [consent] = await t.value('privacy.recordConsent', { residentId: id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-03-01' });
    await t.value('privacy.withdrawConsent', { consentId: consent!.id });
    expect((await entries({ call: 'privacy.withdrawConsent' })).map((e) => [e.action, e.entityType])).toEqual([['withdraw', 'resident_consents']]);
  });

  it('search by user and by call prefix, newest first, paged', async () => {
    for (let i = 0; i < 5; i += 1) await t.value('residents.get', { id }, { id: 1, role: 'coordinator' });
    const first = await t.value('audit.search', { userId: 1, call: 'residents.', limit: 1 });
    const page = await t.value('audit.search', { userId: 1, call: 'residents.', limit: 2, cursor: first.nextCursor ?? undefined });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
    expect(first.items[0]!.id).toBeGreaterThan(page.items[0]!.id);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
    const facets = await t.value('audit.facets', {});
    expect(facets.calls).toEqual(['residents.create', 'residents.get']);
  });

  it('pages with a cursor, newest first by time; several calls of a prefix merged in that order', async () => {
    const r = await t.value('requests.create', requestInput({ residentId: id, kindId: 1 }));
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(60_000);
      await t.value('residents.get', { id });
      t.clock.advance(60_000);
      await t.value('requests.get', { id: r.id });
    }
    const everything = await entries({ limit: 500 });
    expect(everything.map((e) => e.at)).toEqual([...everything.map((e) => e.at)].sort().reverse());
    const pages: number[][] = [];
    let cursor: { at: string; id: number } | undefined;
    do {
      const page: Awaited<ReturnType<typeof t.value<'audit.search'>>> = await t.value('audit.search', { call: 'residents.', limit: 2, ...(cursor ? { cursor } : {}) });
      expect({ total: page.total, capped: page.totalCapped }).toEqual({ total: 5, capped: false });
      pages.push(page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const residentsCalls = everything.filter((e) => e.call.startsWith('residents.')).map((e) => e.id);
    expect(pages).toEqual([residentsCalls.slice(0, 2), residentsCalls.slice(2, 4), residentsCalls.slice(4)]);
    // One user and one call; a call nobody made; an action alone (counted as far as the page).
    expect((await t.value('audit.search', { userId: 1, call: 'residents.get', limit: 3 })).items.map((e) => e.call)).toEqual(['residents.get', 'residents.get', 'residents.get']);
    expect(await t.value('audit.search', { call: 'grants.' })).toEqual({ items: [], total: 0, totalCapped: false, nextCursor: null });
    const views = await t.value('audit.search', { action: 'view', limit: 3 });
    expect({ n: views.items.length, total: views.total, capped: views.totalCapped }).toEqual({ n: 3, total: 3, capped: true });
    expect((await t.value('audit.search', { action: 'view' })).total).toBe(4);
  });
});

describe('append-only and hash-chained', () => {
  it('triggers refuse UPDATE and DELETE', () => {
    expect(() => t.sqlite.prepare("update audit_log set call = 'x'").run()).toThrow(/append-only/);
    expect(() => t.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(rows().length).toBeGreaterThan(0);
  });

  it('verify passes on an intact log and finds a changed row', async () => {
    for (let i = 0; i < 4; i += 1) await t.value('residents.get', { id });
    expect(await t.value('audit.verify', {})).toEqual({ ok: true, count: 5, firstBroken: null, anchor: null });
    t.sqlite.exec('drop trigger audit_log_no_update');
    t.sqlite.prepare("update audit_log set role = 'frontdesk' where id = 3").run();
    expect(await t.value('audit.verify', {})).toEqual({ ok: false, count: 2, firstBroken: { id: 3, reason: 'hash' }, anchor: null });
    expect(verifyChainSqlite(t.sqlite)).toEqual({ ok: false, count: 2, firstBroken: { id: 3, reason: 'hash' }, anchor: null });
  });

  it('finds a removed row, and a row whose hash was recomputed', async () => {
    for (let i = 0; i < 4; i += 1) await t.value('residents.get', { id });
    t.sqlite.exec('drop trigger audit_log_no_delete; drop trigger audit_log_no_update');
    t.sqlite.prepare('delete from audit_log where id = 2').run();
    expect(await t.value('audit.verify', {})).toMatchObject({ ok: false, firstBroken: { id: 3, reason: 'link' } });
  });

  it('only the admin may read or verify the log', async () => {
    for (const role of ['frontdesk', 'coordinator', 'treasurer'] as const) {
      const env = await t.call('audit.search', {}, { id: 1, role });
      expect(!env.ok && env.error.code).toBe('forbidden');
    }
  });
});

describe('exports are logged', () => {
  it('export.full writes an export entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-audit-'));
    const core = await startCore({ dataDir: dir, clock: fixedClock('2026-03-10T10:00:00.000Z') });
    try {
      const env = await core.dispatch('export.full', {}, { actor: { id: 1, role: 'admin' } });
      expect(env.ok).toBe(true);
      const row = core.sqlite.prepare("select * from audit_log where call = 'export.full'").get() as Record<string, unknown>;
      expect(row).toMatchObject({ action: 'export', entity_type: 'export', user_id: 1, outcome: 'ok' });
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
