import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { kindInput, requestInput, residentInput } from '../../testing/builders';
import { BUILT_IN_KINDS, type ServiceKind } from '../../../../shared/domain/catalogue';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  await t.close();
});

async function builtIn(code: string): Promise<ServiceKind> {
  const kind = (await t.value('catalogue.list', { includeArchived: true })).find((k) => k.code === code);
  if (!kind) throw new Error(`no built-in kind ${code}`);
  return kind;
}

function codeOf(envelope: { ok: boolean; error?: { code: string } }): string | undefined {
  return envelope.ok ? undefined : envelope.error?.code;
}

describe('built-in kinds', () => {
  it('are all present, in catalogue order, with their free/paid and volunteer/desk settings', async () => {
    const kinds = await t.value('catalogue.list', {});
    expect(kinds).toHaveLength(BUILT_IN_KINDS.length);
    expect(kinds.map((k) => ({ code: k.code, isPaid: k.isPaid, mode: k.mode }))).toEqual(
      BUILT_IN_KINDS.map((k) => ({ code: k.code, isPaid: k.isPaid, mode: k.mode })),
    );
    for (const k of kinds) expect(k).toMatchObject({ name: null, archived: false, inUse: false });
  });

  it('include free volunteer tasks and paid desk services', async () => {
    expect(await builtIn('firewood')).toMatchObject({ isPaid: false, mode: 'volunteer' });
    expect(await builtIn('printing')).toMatchObject({ isPaid: true, mode: 'desk' });
    expect(await builtIn('legalConsultation')).toMatchObject({ isPaid: false, mode: 'desk' });
  });

  it('are added once: starting the core again on the same data adds no duplicates', async () => {
    const { ensureBuiltInKinds } = await import('./catalogue.service');
    await ensureBuiltInKinds(t.deps.db, '2026-11-16T00:00:00.000Z');
    expect(t.sqlite.prepare('select count(*) from service_kinds').pluck().get()).toBe(BUILT_IN_KINDS.length);
  });

  it('can change free/paid and mode', async () => {
    const printing = await builtIn('printing');
    const changed = await t.value('catalogue.update', { id: printing.id, isPaid: false, mode: 'volunteer' });
    expect(changed).toMatchObject({ id: printing.id, code: 'printing', name: null, isPaid: false, mode: 'volunteer' });
  });

  it('cannot be renamed (builtInKind) and stay unchanged', async () => {
    const printing = await builtIn('printing');
    const before = t.dump();
    const env = await t.call('catalogue.update', { id: printing.id, name: 'Печать', isPaid: false, mode: 'volunteer' });
    expect(codeOf(env)).toBe('builtInKind');
    expect(t.dump()).toEqual(before);
  });

  it('cannot be deleted (builtInKind), even when unused', async () => {
    const printing = await builtIn('printing');
    const before = t.dump();
    expect(codeOf(await t.call('catalogue.delete', { id: printing.id }))).toBe('builtInKind');
    expect(t.dump()).toEqual(before);
  });
});

describe("a centre's own kinds", () => {
  it('are created with their name and listed after the built-in ones', async () => {
    const own = await t.value('catalogue.create', kindInput({ name: '  Ремонт велосипедов ', isPaid: true, mode: 'desk' }));
    expect(own).toEqual({ id: expect.any(Number), code: null, name: 'Ремонт велосипедов', isPaid: true, mode: 'desk', archived: false, inUse: false });
    const kinds = await t.value('catalogue.list', {});
    expect(kinds).toHaveLength(BUILT_IN_KINDS.length + 1);
    expect(kinds.at(-1)).toEqual(own);
  });

  it('default to free desk services', async () => {
    expect(await t.value('catalogue.create', { name: 'Чай' })).toMatchObject({ isPaid: false, mode: 'desk' });
  });

  it('need a name', async () => {
    const env = await t.raw('catalogue.create', { name: '   ' });
    expect(env).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'name', message: 'validation.required' }] } });
    const long = await t.raw('catalogue.create', { name: 'x'.repeat(101) });
    expect(long).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'name', message: 'validation.tooLong' }] } });
  });

  it('can be renamed', async () => {
    const own = await t.value('catalogue.create', kindInput());
    const renamed = await t.value('catalogue.update', { id: own.id, name: 'Велосипеды', isPaid: true, mode: 'desk' });
    expect(renamed).toMatchObject({ id: own.id, code: null, name: 'Велосипеды', isPaid: true, mode: 'desk' });
    const kept = await t.value('catalogue.update', { id: own.id, isPaid: false, mode: 'desk' });
    expect(kept.name).toBe('Велосипеды');
  });

  it('can be deleted when no request uses them', async () => {
    const own = await t.value('catalogue.create', kindInput());
    expect(await t.call('catalogue.delete', { id: own.id })).toEqual({ ok: true, value: null });
    expect((await t.value('catalogue.list', { includeArchived: true })).map((k) => k.id)).not.toContain(own.id);
    expect(codeOf(await t.call('catalogue.delete', { id: own.id }))).toBe('notFound');
  });
});

describe('kinds in use', () => {
  it('are flagged inUse, cannot be deleted (kindInUse) but can be archived and brought back', async () => {
    const own = await t.value('catalogue.create', kindInput());
    const resident = await t.value('residents.create', residentInput());
    await t.value('requests.create', requestInput({ residentId: resident.id, kindId: own.id }));

    const listed = (await t.value('catalogue.list', {})).find((k) => k.id === own.id);
    expect(listed?.inUse).toBe(true);
    expect((await builtIn('firewood')).inUse).toBe(false);

    const before = t.dump();
    expect(codeOf(await t.call('catalogue.delete', { id: own.id }))).toBe('kindInUse');
    expect(t.dump()).toEqual(before);

    const archived = await t.value('catalogue.setArchived', { id: own.id, archived: true });
    expect(archived).toMatchObject({ archived: true, inUse: true });
    const restored = await t.value('catalogue.setArchived', { id: own.id, archived: false });
    expect(restored).toMatchObject({ archived: false });
  });
});

describe('archived kinds', () => {
  it('are hidden by default and listed with includeArchived', async () => {
    const firewood = await builtIn('firewood');
    await t.value('catalogue.setArchived', { id: firewood.id, archived: true });
    const visible = await t.value('catalogue.list', {});
    expect(visible.map((k) => k.id)).not.toContain(firewood.id);
    expect(visible).toHaveLength(BUILT_IN_KINDS.length - 1);
    const all = await t.value('catalogue.list', { includeArchived: true });
    expect(all).toHaveLength(BUILT_IN_KINDS.length);
    expect(all.find((k) => k.id === firewood.id)).toMatchObject({ archived: true });
    expect((await t.value('app.counts', {})).kinds).toBe(BUILT_IN_KINDS.length - 1);
  });

  it('record when they were archived', async () => {
    const firewood = await builtIn('firewood');
    await t.value('catalogue.setArchived', { id: firewood.id, archived: true });
    expect(t.sqlite.prepare('select archived_at from service_kinds where id = ?').pluck().get(firewood.id)).toBe(t.clock.now().toISOString());
  });

  it('answer notFound for an unknown id', async () => {
    expect(codeOf(await t.call('catalogue.setArchived', { id: 999, archived: true }))).toBe('notFound');
    expect(codeOf(await t.call('catalogue.update', { id: 999, isPaid: true, mode: 'desk' }))).toBe('notFound');
  });
});
