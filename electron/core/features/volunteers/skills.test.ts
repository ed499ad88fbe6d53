import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import type { Envelope } from '../../../../shared/api/errors';
import { BUILT_IN_KINDS } from '../../../../shared/domain/catalogue';
import { BUILT_IN_SKILLS, KIND_SKILL_DEFAULTS } from '../../../../shared/domain/volunteers';
import { volunteerInput } from './volunteers.builders';
import { ensureBuiltInSkills } from './skills';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore();
  await ensureBuiltInSkills(t.deps.db, t.clock.now().toISOString());
});
afterEach(async () => {
  await t.close();
});

function codeOf(envelope: Envelope<unknown>): string {
  expect(envelope.ok).toBe(false);
  return envelope.ok ? '' : envelope.error.code;
}

async function skillId(code: string): Promise<number> {
  const skill = (await t.value('skills.list', { includeArchived: true })).find((s) => s.code === code);
  if (!skill) throw new Error(`no skill ${code}`);
  return skill.id;
}

async function kindId(code: string): Promise<number> {
  const kind = (await t.value('catalogue.list', { includeArchived: true })).find((k) => k.code === code);
  if (!kind) throw new Error(`no kind ${code}`);
  return kind.id;
}

async function kindSkillCodes(kindCode: string): Promise<string[]> {
  const ids = await t.value('kinds.skills', { kindId: await kindId(kindCode) });
  const skills = await t.value('skills.list', { includeArchived: true });
  return ids.map((id) => skills.find((s) => s.id === id)?.code ?? skills.find((s) => s.id === id)?.name ?? '?');
}

describe('built-in skills', () => {
  it('are all there, in their order, untranslated (a code, no name)', async () => {
    const skills = await t.value('skills.list', {});
    expect(skills.map((s) => s.code)).toEqual([...BUILT_IN_SKILLS]);
    expect(skills.every((s) => s.name === null && !s.archived && !s.inUse)).toBe(true);
  });

  it('come with the skills each built-in kind needs', async () => {
    expect(await kindSkillCodes('firewood')).toEqual(['carriesFirewood']);
    expect(await kindSkillCodes('transportDoctor')).toEqual(['hasCar', 'drivesToDoctor']);
    expect(await kindSkillCodes('snowClearing')).toEqual(['hasSnowTools']);
    expect(await kindSkillCodes('medicinePurchase')).toEqual(['buysMedicines']);
    expect(await kindSkillCodes('householdRepairs')).toEqual(['smallRepairs']);
    expect(await kindSkillCodes('groceries')).toEqual([]);
    expect(await kindSkillCodes('printing')).toEqual([]);
  });

  it('KIND_SKILL_DEFAULTS names every built-in kind and only built-in skills', () => {
    expect(Object.keys(KIND_SKILL_DEFAULTS).sort()).toEqual(BUILT_IN_KINDS.map((k) => k.code).sort());
    for (const codes of Object.values(KIND_SKILL_DEFAULTS)) for (const c of codes) expect(BUILT_IN_SKILLS).toContain(c);
  });

  it('ensureBuiltInSkills is idempotent and does not bring back links a coordinator removed', async () => {
    const firewood = await kindId('firewood');
    await t.value('kinds.setSkills', { kindId: firewood, skillIds: [] });
    const before = t.dump();
    await ensureBuiltInSkills(t.deps.db, '2026-12-01T08:00:00.000Z');
    expect(t.dump()).toEqual(before);
    expect(await kindSkillCodes('firewood')).toEqual([]);
  });

  it('adds a missing built-in skill with its kind links, leaving the others alone', async () => {
    const firewood = await kindId('firewood');
    const waterCarrying = await kindId('waterCarrying');
    const hasCar = await skillId('hasCar');
    // As if a newer version had introduced carriesFirewood after the coordinator edited firewood.
    t.sqlite.prepare("delete from skills where code = 'carriesFirewood'").run();
    await t.value('kinds.setSkills', { kindId: firewood, skillIds: [hasCar] });
    await ensureBuiltInSkills(t.deps.db, '2026-12-01T08:00:00.000Z');
    expect(await kindSkillCodes('firewood')).toEqual(['carriesFirewood', 'hasCar']);
    expect(await t.value('kinds.skills', { kindId: waterCarrying })).toEqual([await skillId('carriesFirewood')]);
    expect((await t.value('skills.list', {})).map((s) => s.code)).toEqual([...BUILT_IN_SKILLS]);
  });

  it('links a built-in kind that appears in the same start', async () => {
    const firewood = await kindId('firewood');
    await t.deps.db.deleteFrom('kind_skills').execute();
    const at = '2026-12-01T08:00:00.000Z';
    await t.deps.db.updateTable('service_kinds').set({ created_at: at }).where('id', '=', firewood).execute();
    await ensureBuiltInSkills(t.deps.db, at);
    expect(await kindSkillCodes('firewood')).toEqual(['carriesFirewood']);
    expect(await kindSkillCodes('snowClearing')).toEqual([]);
  });

  it('keep their translated name: renaming one is refused, archiving is allowed', async () => {
    const car = await skillId('hasCar');
    expect(codeOf(await t.call('skills.update', { id: car, name: 'Машина' }))).toBe('builtInKind');
    const archived = await t.value('skills.setArchived', { id: car, archived: true });
    expect(archived).toMatchObject({ id: car, code: 'hasCar', name: null, archived: true });
    expect((await t.value('skills.list', {})).map((s) => s.code)).not.toContain('hasCar');
    expect((await t.value('skills.list', { includeArchived: true })).map((s) => s.code)).toContain('hasCar');
    expect((await t.value('skills.setArchived', { id: car, archived: false })).archived).toBe(false);
  });
});

describe("a centre's own skills", () => {
  it('are created, renamed and archived; listed after the built-in ones, by name', async () => {
    const saw = await t.value('skills.create', { name: '  Пилит дрова ' }, { id: 1, role: 'coordinator' });
    expect(saw).toEqual({ id: saw.id, code: null, name: 'Пилит дрова', archived: false, inUse: false });
    const bake = await t.value('skills.create', { name: 'Алиса печёт хлеб' });
    expect((await t.value('skills.list', {})).map((s) => s.code ?? s.name)).toEqual([...BUILT_IN_SKILLS, 'Алиса печёт хлеб', 'Пилит дрова']);

    const renamed = await t.value('skills.update', { id: saw.id, name: 'Колет дрова' });
    expect(renamed.name).toBe('Колет дрова');
    t.clock.set('2026-11-20T10:00:00.000Z');
    await t.value('skills.setArchived', { id: bake.id, archived: true });
    expect(t.sqlite.prepare('select archived_at from skills where id = ?').get(bake.id)).toEqual({ archived_at: '2026-11-20T10:00:00.000Z' });
    // Archiving again keeps the date.
    t.clock.set('2026-11-21T10:00:00.000Z');
    await t.value('skills.setArchived', { id: bake.id, archived: true });
    expect(t.sqlite.prepare('select archived_at from skills where id = ?').get(bake.id)).toEqual({ archived_at: '2026-11-20T10:00:00.000Z' });
    expect((await t.value('skills.list', {})).map((s) => s.name).filter(Boolean)).toEqual(['Колет дрова']);
  });

  it('refuses an empty, too long or repeated name', async () => {
    const envEmpty = await t.call('skills.create', { name: '   ' });
    expect(!envEmpty.ok && envEmpty.error.fields).toEqual([{ path: 'name', message: 'validation.required' }]);
    const envLong = await t.call('skills.create', { name: 'x'.repeat(101) });
    expect(!envLong.ok && envLong.error.fields).toEqual([{ path: 'name', message: 'validation.tooLong' }]);
    const first = await t.value('skills.create', { name: 'Знает язык жестов' });
    const dup = await t.call('skills.create', { name: 'ЗНАЕТ ЯЗЫК ЖЕСТОВ' });
    expect(!dup.ok && dup.error.fields).toEqual([{ path: 'name', message: 'validation.invalid' }]);
    const other = await t.value('skills.create', { name: 'Шьёт' });
    expect(codeOf(await t.call('skills.update', { id: other.id, name: 'знает язык жестов' }))).toBe('validation');
    // Renaming to its own name (another case) is fine.
    expect((await t.value('skills.update', { id: first.id, name: 'знает язык жестов' })).name).toBe('знает язык жестов');
  });

  it('answers notFound for an unknown skill', async () => {
    expect(codeOf(await t.call('skills.update', { id: 999, name: 'x' }))).toBe('notFound');
    expect(codeOf(await t.call('skills.setArchived', { id: 999, archived: true }))).toBe('notFound');
  });

  it('are in use while a volunteer has them', async () => {
    const own = await t.value('skills.create', { name: 'Шьёт' });
    const v = await t.value('volunteers.create', volunteerInput({ skillIds: [own.id] }));
    expect(v.skills).toEqual([{ id: own.id, code: null, name: 'Шьёт' }]);
    expect((await t.value('skills.list', {})).find((s) => s.id === own.id)?.inUse).toBe(true);
    await t.value('volunteers.update', { id: v.id, data: volunteerInput({ skillIds: [] }) });
    expect((await t.value('skills.list', {})).find((s) => s.id === own.id)?.inUse).toBe(false);
  });

  it('are managed by coordination only; the front desk may read the list', async () => {
    const frontdesk = { id: 1, role: 'frontdesk' as const };
    expect(codeOf(await t.call('skills.create', { name: 'Шьёт' }, frontdesk))).toBe('forbidden');
    expect((await t.value('skills.list', {}, frontdesk)).length).toBe(BUILT_IN_SKILLS.length);
    expect(codeOf(await t.call('kinds.setSkills', { kindId: 1, skillIds: [] }, frontdesk))).toBe('forbidden');
  });
});

describe('kinds.setSkills', () => {
  it('replaces the skills a kind needs, for built-in and own kinds', async () => {
    const own = await t.value('catalogue.create', { name: 'Колка дров', isPaid: false, mode: 'volunteer' });
    const saw = await t.value('skills.create', { name: 'Колет дрова' });
    const wood = await skillId('carriesFirewood');
    expect(await t.value('kinds.skills', { kindId: own.id })).toEqual([]);
    expect(await t.value('kinds.setSkills', { kindId: own.id, skillIds: [saw.id, wood, wood] })).toEqual([wood, saw.id]);
    expect(await t.value('kinds.skills', { kindId: own.id })).toEqual([wood, saw.id]);
    expect(await t.value('kinds.setSkills', { kindId: own.id, skillIds: [saw.id] })).toEqual([saw.id]);
  });

  it('refuses unknown kinds and unknown or newly archived skills, and changes nothing', async () => {
    const firewood = await kindId('firewood');
    const wood = await skillId('carriesFirewood');
    const car = await skillId('hasCar');
    await t.value('skills.setArchived', { id: wood, archived: true });
    await t.value('skills.setArchived', { id: car, archived: true });
    const before = t.dump();
    expect(codeOf(await t.call('kinds.setSkills', { kindId: 999, skillIds: [] }))).toBe('notFound');
    expect(codeOf(await t.call('kinds.skills', { kindId: 999 }))).toBe('notFound');
    const env = await t.call('kinds.setSkills', { kindId: firewood, skillIds: [wood, 12345, car] });
    expect(!env.ok && env.error.fields).toEqual([
      { path: 'skillIds.1', message: 'validation.invalid' },
      { path: 'skillIds.2', message: 'validation.invalid' },
    ]);
    expect(t.dump()).toEqual(before);
    // An archived skill the kind already had may stay.
    expect(await t.value('kinds.setSkills', { kindId: firewood, skillIds: [wood] })).toEqual([wood]);
  });
});
